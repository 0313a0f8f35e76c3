/// <reference types="vite/client" />
// Vite's `?worker` import emits the worker as a file of the extension; blob: workers would be
// refused by the extension's content security policy.
import type { LeadlineDatabase } from '@/lib/db/database';
import { runDatabaseJob } from '../database-job';
import { searchWordsJob } from '../database-jobs';
import SearchWordsWorker from './search-words.worker.ts?worker';

/**
 * Writes the search words an import left for later in a dedicated Worker, so the page stays free
 * while 90,000 leads are indexed (on the page's thread the pass came in pauses of up to ~150 ms).
 * Resolves with how many leads were indexed. A page closed meanwhile ends the worker between two
 * transactions at worst; the background's pass at the next start finishes the job.
 */
export function indexSearchWordsOffPage(db: LeadlineDatabase): Promise<number> {
  return runDatabaseJob(db, () => new SearchWordsWorker(), searchWordsJob, {});
}
