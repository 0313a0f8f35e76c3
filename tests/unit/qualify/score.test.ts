import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '@/lib/model/framework';
import { LeadSchema, type Lead } from '@/lib/model/lead';
import { getFramework } from '@/lib/qualify/frameworks';
import { scoreLead } from '@/lib/qualify/score';

const NOW = Date.UTC(2025, 2, 7, 10, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
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
const texts = (result: { reasons: { text: string }[] }) => result.reasons.map((r) => r.text);
/** Points and English text: what these tests check (what a reason means is tested with its wording, in score-text). */
const plain = (reasons: readonly { points: number; text: string }[]) => reasons.map(({ points, text }) => ({ points, text }));
const sum = (result: { reasons: { points: number }[] }) => result.reasons.reduce((s, r) => s + r.points, 0);

/** Untouched for 40 days: engagement is then a single −10, easy to account for. */
const quiet = { updatedAt: NOW - 40 * DAY };

describe('fit', () => {
  it('gives 10 points for a senior title and names the keyword', () => {
    const result = scoreLead(lead({ title: 'VP of Sales', ...quiet }), bant, NOW);
    expect(plain(result.reasons)).toContainEqual({ points: 10, text: '+10 senior title (VP)' });
  });

  it('recognises C-level, founder, head and director titles as senior', () => {
    for (const title of ['CTO', 'Chief Revenue Officer', 'Co-Founder & CEO', 'Head of Growth', 'Director, IT']) {
      expect(texts(scoreLead(lead({ title }), bant, NOW)).some((t) => t.startsWith('+10 senior title')), title).toBe(true);
    }
  });

  it('gives no seniority points to an individual contributor title', () => {
    expect(texts(scoreLead(lead({ title: 'Account Executive' }), bant, NOW)).some((t) => t.includes('senior'))).toBe(false);
  });

  it('explains company, email and phone points', () => {
    const result = scoreLead(lead({ company: 'Acme GmbH', email: 'maria@acme.example', phone: '+49 30 1234567', ...quiet }), bant, NOW);
    expect(texts(result).slice(0, 3)).toEqual(['+5 company known', '+5 reachable by email', '+5 reachable by phone']);
  });
});

describe('intent', () => {
  it('gives 20 points for a demo request', () => {
    expect(plain(scoreLead(lead({ signals: ['demo_request'] }), bant, NOW).reasons)).toContainEqual({ points: 20, text: '+20 requested a demo' });
  });

  it('ranks a demo request above a form, a download, a click and a newsletter sign-up', () => {
    const points = (signal: string) => scoreLead(lead({ signals: [signal] }), bant, NOW).reasons[0]?.points;
    const ranked = ['demo_request', 'form_fill', 'download', 'cta_click', 'newsletter'].map(points);
    expect([...ranked].sort((a = 0, b = 0) => b - a)).toEqual(ranked);
    expect(new Set(ranked).size).toBe(ranked.length);
  });

  it('caps intent at 30, filled by the strongest signals first', () => {
    const result = scoreLead(
      lead({ signals: ['newsletter', 'download', 'demo_request', 'form_fill', 'cta_click'], ...quiet }),
      bant,
      NOW,
    );
    expect(texts(result)).toEqual(['+20 requested a demo', '+10 filled in a form', '\u221210 no contact in 30 days']);
  });

  it('counts a signal recorded twice once', () => {
    const once = scoreLead(lead({ signals: ['download'] }), bant, NOW).score;
    expect(scoreLead(lead({ signals: ['download', 'download'] }), bant, NOW).score).toBe(once);
  });
});

describe('engagement', () => {
  it('gives 5 points for a contact today with no activity logged', () => {
    const result = scoreLead(lead(), bant, NOW);
    expect({ score: result.score, reasons: plain(result.reasons) }).toEqual({ score: 5, reasons: [{ points: 5, text: '+5 last contact today' }] });
  });

  it('adds 2 points per activity, up to 15 in all', () => {
    expect(texts(scoreLead(lead(), bant, NOW, { count: 3, lastAt: NOW - 2 * DAY }))).toEqual([
      '+11 3 activities, last contact 2 days ago',
    ]);
    expect(scoreLead(lead(), bant, NOW, { count: 12, lastAt: NOW }).score).toBe(15);
  });

  it('keeps full points for a week', () => {
    expect(scoreLead(lead(), bant, NOW, { count: 5, lastAt: NOW - 7 * DAY }).score).toBe(15);
  });

  it('fades to half by 30 days', () => {
    expect(scoreLead(lead(), bant, NOW, { count: 5, lastAt: NOW - 30 * DAY }).score).toBe(8);
  });

  it('fades in between, e.g. to 12 after about two and a half weeks', () => {
    expect(scoreLead(lead(), bant, NOW, { count: 5, lastAt: NOW - 17 * DAY }).score).toBe(12);
  });

  it('takes 10 points off when there was no contact in 30 days', () => {
    const result = scoreLead(lead({ email: 'maria@acme.example', signals: ['demo_request'] }), bant, NOW, {
      count: 8,
      lastAt: NOW - 31 * DAY,
    });
    expect(plain(result.reasons)).toContainEqual({ points: -10, text: '\u221210 no contact in 30 days' });
    expect(result.score).toBe(15);
  });

  it('falls back to the last update of the lead when no activity is known', () => {
    expect(texts(scoreLead(lead({ updatedAt: NOW - 3 * DAY }), bant, NOW))).toEqual(['+5 last contact 3 days ago']);
    expect(texts(scoreLead(lead({ updatedAt: NOW - 45 * DAY }), bant, NOW))).toEqual(['\u221210 no contact in 30 days']);
  });
});

describe('qualification', () => {
  it('gives 7 or 8 points per met BANT criterion, 30 for all four', () => {
    const result = scoreLead(lead({ checklist: { frameworkId: 'bant', answers: met('budget', 'need') }, ...quiet }), bant, NOW);
    expect(plain(result.reasons.slice(1))).toEqual([
      { points: 8, text: '+8 budget met' },
      { points: 7, text: '+7 need met' },
    ]);
  });

  it('shares the 30 qualification points by weight', () => {
    const weighted = FrameworkSchema.parse({
      id: 'weighted',
      name: 'Weighted',
      criteria: [
        { id: 'pain', label: 'Pain', questions: ['What hurts?'], weight: 2 },
        { id: 'money', label: 'Money', questions: ['Who pays?'], weight: 1 },
      ],
      rule: { minMet: 1 },
    });
    const result = scoreLead(lead({ checklist: { frameworkId: 'weighted', answers: met('pain') } }), weighted, NOW);
    expect(plain(result.reasons)).toContainEqual({ points: 20, text: '+20 pain met' });
  });

  it('gives exactly 30 for a fully met framework whose criteria do not divide 30 evenly', () => {
    for (const framework of [getFramework('gpctba-ci'), getFramework('meddpicc'), getFramework('faint')]) {
      const answers = met(...framework.criteria.map((c) => c.id));
      const result = scoreLead(lead({ checklist: { frameworkId: framework.id, answers }, ...quiet }), framework, NOW);
      expect(sum(result) + 10, framework.id).toBe(30);
    }
  });

  it('takes 5 points off for each criterion not met and ignores unknown ones', () => {
    const result = scoreLead(
      lead({ email: 'maria@acme.example', checklist: { frameworkId: 'bant', answers: { budget: { status: 'not_met' }, timeline: { status: 'unknown' } } } }),
      bant,
      NOW,
    );
    expect(plain(result.reasons)).toContainEqual({ points: -5, text: '\u22125 budget not met' });
    expect(texts(result).some((t) => t.includes('timeline'))).toBe(false);
    expect(result.score).toBe(5);
  });
});

describe('the whole score', () => {
  const best = () =>
    lead({
      title: 'Founder',
      company: 'Acme',
      email: 'a@acme.example',
      phone: '+1 555 0100',
      signals: ['demo_request', 'form_fill'],
      checklist: { frameworkId: 'bant', answers: met('budget', 'authority', 'need', 'timeline') },
    });

  it('reaches 100 for a senior, reachable, engaged lead who asked for a demo and meets all of BANT', () => {
    expect(scoreLead(best(), bant, NOW, { count: 5, lastAt: NOW - DAY }).score).toBe(100);
  });

  it('lists reasons in the order fit, intent, engagement, qualification, adding up to the score', () => {
    const result = scoreLead(best(), bant, NOW, { count: 1, lastAt: NOW });
    expect(texts(result)).toEqual([
      '+10 senior title (Founder)',
      '+5 company known',
      '+5 reachable by email',
      '+5 reachable by phone',
      '+20 requested a demo',
      '+10 filled in a form',
      '+7 1 activity, last contact today',
      '+8 budget met',
      '+8 authority met',
      '+7 need met',
      '+7 timeline met',
    ]);
    expect(sum(result)).toBe(result.score);
  });

  it('never goes below 0, though the reasons still add up to the unclamped total', () => {
    const answers = Object.fromEntries(bant.criteria.map((c) => [c.id, { status: 'not_met' }]));
    const result = scoreLead(lead({ checklist: { frameworkId: 'bant', answers }, ...quiet }), bant, NOW);
    expect(result.score).toBe(0);
    expect(sum(result)).toBe(-30);
  });

  it('always returns a whole number between 0 and 100', () => {
    const odd = FrameworkSchema.parse({
      id: 'odd',
      name: 'Odd',
      criteria: ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase(), questions: ['?'], weight: 0.7 })),
      rule: { minMet: 2 },
    });
    const result = scoreLead(lead({ checklist: { frameworkId: 'odd', answers: met('a', 'b', 'c') } }), odd, NOW, {
      count: 2,
      lastAt: NOW - 11 * DAY,
    });
    expect(Number.isInteger(result.score)).toBe(true);
    expect(result.score).toBe(30 + 8);
  });

  it('scores a disqualified lead 0 and says why', () => {
    const result = scoreLead(
      lead({ stage: 'disqualified', title: 'CEO', email: 'ceo@acme.example', checklist: { frameworkId: 'bant', answers: met('budget') } }),
      bant,
      NOW,
    );
    expect({ score: result.score, reasons: plain(result.reasons) }).toEqual({ score: 0, reasons: [{ points: 0, text: 'score 0: disqualified' }] });
  });
});
