import type { LeadlineDatabase } from './database';
import { findLeadForDraft } from './leads';
import type { Activity, Lead, Reminder } from '@/lib/model/lead';

/**
 * Deleting many leads from the table, and taking it back. This is the one seam between the table and
 * deletion: issue 10 brings deletion with an undo kept in the database (restoring the same ids,
 * history and reminders, for two minutes, across windows); once it lands, these two functions call
 * it and nothing else in the table changes. Until then the snapshot an undo needs is held by the page.
 */

/** Everything a bulk deletion removed, ids included, so an undo puts back exactly what was there. */
export interface DeletedLeads {
  leads: Lead[];
  activities: Activity[];
  reminders: Reminder[];
}

export type BulkProgress = (done: number, total: number) => void;

/** Leads deleted per transaction: a failure part way loses nothing it has not also recorded for the undo. */
const BATCH = 500;

/** Deletes these leads with their activities and reminders, in batches; returns what an undo needs. */
export async function deleteLeadsWithUndo(db: LeadlineDatabase, ids: readonly string[], onProgress?: BulkProgress): Promise<DeletedLeads> {
  const deleted: DeletedLeads = { leads: [], activities: [], reminders: [] };
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = await db.transaction('rw', db.leads, db.activities, db.reminders, async () => {
      const leads = (await db.leads.bulkGet(ids.slice(start, start + BATCH))).filter((lead): lead is Lead => lead !== undefined);
      const leadIds = leads.map((lead) => lead.id);
      // One lookup per lead, sent together: Chromium walks anyOf() with a cursor that waits on every jump.
      const activities = (await Promise.all(leadIds.map((id) => db.activities.where('leadId').equals(id).toArray()))).flat();
      const reminders = (await Promise.all(leadIds.map((id) => db.reminders.where('leadId').equals(id).toArray()))).flat();
      await db.activities.bulkDelete(activities.map((activity) => activity.id!));
      await db.reminders.bulkDelete(reminders.map((reminder) => reminder.id));
      await db.leads.bulkDelete(leadIds);
      return { leads, activities, reminders };
    });
    deleted.leads.push(...batch.leads);
    deleted.activities.push(...batch.activities);
    deleted.reminders.push(...batch.reminders);
    onProgress?.(Math.min(start + BATCH, ids.length), ids.length);
  }
  return deleted;
}

/** What an undo of a deletion did. */
export interface RestoreOutcome {
  restored: number;
  /** Leads saved again since the deletion (re-captured): bringing the old copy back would make a twin. */
  savedAgain: string[];
  /** Whether reminders came back, so alarms and the badge must follow. */
  remindersBack: boolean;
}

/** Puts deleted leads back exactly as they were (same ids, activity and reminders), except any saved again since. */
export async function restoreDeletedLeads(db: LeadlineDatabase, deleted: DeletedLeads, onProgress?: BulkProgress): Promise<RestoreOutcome> {
  const outcome: RestoreOutcome = { restored: 0, savedAgain: [], remindersBack: false };
  for (let start = 0; start < deleted.leads.length; start += BATCH) {
    const leads = deleted.leads.slice(start, start + BATCH);
    await db.transaction('rw', db.leads, db.activities, db.reminders, async () => {
      const back: Lead[] = [];
      for (const lead of leads) {
        const twin = (await db.leads.get(lead.id)) ?? (await findLeadForDraft(db, lead));
        if (twin) outcome.savedAgain.push(lead.fullName);
        else back.push(lead);
      }
      const ids = new Set(back.map((lead) => lead.id));
      const reminders = deleted.reminders.filter((reminder) => ids.has(reminder.leadId));
      await db.leads.bulkAdd(back);
      await db.activities.bulkAdd(deleted.activities.filter((activity) => ids.has(activity.leadId)));
      await db.reminders.bulkAdd(reminders);
      outcome.restored += back.length;
      if (reminders.length > 0) outcome.remindersBack = true;
    });
    onProgress?.(Math.min(start + BATCH, deleted.leads.length), deleted.leads.length);
  }
  return outcome;
}
