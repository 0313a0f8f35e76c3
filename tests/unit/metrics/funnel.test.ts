import { describe, expect, it } from 'vitest';
import {
  conversion,
  conversionByChannel,
  conversionBySource,
  costPerCustomer,
  costPerLead,
  countByStage,
  median,
  medianDaysToClose,
  medianDaysToQualify,
  reachedQualified,
  weeklyCapturedVsCustomers,
} from '@/lib/metrics/funnel';
import { LeadSchema, type Lead } from '@/lib/model/lead';
import type { Stage } from '@/lib/model/stage';

/** Local time, as the rep's dashboard sees it. */
const local = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h).getTime();
const DAY = 86_400_000;

let next = 0;
function lead(history: [Stage, number][], fields: Record<string, unknown> = {}): Lead {
  const last = history[history.length - 1]!;
  return LeadSchema.parse({
    id: `lead-${++next}`,
    fullName: `Lead ${next}`,
    source: 'linkedin',
    capturedAt: history[0]![1],
    createdAt: history[0]![1],
    updatedAt: last[1],
    stage: last[0],
    stageHistory: history.map(([stage, at]) => ({ stage, at })),
    ...fields,
  });
}

const T = local(2025, 3, 3);

describe('funnel counts', () => {
  it('counts leads in each stage, zero for empty stages', () => {
    const leads = [lead([['new', T]]), lead([['new', T]]), lead([['new', T], ['qualified', T + DAY]])];
    expect(countByStage(leads)).toEqual({ new: 2, contacted: 0, nurturing: 0, qualified: 1, customer: 0, disqualified: 0 });
  });

  it('counts a lead that was qualified and then disqualified as having reached qualified', () => {
    expect(reachedQualified(lead([['new', T], ['qualified', T + DAY], ['disqualified', T + 2 * DAY]]))).toBe(true);
  });

  it('counts a customer as having reached qualified even if the stage was skipped', () => {
    expect(reachedQualified(lead([['new', T], ['customer', T + DAY]]))).toBe(true);
  });

  it('works out conversion from lead to qualified to customer', () => {
    const leads = [
      lead([['new', T]]),
      lead([['new', T], ['contacted', T + DAY]]),
      lead([['new', T], ['qualified', T + DAY]]),
      lead([['new', T], ['qualified', T + DAY], ['customer', T + 5 * DAY]]),
    ];
    expect(conversion(leads)).toEqual({
      leads: 4,
      qualified: 2,
      customers: 1,
      leadToQualified: 0.5,
      qualifiedToCustomer: 0.5,
      leadToCustomer: 0.25,
    });
  });

  it('gives no rate rather than dividing by zero', () => {
    expect(conversion([])).toMatchObject({ leadToQualified: null, qualifiedToCustomer: null, leadToCustomer: null });
  });

  it('groups conversion by channel, leads without a channel last', () => {
    const leads = [
      lead([['new', T]], { channel: 'referral' }),
      lead([['new', T], ['customer', T + DAY]], { channel: 'referral' }),
      lead([['new', T]], { channel: 'ad' }),
      lead([['new', T]]),
    ];
    expect(conversionByChannel(leads).map((g) => [g.key, g.leads, g.leadToCustomer])).toEqual([
      ['ad', 1, 0],
      ['referral', 2, 0.5],
      ['none', 1, 0],
    ]);
  });

  it('groups conversion by source, the largest first', () => {
    const leads = [lead([['new', T]], { source: 'gmail' }), lead([['new', T]]), lead([['new', T], ['qualified', T + DAY]])];
    expect(conversionBySource(leads).map((g) => [g.label, g.leads, g.leadToQualified])).toEqual([
      ['LinkedIn', 2, 0.5],
      ['Gmail', 1, 0],
    ]);
  });

  it('gives each imported list its own row', () => {
    const leads = [
      lead([['new', T]], { source: 'import', sourceList: 'SaaStr badge scans' }),
      lead([['new', T], ['qualified', T + DAY]], { source: 'import', sourceList: 'SaaStr badge scans' }),
      lead([['new', T]], { source: 'import', sourceList: 'Webinar sign-ups' }),
      lead([['new', T]], { source: 'import' }),
    ];
    expect(conversionBySource(leads).map((g) => [g.label, g.leads, g.leadToQualified])).toEqual([
      ['Import: SaaStr badge scans', 2, 0.5],
      ['Import', 1, 0],
      ['Import: Webinar sign-ups', 1, 0],
    ]);
  });
});

