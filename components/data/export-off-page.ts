/// <reference types="vite/client" />
// Vite's `?worker` import emits the worker as a file of the extension; blob: workers would be
// refused by the extension's content security policy.
import type { LeadlineDatabase } from '@/lib/db/database';
import type { OnProgress } from '@/lib/io/chunked';
import type { ExportFile, ExportRequest } from '@/lib/io/export-file';
import { runDatabaseJob } from '../database-job';
import { exportJob } from '../database-jobs';
import ExportWorker from './export.worker.ts?worker';

/**
 * Builds an export file in a dedicated Worker: on the page, reading 100,000 leads came in pauses of
 * up to ~120 ms (npm run bench).
 */
export function exportOffPage(db: LeadlineDatabase, request: ExportRequest, onProgress?: OnProgress): Promise<ExportFile> {
  return runDatabaseJob(db, () => new ExportWorker(), exportJob, request, (progress) => onProgress?.(progress.done, progress.total));
}
