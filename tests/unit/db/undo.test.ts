import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import type { LeadlineDatabase } from '@/lib/db/database';
import { deleteLeads, saveOrMergeProspect, setStage } from '@/lib/db/leads';
import { addReminder, completeReminder } from '@/lib/db/reminders';
import { latestUndo, undoChange, UndoRefusedError } from '@/lib/db/undo';
import { UNDO_WINDOW_MS } from '@/lib/model/undo';
import type { NormalisedDraft } from '@/lib/model/normalise';

const T0 = Date.UTC(2026, 1, 2, 9);
const HOUR = 3_600_000;

const draft = (name: string, email: string): NormalisedDraft => ({ source: 'gmail', fullName: name, email, context: `Email: Hello from ${name}`, confidence: 0.9 });

async function everything(db: LeadlineDatabase) {
  return {
    leads: await db.leads.orderBy('id').toArray(),
    activities: await db.activities.orderBy('id').toArray(),
    reminders: await db.reminders.orderBy('id').toArray(),
  };
}

describe('undo', () => {
  let db: LeadlineDatabase;
  useFreshDatabase((fresh) => (db = fresh));

  async function twoLeadsWithHistory() {
    const ana = (await saveOrMergeProspect(db, draft('Ana Bell', 'ana@acme.io'), T0)).lead;
    const bo = (await saveOrMergeProspect(db, draft('Bo Chen', 'bo@acme.io'), T0)).lead;
    await addReminder(db, { leadId: ana.id, dueAt: T0 + 24 * HOUR, note: 'Send pricing' }, T0);
    await setStage(db, ana.id, 'contacted', T0 + 1);
    return { ana, bo };
  }

  it('a deletion removes the leads with every activity and reminder, and its undo puts back exactly the same records', async () => {
    const { ana, bo } = await twoLeadsWithHistory();
    const before = await everything(db);

    const outcome = await deleteLeads(db, [ana.id, bo.id, 'not-there'], T0 + HOUR);

    expect(outcome).toMatchObject({ deleted: 2, reminders: 1 });
    expect(await everything(db)).toEqual({ leads: [], activities: [], reminders: [] });
    expect(outcome.undo?.label).toBe('Deleted 2 leads.');
    const undone = await undoChange(db, outcome.undo!.id, T0 + HOUR + 1_000);
    expect(undone).toEqual({ kind: 'delete', message: 'Restored 2 leads.', remindersChanged: true });
    expect(await everything(db)).toEqual(before);
    expect(await latestUndo(db, T0 + HOUR + 2_000)).toBeUndefined();
  });

  it('keeps only the latest change to take back', async () => {
    const { ana, bo } = await twoLeadsWithHistory();
    const first = await deleteLeads(db, [ana.id], T0 + HOUR);
    const second = await deleteLeads(db, [bo.id], T0 + HOUR + 1);
    expect((await latestUndo(db, T0 + HOUR + 2))?.id).toBe(second.undo!.id);
    await expect(undoChange(db, first.undo!.id, T0 + HOUR + 2)).rejects.toThrow(UndoRefusedError);
  });

  it('refuses once the time is up, and changes nothing', async () => {
    const { ana } = await twoLeadsWithHistory();
    const { undo } = await deleteLeads(db, [ana.id], T0 + HOUR);
    expect(await latestUndo(db, T0 + HOUR + UNDO_WINDOW_MS - 1)).toBeDefined();
    expect(await latestUndo(db, T0 + HOUR + UNDO_WINDOW_MS)).toBeUndefined();
    await expect(undoChange(db, undo!.id, T0 + HOUR + UNDO_WINDOW_MS)).rejects.toThrow(UndoRefusedError);
    expect(await db.leads.get(ana.id)).toBeUndefined();
  });

  it('does not bring back a deleted lead that was captured again since: that would make a twin', async () => {
    const { ana } = await twoLeadsWithHistory();
    const { undo } = await deleteLeads(db, [ana.id], T0 + HOUR);
    await saveOrMergeProspect(db, draft('Ana Bell', 'ana@acme.io'), T0 + HOUR + 10);
    const after = await everything(db);
    await expect(undoChange(db, undo!.id, T0 + HOUR + 20)).rejects.toThrow(/Ana Bell was saved again after the deletion/);
    expect(await everything(db)).toEqual(after);
  });

  it('reopens a follow-up marked done and removes the "done" line from its log', async () => {
    const { ana } = await twoLeadsWithHistory();
    const before = await everything(db);
    const [reminder] = before.reminders;
    await completeReminder(db, reminder!.id, T0 + 2 * HOUR);
    const undo = await latestUndo(db, T0 + 2 * HOUR);
    expect(undo?.label).toBe('Follow-up with Ana Bell marked done.');

    expect(await undoChange(db, undo!.id, T0 + 2 * HOUR + 1)).toMatchObject({ kind: 'reminder-done', remindersChanged: true, leadId: ana.id });
    const after = await everything(db);
    expect(after.reminders).toEqual(before.reminders);
    expect(after.activities).toEqual(before.activities);
    expect(after.leads[0]?.nextFollowUpAt).toBe(before.leads[0]?.nextFollowUpAt);
  });

  it('reverses a stage change, its history and its log line', async () => {
    const { ana } = await twoLeadsWithHistory();
    const before = await everything(db);
    await setStage(db, ana.id, 'disqualified', T0 + 3 * HOUR, 'No budget');
    const undo = await latestUndo(db, T0 + 3 * HOUR);
    expect(undo?.label).toBe('Ana Bell: Contacted → Disqualified.');

    await undoChange(db, undo!.id, T0 + 3 * HOUR + 1);
    const after = await everything(db);
    expect(after.activities).toEqual(before.activities);
    const restored = after.leads.find((lead) => lead.id === ana.id);
    const original = before.leads.find((lead) => lead.id === ana.id);
    expect(restored).toMatchObject({ stage: 'contacted', stageHistory: original!.stageHistory });
  });

  it('writes no undo for a stage set to what it already is', async () => {
    const { bo } = await twoLeadsWithHistory();
    const previous = await latestUndo(db, T0 + 2);
    await setStage(db, bo.id, 'new', T0 + 5);
    expect((await latestUndo(db, T0 + 6))?.id).toBe(previous?.id);
  });
});
