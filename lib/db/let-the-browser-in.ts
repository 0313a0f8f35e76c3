import type { LeadlineDatabase } from './database';
import { TOTALS_KEY } from './upkeep';

/**
 * Inside a read-write transaction on leads (which always holds the totals, see upkeep.ts): lets the
 * browser run what is waiting (a click, a paint) before going on, without letting the transaction
 * commit. The read's answer comes back in a task of its own, so the work before it and the work
 * after it are two short tasks instead of one long one.
 */
export function letTheBrowserIn(db: LeadlineDatabase): Promise<unknown> {
  return db.totals.get(TOTALS_KEY);
}
