import type { LeadlineDatabase } from '@/lib/db/database';
import { backupToJson, createBackup, type RestoreSummary } from './backup';

export interface BackupFile {
  /** The backup as the JSON file the rep downloads. */
  blob: Blob;
  counts: RestoreSummary;
}

/**
 * A whole-database backup, read and written out as a file. Run in the backup worker, so reading and
 * stringifying 100,000 leads never holds the page (a Blob crosses back to the page without a copy).
 */
export async function buildBackupFile(db: LeadlineDatabase, now: number): Promise<BackupFile> {
  const backup = await createBackup(db, now);
  return {
    blob: new Blob([backupToJson(backup)], { type: 'application/json' }),
    counts: {
      leads: backup.leads.length,
      activities: backup.activities.length,
      reminders: backup.reminders.length,
      templates: backup.templates.length,
    },
  };
}
