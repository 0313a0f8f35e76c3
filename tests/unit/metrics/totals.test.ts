import { describe, expect, it } from 'vitest';
import {
  conversion,
  conversionByChannel,
  conversionBySource,
  costPerCustomer,
  costPerLead,
  countByStage,
  medianDaysToClose,
  medianDaysToQualify,
  weeklyCapturedVsCustomers,
} from '@/lib/metrics/funnel';
import {
  channelConversion,
  channelCosts,
  countLead,
  medianDaysToCloseOf,
  medianDaysToQualifyOf,
  overallConversion,
  sourceConversion,
  stageCountsOf,
  totalsOf,
  weeklyPoints,
} from '@/lib/metrics/totals';
import { CHANNELS, type Lead } from '@/lib/model/lead';
import { STAGE_IDS, type Stage } from '@/lib/model/stage';
import { makeLead } from '../io/lead-factory';
import { pick, seededRandom } from '../db/seeded-random';

const DAY = 86_400_000;
const NOW = new Date(2026, 5, 12, 15, 0).getTime();

/** Leads with random sources, lists, channels and stage histories over the last 20 weeks. */
function randomLeads(seed: number, count: number): Lead[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, n) => {
    const capturedAt = NOW - Math.floor(random() * 140 * DAY);
    const history: { stage: Stage; at: number }[] = [{ stage: 'new', at: capturedAt }];
    for (let step = 0; step < Math.floor(random() * 4); step++) {
      history.push({ stage: pick(random, STAGE_IDS), at: history[history.length - 1]!.at + Math.floor(random() * 9 * DAY) });
    }
    const source = pick(random, ['linkedin', 'gmail', 'import', 'web'] as const);
    return makeLead({
      id: `lead-${n}`,
      source,
      ...(source === 'import' && random() < 0.7 ? { sourceList: pick(random, ['SaaStr', 'Webinar']) } : {}),
      ...(random() < 0.8 ? { channel: pick(random, CHANNELS).id } : {}),
      capturedAt,
      createdAt: capturedAt,
      updatedAt: history[history.length - 1]!.at,
      stage: random() < 0.1 ? 'customer' : history[history.length - 1]!.stage,
      stageHistory: random() < 0.05 ? [] : history,
    });
  });
}

describe('the dashboard figures from running totals', () => {
  it('are the figures a pass over every lead gives', () => {
    for (const seed of [1, 2, 3]) {
      const leads = randomLeads(seed, 400);
      const totals = totalsOf(leads);
      expect(stageCountsOf(totals)).toEqual(countByStage(leads));
      expect(overallConversion(totals)).toEqual(conversion(leads));
      expect(channelConversion(totals)).toEqual(conversionByChannel(leads));
      expect(sourceConversion(totals)).toEqual(conversionBySource(leads));
      expect(weeklyPoints(totals, NOW, 12)).toEqual(weeklyCapturedVsCustomers(leads, NOW, 12));
      const spend = { ad: 1200, referral: 0, event: 300 };
      expect(channelCosts(totals, spend, 'leads')).toEqual(costPerLead(leads, spend));
      expect(channelCosts(totals, spend, 'customers')).toEqual(costPerCustomer(leads, spend));
      // Medians are kept to a tenth of a day, the precision the dashboard shows.
      expect(medianDaysToQualifyOf(totals)).toBeCloseTo(medianDaysToQualify(leads)!, 1);
      expect(medianDaysToCloseOf(totals)).toBeCloseTo(medianDaysToClose(leads)!, 1);
    }
  });

  it('come back to empty when every lead counted is taken away again', () => {
    const leads = randomLeads(4, 100);
    const totals = totalsOf(leads);
    for (const lead of leads) countLead(totals, lead, -1);
    expect(totals).toEqual(totalsOf([]));
  });
});
