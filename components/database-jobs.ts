// What each database worker runs, and what the page runs in its place where there is no Worker (unit
// tests). Kept apart from the `*-off-page.ts` modules, which import the workers themselves.
import { readLeadRows } from '@/lib/db/lead-rows';
import { indexSearchWords } from '@/lib/db/search';
import { buildBackupFile, type BackupFile } from '@/lib/io/backup-file';
import { buildExportFile, type ExportFile, type ExportRequest } from '@/lib/io/export-file';
import type { LeadRow } from '@/lib/model/lead-row';
import type { DatabaseJob } from './database-job';

export const backupJob: DatabaseJob<{ now: number }, never, BackupFile> = (db, { now }) => buildBackupFile(db, now);

export type ExportJobProgress = { done: number; total: number };

// Progress at most every 50 ms: a message per page of leads read would only keep the page re-rendering.
const PROGRESS_EVERY_MS = 50;

export const exportJob: DatabaseJob<ExportRequest, ExportJobProgress, ExportFile> = (db, request, progress) => {
  let last = -Infinity;
  return buildExportFile(db, request, (done, total) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && done < total) return;
    last = now;
    progress({ done, total });
  });
};

// Leads per transaction in the worker: nothing waits on its thread, so its transactions can be larger
// than a pass on the page would use (fewer, larger transactions write the same words sooner).
const WORKER_INDEX_BATCH = 500;

export const searchWordsJob: DatabaseJob<Record<string, never>, never, number> = (db) => indexSearchWords(db, { batchSize: WORKER_INDEX_BATCH });

/** The table's rows, sent back a page at a time as progress; the result is only that all were sent. */
export const leadRowsJob: DatabaseJob<{ pageSize: number }, LeadRow[], void> = (db, { pageSize }, progress) => readLeadRows(db, pageSize, progress);
