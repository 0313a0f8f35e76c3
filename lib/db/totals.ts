import type { LeadlineDatabase } from './database';
import { emptyTotals, totalsOf, type LeadTotals } from '@/lib/metrics/totals';
import { everyLead } from './lead-pages';
import { TOTALS_KEY } from './upkeep';

/** The running totals of every lead (kept by lib/db/upkeep.ts with each write): one small read. */
export async function getTotals(db: LeadlineDatabase): Promise<LeadTotals> {
  const row = await db.totals.get(TOTALS_KEY);
  return (row?.value as LeadTotals | undefined) ?? emptyTotals();
}

/**
 * Recounts the totals from every lead and stores them, in one transaction so no write slips in
 * between the count and the store. For repair and for tests: the middleware keeps them right.
 */
export async function rebuildTotals(db: LeadlineDatabase): Promise<LeadTotals> {
  return db.transaction('rw', db.leads, db.totals, async () => {
    const totals = totalsOf(await everyLead(db));
    await db.totals.put({ key: TOTALS_KEY, value: totals });
    return totals;
  });
}
