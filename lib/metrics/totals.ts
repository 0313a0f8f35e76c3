import { CHANNELS, type Channel, type Lead } from '@/lib/model/lead';
import { QUALIFIED_STAGES } from '@/lib/model/qualified';
import { STAGES, type Stage } from '@/lib/model/stage';
import { becameCustomerAt, daysToStage, isoWeekLabel, mondayOf, NO_CHANNEL, reachedCustomer, reachedQualified, sourceKey } from './lead-facts';
import type {
  ChannelCost,
  ChannelSpend,
  Conversion,
  GroupConversion,
  StageCounts,
  WeekPoint,
} from './funnel';

/**
 * Running totals: everything the dashboard and the lead count show, kept as counts that one lead's
 * write can adjust (add what the new version contributes, take away what the old one did), so no
 * figure ever needs a pass over every lead. lib/db keeps one such record up to date in the same
 * transaction as each write (see lib/db/upkeep.ts); `totalsOf` rebuilds it from the leads themselves,
 * and a test holds the two equal on random histories.
 */

/** Leads, and how many of them reached qualified and customer, in one group. */
export interface GroupCounts {
  leads: number;
  qualified: number;
  customers: number;
}

export interface LeadTotals {
  leads: number;
  qualified: number;
  customers: number;
  byStage: Partial<Record<Stage, number>>;
  /** By channel id, or NO_CHANNEL. */
  byChannel: Record<string, GroupCounts>;
  /** By source key (lead-facts.ts): "LinkedIn", "Import: SaaStr badge scans", in English whatever the rep's language. */
  bySource: Record<string, GroupCounts>;
  /** Leads captured per local day ("2025-03-07"): weeks are summed from days, so no week boundary is stored. */
  capturedByDay: Record<string, number>;
  /** Leads that became customers per local day. */
  customersByDay: Record<string, number>;
  /** Days from first stage to qualified, in tenths of a day (what the dashboard shows), as value → how many leads. */
  tenthsToQualify: Record<string, number>;
  /** Days from first stage to customer, likewise. */
  tenthsToClose: Record<string, number>;
}

