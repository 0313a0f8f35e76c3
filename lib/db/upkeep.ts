import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { countLead, emptyTotals, type LeadTotals } from '@/lib/metrics/totals';
import { searchWords } from '@/lib/model/keys';
import type { Lead } from '@/lib/model/lead';
import { readStoredLead } from './read-lead';

/**
 * WHAT EVERY WRITE TO `leads` ALSO DOES, WHOEVER MAKES IT.
 *
 * Two things are derived from the leads and must never drift from them:
 * - the running totals (`totals` table, key TOTALS_KEY): counts per stage, channel, source and day,
 *   which the dashboard and the lead count read instead of reading every lead;
 * - the search words (`leadWords` table): one small record per lead with the words it is found by,
 *   under a multi-entry index, so the lead record itself carries only single-value indexes; and how
 *   many leads have each word (`wordCounts`, kept with every write to leadWords, see countedWords).
 *
 * Both are kept by this Dexie DBCore middleware, inside the SAME IndexedDB transaction as the write
 * to `leads`: it widens every read-write transaction that touches `leads` to these two tables, and
 * for each add, put, delete or clear of leads (Table, Collection.modify/delete, bulk operations, a
 * restore: anything that reaches Dexie) it reads the old versions, subtracts them from the totals,
 * adds the new ones, and writes the words. A new write path in lib/db needs to do nothing at all:
 * if it goes through `db.leads`, totals and search stay right, and if its transaction fails, they
 * roll back with it. `rebuildTotals` (lib/db/totals.ts) recomputes them from scratch.
 *
 * The one opt-in is for big imports: `deferSearchWords()` inside the import's transaction leaves
 * the words of the leads it adds to a background pass (indexSearchWords in lib/db/search.ts),
 * after marking the database as "still indexing" in that same transaction, so the mark survives a
 * closed page and the pass resumes at the next start.
 */

export const TOTALS_KEY = 'leads';

/** The totals record: the counts, and how many writes to leads made them (see writesToLeads). */
export interface TotalsRow {
  key: typeof TOTALS_KEY;
  value: LeadTotals;
  writes?: number;
}
/**
 * Present while some leads' search words are still to be written: `since` is the earliest creation
 * time among those leads (the background pass reads from there), `token` changes with each deferral.
 */
export const INDEXING_KEY = 'searchIndexing';
export interface IndexingMark {
  since: number;
  token: number;
}

/**
 * What the word index stores for a lead: its words, and what search results are ordered by. `key`
 * (see wordsKey) sorts as the list does, so a word's index entries are, by themselves, its matches
 * in list order.
 */
export interface LeadWords {
  key: string;
  id: string;
  words: string[];
  createdAt: number;
  score: number;
}

export function wordsRecord(lead: Pick<Lead, 'id' | 'fullName' | 'company' | 'email' | 'title' | 'createdAt' | 'score'>): LeadWords {
  return { key: wordsKey(lead), id: lead.id, words: searchWords(lead), createdAt: lead.createdAt, score: lead.score };
}

// Creation times are whole milliseconds since 1970: eleven base-36 digits hold every safe integer.
const TIME_DIGITS = 11;

/** The first TIME_DIGITS characters of the keys of leads created at `createdAt` (a floor for a key range). */
export function wordsKeyTime(createdAt: number): string {
  if (!(createdAt > 0)) return '0'.repeat(TIME_DIGITS);
  return Math.min(Math.floor(createdAt), Number.MAX_SAFE_INTEGER).toString(36).padStart(TIME_DIGITS, '0');
}

/**
 * A words record's primary key: the creation time in fixed-width base 36, then the id. Strings sort
 * like [createdAt, id] did (newest first when read backwards, equal times in descending id order) and
 * Chromium hands a string key over in about 60 % of the time of an array key (npm run bench).
 */
export const wordsKey = (lead: Pick<Lead, 'createdAt' | 'id'>): string => wordsKeyTime(lead.createdAt) + lead.id;

/** The lead id and creation time a words key was made of. */
export function fromWordsKey(key: string): { id: string; createdAt: number } {
  return { id: key.slice(TIME_DIGITS), createdAt: parseInt(key.slice(0, TIME_DIGITS), 36) };
}

function sameWords(a: LeadWords, b: LeadWords): boolean {
  return a.createdAt === b.createdAt && a.score === b.score && a.words.length === b.words.length && a.words.every((w, i) => w === b.words[i]);
}

