import type { LeadlineDatabase } from './database';
import { matchesSearch, searchTerms } from '@/lib/model/keys';
import type { Lead } from '@/lib/model/lead';
import { letTheBrowserIn } from './let-the-browser-in';
import { fromWordsKey, INDEXING_KEY, wordsKeyTime, wordsRecord, type IndexingMark, type LeadWords } from './upkeep';

/** A lead that matches a search: what the list orders by, without reading the lead itself. */
export type SearchHit = Pick<LeadWords, 'id' | 'createdAt'> & {
  /** Present when the search was asked for scores (to list matches highest score first). */
  score?: number;
};

export interface SearchResult {
  /** Every match, newest first (equal times in descending id order, as the list's index reads them). */
  hits: SearchHit[];
  /** Some leads (an import's) are not in the word index yet: there may be more matches than these. */
  indexing: boolean;
}

/** The order a search's matches are listed in (the same two orders as every lead). */
export type SearchOrder = 'newest' | 'score';

/** A stretch of a search's matches: how many there are in all, and the leads at offset to offset + limit - 1. */
export interface SearchWindow {
  total: number;
  indexing: boolean;
  leads: Lead[];
}

export const newestHitFirst = (a: SearchHit, b: SearchHit) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

// Words keys sort as [createdAt, id] (see wordsKey): the greater key is the newer lead.
const newestKeyFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

type Match = { key: string; score?: number };

const entriesOf = (db: LeadlineDatabase, term: string) => db.leadWords.where('words').startsWith(term);

/**
 * The one word a term's index range holds, when it holds only one ("chen" when no lead has "chenoa"),
 * found from the range's first and last entries. Each lead has each word once, so that range then
 * lists each match once, in key order: the word's count is the number of matches and any stretch of it
 * is a stretch of the list, with no key read beyond the rows shown.
 */
async function onlyWordOf(db: LeadlineDatabase, term: string): Promise<string | undefined> {
  const [first] = await entriesOf(db, term).limit(1).keys();
  if (first === undefined) return undefined;
  const [last] = await entriesOf(db, term).reverse().limit(1).keys();
  return first === last ? (first as string) : undefined;
}

/** How many leads a term finds when it is one word in the index, from the kept count; otherwise its index entries, counted. */
async function termSize(db: LeadlineDatabase, term: string): Promise<number> {
  const word = await onlyWordOf(db, term);
  if (word !== undefined) return (await db.wordCounts.get(word))?.leads ?? 0;
  return entriesOf(db, term).count();
}

/**
 * Every match of the terms, newest first (or highest score first), each once. One term: the keys of
 * its index range and nothing else, unless scores are needed. Several terms: each term's entries are
 * sized (from the kept word counts when a term is one word), and only the term with the fewest is read, its small words
 * records checked against every term in memory. Every match is found, with no cap.
 */
async function allMatches(db: LeadlineDatabase, terms: readonly string[], order: SearchOrder): Promise<Match[]> {
  if (terms.length === 1 && order === 'newest') {
    const keys = (await entriesOf(db, terms[0]!).primaryKeys()) as string[];
    // A prefix that begins several words ("chen": "chen", "chenoa") lists a lead once per word it has.
    return [...new Set(keys)].sort(newestKeyFirst).map((key) => ({ key }));
  }
  let smallest = terms[0]!;
  if (terms.length > 1) {
    const counts = await Promise.all(terms.map((term) => termSize(db, term)));
    smallest = terms[counts.indexOf(Math.min(...counts))]!;
  }
  const seen = new Set<string>();
  const matches: Match[] = [];
  for (const record of await entriesOf(db, smallest).toArray()) {
    if (seen.has(record.key)) continue;
    seen.add(record.key);
    if (terms.length === 1 || matchesSearch(record.words, terms)) matches.push({ key: record.key, score: record.score });
  }
  return matches.sort(order === 'score' ? (a, b) => b.score! - a.score! || newestKeyFirst(a.key, b.key) : (a, b) => newestKeyFirst(a.key, b.key));
}

const uniqueTerms = (query: string) => [...new Set(searchTerms(query))];

/**
 * What the list shows of a search: the exact number of matches and the leads at positions offset to
 * offset + limit - 1, in one transaction so the two always agree. A one-word search whose term is a
 * single word in the index ("chen" at 100,000 leads: 8,334 matches) reads that word's kept count
 * and the keys of the rows shown only; other searches read every match's key (see allMatches), then the
 * rows shown.
 */
export async function searchWindow(db: LeadlineDatabase, query: string, order: SearchOrder, offset: number, limit: number): Promise<SearchWindow> {
  const terms = uniqueTerms(query);
  if (terms.length === 0) return { total: 0, indexing: false, leads: [] };
  return db.transaction('r', db.leadWords, db.wordCounts, db.totals, db.leads, async () => {
    const indexing = (await db.totals.get(INDEXING_KEY)) !== undefined;
    const word = terms.length === 1 && order === 'newest' ? await onlyWordOf(db, terms[0]!) : undefined;
    let total: number;
    let keys: string[];
    if (word !== undefined) {
      total = (await db.wordCounts.get(word))?.leads ?? 0;
      keys = (await db.leadWords.where('words').equals(word).reverse().offset(offset).limit(limit).primaryKeys()) as string[];
    } else {
      const matches = await allMatches(db, terms, order);
      total = matches.length;
      keys = matches.slice(offset, offset + limit).map((match) => match.key);
    }
    return { total, indexing, leads: await leadsByIds(db, keys.map((key) => fromWordsKey(key).id)) };
  });
}

