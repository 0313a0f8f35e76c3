import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import { setStageOfLeads, undoStageOfLeads } from '@/lib/db/bulk-leads';
import { addActivity, setStage } from '@/lib/db/leads';
import { addReminder, addReminderToLeads } from '@/lib/db/reminders';
import { withDerivedKeys } from '@/lib/model/keys';
import { makeLead } from '../io/lead-factory';

const T = Date.UTC(2025, 2, 3, 9, 0);
const DAY = 86_400_000;
const database = useFreshDatabase();

async function storeLeads(count: number, stage: 'new' | 'qualified' = 'new') {
  const leads = Array.from({ length: count }, (_, n) =>
    withDerivedKeys(makeLead({ id: `lead-${String(n).padStart(4, '0')}`, fullName: `Person ${n}`, title: 'CEO', stage, createdAt: T + n, capturedAt: T + n })),
  );
  await database().leads.bulkAdd(leads);
  return leads;
}

describe('changing the stage of many leads', () => {
  it('moves every lead across batches, logs each move and reports progress', async () => {
    const db = database();
    const leads = await storeLeads(600);
    const progress: number[] = [];

    const change = await setStageOfLeads(db, leads.map((l) => l.id), 'contacted', T + DAY, (done) => progress.push(done));

    expect(change).toMatchObject({ stage: 'contacted', changed: 600, unchanged: 0, missing: 0 });
    // The first batch is the largest; later ones are sized from how long scoring took (see bulk-leads.ts).
    expect(progress[0]).toBe(250);
    expect(progress.at(-1)).toBe(600);
    expect(progress.every((done, i) => i === 0 || done > progress[i - 1]!)).toBe(true);
    const stored = await db.leads.toArray();
    expect(stored.every((lead) => lead.stage === 'contacted' && lead.updatedAt === T + DAY)).toBe(true);
    expect(stored[0]!.stageHistory.at(-1)).toEqual({ stage: 'contacted', at: T + DAY });
    expect(await db.activities.where('leadId').equals('lead-0007').toArray()).toEqual([
      expect.objectContaining({ kind: 'stage', text: 'Stage: New → Contacted', at: T + DAY }),
    ]);
  });

  it('rescores as a single stage change would: a disqualified lead scores 0', async () => {
    const db = database();
    const [lead] = await storeLeads(1);
    await setStageOfLeads(db, [lead!.id], 'disqualified', T + DAY);
    expect((await db.leads.get(lead!.id))?.score).toBe(0);
  });

  it('scores a lead as a single stage change would, counting the engagement it already had', async () => {
    const db = database();
    await storeLeads(2);
    for (const id of ['lead-0000', 'lead-0001']) await addActivity(db, { leadId: id, kind: 'email', at: T, text: 'Re: pricing' });

    await setStage(db, 'lead-0000', 'contacted', T + DAY);
    await setStageOfLeads(db, ['lead-0001'], 'contacted', T + DAY);

    const [single, bulk] = await db.leads.bulkGet(['lead-0000', 'lead-0001']);
    expect(bulk?.scoreReasons).toEqual(single?.scoreReasons);
    expect(bulk?.score).toBe(single?.score);
    expect(bulk?.scoreReasons.map((r) => r.text)).toContainEqual(expect.stringMatching(/2 activities, last contact today/));
  });

  it('leaves leads already in the stage alone, and skips leads deleted meanwhile', async () => {
    const db = database();
    await storeLeads(2, 'qualified');
    const change = await setStageOfLeads(db, ['lead-0000', 'lead-0001', 'gone'], 'qualified', T + DAY);
    expect(change).toMatchObject({ changed: 0, unchanged: 2, missing: 1, before: [] });
    expect(await db.activities.count()).toBe(0);
  });

  it('undoes the move: each lead gets its stage and history back, and the undo is logged', async () => {
    const db = database();
    const leads = await storeLeads(300);
    const change = await setStageOfLeads(db, leads.map((l) => l.id), 'qualified', T + DAY);

    const restored = await undoStageOfLeads(db, change, T + 2 * DAY);

    expect(restored).toBe(300);
    const lead = await db.leads.get('lead-0042');
    expect(lead?.stage).toBe('new');
    expect(lead?.stageHistory).toEqual(leads[42]!.stageHistory);
    expect((await db.activities.where('leadId').equals('lead-0042').toArray()).map((a) => a.text)).toEqual([
      'Stage: New → Qualified',
      'Undone: Stage: Qualified → New',
    ]);
  });

  it('does not undo a lead the rep moved again since', async () => {
    const db = database();
    await storeLeads(2);
    const change = await setStageOfLeads(db, ['lead-0000', 'lead-0001'], 'qualified', T + DAY);
    await setStage(db, 'lead-0001', 'customer', T + 2 * DAY);

    expect(await undoStageOfLeads(db, change, T + 3 * DAY)).toBe(1);
    expect((await db.leads.get('lead-0001'))?.stage).toBe('customer');
    expect((await db.leads.get('lead-0000'))?.stage).toBe('new');
  });
});

describe('a follow-up for many leads', () => {
  it('adds one reminder per lead, logs it, and brings each lead’s next follow-up forward, never back', async () => {
    const db = database();
    await storeLeads(3);
    await addReminder(db, { leadId: 'lead-0000', dueAt: T + DAY }, T);
    await addReminder(db, { leadId: 'lead-0001', dueAt: T + 5 * DAY }, T);

    const added = await addReminderToLeads(db, ['lead-0000', 'lead-0001', 'lead-0002', 'gone'], { dueAt: T + 3 * DAY, note: ' Send the deck ' }, T);

    expect(added).toBe(3);
    const [a, b, c] = await db.leads.bulkGet(['lead-0000', 'lead-0001', 'lead-0002']);
    expect([a?.nextFollowUpAt, b?.nextFollowUpAt, c?.nextFollowUpAt]).toEqual([T + DAY, T + 3 * DAY, T + 3 * DAY]);
    expect(await db.reminders.where('leadId').equals('lead-0002').toArray()).toEqual([
      expect.objectContaining({ dueAt: T + 3 * DAY, note: 'Send the deck', status: 'pending' }),
    ]);
    const logged = await db.activities.where('leadId').equals('lead-0002').toArray();
    expect(logged).toEqual([expect.objectContaining({ kind: 'followup', text: expect.stringMatching(/^Follow-up set for .+: Send the deck$/) })]);
  });
});
