import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import { addReminder } from '@/lib/db/reminders';
import { addSampleLead, getSampleLead, removeSampleLead } from '@/lib/db/sample-lead';
import { saveOrMergeProspect } from '@/lib/db/leads';

const T = Date.UTC(2025, 2, 3, 9, 0);
const database = useFreshDatabase();

describe('the sample lead', () => {
  it('is added once, named as a sample, half qualified so one more answer offers the move', async () => {
    const db = database();
    const first = await addSampleLead(db, T);
    const second = await addSampleLead(db, T + 1);

    expect(first.added).toBe(true);
    expect(second).toEqual({ lead: first.lead, added: false });
    expect(await db.leads.count()).toBe(1);
    expect(first.lead).toMatchObject({ fullName: 'Sam Rivera (sample)', email: 'sam.rivera@example.com', stage: 'new', source: 'manual', tags: ['sample'] });
    expect(Object.values(first.lead.checklist.answers).filter((a) => a.status === 'met')).toHaveLength(2);
    expect(first.lead.score).toBeGreaterThan(0);
  });

  it('is removed with its activity and reminders', async () => {
    const db = database();
    const { lead } = await addSampleLead(db, T);
    await addReminder(db, { leadId: lead.id, dueAt: T + 1000 }, T);

    expect(await removeSampleLead(db)).toBe(true);

    expect(await db.leads.count()).toBe(0);
    expect(await db.activities.count()).toBe(0);
    expect(await db.reminders.count()).toBe(0);
    expect(await getSampleLead(db)).toBeUndefined();
    expect(await removeSampleLead(db)).toBe(false);
  });

  it('never takes over, nor removes, a real lead with the sample’s address', async () => {
    const db = database();
    const real = (await saveOrMergeProspect(db, { source: 'gmail', fullName: 'Sam Rivera', email: 'sam.rivera@example.com', confidence: 0.9 }, T)).lead;

    const attempt = await addSampleLead(db, T + 1);

    expect(attempt.added).toBe(false);
    expect((await db.leads.get(real.id))?.notes).toBe('');
    expect(await removeSampleLead(db)).toBe(false);
    expect(await db.leads.get(real.id)).toBeTruthy();
  });
});
