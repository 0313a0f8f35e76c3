// The dedicated Worker that reads every lead's table row off the page (emitted by Vite's `?worker`
// import as a file of the extension). It opens the same IndexedDB database the page uses.
import { LeadlineDatabase } from '@/lib/db/database';
import { readLeadRows } from '@/lib/db/lead-rows';
import type { LeadRowsMessage } from './read-rows-off-page';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ dbName: string; pageSize: number }>) => void) | null;
  postMessage(message: LeadRowsMessage): void;
};
scope.onmessage = (event) => {
  const db = new LeadlineDatabase(event.data.dbName);
  void readLeadRows(db, event.data.pageSize, (rows) => scope.postMessage({ type: 'rows', rows }))
    .then(() => scope.postMessage({ type: 'done' }))
    .catch((error: unknown) => {
      console.error('Leadline: could not read the leads for the table', error);
      scope.postMessage({ type: 'failed' });
    })
    .finally(() => db.close());
};
