import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '@/lib/model/framework';
import { LeadSchema, type Lead } from '@/lib/model/lead';
import { getFramework } from '@/lib/qualify/frameworks';
import { scoreLead } from '@/lib/qualify/score';

const NOW = Date.UTC(2025, 2, 7, 10, 0, 0);
const bant = getFramework('bant');

function lead(fields: Record<string, unknown> = {}): Lead {
  return LeadSchema.parse({
    id: 'lead-1',
    fullName: 'Maria Gonzalez',
    source: 'linkedin',
    capturedAt: NOW,
    createdAt: NOW,
    updatedAt: NOW,
    ...fields,
  });
}

const met = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, { status: 'met' }]));

describe('lead score', () => {
  it('scores a bare name with nothing else at 0', () => {
    expect(scoreLead(lead(), bant, NOW)).toEqual({ score: 0, reasons: [] });
  });

  it('gives 15 points for a senior title and names the keyword', () => {
    const { score, reasons } = scoreLead(lead({ title: 'VP of Sales' }), bant, NOW);
    expect(score).toBe(15);
    expect(reasons).toEqual([{ points: 15, text: '+15 senior title (VP)' }]);
  });

  it('recognises C-level, founder, head and director titles as senior', () => {
    for (const title of ['CTO', 'Chief Revenue Officer', 'Co-Founder & CEO', 'Head of Growth', 'Director, IT']) {
      expect(scoreLead(lead({ title }), bant, NOW).score).toBe(15);
    }
  });

  it('gives no seniority points to an individual contributor title', () => {
    expect(scoreLead(lead({ title: 'Account Executive' }), bant, NOW).score).toBe(0);
  });

  it('explains company, email and phone points', () => {
    const { score, reasons } = scoreLead(
      lead({ company: 'Acme GmbH', email: 'maria@acme.example', phone: '+49 30 1234567' }),
      bant,
      NOW,
    );
    expect(score).toBe(20);
    expect(reasons.map((r) => r.text)).toEqual(['+5 company known', '+10 reachable by email', '+5 reachable by phone']);
  });

  it('gives 10 points per met BANT criterion, a quarter of 40', () => {
    const { score, reasons } = scoreLead(lead({ checklist: { frameworkId: 'bant', answers: met('budget', 'need') } }), bant, NOW);
    expect(score).toBe(20);
    expect(reasons).toEqual([
      { points: 10, text: '+10 budget met' },
      { points: 10, text: '+10 need met' },
    ]);
  });

  it('shares the 40 qualification points by weight', () => {
    const weighted = FrameworkSchema.parse({
      id: 'weighted',
      name: 'Weighted',
      criteria: [
        { id: 'pain', label: 'Pain', questions: ['What hurts?'], weight: 3 },
        { id: 'money', label: 'Money', questions: ['Who pays?'], weight: 1 },
      ],
      rule: { minMet: 1 },
    });
    const { score } = scoreLead(lead({ checklist: { frameworkId: 'weighted', answers: met('pain') } }), weighted, NOW);
    expect(score).toBe(30);
  });

  it('takes 5 points off for each criterion not met', () => {
    const { score, reasons } = scoreLead(
      lead({
        email: 'maria@acme.example',
        checklist: { frameworkId: 'bant', answers: { budget: { status: 'not_met' }, timeline: { status: 'unknown' } } },
      }),
      bant,
      NOW,
    );
    expect(score).toBe(5);
    expect(reasons).toContainEqual({ points: -5, text: '\u22125 budget not met' });
    expect(reasons.some((r) => r.text.includes('timeline'))).toBe(false);
  });

  it('never goes below 0', () => {
    const answers = Object.fromEntries(['budget', 'authority', 'need', 'timeline'].map((id) => [id, { status: 'not_met' }]));
    const result = scoreLead(lead({ checklist: { frameworkId: 'bant', answers } }), bant, NOW);
    expect(result.score).toBe(0);
    expect(result.reasons).toHaveLength(4);
  });

  it('scores a senior, reachable lead with all of BANT met at 75, the most today\'s rules give', () => {
    const all = lead({
      title: 'Founder',
      company: 'Acme',
      email: 'a@acme.example',
      phone: '+1 555 0100',
      checklist: { frameworkId: 'bant', answers: met('budget', 'authority', 'need', 'timeline') },
    });
    expect(scoreLead(all, bant, NOW).score).toBe(75);
  });

  it('returns a whole number even when weights do not divide 40 evenly', () => {
    const thirds = FrameworkSchema.parse({
      id: 'thirds',
      name: 'Thirds',
      criteria: ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase(), questions: ['?'] })),
      rule: { minMet: 2 },
    });
    const { score } = scoreLead(lead({ checklist: { frameworkId: 'thirds', answers: met('a') } }), thirds, NOW);
    expect(Number.isInteger(score)).toBe(true);
    expect(score).toBe(13);
  });

  it('scores a disqualified lead 0 and says why', () => {
    const result = scoreLead(
      lead({ stage: 'disqualified', title: 'CEO', email: 'ceo@acme.example', checklist: { frameworkId: 'bant', answers: met('budget') } }),
      bant,
      NOW,
    );
    expect(result.score).toBe(0);
    expect(result.reasons).toEqual([{ points: 0, text: 'score 0: disqualified' }]);
  });
});
