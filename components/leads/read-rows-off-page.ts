/// <reference types="vite/client" />
// Vite's `?worker` import emits the worker as a file of the extension; blob: workers would be
// refused by the extension's content security policy.
import type { LeadRowReader } from '@/lib/db/lead-rows';
import { runDatabaseJob } from '../database-job';
import { leadRowsJob } from '../database-jobs';
import LeadRowsWorker from './lead-rows.worker.ts?worker';

/**
 * Every lead's row, read in a dedicated Worker and sent back a page at a time: the page only takes
 * in the rows, never decodes or collects the leads themselves.
 */
export const readRowsOffPage: LeadRowReader = (db, pageSize, onPage) => runDatabaseJob(db, () => new LeadRowsWorker(), leadRowsJob, { pageSize }, onPage);
