import type { LeadlineDatabase } from './database';
import { watchLeadChanges, type LeadChange } from './lead-changes';
import { countLeads, forEachLeadPage } from './lead-pages';
import { readTemplates } from './templates';
import type { Framework } from '@/lib/model/framework';
import type { Lead } from '@/lib/model/lead';
import { LeadRowSet } from '@/lib/model/lead-query';
import { leadRowOf, type LeadRow } from '@/lib/model/lead-row';
import { getFramework } from '@/lib/qualify/frameworks';
import { checklistProgress } from '@/lib/qualify/progress';

/** A lead's table row, its checklist measured against its framework (built-in or one of the rep's templates). */
export function rowOfLead(lead: Lead, templates: readonly Framework[]): LeadRow {
  const progress = checklistProgress(getFramework(lead.checklist.frameworkId, templates), lead.checklist);
  return leadRowOf(lead, { met: progress.met, total: progress.total, ruleMet: progress.ruleMet });
}

/**
 * Leads per read for the table: each page is handed over and turned into rows in one task, and at
 * 2,000 leads (READ_PAGE) that task was the table's longest while reading on a busy 2-core machine.
 */
export const TABLE_READ_PAGE = 1_000;

export interface LeadRowsState {
  /** Every lead's row, once all are read; until then undefined. */
  rows: LeadRowSet | undefined;
  /** How many leads have been read so far (for "Reading your leads… 40,000 of 100,000"). */
  read: number;
  /** How many leads there are, once counted. */
  total: number | undefined;
  /** Reading failed (storage blocked or broken); the table says so instead of waiting forever. */
  failed: boolean;
}

export interface LeadRowStore {
  getState(): LeadRowsState;
  /**
   * Starts reading and watching for changes (when nobody was listening); returns a function that stops
   * listening. With no listener left the store stops watching, and reads everything again when one comes.
   */
  subscribe(listener: () => void): () => void;
  /** Resolves once every write seen so far is reflected in the rows. */
  settled(): Promise<void>;
}

/**
 * Reads every lead's row a page at a time, handing each page to `onPage`. The full page passes one
 * that reads in a Worker (components/leads/read-rows-off-page.ts): reading 100,000 leads means
 * decoding and then collecting every one of them, which on the page's own thread came in pauses of
 * up to ~170 ms; only the rows come back.
 */
export type LeadRowReader = (db: LeadlineDatabase, pageSize: number, onPage: (rows: LeadRow[]) => void) => Promise<void>;

/** Every lead's row, read here: a page of leads at a time, each turned into its row. */
export async function readLeadRows(db: LeadlineDatabase, pageSize: number, onPage: (rows: LeadRow[]) => void): Promise<void> {
  const templates = await readTemplates(db);
  await forEachLeadPage(db, pageSize, (page) => onPage(page.map((lead) => rowOfLead(lead, templates))));
}

export interface LeadRowStoreOptions {
  pageSize?: number;
  watch?: (db: LeadlineDatabase, onChange: (change: LeadChange) => void) => () => void;
  readRows?: LeadRowReader;
}

/**
 * The lead table's rows, read once a page at a time and then kept current: a write anywhere in the
 * extension (a capture, the popup, this page's bulk actions) re-reads only the leads it touched.
 */
export function createLeadRowStore(db: LeadlineDatabase, { pageSize = TABLE_READ_PAGE, watch = watchLeadChanges, readRows = readLeadRows }: LeadRowStoreOptions = {}): LeadRowStore {
  let state: LeadRowsState = { rows: undefined, read: 0, total: undefined, failed: false };
  const listeners = new Set<() => void>();
  let templates: readonly Framework[] = [];
  let stopWatching: (() => void) | undefined;
  // Writes are applied one batch at a time, in order, after the first read.
  let work: Promise<void> = Promise.resolve();
  let pending = new Set<string>();
  let pendingAll = false;

  function set(next: Partial<LeadRowsState>) {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  }

  async function readAll(): Promise<void> {
    templates = await readTemplates(db);
    const rows = new Map<string, LeadRow>();
    let read = 0;
    // The count is one record of running totals: "Reading your leads… 2,000 of 100,000" from the start.
    if (state.rows === undefined) set({ total: await countLeads(db) });
    await readRows(db, pageSize, (page) => {
      for (const row of page) rows.set(row.id, row);
      read += page.length;
      set({ read });
    });
    set({ rows: new LeadRowSet([...rows.values()]), read, total: read, failed: false });
  }

  async function reread(ids: readonly string[]): Promise<void> {
    const leads = await db.leads.bulkGet([...ids]);
    const changed: LeadRow[] = [];
    const removed: string[] = [];
    ids.forEach((id, index) => {
      const lead = leads[index];
      if (lead) changed.push(rowOfLead(lead, templates));
      else removed.push(id);
    });
    const rows = (state.rows ?? new LeadRowSet([])).withChanges(changed, removed);
    set({ rows, read: rows.size, total: rows.size });
  }

  /** Applies what changed since the last pass; a change that arrives meanwhile gets its own pass. */
  function schedule(): Promise<void> {
    work = work.then(async () => {
      if (!pendingAll && pending.size === 0) return;
      const all = pendingAll;
      const ids = [...pending];
      pendingAll = false;
      pending = new Set();
      try {
        if (all) await readAll();
        else await reread(ids);
      } catch (error) {
        console.error('Leadline: could not read the changed leads', error);
        set({ failed: true });
      }
    });
    return work;
  }

  function onChange(change: LeadChange) {
    if (change.kind === 'all') pendingAll = true;
    else for (const id of change.ids) pending.add(id);
    // Before the first read is done, what changed is read with it or right after it.
    if (state.rows !== undefined) void schedule();
  }

  function start() {
    stopWatching = watch(db, onChange);
    // Whatever happened while nobody watched is in the full read.
    pendingAll = false;
    pending = new Set();
    work = work.then(readAll).catch((error: unknown) => {
      console.error('Leadline: could not read the leads for the table', error);
      set({ failed: true });
    });
    // Then what changed during the read (chained after it, not inside it, so neither waits on the other).
    void work.then(() => {
      if (state.rows !== undefined) void schedule();
    });
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      if (!stopWatching) start();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !stopWatching) return;
        stopWatching();
        stopWatching = undefined;
      };
    },
    async settled() {
      // Dexie announces a write after its transaction commits, on a later task; let it arrive first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      let seen: Promise<void> | undefined;
      while (seen !== work) {
        seen = work;
        await seen;
      }
    },
  };
}
