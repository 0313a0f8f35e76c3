import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { activitiesFor, saveOrMergeProspect } from '@/lib/db/leads';
import { addReminder, completeReminder, DuplicateReminderError, markReminderFired, openReminders, snoozeReminder } from '@/lib/db/reminders';
import { DAY } from '@/lib/followup/reminders';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const HOUR = 3_600_000;

describe('reminders in the database', () => {
  let db: LeadlineDatabase;
  let leadId: string;

  beforeEach(async () => {
    db = freshDatabase();
    const { lead } = await saveOrMergeProspect(db, { source: 'linkedin', fullName: 'Ana Bell', confidence: 0.9 }, NOW);
    leadId = lead.id;
  });

  afterEach(async () => {
    await db.delete();
  });

  it('sets the lead’s next follow-up to its earliest open reminder', async () => {
    await addReminder(db, { leadId, dueAt: NOW + 3 * DAY, note: 'Send the proposal' }, NOW);
    await addReminder(db, { leadId, dueAt: NOW + DAY }, NOW);
    expect((await db.leads.get(leadId))?.nextFollowUpAt).toBe(NOW + DAY);
    expect((await activitiesFor(db, leadId))[0]?.text).toMatch(/^Follow-up set for /);
  });

  it('moves the next follow-up on when the earliest is done, and clears it when none is left', async () => {
    const first = await addReminder(db, { leadId, dueAt: NOW + HOUR }, NOW);
    const second = await addReminder(db, { leadId, dueAt: NOW + DAY }, NOW);
    await completeReminder(db, first.id, NOW + 2 * HOUR);
    expect((await db.leads.get(leadId))?.nextFollowUpAt).toBe(NOW + DAY);
    await completeReminder(db, second.id, NOW + DAY);
    expect((await db.leads.get(leadId))?.nextFollowUpAt).toBeUndefined();
    expect(await openReminders(db)).toEqual([]);
  });

  it('snoozes a fired reminder by a day so it fires again', async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW }, NOW - HOUR);
    await markReminderFired(db, reminder.id, NOW);
    const snoozed = await snoozeReminder(db, reminder.id, NOW + HOUR);
    expect(snoozed).toMatchObject({ status: 'snoozed', dueAt: NOW + HOUR + DAY });
    expect(snoozed?.firedAt).toBeUndefined();
  });

  it('does not set the same reminder twice: the second, in the same minute, is refused and names the first', async () => {
    const first = await addReminder(db, { leadId, dueAt: NOW + DAY, note: 'Call' }, NOW);
    const twice = addReminder(db, { leadId, dueAt: NOW + DAY + 30_000, note: 'Call again' }, NOW);
    await expect(twice).rejects.toBeInstanceOf(DuplicateReminderError);
    await expect(twice).rejects.toMatchObject({ existing: first });
    expect(await db.reminders.count()).toBe(1);
    // A different time, or once the first is done, is a new reminder.
    await addReminder(db, { leadId, dueAt: NOW + DAY + 2 * 60_000 }, NOW);
    await completeReminder(db, first.id, NOW + 1);
    await addReminder(db, { leadId, dueAt: NOW + DAY }, NOW + 2);
    expect(await db.reminders.count()).toBe(3);
  });

  it('refuses a reminder for a lead that no longer exists, and writes nothing', async () => {
    await expect(addReminder(db, { leadId: 'gone', dueAt: NOW + DAY }, NOW)).rejects.toThrow('no longer exists');
    expect(await db.reminders.count()).toBe(0);
  });
});
