import type { Criterion, Framework } from '@/lib/model/framework';
import { INTEREST_SIGNALS, type InterestSignal, type Lead, type ScoreReason } from '@/lib/model/lead';

export interface LeadScore {
  /** 0..100, integer. */
  score: number;
  reasons: ScoreReason[];
}

/** What the activity log says about a lead; the score falls back to `lead.updatedAt` without it. */
export interface ActivitySummary {
  count: number;
  lastAt?: number;
}

export interface ScorePart {
  points: number;
  reasons: ScoreReason[];
}

/** The four parts of the score; together their maxima make 100. */
export interface ScoreParts {
  fit: ScorePart;
  intent: ScorePart;
  engagement: ScorePart;
  qualification: ScorePart;
}

/**
 * The range of each part. Learned weights normalise the parts to 0..1 with these; a qualification
 * part below 0 (criteria not met outweigh those met) counts as 0 there.
 */
export const SCORE_LIMITS = {
  fit: { min: 0, max: 25 },
  intent: { min: 0, max: 30 },
  engagement: { min: -10, max: 15 },
  qualification: { min: 0, max: 30 },
} as const;

const DAY = 24 * 60 * 60 * 1000;

const SENIOR_TITLE =
  /\b(vp|svp|evp|vice[- ]president|president|head|director|chief|founder|co-?founder|owner|partner|ceo|cto|cfo|coo|cmo|cio|cro|cpo|cso|ciso|chro)\b/i;

const FIT_POINTS = { seniorTitle: 10, company: 5, email: 5, phone: 5 } as const;

/** Strongest first; together they exceed the intent cap, so the strongest signals fill it first. */
const SIGNAL_POINTS: readonly { signal: InterestSignal; points: number }[] = [
  { signal: 'demo_request', points: 20 },
  { signal: 'form_fill', points: 10 },
  { signal: 'download', points: 5 },
  { signal: 'cta_click', points: 4 },
  { signal: 'newsletter', points: 2 },
];

const ENGAGEMENT = {
  /** Points for being in touch at all, before counting activities. */
  contact: 5,
  perActivity: 2,
  maxActivities: 5,
  /** Full points up to this age, then a linear fade to half at `halfAt`. */
  freshDays: 7,
  halfAtDays: 30,
  stalePenalty: -10,
} as const;

const NOT_MET_PENALTY = -5;

/** A reason: its points, its English text, and what it says for lib/qualify/score-text.ts to word in the UI language. */
function reason(points: number, text: string, id: string, values?: Record<string, string | number>): ScoreReason {
  const sign = points < 0 ? '\u2212' : '+';
  return { points, text: `${sign}${Math.abs(points)} ${text}`, says: values ? { id, values } : { id } };
}

