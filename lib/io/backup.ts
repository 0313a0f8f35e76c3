import type { LeadlineDatabase } from '@/lib/db/database';
import { findLeadForDraft } from '@/lib/db/leads';
import { getOutcomeModel, getSettings, saveOutcomeModel, saveSettings } from '@/lib/db/settings';
import type { Settings } from '@/lib/model/settings';
import type { OutcomeModel } from '@/lib/qualify/learned-weights';
import { withDerivedKeys } from '@/lib/model/keys';
import type { Framework } from '@/lib/model/framework';
import type { Activity, Lead, Reminder } from '@/lib/model/lead';

export const BACKUP_FORMAT = 'leadline-backup';
/** 2: the rep's settings and learned score weights are in the backup too (version 1 files still restore). */
export const BACKUP_VERSION = 2;

/** The rep's settings as a backup carries them: own addresses, spend and currency, default framework, learned weights. */
export interface BackupSettings {
  settings: Settings;
  outcomeModel?: OutcomeModel;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
  leads: Lead[];
  activities: Activity[];
  reminders: Reminder[];
  templates: Framework[];
  /** Absent in a version 1 backup: restoring one leaves the settings as they are. */
  settings?: BackupSettings;
}

export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; errors: string[] };

export type RestoreMode = 'replace' | 'merge';

export interface RestoreSummary {
  leads: number;
  activities: number;
  reminders: number;
  templates: number;
}

/** A whole-database snapshot, read in one transaction so it is consistent. */
export async function createBackup(db: LeadlineDatabase, now: number): Promise<Backup> {
  return db.transaction('r', [db.leads, db.activities, db.reminders, db.templates, db.settings], async () => {
    const outcomeModel = await getOutcomeModel(db);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      leads: await db.leads.toArray(),
      activities: await db.activities.toArray(),
      reminders: await db.reminders.toArray(),
      templates: await db.templates.toArray(),
      settings: { settings: await getSettings(db), ...(outcomeModel ? { outcomeModel } : {}) },
    };
  });
}

export function backupToJson(backup: Backup): string {
  return JSON.stringify(backup);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** e.g. "leadline-backup-2025-03-07.json", dated in the rep's own time zone. */
export function backupFileName(now: Date): string {
  return `leadline-backup-${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}.json`;
}

export class RestoreError extends Error {
  constructor(cause: unknown) {
    // Worded for the rep where it is shown (BackupSection): this module runs in the backup worker too,
    // which cannot read the browser's messages.
    super('The backup could not be restored, so nothing was changed.', {
      cause,
    });
    this.name = 'RestoreError';
  }
}

/**
 * Writes a parsed backup in ONE transaction over every table: if anything fails, IndexedDB rolls
 * the whole restore back and the database is exactly as it was.
 *
 * - replace: the database becomes the backup.
 * - merge: the backup is added to what is there. A lead that exists in both (same id, or the same
 *   person by the dedupe keys) keeps whichever copy was updated last, and its activities and
 *   reminders follow it; activities already present are not added twice; an existing reminder or
 *   checklist template with the same id is kept.
 */
export async function restoreBackup(db: LeadlineDatabase, backup: Backup, mode: RestoreMode): Promise<RestoreSummary> {
  try {
    return await db.transaction('rw', [db.leads, db.activities, db.reminders, db.templates, db.settings], async () => {
      const summary = await (mode === 'replace' ? replaceAll(db, backup) : mergeInto(db, backup));
      await restoreSettings(db, backup.settings, mode);
      return summary;
    });
  } catch (error) {
    console.error('Leadline: restore failed and was rolled back', error);
    throw new RestoreError(error);
  }
}

/**
 * Replace: the backup's settings and learned weights become the rep's. Merge: the settings here stay,
 * and the backup's own addresses are added to them (an address of the rep's is never one to capture).
 */
async function restoreSettings(db: LeadlineDatabase, saved: BackupSettings | undefined, mode: RestoreMode): Promise<void> {
  if (!saved) return;
  if (mode === 'replace') {
    await saveSettings(db, saved.settings);
    await saveOutcomeModel(db, saved.outcomeModel);
    return;
  }
  const current = await getSettings(db);
  const addresses = [...new Set([...current.ownAddresses, ...saved.settings.ownAddresses])].slice(0, 50);
  if (addresses.length !== current.ownAddresses.length) await saveSettings(db, { ownAddresses: addresses });
}

async function replaceAll(db: LeadlineDatabase, backup: Backup): Promise<RestoreSummary> {
  await Promise.all([db.leads.clear(), db.activities.clear(), db.reminders.clear(), db.templates.clear()]);
  await db.leads.bulkAdd(backup.leads.map((lead) => withDerivedKeys(lead)));
  await db.activities.bulkAdd(backup.activities);
  await db.reminders.bulkAdd(backup.reminders);
  await db.templates.bulkAdd(backup.templates);
  return {
    leads: backup.leads.length,
    activities: backup.activities.length,
    reminders: backup.reminders.length,
    templates: backup.templates.length,
  };
}

async function mergeInto(db: LeadlineDatabase, backup: Backup): Promise<RestoreSummary> {
  const summary: RestoreSummary = { leads: 0, activities: 0, reminders: 0, templates: 0 };
  // Backup lead id → the id that lead has in this database.
  const idMap = new Map<string, string>();

  for (const incoming of backup.leads) {
    // Keys and search words are recomputed, so a backup from an older version is indexed right.
    const lead = withDerivedKeys(incoming);
    const existing = (await db.leads.get(lead.id)) ?? (await findLeadForDraft(db, lead));
    if (!existing) {
      await db.leads.add(lead);
      idMap.set(lead.id, lead.id);
      summary.leads++;
      continue;
    }
    idMap.set(lead.id, existing.id);
    if (lead.updatedAt > existing.updatedAt) {
      await db.leads.put({ ...lead, id: existing.id });
      summary.leads++;
    }
  }

  for (const activity of backup.activities) {
    const leadId = idMap.get(activity.leadId) ?? activity.leadId;
    const twin = await db.activities
      .where('leadId')
      .equals(leadId)
      .filter((a) => a.at === activity.at && a.kind === activity.kind && a.text === activity.text)
      .count();
    if (twin > 0) continue;
    // Activity ids are per-database counters: the backup's may belong to another activity here.
    const { id: _id, ...rest } = activity;
    await db.activities.add({ ...rest, leadId });
    summary.activities++;
  }

  for (const reminder of backup.reminders) {
    if (await db.reminders.get(reminder.id)) continue;
    await db.reminders.add({ ...reminder, leadId: idMap.get(reminder.leadId) ?? reminder.leadId });
    summary.reminders++;
  }

  for (const template of backup.templates) {
    if (await db.templates.get(template.id)) continue;
    await db.templates.add(template);
    summary.templates++;
  }
  return summary;
}
