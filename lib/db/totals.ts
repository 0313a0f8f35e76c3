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
 * How many writes to leads there have been (each add, put or delete call counts one): the same
 * number twice means nothing was written in between. Read it inside the transaction it guards.
 */
export async function writesToLeads(db: LeadlineDatabase): Promise<number> {
  return ((await db.totals.get(TOTALS_KEY)) as { writes?: number } | undefined)?.writes ?? 0;
}

/**
 * Recounts the totals from every lead and stores them, in one transaction so no write slips in
 * between the count and the store. For repair and for tests: the middleware keeps them right.
 */
export async function rebuildTotals(db: LeadlineDatabase): Promise<LeadTotals> {
  return db.transaction('rw', db.leads, db.totals, async () => {
    const totals = totalsOf(await everyLead(db));
    await db.totals.put({ key: TOTALS_KEY, value: totals, writes: await writesToLeads(db) });
    return totals;
  });
}
