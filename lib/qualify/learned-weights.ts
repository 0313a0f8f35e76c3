import type { Framework } from '@/lib/model/framework';
import type { Lead, ScoreReason } from '@/lib/model/lead';
import { SCORE_LIMITS, largestRemainder, scoreParts, type ActivitySummary } from './score';

/** The score's parts, in the order of a feature vector. */
export const FEATURE_NAMES = ['fit', 'intent', 'engagement', 'qualification'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Fewer closed leads than this and the rep's history says too little to beat the fixed weights. */
export const MIN_OUTCOMES = 30;

export interface OutcomeExample {
  features: number[];
  won: boolean;
}

export interface OutcomeModel {
  weights: number[];
  bias: number;
  trainedOn: number;
}

const TRAINING = {
  iterations: 2000,
  learningRate: 1,
  /** L2 penalty on the weights (not the bias): keeps weights modest when the history is small or separable. */
  l2: 0.01,
} as const;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function normalise(value: number, min: number, max: number): number {
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** The score's four parts, each scaled to 0..1. Works for any stage, so closed leads can be learned from. */
export function scoreFeatures(lead: Lead, framework: Framework, now: number, activity?: ActivitySummary): number[] {
  const parts = scoreParts(lead, framework, now, activity);
  return FEATURE_NAMES.map((name) => normalise(parts[name].points, SCORE_LIMITS[name].min, SCORE_LIMITS[name].max));
}

/** Training examples from the leads that closed: customers are wins, disqualified leads losses. */
export function outcomeExamples(
  leads: readonly Lead[],
  frameworkOf: (lead: Lead) => Framework,
  now: number,
  activityOf?: (lead: Lead) => ActivitySummary | undefined,
): OutcomeExample[] {
  return leads
    .filter((lead) => lead.stage === 'customer' || lead.stage === 'disqualified')
    .map((lead) => ({
      features: scoreFeatures(lead, frameworkOf(lead), now, activityOf?.(lead)),
      won: lead.stage === 'customer',
    }));
}

/**
 * Logistic regression by plain full-batch gradient descent with L2, starting from zero weights:
 * the same history always gives the same model. Undefined until there are enough closed leads
 * and both wins and losses among them.
 */
export function trainOutcomeModel(examples: readonly OutcomeExample[]): OutcomeModel | undefined {
  if (examples.length < MIN_OUTCOMES) return undefined;
  const wins = examples.filter((e) => e.won).length;
  if (wins === 0 || wins === examples.length) return undefined;

  const size = FEATURE_NAMES.length;
  const weights = new Array<number>(size).fill(0);
  let bias = 0;
  const n = examples.length;
  for (let iteration = 0; iteration < TRAINING.iterations; iteration++) {
    const gradient = new Array<number>(size).fill(0);
    let biasGradient = 0;
    for (const { features, won } of examples) {
      let z = bias;
      for (let j = 0; j < size; j++) z += (weights[j] ?? 0) * (features[j] ?? 0);
      const error = sigmoid(z) - (won ? 1 : 0);
      for (let j = 0; j < size; j++) gradient[j] = (gradient[j] ?? 0) + error * (features[j] ?? 0);
      biasGradient += error;
    }
    for (let j = 0; j < size; j++) {
      const w = weights[j] ?? 0;
      weights[j] = w - TRAINING.learningRate * ((gradient[j] ?? 0) / n + TRAINING.l2 * w);
    }
    bias -= (TRAINING.learningRate * biasGradient) / n;
  }
  return { weights, bias, trainedOn: n };
}

function signed(value: number, digits = 0): string {
  const text = Math.abs(value).toFixed(digits);
  return `${value < 0 ? '\u2212' : '+'}${text}`;
}

/**
 * The score the rep's own history predicts: round(100 × chance of winning). The reasons explain it
 * in points: a starting point (a lead with every part at 0), then each part's share of the rest in
 * proportion to what it adds to the model's log-odds. They add up to the score.
 */
export function applyLearnedWeights(model: OutcomeModel, features: readonly number[]): { score: number; reasons: ScoreReason[] } {
  const contributions = FEATURE_NAMES.map((_, j) => (model.weights[j] ?? 0) * (features[j] ?? 0));
  const logOdds = model.bias + contributions.reduce((s, c) => s + c, 0);
  const score = Math.round(100 * sigmoid(logOdds));
  const start = Math.round(100 * sigmoid(model.bias));

  const spread = score - start;
  const total = contributions.reduce((s, c) => s + c, 0);
  const points =
    spread === 0 || total === 0
      ? contributions.map(() => 0)
      : apportionSigned(spread, contributions.map((c) => c / total));

  const strongest = FEATURE_NAMES.reduce((best, name, j) =>
    (model.weights[j] ?? 0) > (model.weights[FEATURE_NAMES.indexOf(best)] ?? 0) ? name : best,
  );
  const learned = Math.max(...model.weights) > 0;
  const headline: ScoreReason = learned
    ? {
        points: 0,
        text: `Learned from your ${model.trainedOn} closed leads: ${strongest} counts most`,
        says: { id: 'learnedFrom', values: { count: model.trainedOn, part: strongest } },
      }
    : {
        points: 0,
        text: `Learned from your ${model.trainedOn} closed leads: no part of the score predicts a win yet`,
        says: { id: 'learnedNothing', values: { count: model.trainedOn } },
      };

  const reasons: ScoreReason[] = [
    headline,
    { points: start, text: `${signed(start)} starting point for any lead`, says: { id: 'startingPoint' } },
  ];
  FEATURE_NAMES.forEach((name, j) => {
    const p = points[j] ?? 0;
    const weight = model.weights[j] ?? 0;
    if (p !== 0) {
      reasons.push({
        points: p,
        text: `${signed(p)} ${name} (weight ${signed(weight, 1)})`,
        says: { id: 'learnedPart', values: { part: name, weight } },
      });
    }
  });
  return { score, reasons };
}

/** Whole-number shares of `total` in the given proportions (which may be negative), adding up exactly. */
function apportionSigned(total: number, proportions: readonly number[]): number[] {
  return largestRemainder(total, proportions.map((p) => total * p));
}
