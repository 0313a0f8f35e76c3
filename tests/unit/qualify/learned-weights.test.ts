import { describe, expect, it } from 'vitest';
import { LeadSchema, type Lead } from '@/lib/model/lead';
import { getFramework } from '@/lib/qualify/frameworks';
import {
  FEATURE_NAMES,
  applyLearnedWeights,
  outcomeExamples,
  scoreFeatures,
  trainOutcomeModel,
  type OutcomeExample,
} from '@/lib/qualify/learned-weights';

const NOW = Date.UTC(2025, 5, 2, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const bant = getFramework('bant');
const INTENT = FEATURE_NAMES.indexOf('intent');

/** mulberry32: a small seeded generator, so the synthetic history is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Closed leads whose outcome depended on intent alone (with 5% of outcomes flipped as noise). */
function intentDecidesHistory(count: number, seed = 42): OutcomeExample[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    const features = FEATURE_NAMES.map(() => random());
    const won = (features[INTENT] ?? 0) > 0.5 !== random() < 0.05;
    return { features, won };
  });
}

function lead(fields: Record<string, unknown> = {}): Lead {
  return LeadSchema.parse({
    id: 'lead-1',
    fullName: 'Jonas Weber',
    source: 'linkedin',
    capturedAt: NOW,
    createdAt: NOW,
    updatedAt: NOW,
    ...fields,
  });
}

describe('training on closed leads', () => {
  it('learns nothing from fewer than 30 closed leads', () => {
    expect(trainOutcomeModel(intentDecidesHistory(29))).toBeUndefined();
  });

  it('learns nothing when every closed lead was won', () => {
    const allWon = intentDecidesHistory(60).map((e) => ({ ...e, won: true }));
    expect(trainOutcomeModel(allWon)).toBeUndefined();
  });

  it('starts learning at 30 closed leads with wins and losses', () => {
    expect(trainOutcomeModel(intentDecidesHistory(30))?.trainedOn).toBe(30);
  });

  it('finds intent the strongest signal when outcomes depended on intent alone', () => {
    const model = trainOutcomeModel(intentDecidesHistory(300));
    const weights = model?.weights ?? [];
    const intent = weights[INTENT] ?? 0;
    const others = weights.filter((_, j) => j !== INTENT).map(Math.abs);
    expect(intent).toBeGreaterThan(3);
    expect(intent).toBeGreaterThan(4 * Math.max(...others));
  });

  it('gives the same model for the same history every time', () => {
    expect(trainOutcomeModel(intentDecidesHistory(120))).toEqual(trainOutcomeModel(intentDecidesHistory(120)));
  });
});

describe('applying the learned weights', () => {
  const model = trainOutcomeModel(intentDecidesHistory(300))!;

  it('scores a high-intent lead well above a low-intent one', () => {
    const high = applyLearnedWeights(model, [0.5, 0.95, 0.5, 0.5]).score;
    const low = applyLearnedWeights(model, [0.5, 0.05, 0.5, 0.5]).score;
    expect(high).toBeGreaterThan(80);
    expect(low).toBeLessThan(20);
  });

  it('returns 100 times the predicted chance of winning, rounded', () => {
    const features = [0.2, 0.7, 0.4, 0.9];
    const logOdds = model.bias + model.weights.reduce((s, w, j) => s + w * (features[j] ?? 0), 0);
    expect(applyLearnedWeights(model, features).score).toBe(Math.round(100 / (1 + Math.exp(-logOdds))));
  });

  it('says what it learned from and which part counts most', () => {
    expect(applyLearnedWeights(model, [0.5, 0.5, 0.5, 0.5]).reasons[0]).toEqual({
      points: 0,
      text: 'Learned from your 300 closed leads: intent counts most',
      says: { id: 'learnedFrom', values: { count: 300, part: 'intent' } },
    });
  });

  it('explains each part in points with its weight, adding up to the score', () => {
    const { score, reasons } = applyLearnedWeights(model, [0.3, 0.9, 0.6, 0.2]);
    expect(reasons.reduce((s, r) => s + r.points, 0)).toBe(score);
    const intent = reasons.slice(1).find((r) => r.text.includes('intent'));
    expect(intent?.text).toMatch(/^\+\d+ intent \(weight \+\d+\.\d\)$/);
    expect(intent?.points).toBe(Math.max(...reasons.slice(2).map((r) => r.points)));
  });

  it('starts from the score of a lead with every part at zero', () => {
    const { score, reasons } = applyLearnedWeights(model, [0, 0, 0, 0]);
    expect(reasons).toHaveLength(2);
    expect(reasons[1]).toEqual({ points: score, text: `+${score} starting point for any lead`, says: { id: 'startingPoint' } });
  });
});

describe('score features', () => {
  it('scales each part of the score to 0..1', () => {
    const features = scoreFeatures(
      lead({
        title: 'CFO',
        company: 'Weber Logistik',
        email: 'jonas@weber.example',
        phone: '+49 40 555 0100',
        signals: ['form_fill'],
        checklist: { frameworkId: 'bant', answers: { budget: { status: 'met' }, need: { status: 'met' } } },
      }),
      bant,
      NOW,
      { count: 5, lastAt: NOW - DAY },
    );
    expect(features).toEqual([1, 10 / 30, 1, 15 / 30]);
  });

  it('puts a lead gone cold and failing its checklist at 0 for engagement and qualification', () => {
    const answers = Object.fromEntries(bant.criteria.map((c) => [c.id, { status: 'not_met' }]));
    const features = scoreFeatures(lead({ updatedAt: NOW - 60 * DAY, checklist: { frameworkId: 'bant', answers } }), bant, NOW);
    expect(features).toEqual([0, 0, 0, 0]);
  });

  it('still describes a disqualified lead, so losses can be learned from', () => {
    const features = scoreFeatures(lead({ stage: 'disqualified', signals: ['demo_request'] }), bant, NOW);
    expect(features[INTENT]).toBeCloseTo(20 / 30);
  });

  it('takes training examples only from customers and disqualified leads', () => {
    const leads = [
      lead({ id: 'won', stage: 'customer' }),
      lead({ id: 'lost', stage: 'disqualified' }),
      lead({ id: 'open', stage: 'qualified' }),
    ];
    expect(outcomeExamples(leads, () => bant, NOW).map((e) => e.won)).toEqual([true, false]);
  });
});
