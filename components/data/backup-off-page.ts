/// <reference types="vite/client" />
import type { LeadlineDatabase } from '@/lib/db/database';
import type { BackupFile } from '@/lib/io/backup-file';
import { runDatabaseJob } from '../database-job';
import { backupJob } from '../database-jobs';
import BackupWorker from './backup.worker.ts?worker';

/** Builds a backup file in a dedicated Worker (a Blob crosses back without a copy). */
export function backupOffPage(db: LeadlineDatabase, now: number): Promise<BackupFile> {
  return runDatabaseJob(db, () => new BackupWorker(), backupJob, { now });
}
