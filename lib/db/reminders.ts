import type { LeadlineDatabase } from './database';
import { LeadGoneError } from './errors';
import { addActivity } from './leads';
import { recordUndo, reminderDoneLabel } from './undo-log';
import { complete, snooze, markFired, DAY } from '@/lib/followup/reminders';
import { LIMITS, cleanMultiline } from '@/lib/model/text';
import { ReminderSchema, type Reminder } from '@/lib/model/lead';
import { logEntry, type ActivityEvent } from '@/lib/model/activity-event';

const OPEN = ['pending', 'snoozed'] as const;

const setEvent = (dueAt: number, note: string): ActivityEvent => ({ type: 'followUpSet', dueAt, ...(note ? { note } : {}) });

/** Keeps the lead's nextFollowUpAt equal to its earliest open reminder. Call inside a transaction. */
export async function refreshNextFollowUp(db: LeadlineDatabase, leadId: string): Promise<void> {
  const open = await db.reminders.where('leadId').equals(leadId).filter((r) => r.status !== 'done').sortBy('dueAt');
  const lead = await db.leads.get(leadId);
  if (!lead) return;
  const next = open[0]?.dueAt;
  if (lead.nextFollowUpAt === next) return;
  const { nextFollowUpAt: _previous, ...rest } = lead;
  await db.leads.put(next === undefined ? rest : { ...rest, nextFollowUpAt: next });
}

/** Two reminders for one lead within this of each other are the same reminder set twice. */
const SAME_TIME_MS = 60 * 1000;

/** Setting a reminder the lead already has (same time, to the minute): nothing is added, the rep is told. */
export class DuplicateReminderError extends Error {
  constructor(readonly existing: Reminder) {
    super('This lead already has a reminder at that time.');
    this.name = 'DuplicateReminderError';
  }
}

export async function addReminder(
  db: LeadlineDatabase,
  input: { leadId: string; dueAt: number; note?: string },
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Promise<Reminder> {
  const reminder = ReminderSchema.parse({
    id: newId(),
    leadId: input.leadId,
    dueAt: input.dueAt,
    note: cleanMultiline(input.note ?? '').slice(0, LIMITS.note),
    status: 'pending',
  });
  return db.transaction('rw', db.reminders, db.leads, db.activities, async () => {
    if (!(await db.leads.get(input.leadId))) throw new LeadGoneError();
    const twin = await db.reminders
      .where('leadId')
      .equals(input.leadId)
      .filter((r) => r.status !== 'done' && Math.abs(r.dueAt - reminder.dueAt) < SAME_TIME_MS)
      .first();
    if (twin) throw new DuplicateReminderError(twin);
    await db.reminders.add(reminder);
    await refreshNextFollowUp(db, input.leadId);
    await addActivity(db, { leadId: input.leadId, at: now, ...logEntry(setEvent(reminder.dueAt, reminder.note)) });
    return reminder;
  });
}

/** Leads given a reminder per transaction by addReminderToLeads. */
const BULK_BATCH = 250;

/**
 * The same follow-up (time and note) for each of these leads, as "Remind me" on each would set it, in
 * batches. Leads deleted meanwhile are skipped. Returns how many reminders were added.
 */
export async function addReminderToLeads(
  db: LeadlineDatabase,
  leadIds: readonly string[],
  input: { dueAt: number; note?: string },
  now: number,
  onProgress?: (done: number, total: number) => void,
  newId: () => string = () => crypto.randomUUID(),
): Promise<number> {
  const note = cleanMultiline(input.note ?? '').slice(0, LIMITS.note);
  let added = 0;
  for (let start = 0; start < leadIds.length; start += BULK_BATCH) {
    const ids = leadIds.slice(start, start + BULK_BATCH);
    added += await db.transaction('rw', db.reminders, db.leads, db.activities, async () => {
      const leads = (await db.leads.bulkGet([...ids])).filter((lead) => lead !== undefined);
      const reminders = leads.map((lead) => ReminderSchema.parse({ id: newId(), leadId: lead.id, dueAt: input.dueAt, note, status: 'pending' }));
      await db.reminders.bulkAdd(reminders);
      // The lead's next follow-up is its earliest open reminder; a new one can only bring it forward.
      const earlier = leads.filter((lead) => lead.nextFollowUpAt === undefined || input.dueAt < lead.nextFollowUpAt);
      await db.leads.bulkPut(earlier.map((lead) => ({ ...lead, nextFollowUpAt: input.dueAt })));
      const entry = logEntry(setEvent(input.dueAt, note));
      await db.activities.bulkAdd(leads.map((lead) => ({ leadId: lead.id, at: now, ...entry })));
      return reminders.length;
    });
    onProgress?.(Math.min(start + BULK_BATCH, leadIds.length), leadIds.length);
  }
  return added;
}

async function changeReminder(
  db: LeadlineDatabase,
  id: string,
  change: (reminder: Reminder) => Reminder,
  activityEvent?: (reminder: Reminder) => ActivityEvent,
  now?: number,
): Promise<{ before: Reminder; after: Reminder; activityId?: number } | undefined> {
  return db.transaction('rw', db.reminders, db.leads, db.activities, async () => {
    const before = await db.reminders.get(id);
    if (!before) return undefined;
    const after = ReminderSchema.parse(change(before));
    await db.reminders.put(after);
    await refreshNextFollowUp(db, after.leadId);
    if (activityEvent && now !== undefined) {
      const activityId = await addActivity(db, { leadId: after.leadId, at: now, ...logEntry(activityEvent(after)) });
      return { before, after, activityId };
    }
    return { before, after };
  });
}

/** Marks a follow-up done; the rep can undo it (the reminder as it was is kept with the activity logged). */
export async function completeReminder(db: LeadlineDatabase, id: string, now: number): Promise<Reminder | undefined> {
  return db.transaction('rw', [db.reminders, db.leads, db.activities, db.undo], async () => {
    const changed = await changeReminder(db, id, (r) => complete(r, now), (r) => ({ type: 'followUpDone', ...(r.note ? { note: r.note } : {}) }), now);
    if (!changed || changed.before.status === 'done') return changed?.after;
    const lead = await db.leads.get(changed.after.leadId);
    await recordUndo(
      db,
      reminderDoneLabel(lead?.fullName),
      { kind: 'reminder-done', reminder: changed.before, ...(changed.activityId !== undefined ? { activityId: changed.activityId } : {}) },
      now,
    );
    return changed.after;
  });
}

export async function snoozeReminder(db: LeadlineDatabase, id: string, now: number, ms = DAY): Promise<Reminder | undefined> {
  return (await changeReminder(db, id, (r) => snooze(r, now, ms), (r) => ({ type: 'followUpSnoozed', dueAt: r.dueAt }), now))?.after;
}

export async function markReminderFired(db: LeadlineDatabase, id: string, now: number): Promise<Reminder | undefined> {
  return (await changeReminder(db, id, (r) => markFired(r, now)))?.after;
}

export function openReminders(db: LeadlineDatabase): Promise<Reminder[]> {
  return db.reminders.where('status').anyOf([...OPEN]).sortBy('dueAt');
}

export function remindersForLead(db: LeadlineDatabase, leadId: string): Promise<Reminder[]> {
  return db.reminders.where('leadId').equals(leadId).sortBy('dueAt');
}
