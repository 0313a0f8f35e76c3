import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Activity, Lead, Reminder } from '@/lib/model/lead';
import type { Framework } from '@/lib/model/framework';
import { searchWords } from '@/lib/model/keys';
import { totalsOf } from '@/lib/metrics/totals';
import { readStoredLead } from './read-lead';
import { INDEXING_KEY, TOTALS_KEY, upkeepMiddleware, type IndexingMark, type LeadWords, type WordCount } from './upkeep';
import type { UndoEntry } from '@/lib/model/undo';

/** A tab where the rep asked Leadline to read the page (toolbar, menu, shortcut): its saves are accepted until `expiresAt`. */
export type PageCaptureGrant = { tabId: number; expiresAt: number };

/**
 * Leadline's IndexedDB. The schema is versioned from the start: a change adds a `version(n)` with an
 * upgrade function, never a wipe.
 */
export class LeadlineDatabase extends Dexie {
  leads!: EntityTable<Lead, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  reminders!: EntityTable<Reminder, 'id'>;
  templates!: EntityTable<Framework, 'id'>;
  settings!: EntityTable<{ key: string; value: unknown }, 'key'>;
  /** Running totals and the search-indexing mark, kept by lib/db/upkeep.ts. */
  totals!: EntityTable<{ key: string; value: unknown; writes?: number }, 'key'>;
  /** Each lead's search words, kept by lib/db/upkeep.ts. */
  leadWords!: Table<LeadWords, string>;
  /** How many leads have each word, kept by lib/db/upkeep.ts with every write to leadWords. */
  wordCounts!: EntityTable<WordCount, 'word'>;
  undo!: EntityTable<UndoEntry, 'id'>;
  pageGrants!: EntityTable<PageCaptureGrant, 'tabId'>;

  constructor(name = 'leadline') {
    // Live-query results are frozen and shared instead of deep-copied for each subscriber (~0.4 s and
    // twice the garbage collection on a dashboard over 100,000 leads): no caller changes what it reads.
    super(name, { cache: 'immutable' });
    this.version(1).stores({
      leads: 'id, emailKey, profileKey, nameCompanyKey, stage, createdAt, updatedAt, nextFollowUpAt',
      activities: '++id, leadId, at',
      reminders: 'id, leadId, dueAt, status',
      templates: 'id',
    });
    // v2: a key-value table for the rep's settings (default framework, own addresses, spend).
    this.version(2).stores({ settings: 'key' });
    // v3: a word-prefix index so a search reads only the leads that match, not every lead.
    this.version(3)
      .stores({ leads: 'id, emailKey, profileKey, nameCompanyKey, stage, createdAt, updatedAt, nextFollowUpAt, *searchWords' })
      .upgrade((tx) =>
        tx
          .table('leads')
          .toCollection()
          .modify((lead: Lead & { searchWords?: string[] }) => {
            lead.searchWords = searchWords(lead);
          }),
      );
    // v4: indexes are what a write pays for (npm run bench), so only those a query reads stay: stage,
    // updatedAt, nextFollowUpAt and activities.at were never queried. [score+createdAt] lets the popup
    // page through every lead highest score first, newest first among equals.
    this.version(4).stores({
      leads: 'id, emailKey, profileKey, nameCompanyKey, createdAt, *searchWords, [score+createdAt]',
      activities: '++id, leadId',
    });
    // v5: search words move to their own table and the lead keeps only single-value indexes, so a lead
    // is written without its multi-entry index (half the cost of an import's writes); running totals
    // let the dashboard and the lead count skip reading every lead. Both are kept by upkeepMiddleware.
    // The upgrade keeps every lead (dropping only the words it carried) and builds both from them.
    this.version(5)
      .stores({
        leads: 'id, emailKey, profileKey, nameCompanyKey, createdAt, [score+createdAt]',
        // Keyed by [createdAt+id] until version 8 (see there).
        leadWords: '[createdAt+id], *words',
        totals: 'key',
      })
      .upgrade(async (tx) => {
        const leads: Lead[] = [];
        await tx
          .table('leads')
          .toCollection()
          .modify((stored: Lead & { searchWords?: unknown }) => {
            delete stored.searchWords;
            const lead = readStoredLead(stored);
            if (lead) leads.push(lead);
          });
        // The search words are written by version 8's background pass, not here.
        await tx.table('totals').put({ key: TOTALS_KEY, value: totalsOf(leads) });
      });
    // v6: what the rep can take back (a deletion, a follow-up marked done, a stage change) lives in
    // the database, so "Undo" still works after the popup closed and reopened; the tabs where the rep
    // asked Leadline to read a page; and job changes waiting for the rep, indexed for Today (only
    // leads with one have the key, so the index stays small).
    this.version(6).stores({
      leads: 'id, emailKey, profileKey, nameCompanyKey, createdAt, [score+createdAt], jobChangeAt',
      undo: 'id, expiresAt',
      pageGrants: 'tabId',
    });
    // v7 and v8: the search words are keyed by one string (wordsKey: creation time in fixed-width
    // base 36, then the id) instead of [createdAt+id]. It sorts the same way, and Chromium reads
    // string keys in about 60 % of the time of array keys, which a search over thousands of matches
    // pays for. IndexedDB cannot change a table's primary key, so version 7 drops the table and
    // version 8 creates it again. Rewriting 100,000 leads' words would hold the database closed for
    // tens of seconds, so the upgrade only marks every lead as "still indexing": the background pass
    // (indexSearchWords, run at every start) writes them a page at a time, and a search meanwhile
    // says it is still indexing. With them, how many leads have each word: IndexedDB's count() walks
    // every entry, ~80 ms for the 8,000 leads of one first name at 100,000 leads (npm run bench).
    this.version(7).stores({ leadWords: null });
    this.version(8)
      .stores({ leadWords: 'key, *words', wordCounts: 'word' })
      .upgrade(async (tx) => {
        if ((await tx.table('leads').count()) === 0) return;
        const mark: IndexingMark = { since: -Infinity, token: Math.random() };
        await tx.table('totals').put({ key: INDEXING_KEY, value: mark });
      });
    this.use(upkeepMiddleware);
    this.leads.hook('reading', readStoredLead);
  }
}

let shared: LeadlineDatabase | undefined;

/** The one database of this extension context (background, popup or dashboard). */
export function getDatabase(): LeadlineDatabase {
  shared ??= new LeadlineDatabase();
  return shared;
}
