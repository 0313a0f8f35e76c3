/// <reference types="vite/client" />
// Vite's `?worker` import emits the worker as a file of the extension; blob: workers would be
// refused by the extension's content security policy.
import SearchWordsWorker from './search-words.worker.ts?worker';
import type { LeadlineDatabase } from '@/lib/db/database';
import { indexSearchWords } from '@/lib/db/search';

export type IndexingMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; indexed: number } | { type: 'failed' };

/**
 * Writes the search words an import left for later in a dedicated Worker, so the page stays free
 * while 90,000 leads are indexed (on the page's thread the pass came in pauses of up to ~150 ms).
 * Resolves with how many leads were indexed. A page closed meanwhile ends the worker between two
 * transactions at worst; the background's pass at the next start finishes the job. Where there is no
 * Worker (unit tests), indexes here instead.
 */
export function indexSearchWordsOffPage(db: LeadlineDatabase): Promise<number> {
  if (typeof Worker === 'undefined') return indexSearchWords(db);
  return new Promise<number>((resolve, reject) => {
    const worker = new SearchWordsWorker();
    worker.onmessage = (event: MessageEvent<IndexingMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return;
      worker.terminate();
      if (message.type === 'done') resolve(message.indexed);
      else reject(new Error('the worker could not write the search words'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the search words worker failed: ${event.message}`));
    };
    worker.postMessage({ dbName: db.name });
  });
}
