import { CHANNELS, type Channel, type Lead } from '@/lib/model/lead';
import { becameCustomerAt, daysToStage, isoWeekLabel, mondayOf, NO_CHANNEL, reachedCustomer, reachedQualified, sourceKey } from './lead-facts';

export { NO_CHANNEL, reachedCustomer, reachedQualified };
import { QUALIFIED_STAGES, isQualified } from '@/lib/model/qualified';
import { STAGES, type Stage } from '@/lib/model/stage';

/**
 * The dashboard's numbers, computed from leads alone. Pure: the caller passes the leads and `now`,
 * so every figure is reproducible in a test.
 */

export type StageCounts = Record<Stage, number>;

export function countByStage(leads: readonly Lead[]): StageCounts {
  const counts = Object.fromEntries(STAGES.map((s) => [s.id, 0])) as StageCounts;
  for (const lead of leads) counts[lead.stage]++;
  return counts;
}

/** How many leads are qualified now: the number the popup's export and the table's "Qualified" filter give too. */
export function countQualified(leads: readonly Lead[]): number {
  let count = 0;
  for (const lead of leads) if (isQualified(lead)) count++;
  return count;
}

export interface Conversion {
  leads: number;
  qualified: number;
  customers: number;
  /** 0..1, or null when there is nothing to divide by. */
  leadToQualified: number | null;
  qualifiedToCustomer: number | null;
  leadToCustomer: number | null;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function conversion(leads: readonly Lead[]): Conversion {
  const qualified = leads.filter(reachedQualified).length;
  const customers = leads.filter(reachedCustomer).length;
  return {
    leads: leads.length,
    qualified,
    customers,
    leadToQualified: rate(qualified, leads.length),
    qualifiedToCustomer: rate(customers, qualified),
    leadToCustomer: rate(customers, leads.length),
  };
}

export interface GroupConversion extends Conversion {
  key: string;
  label: string;
}

/** The leads of each group, in one pass (the dashboard regroups 100,000 leads after every change). */
function groupLeads(leads: readonly Lead[], keyOf: (lead: Lead) => string): Map<string, Lead[]> {
  const groups = new Map<string, Lead[]>();
  for (const lead of leads) {
    const key = keyOf(lead);
    const members = groups.get(key);
    if (members) members.push(lead);
    else groups.set(key, [lead]);
  }
  return groups;
}

/** One row per channel that has leads, in the order channels are listed, leads without a channel last. */
export function conversionByChannel(leads: readonly Lead[]): GroupConversion[] {
  const groups = groupLeads(leads, (lead) => lead.channel ?? NO_CHANNEL);
  return [...CHANNELS.map((c) => ({ key: c.id as string, label: c.label as string })), { key: NO_CHANNEL, label: 'No channel' }].flatMap(
    (group) => {
      const members = groups.get(group.key);
      return members ? [{ ...group, ...conversion(members) }] : [];
    },
  );
}

/** One row per source (LinkedIn, Gmail, each imported list, …) that has leads, the largest first. */
export function conversionBySource(leads: readonly Lead[]): GroupConversion[] {
  return [...groupLeads(leads, sourceKey)]
    .map(([key, members]) => ({ key, label: key, ...conversion(members) }))
    .sort((a, b) => b.leads - a.leads || a.label.localeCompare(b.label));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median of daysToStage over the leads that have one. */
function daysTo(leads: readonly Lead[], target: readonly Stage[]): number | null {
  const days: number[] = [];
  for (const lead of leads) {
    const value = daysToStage(lead, target);
    if (value !== undefined) days.push(value);
  }
  return median(days);
}

/** Median days from capture to qualified (reaching customer directly counts as qualifying). */
export function medianDaysToQualify(leads: readonly Lead[]): number | null {
  return daysTo(leads, QUALIFIED_STAGES);
}

/** Median days from capture to customer. */
export function medianDaysToClose(leads: readonly Lead[]): number | null {
  return daysTo(leads, ['customer']);
}

export interface WeekPoint {
  /** Local midnight of the week's Monday, in ms. */
  weekStart: number;
  /** ISO 8601 week, e.g. "2025-W10". */
  label: string;
  /** Leads captured that week: the vanity number. */
  captured: number;
  /** Leads that became customers that week: the one that pays. */
  customers: number;
}

/** Captured leads against new customers per ISO week (local time), oldest first, ending with the week of `now`. */
export function weeklyCapturedVsCustomers(leads: readonly Lead[], now: number, weeks = 12): WeekPoint[] {
  const current = mondayOf(now);
  const starts = Array.from(
    { length: weeks + 1 },
    (_, i) => new Date(current.getFullYear(), current.getMonth(), current.getDate() - 7 * (weeks - 1 - i)),
  );
  const points: WeekPoint[] = starts.slice(0, weeks).map((start) => ({
    weekStart: start.getTime(),
    label: isoWeekLabel(start),
    captured: 0,
    customers: 0,
  }));
  const weekIndex = (ms: number): number => {
    for (let i = 0; i < weeks; i++) if (ms >= starts[i]!.getTime() && ms < starts[i + 1]!.getTime()) return i;
    return -1;
  };
  for (const lead of leads) {
    const captured = weekIndex(lead.capturedAt);
    if (captured >= 0) points[captured]!.captured++;
    const closedAt = becameCustomerAt(lead);
    const closed = closedAt === undefined ? -1 : weekIndex(closedAt);
    if (closed >= 0) points[closed]!.customers++;
  }
  return points;
}

/** What was spent on each channel over the period the leads cover, in the rep's currency. */
export type ChannelSpend = Partial<Record<Channel, number>>;

export interface ChannelCost {
  channel: Channel;
  label: string;
  spend: number;
  /** Leads (for costPerLead) or customers (for costPerCustomer) from the channel. */
  count: number;
  /** spend / count, or null when the channel brought none. */
  cost: number | null;
}

function costBy(leads: readonly Lead[], spend: ChannelSpend, counts: (lead: Lead) => boolean): ChannelCost[] {
  return CHANNELS.filter((c) => spend[c.id] !== undefined).map((c) => {
    const amount = spend[c.id] ?? 0;
    const count = leads.filter((lead) => lead.channel === c.id && counts(lead)).length;
    return { channel: c.id, label: c.label, spend: amount, count, cost: count === 0 ? null : amount / count };
  });
}

/** Spend per lead for each channel with a spend figure. */
export function costPerLead(leads: readonly Lead[], spend: ChannelSpend): ChannelCost[] {
  return costBy(leads, spend, () => true);
}

/** Spend per customer for each channel with a spend figure: the number that says where money works. */
export function costPerCustomer(leads: readonly Lead[], spend: ChannelSpend): ChannelCost[] {
  return costBy(leads, spend, reachedCustomer);
}