/** Per transaction: writes to leads are applied one after another, and the totals read once. */
interface TransactionState {
  queue: PromiseLike<unknown>;
  totals?: LeadTotals;
  /** How many writes to leads there have been, ever: lets an import tell whether anyone else wrote. */
  writes: number;
  deferWords: boolean;
  /** The indexing mark this transaction wrote, if any. */
  markedIndexing?: IndexingMark;
  /** Writes to leadWords are applied one after another too: each reads the word counts it changes. */
  wordsQueue: PromiseLike<unknown>;
  /** Leads known to be stored as they are here (see leadsJustRead), by id: a put of them reads nothing. */
  known?: Map<string, unknown>;
}
const states = new WeakMap<object, TransactionState>();

function stateOf(trans: object): TransactionState {
  let state = states.get(trans);
  if (!state) {
    state = { queue: Dexie.Promise.resolve(), wordsQueue: Dexie.Promise.resolve(), writes: 0, deferWords: false };
    states.set(trans, state);
  }
  return state;
}

/**
 * Inside an import's transaction: leads ADDED in it get their search words later, in the background.
 * Changed leads still get theirs at once. Throws outside a transaction, where it would mean nothing.
 */
export function deferSearchWords(): void {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans) throw new Error('deferSearchWords() is only meaningful inside a transaction');
  stateOf(trans).deferWords = true;
}

/**
 * Inside a read-write transaction: these leads were just read in it, so a put of any of them need
 * not read it again to know what it replaces (a bulk stage change reads its batch anyway, and the
 * second read was a tenth of its time at 100,000 leads, npm run bench). Writes to leads later in the
 * transaction keep what is known in step.
 */
export function leadsJustRead(leads: Iterable<Lead>): void {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans) throw new Error('leadsJustRead() is only meaningful inside a transaction');
  const state = stateOf(trans);
  state.known ??= new Map();
  for (const lead of leads) state.known.set(lead.id, lead);
}

const ANY_RANGE = 3; // DBCoreRangeType.Any: a clear() of the whole table.

// Everything below chains Dexie's own promises (DBCore returns them) and never awaits a native one:
// Dexie follows the running transaction through its promises, and the hooks middleware below this
// one reads it from there.
function oldValues(leads: DBCoreTable, req: DBCoreMutateRequest, known: Map<string, unknown> | undefined): PromiseLike<unknown[]> {
  switch (req.type) {
    case 'add':
      return Dexie.Promise.resolve([]);
    case 'put': {
      const keys = req.keys ?? req.values.map((value) => leads.schema.primaryKey.extractKey!(value));
      if (known && keys.every((key) => known.has(key))) return Dexie.Promise.resolve(keys.map((key) => known.get(key)));
      return leads.getMany({ trans: req.trans, keys });
    }
    case 'delete':
      return leads.getMany({ trans: req.trans, keys: req.keys });
    case 'deleteRange':
      if (req.range.type === ANY_RANGE) return Dexie.Promise.resolve([]);
      return leads.query({ trans: req.trans, values: true, query: { index: leads.schema.primaryKey, range: req.range } }).then((r) => r.result);
  }
}

const asLead = (raw: unknown): Lead | undefined => (raw === undefined || raw === null ? undefined : readStoredLead(raw));

function totalsOfTransaction(totalsTable: DBCoreTable, trans: DBCoreTransaction, state: TransactionState): PromiseLike<LeadTotals> {
  if (state.totals) return Dexie.Promise.resolve(state.totals);
  return totalsTable.get({ trans, key: TOTALS_KEY }).then((row: TotalsRow | undefined) => {
    state.writes = row?.writes ?? 0;
    return (state.totals = row?.value ?? emptyTotals());
  });
}

/** How many leads have a word: a one-word search's exact count in one read (see countedWords). */
export interface WordCount {
  word: string;
  leads: number;
}

/** The word count row that holds how many words records there are (no word is empty: see searchTerms). */
export const ALL_RECORDS = '';

/**
 * The leadWords table as every caller sees it (Dexie, and the lead upkeep above): each add, put or
 * delete of words records also moves the counts of the words it adds or removes, in `wordCounts`, in
 * the same transaction. IndexedDB's own count() walks every entry (~80 ms for 8,000 in Chromium).
 */
