import type { LeadlineDatabase } from './database';
import { searchTerms } from '@/lib/model/keys';
import { searchMatches } from './leads';
import type { Lead } from '@/lib/model/lead';

/** Newest first, or highest score first (newest first among equal scores). */
export type LeadOrder = 'newest' | 'score';

/** The size of the popup's list of leads. */
export interface ListSize {
  /** Whether these are the matches of a search rather than every lead. */
  isSearch: boolean;
  total: number;
  /** False when a search read as many candidates as it may: there may be more matches than these. */
  complete: boolean;
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

/** A query with no word in it ("", "  ", "--") lists every lead; searchMatches finds nothing for it. */
export function isSearch(query: string): boolean {
  return searchTerms(query).length > 0;
}

/**
 * How many leads there are: the list holds every one in either order (each has a score and a
 * createdAt). Counted on the store, not an index: Chromium walks what it counts, and at 100,000 leads
 * took ~200 ms for the store against 550–1,100 ms for an index.
 */
export function countLeads(db: LeadlineDatabase): Promise<number> {
  return db.leads.count();
}

/**
 * The leads at positions offset to offset + limit - 1. Offset before limit: Dexie then skips with
 * the cursor's advance() and reads only the leads of the page, however far down it is.
 */
export function leadPage(db: LeadlineDatabase, order: LeadOrder, offset: number, limit: number): Promise<Lead[]> {
  return inOrder(db, order).offset(offset).limit(limit).toArray();
}

/** A search's matches, in list order. */
async function matchingLeads(db: LeadlineDatabase, query: string, order: LeadOrder): Promise<Lead[]> {
  return sortLeads((await searchMatches(db, query)).leads, order);
}

/** Where a lead stands in the list (0 is the top), or undefined when it is not in it (deleted, or not a match). */
export async function leadPosition(
  db: LeadlineDatabase,
  query: string,
  order: LeadOrder,
  id: string,
): Promise<number | undefined> {
  if (isSearch(query)) {
    const position = (await matchingLeads(db, query, order)).findIndex((lead) => lead.id === id);
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

/** Leads per read when reading every lead: ~150 ms of the page's time each at 100,000 leads. */
const READ_PAGE = 5_000;

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
  let last: string | undefined;
  for (;;) {
    const from = last === undefined ? db.leads.orderBy(':id') : db.leads.where(':id').above(last);
    const page = await from.limit(pageSize).toArray();
    for (const lead of page) leads.push(lead);
    onProgress?.(leads.length);
    if (page.length < pageSize) return leads;
    last = page[page.length - 1]!.id;
  }
}