function part(reasons: ScoreReason[]): ScorePart {
  return { points: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

function fitPart(lead: Lead): ScorePart {
  const reasons: ScoreReason[] = [];
  const seniority = lead.title?.match(SENIOR_TITLE)?.[0];
  if (seniority) reasons.push(reason(FIT_POINTS.seniorTitle, `senior title (${seniority})`, 'seniorTitle', { title: seniority }));
  if (lead.company) reasons.push(reason(FIT_POINTS.company, 'company known', 'company'));
  if (lead.email) reasons.push(reason(FIT_POINTS.email, 'reachable by email', 'email'));
  if (lead.phone || lead.phoneE164) reasons.push(reason(FIT_POINTS.phone, 'reachable by phone', 'phone'));
  return part(reasons);
}

function signalText(signal: InterestSignal): string {
  // Score reasons are stored with the lead, so they keep the fixed English words.
  const label = INTEREST_SIGNALS.find((s) => s.id === signal)?.english ?? signal;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function intentPart(lead: Lead): ScorePart {
  const reasons: ScoreReason[] = [];
  let left: number = SCORE_LIMITS.intent.max;
  for (const { signal, points } of SIGNAL_POINTS) {
    if (left <= 0) break;
    if (!lead.signals.includes(signal)) continue;
    const awarded = Math.min(points, left);
    reasons.push(reason(awarded, signalText(signal), 'signal', { signal }));
    left -= awarded;
  }
  return part(reasons);
}

function ago(days: number): string {
  if (days < 1) return 'today';
  if (days < 2) return 'yesterday';
  return `${Math.floor(days)} days ago`;
}

function contactSays(days: number): string {
  if (days < 1) return 'contactToday';
  if (days < 2) return 'contactYesterday';
  return 'contactDaysAgo';
}

function engagementPart(lead: Lead, now: number, activity?: ActivitySummary): ScorePart {
  const count = Math.max(0, Math.floor(activity?.count ?? 0));
  const lastAt = activity?.lastAt ?? lead.updatedAt;
  const days = Math.max(0, now - lastAt) / DAY;
  if (days > ENGAGEMENT.halfAtDays) {
    return part([reason(ENGAGEMENT.stalePenalty, `no contact in ${ENGAGEMENT.halfAtDays} days`, 'stale', { days: ENGAGEMENT.halfAtDays })]);
  }
  const full = ENGAGEMENT.contact + ENGAGEMENT.perActivity * Math.min(count, ENGAGEMENT.maxActivities);
  const fade =
    days <= ENGAGEMENT.freshDays
      ? 1
      : 1 - (0.5 * (days - ENGAGEMENT.freshDays)) / (ENGAGEMENT.halfAtDays - ENGAGEMENT.freshDays);
  const points = Math.round(full * fade);
  const activities = count === 0 ? '' : `${count} ${count === 1 ? 'activity' : 'activities'}, `;
  return part([
    reason(points, `${activities}last contact ${ago(days)}`, contactSays(days), { count, days: Math.floor(days) }),
  ]);
}

/**
 * Shares `total` points among the criteria by weight so that the shares are whole numbers and add
 * up to exactly `total` (largest remainder), which is what lets a fully met checklist reach the maximum.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  return largestRemainder(total, weights.map((w) => (total * w) / sum));
}

/** Rounds each exact share down, then hands the points left over to the largest remainders, so the shares add up to `total`. */
export function largestRemainder(total: number, exact: readonly number[]): number[] {
  const shares = exact.map(Math.floor);
  let left = Math.round(total - shares.reduce((s, p) => s + p, 0));
  const byRemainder = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

function qualificationPart(lead: Lead, framework: Framework): ScorePart {
  const shares = apportion(
    SCORE_LIMITS.qualification.max,
    framework.criteria.map((c: Criterion) => c.weight),
  );
  const reasons: ScoreReason[] = [];
  framework.criteria.forEach((criterion, i) => {
    const status = lead.checklist.answers[criterion.id]?.status;
    const label = criterion.label.toLowerCase();
    const values = { criterion: criterion.id, label: criterion.label };
    if (status === 'met') reasons.push(reason(shares[i] ?? 0, `${label} met`, 'criterionMet', values));
    else if (status === 'not_met') reasons.push(reason(NOT_MET_PENALTY, `${label} not met`, 'criterionNotMet', values));
  });
  return part(reasons);
}

/** The four parts of the score for any lead, whatever its stage (learned weights need closed leads too). */
export function scoreParts(lead: Lead, framework: Framework, now: number, activity?: ActivitySummary): ScoreParts {
  return {
    fit: fitPart(lead),
    intent: intentPart(lead),
    engagement: engagementPart(lead, now, activity),
    qualification: qualificationPart(lead, framework),
  };
}

/**
 * An explainable 0..100 score: who the person is (fit, up to 25), what they did (intent, up to 30),
 * how recently the rep was in touch (engagement, up to 15, or a penalty when it went cold) and how
 * far qualification got (up to 30). Every point comes with a reason the rep can read; the reasons
 * add up to the score before clamping.
 */
export function scoreLead(lead: Lead, framework: Framework, now: number, activity?: ActivitySummary): LeadScore {
  if (lead.stage === 'disqualified') {
    return { score: 0, reasons: [{ points: 0, text: 'score 0: disqualified', says: { id: 'disqualified' } }] };
  }
  const parts = scoreParts(lead, framework, now, activity);
  const reasons = [...parts.fit.reasons, ...parts.intent.reasons, ...parts.engagement.reasons, ...parts.qualification.reasons];
  const sum = reasons.reduce((total, r) => total + r.points, 0);
  return { score: Math.min(100, Math.max(0, sum)), reasons };
}