function countedWords(down: DBCore): DBCoreTable {
  const words = down.table('leadWords');
  return {
    ...words,
    mutate(req) {
      if ((req.trans as unknown as IDBTransaction).mode === 'versionchange') return words.mutate(req);
      const state = stateOf(req.trans);
      const run = state.wordsQueue.then(() => mutateCounting(words, down.table('wordCounts'), req));
      state.wordsQueue = run.then(undefined, () => undefined);
      return run as Promise<DBCoreMutateResponse>;
    },
  };
}

function mutateCounting(words: DBCoreTable, counts: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<DBCoreMutateResponse> {
  const trans = req.trans;
  if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
    return words.mutate(req).then((response) => counts.mutate({ type: 'deleteRange', trans, range: req.range }).then(() => response));
  }
  const keyOf = (value: unknown) => words.schema.primaryKey.extractKey!(value) as string;
  const before: PromiseLike<unknown[]> =
    req.type === 'add'
      ? Dexie.Promise.resolve([])
      : req.type === 'put'
        ? words.getMany({ trans, keys: req.keys ?? req.values.map(keyOf) })
        : req.type === 'delete'
          ? words.getMany({ trans, keys: req.keys })
          : words.query({ trans, values: true, query: { index: words.schema.primaryKey, range: req.range } }).then((r) => r.result);
  return before.then((old) =>
    words.mutate(req).then((response) => {
      const delta = new Map<string, number>();
      const bump = (record: unknown, by: number) => {
        if (record === undefined || record === null) return;
        delta.set(ALL_RECORDS, (delta.get(ALL_RECORDS) ?? 0) + by);
        for (const word of (record as Partial<LeadWords>).words ?? []) delta.set(word, (delta.get(word) ?? 0) + by);
      };
      const ok = (index: number) => !(index in response.failures);
      if (req.type === 'add' || req.type === 'put') {
        // What each key holds as the values are applied in order (a key twice in one call counts once).
        const current = new Map<string, unknown>();
        req.values.forEach((value, index) => {
          if (!ok(index)) return;
          const key = keyOf(value);
          bump(current.has(key) ? current.get(key) : old[index], -1);
          bump(value, 1);
          current.set(key, value);
        });
      } else {
        const gone = new Set<string>();
        old.forEach((record, index) => {
          if (record === undefined || !ok(index)) return;
          const key = keyOf(record);
          if (gone.has(key)) return;
          gone.add(key);
          bump(record, -1);
        });
      }
      const changed = [...delta].filter(([, by]) => by !== 0);
      if (changed.length === 0) return response;
      return counts.getMany({ trans, keys: changed.map(([word]) => word) }).then((rows: Array<WordCount | undefined>) => {
        const put: WordCount[] = [];
        const emptied: string[] = [];
        changed.forEach(([word, by], index) => {
          const leads = (rows[index]?.leads ?? 0) + by;
          if (leads > 0) put.push({ word, leads });
          else emptied.push(word);
        });
        const writes: PromiseLike<unknown>[] = [];
        if (put.length > 0) writes.push(counts.mutate({ type: 'put', trans, values: put }));
        if (emptied.length > 0) writes.push(counts.mutate({ type: 'delete', trans, keys: emptied }));
        return Dexie.Promise.all(writes).then(() => response);
      });
    }),
  );
}

/** Keeps the leads known to be stored (see leadsJustRead) in step with a write just made. */
function rememberWritten(leads: DBCoreTable, req: DBCoreMutateRequest, response: DBCoreMutateResponse, state: TransactionState): void {
  const known = state.known;
  if (!known) return;
  if (req.type === 'deleteRange') {
    state.known = undefined;
  } else if (req.type === 'delete') {
    for (const key of req.keys) known.delete(key);
  } else {
    req.values.forEach((value, index) => {
      const key = req.keys?.[index] ?? leads.schema.primaryKey.extractKey!(value);
      if (index in response.failures) known.delete(key);
      else known.set(key, value);
    });
  }
}

