import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { LeadlineDatabase } from '@/lib/db/database';
import { deferSearchWords } from '@/lib/db/upkeep';
import { countLeads } from '@/lib/db/lead-pages';
import { writesToLeads } from '@/lib/db/totals';
import { letTheBrowserIn } from '@/lib/db/let-the-browser-in';
import { emailKey, nameCompanyKey, profileKey } from '@/lib/model/keys';
import { finaliseLead } from '@/lib/qualify/finalise-lead';
import { logEntry } from '@/lib/model/activity-event';
import { mergeDraftIntoLead, newLeadFromDraft } from '@/lib/model/lead-draft';
import { getSettings } from '@/lib/db/settings';
import { logImport } from '@/lib/db/import-log';
import type { Activity, Lead } from '@/lib/model/lead';
import { LIMITS, cleanLine, truncate } from '@/lib/model/text';
import { processInChunks, yieldToEventLoop, type OnProgress, type YieldToUi } from '../chunked';
import type { ImportRecord, ValidatedRow } from './validate';

export type ImportMode = 'valid-only' | 'all-or-nothing';

/** Rows per transaction: transaction size itself makes no difference in Chromium (npm run bench). */
export const IMPORT_BATCH = 500;

/**
 * Rows planned, or leads handed to IndexedDB, in one task. Planning a row (merge rules, validation)
 * and copying a lead into the database each cost the page's main thread; a whole batch of 500 in one
 * task held the page for 0.25–0.35 s (npm run bench). Between slices the browser gets its turn.
 */
export const ROWS_PER_TASK = 100;

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ImportReport {
  /** New leads. */
  imported: number;
  /** Rows that matched a lead already there (by email, profile URL, or name + company). */
  merged: number;
  /** Rows not imported. */
  skipped: number;
  /** Why rows were skipped, and warnings about rows kept; in line order. */
  problems: ImportProblem[];
  /** All-or-nothing found a problem, so nothing was written. */
  aborted: boolean;
  /** The rep cancelled: what the batches before had written was undone, so nothing changed. */
  cancelled?: boolean;
}

export interface ImportOptions {
  /** The list the rows came from; every imported or matched lead is tagged with it. */
  listName: string;
  mode: ImportMode;
  now: number;
  onProgress?: OnProgress;
  newId?: () => string;
  /** Rows per transaction (IMPORT_BATCH by default). */
  batchSize?: number;
  yieldToUi?: YieldToUi;
  /** Cancels the import between batches; the batches already written are undone. */
  signal?: AbortSignal;
  /**
   * How rows find the leads they match: 'lookup' asks the database for each row's keys, 'read-once'
   * reads every stored lead's keys before the first batch. 'auto' (the default) reads them once when
   * the file is large next to the database (READ_KEYS_ONCE_FROM).
   */
  dedupe?: 'auto' | 'lookup' | 'read-once';
}

/**
 * Reading every stored lead's keys costs about as much as looking up the keys of one row in this
 * many stored leads (npm run bench: a lookup ~0.3 ms per key, reading ~25 µs per stored lead, about
 * 2.5 keys a row): above it, keys are read once.
 */
export const READ_KEYS_ONCE_FROM = 1 / 30;

/** A storage failure during an import, in words for the rep; the cause goes to the console. */
export class ImportError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ImportError';
  }
}

type RowOutcome = { kind: 'imported' } | { kind: 'merged' } | { kind: 'failed'; message: string };

/** Thrown inside the all-or-nothing transaction to roll it back; never leaves this module. */
class RowFailed extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** What every row of one import shares. */
interface ImportContext {
  listTag: string | undefined;
  listName: string;
  now: number;
  newId: () => string;
  frameworkId: string;
}

const DEDUPE_INDEXES = ['emailKey', 'profileKey', 'nameCompanyKey'] as const;
type DedupeIndex = (typeof DEDUPE_INDEXES)[number];
type DedupeKeys = Record<DedupeIndex, string | undefined>;

/** The keys findLeadForDraft looks a draft up by, in its order: email, then profile URL, then name + company. */
function draftKeys(draft: ImportRecord['draft']): DedupeKeys {
  return {
    emailKey: emailKey(draft.email),
    profileKey: profileKey(draft.profileUrl),
    nameCompanyKey: nameCompanyKey(draft.fullName, draft.company),
  };
}

/**
 * The leads one batch can match, indexed like the database's dedupe indexes and kept up to date as
 * the batch's rows create and merge leads, so each row sees what the rows before it saved, exactly as
 * if they had been saved one by one.
 */
