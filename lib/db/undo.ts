import type { LeadlineDatabase } from './database';
import { findLeadForDraft, loadScoringContext } from './leads';
import { refreshNextFollowUp } from './reminders';
import { latestUndo } from './undo-log';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { finaliseLead } from '@/lib/qualify/finalise-lead';
import { stageLabel } from '@/lib/model/stage';
import { UndoEntrySchema, type UndoChange } from '@/lib/model/undo';

export { dismissUndo, latestUndo } from './undo-log';

/**
 * Why a change could not be taken back, in the rep's words: too late, or a deleted lead was saved
 * again since. The undo bar shows the message as it is (other failures are described as storage errors).
 */
export class UndoRefusedError extends Error {
  constructor(message: string = t('popup.undo.expired')) {
    super(message);
    this.name = 'UndoRefusedError';
  }
}

export type UndoOutcome = {
  kind: UndoChange['kind'];
  /** What was put back, in words: "Restored Ana Bell." */
  message: string;
  /** The lead the rep can go back to, when one was restored or changed back. */
  leadId?: string;
  /** Reminders came back or reopened: alarms and the badge must follow. */
  remindersChanged: boolean;
};

/**
 * Takes back the change recorded as `id`, exactly: a deleted lead comes back with the same id,
 * history and reminders; a follow-up marked done reopens as it was; a stage change is reversed and
 * its log line removed. One transaction: it all comes back or nothing does.
 */
export async function undoChange(db: LeadlineDatabase, id: string, now: number): Promise<UndoOutcome> {
  return db.transaction('rw', [db.undo, db.leads, db.activities, db.reminders, db.templates, db.settings], async () => {
    const stored = await db.undo.get(id);
    const parsed = stored && stored.expiresAt > now ? UndoEntrySchema.safeParse(stored) : undefined;
    if (!parsed?.success) throw new UndoRefusedError();
    const outcome = await putBack(db, parsed.data.change, now);
    await db.undo.delete(id);
    return outcome;
  });
}

async function putBack(db: LeadlineDatabase, change: UndoChange, now: number): Promise<UndoOutcome> {
  switch (change.kind) {
    case 'delete': {
      for (const lead of change.leads) {
        // Saved again since (the rep re-captured the profile): bringing the old copy back would make a twin.
        const twin = (await db.leads.get(lead.id)) ?? (await findLeadForDraft(db, lead));
        if (twin) {
          throw new UndoRefusedError(t('popup.undo.savedAgain', { name: lead.fullName }));
        }
      }
      await db.leads.bulkAdd(change.leads);
      await db.activities.bulkAdd(change.activities);
      await db.reminders.bulkAdd(change.reminders);
      const [only] = change.leads;
      return {
        kind: change.kind,
        message:
          change.leads.length === 1 && only
            ? t('popup.undo.restored', { name: only.fullName })
            : t('popup.undo.restoredMany', change.leads.length, [uiFormats().count(change.leads.length)]),
        ...(change.leads.length === 1 && only ? { leadId: only.id } : {}),
        remindersChanged: change.reminders.length > 0,
      };
    }
    case 'reminder-done': {
      const lead = await db.leads.get(change.reminder.leadId);
      if (!lead) throw new UndoRefusedError();
      await db.reminders.put(change.reminder);
      if (change.activityId !== undefined) await db.activities.delete(change.activityId);
      await refreshNextFollowUp(db, change.reminder.leadId);
      return { kind: change.kind, message: t('popup.undo.reopened', { name: lead.fullName }), leadId: lead.id, remindersChanged: true };
    }
    case 'stage': {
      const lead = await db.leads.get(change.leadId);
      if (!lead) throw new UndoRefusedError();
      if (change.activityId !== undefined) await db.activities.delete(change.activityId);
      const restored = { ...lead, stage: change.stage, stageHistory: change.stageHistory, updatedAt: now };
      await db.leads.put(finaliseLead(restored, now, await loadScoringContext(db, lead.id)));
      return { kind: change.kind, message: t('popup.undo.backInStage', { name: lead.fullName, stage: stageLabel(change.stage) }), leadId: lead.id, remindersChanged: false };
    }
  }
}

/** Undoes whatever can still be undone at `now` (the toast's Undo button); undefined when nothing can. */
export async function undoLatest(db: LeadlineDatabase, now: number): Promise<UndoOutcome | undefined> {
  const entry = await latestUndo(db, now);
  return entry ? undoChange(db, entry.id, now) : undefined;
}