/**
 * Every lead whose words start with each of the terms typed ("ana acme", "garcía",
 * "ana.souza@acme.io"), exactly, with no cap, newest first (with their scores when asked, to list
 * them highest score first). For callers that need every match (where a lead stands in the list).
 */
export async function searchLeadIds(db: LeadlineDatabase, query: string, { scores = false }: { scores?: boolean } = {}): Promise<SearchResult> {
  const terms = uniqueTerms(query);
  if (terms.length === 0) return { hits: [], indexing: false };
  return db.transaction('r', db.leadWords, db.wordCounts, db.totals, async () => {
    const indexing = (await db.totals.get(INDEXING_KEY)) !== undefined;
    const matches = await allMatches(db, terms, scores ? 'score' : 'newest');
    const hits = matches.map(({ key, score }) => ({ ...fromWordsKey(key), ...(score === undefined ? {} : { score }) }));
    return { hits: hits.sort(newestHitFirst), indexing };
  });
}

/** The leads of these ids, in the same order; a lead deleted meanwhile is left out. */
export async function leadsByIds(db: LeadlineDatabase, ids: readonly string[]): Promise<Lead[]> {
  return (await db.leads.bulkGet([...ids])).filter((lead): lead is Lead => lead !== undefined);
}

/** A search's matching leads, newest first: for callers that want them all (tests, small books). */
export async function searchMatches(db: LeadlineDatabase, query: string): Promise<{ leads: Lead[]; indexing: boolean }> {
  const { hits, indexing } = await searchLeadIds(db, query);
  return { leads: await leadsByIds(db, hits.map((hit) => hit.id)), indexing };
}

/** Whether some leads' search words are still being written in the background. */
export async function isIndexingSearch(db: LeadlineDatabase): Promise<boolean> {
  return (await db.totals.get(INDEXING_KEY)) !== undefined;
}

// Leads per transaction of the background pass. Reading a page of leads and writing their words are
// two tasks (see letTheBrowserIn); at 1,000 leads a page each held the page for ~0.3 s (npm run bench).
const INDEX_BATCH = 200;

async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? ((await locks.request(name, work)) as T) : work();
}

/**
 * Writes the search words an import left for later (see deferSearchWords), a page of leads per
 * transaction, then clears the "still indexing" mark unless another import set it again meanwhile. Safe to run
 * at any time and from several pages at once (one runs at a time; the others find nothing to do);
 * the background runs it at start, so an import whose page was closed is indexed all the same.
 */
export async function indexSearchWords(
  db: LeadlineDatabase,
  { onProgress, batchSize = INDEX_BATCH }: { onProgress?: (done: number, total: number) => void; batchSize?: number } = {},
): Promise<number> {
  return withLock(`leadline-search-words-${db.name}`, async () => {
    const mark = await db.totals.get(INDEXING_KEY);
    if (!mark) return 0;
    const { since } = mark.value as IndexingMark;
    // Every lead an import left for later was created at or after `since`: those leads are (re)indexed,
    // a page at a time, and nothing older is read. Writing a record again is harmless.
    const inRange = () => db.leads.where('createdAt').aboveOrEqual(since);
    let done = 0;
    // Paged by id, the one order a page can resume from (an import's leads share one creation time,
    // and skipping ahead in an index walks every entry before the page). A pass that missed a lead
    // (added meanwhile with an id already passed) is followed by another; the middleware indexes a
    // lead saved meanwhile by itself anyway.
    for (let pass = 0; pass < 5; pass++) {
      const total = await inRange().count();
      let seen = 0;
      let last: string | undefined;
      for (;;) {
        const page = await db.transaction('rw', db.leads, db.leadWords, db.totals, async () => {
          const from = last === undefined ? db.leads.orderBy(':id') : db.leads.where(':id').above(last);
          const leads = await from.limit(batchSize).toArray();
          const fresh = leads.filter((lead) => lead.createdAt >= since).map(wordsRecord);
          await letTheBrowserIn(db);
          await db.leadWords.bulkPut(fresh);
          return { read: leads.length, written: fresh.length, last: leads[leads.length - 1]?.id };
        });
        done += page.written;
        seen += page.written;
        onProgress?.(Math.min(seen, total), total);
        if (page.read < batchSize) break;
        last = page.last;
      }
      const complete = await db.transaction('rw', db.leads, db.leadWords, db.totals, async () => {
        const indexed = await db.leadWords.where(':id').aboveOrEqual(wordsKeyTime(since)).count();
        if (indexed < (await inRange().count())) return false;
        const now = await db.totals.get(INDEXING_KEY);
        if ((now?.value as IndexingMark | undefined)?.token === (mark.value as IndexingMark).token) await db.totals.delete(INDEXING_KEY);
        return true;
      });
      if (complete) break;
    }
    return done;
  });
}