class MatchIndex {
  private readonly leads = new Map<string, Lead>();
  private readonly ids: Record<DedupeIndex, Map<string, Set<string>>> = {
    emailKey: new Map(),
    profileKey: new Map(),
    nameCompanyKey: new Map(),
  };

  constructor(leads: Iterable<Lead>) {
    for (const lead of leads) if (!this.leads.has(lead.id)) this.save(lead);
  }

  /** Same rule as findLeadForDraft; of several leads with one key, the first in the index's order (lowest id). */
  find(keys: DedupeKeys): Lead | undefined {
    for (const index of DEDUPE_INDEXES) {
      const key = keys[index];
      const ids = key === undefined ? undefined : this.ids[index].get(key);
      if (!ids || ids.size === 0) continue;
      let first: string | undefined;
      for (const id of ids) if (first === undefined || id < first) first = id;
      return this.leads.get(first!);
    }
    return undefined;
  }

  /** Adds a lead, or replaces the one with its id, re-indexing it under its keys as saved. */
  save(lead: Lead): void {
    const before = this.leads.get(lead.id);
    for (const index of DEDUPE_INDEXES) {
      const old = before?.[index];
      if (old !== undefined) this.ids[index].get(old)?.delete(lead.id);
      const key = lead[index];
      if (key === undefined) continue;
      const ids = this.ids[index].get(key);
      if (ids) ids.add(lead.id);
      else this.ids[index].set(key, new Set([lead.id]));
    }
    this.leads.set(lead.id, lead);
  }
}

/**
 * Every stored lead's dedupe keys, read once, and kept up to date with what the import writes. Only
 * good while nobody else writes: `writes` is the database's write count it matches (see writesToLeads);
 * a capture saved between two batches changes it, and the import goes back to looking keys up.
 */
class KeySnapshot {
  private readonly ids: Record<DedupeIndex, Map<string, string[]>> = { emailKey: new Map(), profileKey: new Map(), nameCompanyKey: new Map() };

  constructor(public writes: number) {}

  add(lead: Pick<Lead, 'id' | DedupeIndex>): void {
    for (const index of DEDUPE_INDEXES) {
      const key = lead[index];
      if (key === undefined) continue;
      const ids = this.ids[index].get(key);
      if (!ids) this.ids[index].set(key, [lead.id]);
      else if (!ids.includes(lead.id)) ids.push(lead.id);
    }
  }

  /** Every lead that has one of these keys (and perhaps a few that had one before an edit: MatchIndex checks). */
  candidates(keys: readonly DedupeKeys[]): string[] {
    const found = new Set<string>();
    for (const row of keys) {
      for (const index of DEDUPE_INDEXES) {
        const key = row[index];
        if (key !== undefined) for (const id of this.ids[index].get(key) ?? []) found.add(id);
      }
    }
    return [...found];
  }
}

// Leads per read of the keys: a read's records are handed over in one task (see READ_PAGE in lead-pages.ts).
const KEY_PAGE = 1_000;

/** Reads every stored lead's keys, a page at a time, in one read transaction with the write count. */
async function readKeySnapshot(db: LeadlineDatabase): Promise<KeySnapshot> {
  return db.transaction('r', db.leads, db.totals, async () => {
    const snapshot = new KeySnapshot(await writesToLeads(db));
    let last: string | undefined;
    for (;;) {
      const from = last === undefined ? db.leads.orderBy(':id') : db.leads.where(':id').above(last);
      const page = await from.limit(KEY_PAGE).toArray();
      for (const lead of page) snapshot.add(lead);
      if (page.length < KEY_PAGE) return snapshot;
      last = page[page.length - 1]!.id;
    }
  });
}

/** What an import wrote so far, to undo it all if the rep cancels. */
interface UndoLog {
  added: Set<string>;
  /** Leads as they were before this import first changed them. */
  before: Map<string, Lead>;
  activityIds: number[];
}

/** Puts back what the import's batches wrote, in one transaction. Totals and search words follow by themselves. */
async function undoImport(db: LeadlineDatabase, undo: UndoLog): Promise<void> {
  await db.transaction('rw', db.leads, db.activities, async () => {
    await db.activities.bulkDelete(undo.activityIds);
    await db.leads.bulkDelete([...undo.added]);
    await db.leads.bulkPut([...undo.before.values()]);
  });
}

/** What a batch will write: leads new to the database, leads already there that changed, and their activities. */
interface BatchPlan {
  outcomes: RowOutcome[];
  added: Map<string, Lead>;
  updated: Map<string, Lead>;
  activities: Activity[];
}

