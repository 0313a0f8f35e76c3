import { describe, expect, it } from 'vitest';
import { byScore, untouchedImport, waitsToBeQualified } from '@/lib/model/work-queue';
import { makeLead } from '../io/lead-factory';

const T = Date.UTC(2025, 2, 3, 9, 0);

describe('the work queue’s rules', () => {
  it('tells an untouched import from one the rep worked on, and from a capture', () => {
    const imported = makeLead({ source: 'import', createdAt: T, updatedAt: T });
    expect(untouchedImport(imported)).toBe(true);
    expect(untouchedImport({ ...imported, updatedAt: T + 1 })).toBe(false);
    expect(untouchedImport({ ...imported, nextFollowUpAt: T + 5 })).toBe(false);
    expect(untouchedImport({ ...imported, source: 'linkedin' })).toBe(false);
  });

  it('queues open leads whose checklist is short of its rule, but not untouched imports', () => {
    const lead = makeLead({ stage: 'contacted', createdAt: T, updatedAt: T });
    expect(waitsToBeQualified(lead, false)).toBe(true);
    expect(waitsToBeQualified(lead, true)).toBe(false);
    for (const stage of ['qualified', 'customer', 'disqualified'] as const) expect(waitsToBeQualified({ ...lead, stage }, false)).toBe(false);
    expect(waitsToBeQualified({ ...lead, source: 'import' }, false)).toBe(false);
    expect(waitsToBeQualified({ ...lead, source: 'import', updatedAt: T + 1 }, false)).toBe(true);
  });

  it('orders by score, then newest first', () => {
    const leads = [
      makeLead({ id: 'low', score: 10, createdAt: T }),
      makeLead({ id: 'high-old', score: 80, createdAt: T }),
      makeLead({ id: 'high-new', score: 80, createdAt: T + 1 }),
    ];
    expect([...leads].sort(byScore).map((lead) => lead.id)).toEqual(['high-new', 'high-old', 'low']);
  });
});