function applyWithUpkeep(core: DBCore, wordsTable: DBCoreTable, leads: DBCoreTable, req: DBCoreMutateRequest, state: TransactionState): PromiseLike<DBCoreMutateResponse> {
  const trans = req.trans;
  const totalsTable = core.table('totals');
  return oldValues(leads, req, state.known).then((before) =>
    leads.mutate(req).then((response) =>
      totalsOfTransaction(totalsTable, trans, state).then((totals) => {
        const ok = (index: number) => !(index in response.failures);
        rememberWritten(leads, req, response, state);
        const writes: PromiseLike<unknown>[] = [];
        const put: LeadWords[] = [];
        const removed: string[] = [];
        if (req.type === 'deleteRange') {
          if (req.range.type === ANY_RANGE) {
            Object.assign(totals, emptyTotals());
            writes.push(wordsTable.mutate({ type: 'deleteRange', trans, range: req.range }));
          }
          for (const raw of before) {
            const lead = asLead(raw);
            if (!lead) continue;
            countLead(totals, lead, -1);
            removed.push(wordsKey(lead));
          }
        } else if (req.type === 'delete') {
          before.forEach((raw, index) => {
            const lead = asLead(raw);
            if (!lead || !ok(index)) return;
            countLead(totals, lead, -1);
            removed.push(wordsKey(lead));
          });
        } else {
          const deferred = req.type === 'add' && state.deferWords;
          req.values.forEach((raw, index) => {
            const lead = ok(index) ? asLead(raw) : undefined;
            if (!lead) return;
            const old = asLead(before[index]);
            if (old) countLead(totals, old, -1);
            countLead(totals, lead, 1);
            // A restore can give a lead another creation time: its words record moves with it.
            if (old && old.createdAt !== lead.createdAt) removed.push(wordsKey(old));
            if (deferred) return;
            const next = wordsRecord(lead);
            if (!old || old.createdAt !== lead.createdAt || !sameWords(wordsRecord(old), next)) put.push(next);
          });
          if (deferred && req.values.length > 0) {
            const earliest = Math.min(...req.values.map((value: { createdAt?: unknown }) => (typeof value.createdAt === 'number' ? value.createdAt : 0)));
            if (!state.markedIndexing || earliest < state.markedIndexing.since) {
              writes.push(
                totalsTable.get({ trans, key: INDEXING_KEY }).then((row: { value?: IndexingMark } | undefined) => {
                  // Another import's leads may still be waiting: the mark covers both.
                  const mark = { since: Math.min(earliest, row?.value?.since ?? Infinity), token: Math.random() };
                  state.markedIndexing = mark;
                  return totalsTable.mutate({ type: 'put', trans, values: [{ key: INDEXING_KEY, value: mark }] });
                }),
              );
            }
          }
        }
        if (removed.length > 0) writes.push(wordsTable.mutate({ type: 'delete', trans, keys: removed }));
        if (put.length > 0) writes.push(wordsTable.mutate({ type: 'put', trans, values: put }));
        state.writes++;
        writes.push(totalsTable.mutate({ type: 'put', trans, values: [{ key: TOTALS_KEY, value: totals, writes: state.writes } satisfies TotalsRow] }));
        return Dexie.Promise.all(writes).then(() => response);
      }),
    ),
  );
}

/** The middleware described at the top of this file. Registered by LeadlineDatabase. */
export const upkeepMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'LeadlineUpkeep',
  create(down) {
    // Made on first use: the stacks Dexie builds for older versions during an upgrade have no such table.
    let counted: DBCoreTable | undefined;
    const words = () => (counted ??= countedWords(down));
    return {
      ...down,
      transaction(stores, mode, options) {
        let widened = stores;
        if (mode === 'readwrite' && stores.includes('leads')) widened = [...new Set([...stores, 'totals', 'leadWords', 'wordCounts'])];
        else if (mode === 'readwrite' && stores.includes('leadWords')) widened = [...new Set([...stores, 'wordCounts'])];
        return down.transaction(widened, mode, options);
      },
      table(name) {
        if (name === 'leadWords') return words();
        const table = down.table(name);
        if (name !== 'leads') return table;
        return {
          ...table,
          mutate(req) {
            // A schema upgrade rebuilds both from scratch itself (see database.ts).
            if ((req.trans as unknown as IDBTransaction).mode === 'versionchange') return table.mutate(req);
            const state = stateOf(req.trans);
            const run = state.queue.then(() => applyWithUpkeep(down, words(), table, req, state));
            state.queue = run.then(undefined, () => undefined);
            return run as Promise<DBCoreMutateResponse>;
          },
        };
      },
    };
  },
};