/**
 * A new lead from an imported row: the capture rules' new lead, plus what a list can carry (stage,
 * tags, notes, channel) and the list itself, which its timeline shows as where it came from.
 */
function newLeadFromRecord(record: ImportRecord, tags: string[], id: string, context: ImportContext): Lead {
  const { now, frameworkId, listTag } = context;
  const stage = record.stage ?? 'new';
  return {
    ...newLeadFromDraft(record.draft, id, now, frameworkId),
    stage,
    stageHistory: [{ stage, at: now }],
    tags,
    notes: record.notes ?? '',
    ...(record.channel ? { channel: record.channel } : {}),
    ...(listTag ? { sourceList: listTag } : {}),
  };
}

/**
 * Saves one row into the batch's plan with the capture rules: the same match as findLeadForDraft and
 * the same merge (mergeDraftIntoLead), so an import never overwrites what the rep typed and never
 * makes a twin. Tags are added, empty notes and channel filled; the stage of a lead already there is
 * the rep's and is left alone.
 */
function planRecord(matches: MatchIndex, record: ImportRecord, context: ImportContext, plan: BatchPlan): RowOutcome {
  const { listTag, listName, now, newId } = context;
  const rowTags = listTag ? [...record.tags, listTag] : record.tags;
  const existing = matches.find(draftKeys(record.draft));
  let lead: Lead;
  let activity: Omit<Activity, 'leadId'> | undefined;
  try {
    if (!existing) {
      lead = finaliseLead(newLeadFromRecord(record, [...new Set(rowTags)], newId(), context), now);
    } else {
      const { lead: merged, changed, proposed } = mergeDraftIntoLead(existing, record.draft, now);
      const tags = [...new Set([...existing.tags, ...rowTags])];
      const addsTags = tags.length > existing.tags.length;
      const addsNotes = !existing.notes && Boolean(record.notes);
      const addsChannel = !existing.channel && Boolean(record.channel);
      const settled = merged.proposals !== existing.proposals;
      if (changed.length === 0 && proposed.length === 0 && !settled && !addsTags && !addsNotes && !addsChannel) return { kind: 'merged' };
      lead = finaliseLead(
        {
          ...merged,
          tags,
          notes: addsNotes ? (record.notes ?? '') : existing.notes,
          ...(addsChannel ? { channel: record.channel } : {}),
          updatedAt: now,
        },
        now,
      );
      if (changed.length > 0 || addsTags || addsNotes || addsChannel || proposed.length > 0) {
        const event = {
          type: 'importUpdated',
          list: listName,
          fields: changed,
          ...(addsTags ? { tags: true } : {}),
          ...(addsNotes ? { notes: true } : {}),
          ...(addsChannel ? { channel: true } : {}),
          ...(proposed.length > 0 ? { proposed } : {}),
        } as const;
        activity = { at: now, ...logEntry(event) };
      }
    }
  } catch (error) {
    // finaliseLead validates the whole record; a value the row check let through is reported, not thrown.
    console.warn('Leadline: an imported row failed validation', error);
    return { kind: 'failed', message: t('data.import.row.notStored') };
  }
  matches.save(lead);
  if (existing) {
    // A lead this batch created is still new to the database, however often later rows merge into it.
    (plan.added.has(lead.id) ? plan.added : plan.updated).set(lead.id, lead);
    if (activity) plan.activities.push({ ...activity, leadId: lead.id });
    return { kind: 'merged' };
  }
  plan.added.set(lead.id, lead);
  return { kind: 'imported' };
}

/**
 * Looks up a whole batch's keys at once and works out, in memory, what each row saves. Runs inside
 * the caller's transaction; writes nothing.
 */
async function planBatch(
  db: LeadlineDatabase,
  batch: readonly ImportRecord[],
  context: ImportContext,
  undo?: UndoLog,
  snapshot?: KeySnapshot,
): Promise<BatchPlan> {
  const keys = batch.map((record) => draftKeys(record.draft));
  let found: Lead[];
  if (snapshot) {
    found = (await db.leads.bulkGet(snapshot.candidates(keys))).filter((lead): lead is Lead => lead !== undefined);
  } else {
    // One lookup per key, all sent before any is awaited. Not anyOf(): Chromium walks anyOf with a
    // cursor that waits on every jump, which took longer than the writes once the table held 100,000 leads.
    const lookups = DEDUPE_INDEXES.flatMap((index) =>
      [...new Set(keys.map((k) => k[index]).filter((key) => key !== undefined))].map((key) => db.leads.where(index).equals(key).toArray()),
    );
    found = (await Promise.all(lookups)).flat();
  }
  const matches = new MatchIndex(found);
  const plan: BatchPlan = { outcomes: [], added: new Map(), updated: new Map(), activities: [] };
  for (const [index, record] of batch.entries()) {
    if (index > 0 && index % ROWS_PER_TASK === 0) await letTheBrowserIn(db);
    plan.outcomes.push(planRecord(matches, record, context, plan));
  }
  if (undo) {
    for (const lead of found) if (plan.updated.has(lead.id) && !undo.added.has(lead.id) && !undo.before.has(lead.id)) undo.before.set(lead.id, lead);
    for (const id of plan.added.keys()) undo.added.add(id);
  }
  return plan;
}

