// The dedicated Worker that reads the leads in scope and writes the export file off the page
// (emitted by Vite's `?worker` import as a file of the extension). It opens the same IndexedDB
// database the page uses.
import { LeadlineDatabase } from '@/lib/db/database';
import { buildExportFile, type ExportRequest } from '@/lib/io/export-file';
import type { ExportMessage } from './export-off-page';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ dbName: string; request: ExportRequest }>) => void) | null;
  postMessage(message: ExportMessage): void;
};
// Progress at most every 50 ms: a message per page read would only keep the page busy re-rendering.
const PROGRESS_EVERY_MS = 50;

scope.onmessage = (event) => {
  const db = new LeadlineDatabase(event.data.dbName);
  let lastProgress = 0;
  void buildExportFile(db, event.data.request, (step, done, total) => {
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS && done < total) return;
    lastProgress = now;
    scope.postMessage({ type: 'progress', step, done, total });
  })
    .then((file) => scope.postMessage({ type: 'done', file }))
    .catch((error: unknown) => {
      console.error('Leadline: export failed', error);
      scope.postMessage({ type: 'failed' });
    })
    .finally(() => db.close());
};
