/// <reference types="vite/client" />
import type { LeadlineDatabase } from '@/lib/db/database';
import { buildBackupFile, type BackupFile } from '@/lib/io/backup-file';
import BackupWorker from './backup.worker.ts?worker';
import type { BackupReply } from './backup.worker';

/** Builds a backup file in a dedicated Worker; where there is no Worker (unit tests), here instead. */
export function backupOffPage(db: LeadlineDatabase, now: number): Promise<BackupFile> {
  if (typeof Worker === 'undefined') return buildBackupFile(db, now);
  return new Promise((resolve, reject) => {
    const worker = new BackupWorker();
    worker.onmessage = (event: MessageEvent<BackupReply>) => {
      worker.terminate();
      if (event.data.ok) resolve({ blob: event.data.blob, counts: event.data.counts });
      else reject(new Error('The backup worker could not read the database'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The backup worker failed: ${event.message}`));
    };
    worker.postMessage({ dbName: db.name, now });
  });
}