/**
 * Writes a batch's plan with bulk operations. Runs inside the caller's transaction. The new leads'
 * search words are written after the import, in the background (indexSearchWords): the word index
 * was half of what an import wrote.
 */
async function writePlan(db: LeadlineDatabase, plan: BatchPlan, undo?: UndoLog): Promise<void> {
  deferSearchWords();
  // add, not put, for new leads: an id that is somehow taken fails the batch instead of overwriting a lead.
  await inSlices([...plan.added.values()], (leads) => db.leads.bulkAdd(leads));
  await inSlices([...plan.updated.values()], (leads) => db.leads.bulkPut(leads));
  if (plan.activities.length > 0) {
    const ids = await db.activities.bulkAdd(plan.activities, { allKeys: true });
    undo?.activityIds.push(...(ids as number[]));
  }
}

/** Hands leads to IndexedDB ROWS_PER_TASK at a time, each slice answered in a task of its own. */
async function inSlices(leads: readonly Lead[], write: (slice: Lead[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < leads.length; start += ROWS_PER_TASK) await write(leads.slice(start, start + ROWS_PER_TASK));
}

/**
 * Imports validated rows. valid-only: rows with problems are skipped, the rest saved in batches of
 * `batchSize` (one transaction each, the UI free between them). all-or-nothing: any problem stops
 * the import before a single write, and the rows are saved in ONE transaction, so a failure part
 * way leaves the database as it was. Either way the result is the same as saving the rows one by
 * one in file order: a row matches leads the rows before it created or changed.
 */
export async function importRows(db: LeadlineDatabase, rows: readonly ValidatedRow[], options: ImportOptions): Promise<ImportReport> {
  const { mode, now, onProgress, newId = () => crypto.randomUUID(), batchSize = IMPORT_BATCH, yieldToUi = yieldToEventLoop, signal, dedupe = 'auto' } = options;
  const listName = cleanLine(options.listName);
  const listTag = listName ? truncate(listName, LIMITS.tag) : undefined;

  const problems: ImportProblem[] = [];
  const valid: ImportRecord[] = [];
  for (const row of rows) {
    if (row.ok) {
      valid.push(row);
      for (const warning of row.warnings) problems.push({ line: row.line, message: warning });
    } else {
      problems.push({ line: row.line, message: row.message });
    }
  }
  const invalidCount = rows.length - valid.length;
  const readOnce = dedupe === 'read-once' || (dedupe === 'auto' && valid.length > 0 && valid.length >= (await countLeads(db)) * READ_KEYS_ONCE_FROM);
  const { defaultFrameworkId } = await getSettings(db);
  const context: ImportContext = { listTag, listName, now, newId, frameworkId: defaultFrameworkId };
  const report: ImportReport = { imported: 0, merged: 0, skipped: invalidCount, problems, aborted: false };
  const count = (outcome: RowOutcome, line: number) => {
    if (outcome.kind === 'imported') report.imported++;
    else if (outcome.kind === 'merged') report.merged++;
    else {
      report.skipped++;
      problems.push({ line, message: outcome.message });
    }
  };

  if (mode === 'all-or-nothing') {
    if (invalidCount > 0) return abort(report, rows.length);
    const step = Math.max(1, Math.floor(batchSize));
    try {
      const outcomes = await db.transaction('rw', db.leads, db.activities, db.totals, async () => {
        // One transaction: nobody else can write meanwhile, so keys read once stay right throughout.
        const snapshot = readOnce ? await readKeySnapshot(db) : undefined;
        const results: RowOutcome[] = [];
        for (let start = 0; start < valid.length; start += step) {
          if (signal?.aborted) throw new ImportCancelled();
          const batch = valid.slice(start, start + step);
          const plan = await planBatch(db, batch, context, undefined, snapshot);
          for (const lead of [...plan.added.values(), ...plan.updated.values()]) snapshot?.add(lead);
          for (const [index, outcome] of plan.outcomes.entries()) {
            if (outcome.kind === 'failed') throw new RowFailed(batch[index]!.line, outcome.message);
          }
          await writePlan(db, plan);
          results.push(...plan.outcomes);
          // Progress without awaiting anything else: leaving the transaction's promise chain would commit it early.
          if (start + step < valid.length) onProgress?.(start + step, valid.length);
        }
        return results;
      });
      outcomes.forEach((outcome, index) => count(outcome, valid[index]!.line));
      onProgress?.(valid.length, valid.length);
    } catch (error) {
      if (error instanceof ImportCancelled) return cancelledReport(report, rows.length);
      if (!(error instanceof RowFailed)) {
        console.error('Leadline: import failed and was rolled back', error);
        throw new ImportError(t('data.import.failed'), error);
      }
      problems.push({ line: error.line, message: error.message });
      return abort(report, rows.length);
    }
  } else {
    const undo: UndoLog = { added: new Set(), before: new Map(), activityIds: [] };
    let snapshot: KeySnapshot | undefined;
    try {
      if (readOnce) snapshot = await readKeySnapshot(db);
      await processInChunks(
        valid,
        batchSize,
        async (batch) => {
          if (signal?.aborted) throw new ImportCancelled();
          const outcomes = await db.transaction('rw', db.leads, db.activities, db.totals, async () => {
            // Someone else wrote since the keys were read (a capture during the import): look keys up from now on.
            if (snapshot && (await writesToLeads(db)) !== snapshot.writes) snapshot = undefined;
            const plan = await planBatch(db, batch, context, undo, snapshot);
            await writePlan(db, plan, undo);
            if (snapshot) {
              for (const lead of [...plan.added.values(), ...plan.updated.values()]) snapshot.add(lead);
              snapshot.writes = await writesToLeads(db);
            }
            return plan.outcomes;
          });
          outcomes.forEach((outcome, index) => count(outcome, batch[index]!.line));
        },
        onProgress,
        yieldToUi,
      );
    } catch (error) {
      if (error instanceof ImportCancelled) {
        try {
          await undoImport(db, undo);
        } catch (undoError) {
          console.error('Leadline: undoing a cancelled import failed', undoError);
          throw new ImportError(t('data.import.cancelUndoFailed'), undoError);
        }
        return cancelledReport(report, rows.length);
      }
      console.error('Leadline: import stopped part way', error);
      await logImport(db, { list: listTag ?? '', imported: report.imported, at: now }).catch(() => undefined);
      const saved = report.imported + report.merged;
      throw new ImportError(t('data.import.stoppedPartWay', saved, [uiFormats().count(saved)]), error);
    }
  }
  problems.sort((a, b) => a.line - b.line);
  // Today counts imports per list from this log rather than reading every lead an import wrote.
  await logImport(db, { list: listTag ?? '', imported: report.imported, at: now }).catch((error: unknown) =>
    console.warn('Leadline: the import was saved, but not noted for Today', error),
  );
  return report;
}

/** Thrown between batches when the rep cancels; never leaves this module. */
class ImportCancelled extends Error {}

function cancelledReport(report: ImportReport, total: number): ImportReport {
  return { ...report, imported: 0, merged: 0, skipped: total, cancelled: true };
}

function abort(report: ImportReport, total: number): ImportReport {
  report.problems.sort((a, b) => a.line - b.line);
  return { ...report, imported: 0, merged: 0, skipped: total, aborted: true };
}

const MAX_LISTED_PROBLEMS = 5;

/** "9,840 imported, 120 merged, 40 skipped: line 17 — no name or email; …; and 35 more", in the rep's language. */
export function formatImportReport(report: ImportReport): string {
  const { count } = uiFormats();
  if (report.cancelled) return t('data.import.report.cancelled');
  const listed = report.problems
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((p) => t('data.import.report.problem', { line: count(p.line), problem: p.message }));
  const more = report.problems.length - listed.length;
  if (more > 0) listed.push(t('data.import.report.more', { count: count(more) }));
  const problems = listed.join(t('data.import.report.separator'));
  if (report.aborted) {
    return listed.length > 0 ? t('data.import.report.abortedWithProblems', { problems }) : t('data.import.report.aborted');
  }
  const totals = { imported: count(report.imported), merged: count(report.merged), skipped: count(report.skipped) };
  return listed.length > 0 ? t('data.import.report.doneWithProblems', { ...totals, problems }) : t('data.import.report.done', totals);
}
