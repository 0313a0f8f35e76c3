/// <reference types="vite/client" />
// Vite's `?worker` import emits the worker as a file of the extension; blob: workers would be
// refused by the extension's content security policy.
import LeadRowsWorker from './lead-rows.worker.ts?worker';
import type { LeadlineDatabase } from '@/lib/db/database';
import { readLeadRows, type LeadRowReader } from '@/lib/db/lead-rows';
import type { LeadRow } from '@/lib/model/lead-row';

export type LeadRowsMessage = { type: 'rows'; rows: LeadRow[] } | { type: 'done' } | { type: 'failed' };

/**
 * Every lead's row, read in a dedicated Worker and sent back a page at a time: the page only takes
 * in the rows, never decodes or collects the leads themselves. Where there is no Worker (unit
 * tests), reads here instead.
 */
export const readRowsOffPage: LeadRowReader = (db: LeadlineDatabase, pageSize: number, onPage: (rows: LeadRow[]) => void) => {
  if (typeof Worker === 'undefined') return readLeadRows(db, pageSize, onPage);
  return new Promise<void>((resolve, reject) => {
    const worker = new LeadRowsWorker();
    const finish = (error?: Error) => {
      worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    worker.onmessage = (event: MessageEvent<LeadRowsMessage>) => {
      const message = event.data;
      if (message.type === 'rows') onPage(message.rows);
      else finish(message.type === 'done' ? undefined : new Error('the worker could not read the leads'));
    };
    worker.onerror = (event) => finish(new Error(`the lead rows worker failed: ${event.message}`));
    worker.postMessage({ dbName: db.name, pageSize });
  });
};
