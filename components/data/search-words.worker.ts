// The dedicated Worker that writes an import's search words off the page (emitted by Vite's
// `?worker` import as a file of the extension). It opens the same IndexedDB database the page uses.
import { LeadlineDatabase } from '@/lib/db/database';
import { indexSearchWords } from '@/lib/db/search';
import type { IndexingMessage } from './index-off-page';

// Leads per transaction here: nothing waits on this thread, so a page can be larger than the
// page's own pass uses (fewer, larger transactions write the same words sooner).
const WORKER_INDEX_BATCH = 500;

const scope = self as unknown as { onmessage: ((event: MessageEvent<{ dbName: string }>) => void) | null; postMessage(message: IndexingMessage): void };
scope.onmessage = (event) => {
  const db = new LeadlineDatabase(event.data.dbName);
  void indexSearchWords(db, { batchSize: WORKER_INDEX_BATCH, onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total }) })
    .then((indexed) => scope.postMessage({ type: 'done', indexed }))
    .catch((error: unknown) => {
      console.error('Leadline: indexing leads for search failed', error);
      scope.postMessage({ type: 'failed' });
    })
    .finally(() => db.close());
};
