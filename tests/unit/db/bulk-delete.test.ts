import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import { deleteLeadsWithUndo, restoreDeletedLeads } from '@/lib/db/bulk-delete';
import { addActivity, saveOrMergeProspect } from '@/lib/db/leads';
import { addReminder } from '@/lib/db/reminders';
import { withDerivedKeys } from '@/lib/model/keys';
import { makeLead } from '../io/lead-factory';

const T = Date.UTC(2025, 2, 3, 9, 0);
const database = useFreshDatabase();

async function storeLeads(count: number) {
  const leads = Array.from({ length: count }, (_, n) =>
    withDerivedKeys(makeLead({ id: `lead-${String(n).padStart(4, '0')}`, fullName: `Person ${n}`, email: `p${n}@acme.example`, createdAt: T + n })),
  );
  await database().leads.bulkAdd(leads);
  return leads;
}

describe('deleting many leads, and taking it back', () => {
  it('deletes the leads with their activity and reminders, across batches, and leaves the others', async () => {
    const db = database();
    await storeLeads(1_200);
    await addActivity(db, { leadId: 'lead-0003', kind: 'note', at: T, text: 'Met at SaaStr' });
    await addReminder(db, { leadId: 'lead-0700', dueAt: T + 1000 }, T);
    const ids = Array.from({ length: 1_100 }, (_, n) => `lead-${String(n).padStart(4, '0')}`);
    const progress: number[] = [];

    const deleted = await deleteLeadsWithUndo(db, [...ids, 'never-was'], (done) => progress.push(done));

    expect(deleted.leads).toHaveLength(1_100);
    expect(deleted.activities.map((a) => a.text)).toEqual(['Met at SaaStr', expect.stringMatching(/^Follow-up set for/)]);
    expect(deleted.reminders).toHaveLength(1);
    expect(progress).toEqual([500, 1_000, 1_101]);
    expect(await db.leads.count()).toBe(100);
    expect(await db.activities.count()).toBe(0);
    expect(await db.reminders.count()).toBe(0);
  });

  it('brings back the same leads, ids, activity and reminders', async () => {
    const db = database();
    await storeLeads(3);
    await addActivity(db, { leadId: 'lead-0001', kind: 'note', at: T, text: 'Met at SaaStr' });
    await addReminder(db, { leadId: 'lead-0001', dueAt: T + 1000 }, T);
    const before = { leads: await db.leads.toArray(), activities: await db.activities.toArray(), reminders: await db.reminders.toArray() };

    const outcome = await restoreDeletedLeads(db, await deleteLeadsWithUndo(db, ['lead-0000', 'lead-0001']));

    expect(outcome).toEqual({ restored: 2, savedAgain: [], remindersBack: true });
    expect(await db.leads.toArray()).toEqual(before.leads);
    expect(await db.activities.toArray()).toEqual(before.activities);
    expect(await db.reminders.toArray()).toEqual(before.reminders);
  });

  it('leaves deleted a lead saved again since, rather than making a twin', async () => {
    const db = database();
    await storeLeads(2);
    const deleted = await deleteLeadsWithUndo(db, ['lead-0000', 'lead-0001']);
    await saveOrMergeProspect(db, { source: 'gmail', fullName: 'Person 0', email: 'p0@acme.example', confidence: 0.9 }, T + 5);

    const outcome = await restoreDeletedLeads(db, deleted);

    expect(outcome).toEqual({ restored: 1, savedAgain: ['Person 0'], remindersBack: false });
    expect((await db.leads.toArray()).map((lead) => lead.email).sort()).toEqual(['p0@acme.example', 'p1@acme.example']);
  });
});
