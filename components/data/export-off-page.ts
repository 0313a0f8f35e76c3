/// <reference types="vite/client" />
// Vite's `?worker` import emits the worker as a file of the extension; blob: workers would be
// refused by the extension's content security policy.
import ExportWorker from './export.worker.ts?worker';
import type { LeadlineDatabase } from '@/lib/db/database';
import { buildExportFile, type ExportFile, type ExportProgress, type ExportRequest } from '@/lib/io/export-file';

export type ExportMessage =
  | { type: 'progress'; step: Parameters<ExportProgress>[0]; done: number; total: number }
  | { type: 'done'; file: ExportFile }
  | { type: 'failed' };

/**
 * Builds an export file in a dedicated Worker: on the page, reading 100,000 leads came in pauses of
 * up to ~120 ms (npm run bench). Where there is no Worker (unit tests), builds it here instead.
 */
export function exportOffPage(db: LeadlineDatabase, request: ExportRequest, onProgress?: ExportProgress): Promise<ExportFile> {
  if (typeof Worker === 'undefined') return buildExportFile(db, request, onProgress);
  return new Promise<ExportFile>((resolve, reject) => {
    const worker = new ExportWorker();
    worker.onmessage = (event: MessageEvent<ExportMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.step, message.done, message.total);
        return;
      }
      worker.terminate();
      if (message.type === 'done') resolve(message.file);
      else reject(new Error('the export worker could not write the file'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the export worker failed: ${event.message}`));
    };
    worker.postMessage({ dbName: db.name, request });
  });
}
