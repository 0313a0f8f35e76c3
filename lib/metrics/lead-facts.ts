import type { Lead } from '@/lib/model/lead';
import { sourceEnglish } from '@/lib/model/prospect';
import type { Stage } from '@/lib/model/stage';

/** What one lead says about the funnel: the rules the dashboard's figures are made of, whether counted over every lead (funnel.ts) or kept as running totals (totals.ts). */

const DAY = 24 * 60 * 60 * 1000;

export const NO_CHANNEL = 'none';

function firstTimeIn(lead: Lead, stages: readonly Stage[]): number | undefined {
  return lead.stageHistory.find((change) => stages.includes(change.stage))?.at;
}

/** Reached qualified at some point (the one rule, lib/model/qualified.ts): a lead qualified and later disqualified still counts. */
export { reachedQualified } from '@/lib/model/qualified';

export function reachedCustomer(lead: Lead): boolean {
  return lead.stage === 'customer' || firstTimeIn(lead, ['customer']) !== undefined;
}

/** Where a lead came from, for grouping: the source, and for an import its list ("Import: SaaStr badge scans"). */
export function sourceLabel(lead: Pick<Lead, 'source' | 'sourceList'>): string {
  // A key of the stored totals (lib/db/totals.ts), so it keeps the fixed English words whatever the rep's language.
  return lead.source === 'import' && lead.sourceList ? `${sourceEnglish('import')}: ${lead.sourceList}` : sourceEnglish(lead.source);
}

/**
 * Days from a lead's first stage to its first entry in one of `target`. Only leads whose history
 * starts before the target count: a lead imported as already qualified has no known time to qualify.
 */
export function daysToStage(lead: Lead, target: readonly Stage[]): number | undefined {
  const start = lead.stageHistory[0];
  if (!start || target.includes(start.stage)) return undefined;
  const reached = firstTimeIn(lead, target);
  return reached !== undefined && reached >= start.at ? (reached - start.at) / DAY : undefined;
}

/** When the lead became a customer: its first step into the stage, or its last update for a customer with no history. */
export function becameCustomerAt(lead: Lead): number | undefined {
  const at = firstTimeIn(lead, ['customer']);
  if (at !== undefined) return at;
  return lead.stage === 'customer' ? lead.updatedAt : undefined;
}

/** Local midnight of the Monday of the week of `ms`. */
export function mondayOf(ms: number): Date {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7));
}

/** ISO week label of the week starting on this local Monday (the week belongs to the year of its Thursday). */
export function isoWeekLabel(monday: Date): string {
  const thursday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 3);
  const year = thursday.getFullYear();
  // Calendar-day arithmetic in UTC, so a daylight-saving change cannot shift the count.
  const dayNumber = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY;
  const week = Math.floor((dayNumber(thursday) - dayNumber(new Date(year, 0, 1))) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
