import Dexie from 'dexie';
import type { LeadlineDatabase } from './database';
import { matchesSearch, searchTerms } from '@/lib/model/keys';
import type { Lead } from '@/lib/model/lead';
import { letTheBrowserIn } from './let-the-browser-in';
import { ALL_RECORDS, fromWordsKey, INDEXING_KEY, wordsKeyTime, wordsRecord, type IndexingMark, type LeadWords } from './upkeep';

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

/** A term typed, the one word it finds when it is one word in the index, and how many index entries it has. */
interface Term {
  term: string;
  word: string | undefined;
  size: number;
}

const keptCount = async (db: LeadlineDatabase, word: string) => (await db.wordCounts.get(word))?.leads ?? 0;

/**
 * Each term with its size: a single word's kept count, or (only when there are several terms to
 * choose from) its index entries counted. Then the terms that narrow the matches: a word that every
 * indexed lead has ("company" when every company is called Company something) filters out nothing,
 * so it is not read at all (the check in memory still applies every term).
 */
async function narrowingTerms(db: LeadlineDatabase, terms: readonly string[]): Promise<Term[]> {
  const sized = await Promise.all(
    terms.map(async (term): Promise<Term> => {
      const word = await onlyWordOf(db, term);
      if (word !== undefined) return { term, word, size: await keptCount(db, word) };
      return { term, word, size: terms.length > 1 ? await entriesOf(db, term).count() : Infinity };
    }),
  );
  if (sized.length === 1) return sized;
  const indexed = await keptCount(db, ALL_RECORDS);
  const narrowing = sized.filter((term) => !(term.word !== undefined && term.size >= indexed));
  return (narrowing.length > 0 ? narrowing : sized).sort((a, b) => a.size - b.size);
}

/**
 * Every match of the terms, newest first (or highest score first), each once. The narrowing term
 * with the fewest entries is read: its keys alone for one term listed newest first, otherwise its
 * small words records, checked against every term in memory. Every match is found, with no cap.
 */
async function allMatches(db: LeadlineDatabase, terms: readonly string[], narrowing: readonly Term[], order: SearchOrder): Promise<Match[]> {
  const smallest = narrowing[0]!.term;
  if (terms.length === 1 && order === 'newest') {
    const keys = (await entriesOf(db, smallest).primaryKeys()) as string[];
    // A prefix that begins several words ("chen": "chen", "chenoa") lists a lead once per word it has.
    return [...new Set(keys)].sort(newestKeyFirst).map((key) => ({ key }));
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
 * offset + limit - 1, in one transaction so the two always agree. When what narrows the search is
 * one word in the index ("chen" at 100,000 leads: 8,334 matches; "chen company" when every lead has
 * "company"), newest first, that word's kept count and the keys of the rows shown are all it reads;
 * other searches read every match's key or words record (see allMatches), then the rows shown.
 */
export async function searchWindow(db: LeadlineDatabase, query: string, order: SearchOrder, offset: number, limit: number): Promise<SearchWindow> {
  const terms = uniqueTerms(query);
  if (terms.length === 0) return { total: 0, indexing: false, leads: [] };
  return db.transaction('r', db.leadWords, db.wordCounts, db.totals, db.leads, async () => {
    const indexing = (await db.totals.get(INDEXING_KEY)) !== undefined;
    const narrowing = await narrowingTerms(db, terms);
    const only = narrowing.length === 1 && order === 'newest' ? narrowing[0]!.word : undefined;
    let total: number;
    let keys: string[];
    if (only !== undefined) {
      total = narrowing[0]!.size;
      keys = (await db.leadWords.where('words').equals(only).reverse().offset(offset).limit(limit).primaryKeys()) as string[];
    } else {
      const matches = await allMatches(db, terms, narrowing, order);
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
    const matches = await allMatches(db, terms, await narrowingTerms(db, terms), scores ? 'score' : 'newest');
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
// two tasks (see letTheBrowserIn); at 1,000 leads a page each held the page for ~0.3 s (npm run bench),
// and at 200, with the word counts kept, up to 0.16-0.27 s.
const INDEX_BATCH = 100;

/**
 * Adds words records, leaving alone any lead that has one already. A lead an import added with its
 * words left for later has none, unless it was written since (then the upkeep middleware gave it its
 * current words) or an earlier pass wrote them (the same words): either way the stored record is
 * right. Adding rather than putting spares reading each record before writing it, which after a big
 * import was most of the pass (a lookup of a key that is not there reads every level of the store).
 */
async function addWords(db: LeadlineDatabase, records: readonly LeadWords[]): Promise<void> {
  try {
    await db.leadWords.bulkAdd([...records]);
  } catch (error) {
    // Only "already there" is expected; the failed adds are left out of the word counts (upkeep.ts).
    if (!(error instanceof Dexie.BulkError) || Object.values(error.failuresByPos).some((failure) => failure.name !== 'ConstraintError')) throw error;
  }
}

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
          await addWords(db, fresh);
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