export function emptyTotals(): LeadTotals {
  return {
    leads: 0,
    qualified: 0,
    customers: 0,
    byStage: {},
    byChannel: {},
    bySource: {},
    capturedByDay: {},
    customersByDay: {},
    tenthsToQualify: {},
    tenthsToClose: {},
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a time, "2025-03-07". */
export function localDay(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

function bump(counts: Record<string, number>, key: string, by: number): void {
  const next = (counts[key] ?? 0) + by;
  // Keys whose count falls to zero go, so totals kept up to date equal totals rebuilt from scratch.
  if (next === 0) delete counts[key];
  else counts[key] = next;
}

function bumpGroup(groups: Record<string, GroupCounts>, key: string, lead: GroupCounts, sign: 1 | -1): void {
  const group = (groups[key] ??= { leads: 0, qualified: 0, customers: 0 });
  group.leads += sign * lead.leads;
  group.qualified += sign * lead.qualified;
  group.customers += sign * lead.customers;
  if (group.leads === 0 && group.qualified === 0 && group.customers === 0) delete groups[key];
}

/** Adds one lead to the totals (sign 1), or takes it away (sign -1). Changes `totals` in place. */
export function countLead(totals: LeadTotals, lead: Lead, sign: 1 | -1): void {
  const counts: GroupCounts = { leads: 1, qualified: reachedQualified(lead) ? 1 : 0, customers: reachedCustomer(lead) ? 1 : 0 };
  totals.leads += sign;
  totals.qualified += sign * counts.qualified;
  totals.customers += sign * counts.customers;
  bump(totals.byStage, lead.stage, sign);
  bumpGroup(totals.byChannel, lead.channel ?? NO_CHANNEL, counts, sign);
  bumpGroup(totals.bySource, sourceKey(lead), counts, sign);
  bump(totals.capturedByDay, localDay(lead.capturedAt), sign);
  const closedAt = becameCustomerAt(lead);
  if (closedAt !== undefined) bump(totals.customersByDay, localDay(closedAt), sign);
  const toQualify = daysToStage(lead, QUALIFIED_STAGES);
  if (toQualify !== undefined) bump(totals.tenthsToQualify, String(Math.round(toQualify * 10)), sign);
  const toClose = daysToStage(lead, ['customer']);
  if (toClose !== undefined) bump(totals.tenthsToClose, String(Math.round(toClose * 10)), sign);
}

/** The totals of these leads, from scratch. */
export function totalsOf(leads: Iterable<Lead>): LeadTotals {
  const totals = emptyTotals();
  for (const lead of leads) countLead(totals, lead, 1);
  return totals;
}

// ---- The dashboard's figures, read from totals ----

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function conversionOf(counts: GroupCounts): Conversion {
  return {
    leads: counts.leads,
    qualified: counts.qualified,
    customers: counts.customers,
    leadToQualified: rate(counts.qualified, counts.leads),
    qualifiedToCustomer: rate(counts.customers, counts.qualified),
    leadToCustomer: rate(counts.customers, counts.leads),
  };
}

export function stageCountsOf(totals: LeadTotals): StageCounts {
  return Object.fromEntries(STAGES.map((s) => [s.id, totals.byStage[s.id] ?? 0])) as StageCounts;
}

export function overallConversion(totals: LeadTotals): Conversion {
  return conversionOf(totals);
}

/** As conversionByChannel: one row per channel with leads, in listed order, no channel last. */
export function channelConversion(totals: LeadTotals): GroupConversion[] {
  return [...CHANNELS.map((c) => ({ key: c.id as string, label: c.label as string })), { key: NO_CHANNEL, label: 'No channel' }].flatMap(
    (group) => {
      const counts = totals.byChannel[group.key];
      return counts && counts.leads > 0 ? [{ ...group, ...conversionOf(counts) }] : [];
    },
  );
}

/** As conversionBySource: one row per source with leads, the largest first. */
export function sourceConversion(totals: LeadTotals): GroupConversion[] {
  return Object.entries(totals.bySource)
    .filter(([, counts]) => counts.leads > 0)
    .map(([key, counts]) => ({ key, label: key, ...conversionOf(counts) }))
    .sort((a, b) => b.leads - a.leads || a.label.localeCompare(b.label));
}

/** The median of a value → count histogram, or null when it is empty. */
export function histogramMedian(histogram: Record<string, number>): number | null {
  const entries = Object.entries(histogram)
    .map(([value, count]) => [Number(value), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const at = (position: number): number => {
    let seen = 0;
    for (const [value, count] of entries) {
      seen += count;
      if (position < seen) return value;
    }
    return entries[entries.length - 1]![0];
  };
  const middle = Math.floor(total / 2);
  return total % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** Median days to qualify, to a tenth of a day (the precision the dashboard shows). */
export function medianDaysToQualifyOf(totals: LeadTotals): number | null {
  const tenths = histogramMedian(totals.tenthsToQualify);
  return tenths === null ? null : tenths / 10;
}

export function medianDaysToCloseOf(totals: LeadTotals): number | null {
  const tenths = histogramMedian(totals.tenthsToClose);
  return tenths === null ? null : tenths / 10;
}

/** As weeklyCapturedVsCustomers: per ISO week (local time), oldest first, ending with the week of `now`. */
export function weeklyPoints(totals: LeadTotals, now: number, weeks = 12): WeekPoint[] {
  const current = mondayOf(now);
  return Array.from({ length: weeks }, (_, i) => {
    const start = new Date(current.getFullYear(), current.getMonth(), current.getDate() - 7 * (weeks - 1 - i));
    let captured = 0;
    let customers = 0;
    for (let day = 0; day < 7; day++) {
      const key = localDay(new Date(start.getFullYear(), start.getMonth(), start.getDate() + day).getTime());
      captured += totals.capturedByDay[key] ?? 0;
      customers += totals.customersByDay[key] ?? 0;
    }
    return { weekStart: start.getTime(), label: isoWeekLabel(start), captured, customers };
  });
}

/** As costPerLead / costPerCustomer, for the channels with a spend figure. */
export function channelCosts(totals: LeadTotals, spend: ChannelSpend, of: 'leads' | 'customers'): ChannelCost[] {
  return CHANNELS.filter((c) => spend[c.id] !== undefined).map((c: { id: Channel; label: string }) => {
    const amount = spend[c.id] ?? 0;
    const count = totals.byChannel[c.id]?.[of] ?? 0;
    return { channel: c.id, label: c.label, spend: amount, count, cost: count === 0 ? null : amount / count };
  });
}
