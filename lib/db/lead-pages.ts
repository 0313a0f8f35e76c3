import type { LeadlineDatabase } from './database';
import { searchTerms } from '@/lib/model/keys';
import type { Lead } from '@/lib/model/lead';
import { newestHitFirst, searchLeadIds, type SearchHit } from './search';
import { TOTALS_KEY } from './upkeep';

/** Newest first, or highest score first (newest first among equal scores). */
export type LeadOrder = 'newest' | 'score';

/** The size of the popup's list of leads. */
export interface ListSize {
  /** Whether these are the matches of a search rather than every lead. */
  isSearch: boolean;
  total: number;
  /** A search while an import's leads are still being indexed: there may be more matches than these. */
  indexing: boolean;
}

/** A stretch of that list: the leads at positions offset, offset + 1, … in one order. */
export interface LeadWindow {
  order: LeadOrder;
  offset: number;
  leads: Lead[];
}

const ORDER_INDEX: Record<LeadOrder, string> = { newest: 'createdAt', score: '[score+createdAt]' };

function inOrder(db: LeadlineDatabase, order: LeadOrder) {
  return db.leads.orderBy(ORDER_INDEX[order]).reverse();
}

// As the indexes read in reverse: equal keys come in descending id order.
const newestFirst = (a: Lead, b: Lead) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const COMPARE: Record<LeadOrder, (a: Lead, b: Lead) => number> = {
  newest: newestFirst,
  score: (a, b) => b.score - a.score || newestFirst(a, b),
};

/** Leads already in memory, in the given order, as the database would list them. */
export function sortLeads(leads: readonly Lead[], order: LeadOrder): Lead[] {
  return [...leads].sort(COMPARE[order]);
}

const COMPARE_HITS: Record<LeadOrder, (a: SearchHit, b: SearchHit) => number> = {
  newest: newestHitFirst,
  score: (a, b) => (b.score ?? 0) - (a.score ?? 0) || newestHitFirst(a, b),
};

/** A search's matches in the given order. */
export function sortHits(hits: readonly SearchHit[], order: LeadOrder): SearchHit[] {
  return [...hits].sort(COMPARE_HITS[order]);
}

/** A query with no word in it ("", "  ", "--") lists every lead; searchMatches finds nothing for it. */
export function isSearch(query: string): boolean {
  return searchTerms(query).length > 0;
}

/**
 * How many leads there are, from the running totals (kept with every write by lib/db/upkeep.ts): one
 * small read, where counting the store took Chromium ~200 ms at 100,000 leads.
 */
export async function countLeads(db: LeadlineDatabase): Promise<number> {
  const row = await db.totals.get(TOTALS_KEY);
  return (row?.value as { leads?: number } | undefined)?.leads ?? 0;
}

/**
 * The leads at positions offset to offset + limit - 1. Offset before limit: Dexie then skips with
 * the cursor's advance() and reads only the leads of the page, however far down it is.
 */
export function leadPage(db: LeadlineDatabase, order: LeadOrder, offset: number, limit: number): Promise<Lead[]> {
  return inOrder(db, order).offset(offset).limit(limit).toArray();
}


/** Where a lead stands in the list (0 is the top), or undefined when it is not in it (deleted, or not a match). */
export async function leadPosition(
  db: LeadlineDatabase,
  query: string,
  order: LeadOrder,
  id: string,
): Promise<number | undefined> {
  if (isSearch(query)) {
    const position = sortHits((await searchLeadIds(db, query, { scores: order === 'score' })).hits, order).findIndex((hit) => hit.id === id);
    return position < 0 ? undefined : position;
  }
  return db.transaction('r', db.leads, async () => {
    const lead = await db.leads.get(id);
    if (!lead) return undefined;
    const index = ORDER_INDEX[order];
    const key = order === 'score' ? [lead.score, lead.createdAt] : lead.createdAt;
    const before = await db.leads.where(index).above(key).count();
    // Leads with the same key follow in descending id order (see newestFirst).
    const sameKey = await db.leads.where(index).equals(key).primaryKeys();
    return before + sameKey.filter((other) => other > id).length;
  });
}

/**
 * Leads per read when reading every lead: the browser hands a read's records over in one task, which
 * at 5,000 leads held the page for ~150 ms (npm run bench); 2,000 keep each hand-over short.
 */
export const READ_PAGE = 2_000;

/**
 * Every lead, in id order, read a page at a time. One read of 100,000 leads holds the page for ~3 s
 * while the browser hands the records over; between pages the page stays free for clicks and
 * painting. Only database reads are awaited, so inside a live query every page is watched.
 */
export async function everyLead(
  db: LeadlineDatabase,
  { pageSize = READ_PAGE, onProgress }: { pageSize?: number; onProgress?: (read: number) => void } = {},
): Promise<Lead[]> {
  const leads: Lead[] = [];
  await forEachLeadPage(db, pageSize, (page) => {
    for (const lead of page) leads.push(lead);
    onProgress?.(leads.length);
  });
  return leads;
}

/** Hands every lead to `visit`, a page at a time in id order, so a caller can keep only what it needs of each. */
export async function forEachLeadPage(db: LeadlineDatabase, pageSize: number, visit: (page: Lead[]) => void): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const from = last === undefined ? db.leads.orderBy(':id') : db.leads.where(':id').above(last);
    const page = await from.limit(pageSize).toArray();
    visit(page);
    if (page.length < pageSize) return;
    last = page[page.length - 1]!.id;
  }
}
