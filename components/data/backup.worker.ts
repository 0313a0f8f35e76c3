// The dedicated Worker that builds a backup off the page (emitted by Vite's `?worker` import as a
// file of the extension). It opens the same IndexedDB database the page uses.
import { LeadlineDatabase } from '@/lib/db/database';
import { buildBackupFile, type BackupFile } from '@/lib/io/backup-file';

export type BackupReply = ({ ok: true } & BackupFile) | { ok: false };

const scope = self as unknown as { onmessage: ((event: MessageEvent<{ dbName: string; now: number }>) => void) | null; postMessage(message: BackupReply): void };
scope.onmessage = (event) => {
  const db = new LeadlineDatabase(event.data.dbName);
  void buildBackupFile(db, event.data.now)
    .then((file) => scope.postMessage({ ok: true, ...file }))
    .catch((error: unknown) => {
      console.error('Leadline: backup failed', error);
      scope.postMessage({ ok: false });
    })
    .finally(() => db.close());
};
