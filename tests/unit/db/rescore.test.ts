import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { rescoreAll } from '@/lib/db/rescore';
import { getOutcomeModel } from '@/lib/db/settings';
import { LeadSchema, type Lead } from '@/lib/model/lead';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const DAY = 86_400_000;

function lead(i: number, fields: Partial<Lead>): Lead {
  return LeadSchema.parse({
    id: `lead-${i}`,
    fullName: `Person ${i}`,
    source: 'import',
    capturedAt: NOW - 60 * DAY,
    createdAt: NOW - 60 * DAY,
    updatedAt: NOW - 60 * DAY,
    ...fields,
  });
}

describe('rescoring every lead', () => {
  it('lets an old score decay and keeps the reasons in step', async () => {
    const db = freshDatabase();
    await db.leads.add(lead(1, { email: 'p1@acme.io', score: 90, scoreReasons: [{ points: 90, text: '+90 stale' }] }));
    const { rescored, model } = await rescoreAll(db, NOW);
    expect(rescored).toBe(1);
    expect(model).toBeUndefined();
    const stored = await db.leads.get('lead-1');
    expect(stored?.scoreReasons.map((r) => r.text)).not.toContain('+90 stale');
    const sum = stored!.scoreReasons.reduce((total, r) => total + r.points, 0);
    expect(stored?.score).toBe(Math.min(100, Math.max(0, sum)));
    expect(stored?.scoreReasons.map((r) => r.text)).toContain('\u221210 no contact in 30 days');
  });

  it('learns weights from 30 or more closed leads and shows them in the reasons', async () => {
    const db = freshDatabase();
    // Customers asked for demos; disqualified leads did not: intent is what predicts a win here.
    const closed = Array.from({ length: 40 }, (_, i) =>
      lead(i, i % 2 === 0 ? { stage: 'customer', signals: ['demo_request', 'form_fill'] } : { stage: 'disqualified' }),
    );
    await db.leads.bulkAdd([...closed, lead(100, { stage: 'nurturing', signals: ['demo_request'] })]);
    const { model } = await rescoreAll(db, NOW);
    expect(model?.trainedOn).toBe(40);
    expect(await getOutcomeModel(db)).toEqual(model);
    const open = await db.leads.get('lead-100');
    expect(open?.scoreReasons[0]?.text).toBe('Learned from your 40 closed leads: intent counts most');
  });
});
