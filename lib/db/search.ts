import type { LeadlineDatabase } from './database';
import { matchesSearch, searchTerms } from '@/lib/model/keys';
import type { Lead } from '@/lib/model/lead';
import { INDEXING_KEY, wordsRecord, type IndexingMark, type LeadWords } from './upkeep';

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

// How many index entries the first look at each term reads. A term with no more than this is read
// whole at once; otherwise every term is looked at again with eight times as many, until one is
// read whole: the smallest term's matches are all the candidates, so the other terms are never read
// in full. Keys only while probing: a lead's id is a tenth of its words record.
const FIRST_PROBE = 10_000;
const PROBE_GROWTH = 8;

export const newestHitFirst = (a: SearchHit, b: SearchHit) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Every lead whose words start with each of the terms typed ("ana acme", "garcía",
 * "ana.souza@acme.io"), exactly, with no cap: the candidates are all the leads of the term with the
 * fewest (found cheapest first, as above), each checked against every term in memory. Reads the
 * small word records only; the list fetches the few leads it shows.
 */
export async function searchLeadIds(
  db: LeadlineDatabase,
  query: string,
  { firstProbe = FIRST_PROBE, scores = false }: { firstProbe?: number; scores?: boolean } = {},
): Promise<SearchResult> {
  const terms = [...new Set(searchTerms(query))];
  if (terms.length === 0) return { hits: [], indexing: false };
  return db.transaction('r', db.leadWords, db.totals, async () => {
    const indexing = (await db.totals.get(INDEXING_KEY)) !== undefined;
    if (terms.length === 1 && !scores) {
      // One word, newest first: the index's keys are [createdAt, id], all a hit needs; no record is read.
      const seen = new Set<string>();
      const hits: SearchHit[] = [];
      for (const [createdAt, id] of await entriesOf(db, terms[0]!).primaryKeys()) {
        if (seen.has(id)) continue;
        seen.add(id);
        hits.push({ id, createdAt });
      }
      return { hits: hits.sort(newestHitFirst), indexing };
    }
    const candidates = await smallestTermRecords(db, terms, firstProbe);
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    for (const record of candidates) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      if (matchesSearch(record.words, terms)) hits.push({ id: record.id, createdAt: record.createdAt, score: record.score });
    }
    return { hits: hits.sort(newestHitFirst), indexing };
  });
}

const entriesOf = (db: LeadlineDatabase, term: string) => db.leadWords.where('words').startsWith(term);

async function smallestTermRecords(db: LeadlineDatabase, terms: readonly string[], firstProbe: number): Promise<LeadWords[]> {
  if (terms.length === 1) return entriesOf(db, terms[0]!).toArray();
  // Longer terms are usually rarer: look at them first, and stop at the first one read whole.
  const byLength = [...terms].sort((a, b) => b.length - a.length);
  for (let limit = firstProbe; ; limit *= PROBE_GROWTH) {
    for (const term of byLength) {
      const keys = await entriesOf(db, term).limit(limit + 1).primaryKeys();
      if (keys.length <= limit) return entriesOf(db, term).toArray();
    }
  }
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

// Leads per transaction of the background pass: each one is read and handed back in one task.
const INDEX_BATCH = 1_000;

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
        const page = await db.transaction('rw', db.leads, db.leadWords, async () => {
          const from = last === undefined ? db.leads.orderBy(':id') : db.leads.where(':id').above(last);
          const leads = await from.limit(batchSize).toArray();
          const fresh = leads.filter((lead) => lead.createdAt >= since);
          await db.leadWords.bulkPut(fresh.map(wordsRecord));
          return { read: leads.length, written: fresh.length, last: leads[leads.length - 1]?.id };
        });
        done += page.written;
        seen += page.written;
        onProgress?.(Math.min(seen, total), total);
        if (page.read < batchSize) break;
        last = page.last;
      }
      const complete = await db.transaction('rw', db.leads, db.leadWords, db.totals, async () => {
        const indexed = await db.leadWords.where(':id').aboveOrEqual([since, '']).count();
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