describe('time to qualify and close', () => {
  it('takes the median of an odd number of values', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values of an even number', () => {
    expect(median([1, 2, 4, 10])).toBe(3);
  });

  it('gives the median days from capture to first qualified', () => {
    const leads = [
      lead([['new', T], ['contacted', T + DAY], ['qualified', T + 4 * DAY]]),
      lead([['new', T], ['qualified', T + 10 * DAY], ['customer', T + 30 * DAY]]),
      lead([['new', T], ['qualified', T + 6 * DAY]]),
      lead([['new', T]]),
    ];
    expect(medianDaysToQualify(leads)).toBe(6);
  });

  it('gives the median days from capture to customer', () => {
    const leads = [
      lead([['new', T], ['qualified', T + DAY], ['customer', T + 20 * DAY]]),
      lead([['new', T], ['customer', T + 40 * DAY]]),
    ];
    expect(medianDaysToClose(leads)).toBe(30);
  });

  it('leaves out a lead imported as already qualified, whose time to qualify is unknown', () => {
    const leads = [lead([['qualified', T]]), lead([['new', T], ['qualified', T + 2 * DAY]])];
    expect(medianDaysToQualify(leads)).toBe(2);
  });

  it('says nothing when no lead has qualified', () => {
    expect(medianDaysToQualify([lead([['new', T]])])).toBeNull();
  });
});

describe('captured versus customers per week', () => {
  it('ends with the ISO week of now and counts captures and new customers per week', () => {
    const now = local(2025, 3, 5); // Wednesday of 2025-W10
    const leads = [
      lead([['new', local(2025, 3, 3, 0)]]), // Monday 00:00, W10
      lead([['new', local(2025, 3, 2, 23)]]), // Sunday night, W09
      lead([['new', local(2025, 2, 24)], ['customer', local(2025, 3, 4)]]), // captured W09, customer W10
    ];
    const weeks = weeklyCapturedVsCustomers(leads, now, 3);
    expect(weeks.map((w) => [w.label, w.captured, w.customers])).toEqual([
      ['2025-W08', 0, 0],
      ['2025-W09', 2, 0],
      ['2025-W10', 1, 1],
    ]);
    expect(weeks[2]?.weekStart).toBe(local(2025, 3, 3, 0));
  });

  it('gives twelve weeks by default', () => {
    expect(weeklyCapturedVsCustomers([], local(2025, 3, 5))).toHaveLength(12);
  });

  it('labels weeks around new year by ISO week-year', () => {
    expect(weeklyCapturedVsCustomers([], local(2025, 1, 2), 2).map((w) => w.label)).toEqual(['2024-W52', '2025-W01']);
    expect(weeklyCapturedVsCustomers([], local(2021, 1, 6), 2).map((w) => w.label)).toEqual(['2020-W53', '2021-W01']);
  });

  it('leaves out leads captured before the first week or after now', () => {
    const leads = [lead([['new', local(2024, 1, 1)]]), lead([['new', local(2025, 6, 1)]])];
    expect(weeklyCapturedVsCustomers(leads, local(2025, 3, 5), 4).every((w) => w.captured === 0)).toBe(true);
  });
});

describe('cost per lead and per customer', () => {
  const leads = [
    lead([['new', T]], { channel: 'ad' }),
    lead([['new', T]], { channel: 'ad' }),
    lead([['new', T]], { channel: 'ad' }),
    lead([['new', T], ['customer', T + DAY]], { channel: 'ad' }),
    lead([['new', T]], { channel: 'event' }),
  ];

  it('divides spend by leads for each channel with a spend figure', () => {
    expect(costPerLead(leads, { ad: 1_000, event: 2_500 })).toEqual([
      { channel: 'ad', label: 'Ad', spend: 1_000, count: 4, cost: 250 },
      { channel: 'event', label: 'Event', spend: 2_500, count: 1, cost: 2_500 },
    ]);
  });

  it('divides spend by customers, with no cost for a channel that brought none', () => {
    expect(costPerCustomer(leads, { ad: 1_000, event: 2_500 })).toEqual([
      { channel: 'ad', label: 'Ad', spend: 1_000, count: 1, cost: 1_000 },
      { channel: 'event', label: 'Event', spend: 2_500, count: 0, cost: null },
    ]);
  });
});
