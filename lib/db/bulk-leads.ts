import type { LeadlineDatabase } from './database';
import { loadScoringContext } from './leads';
import { letTheBrowserIn } from './let-the-browser-in';
import { leadsJustRead } from './upkeep';
import { finaliseLead, NOT_ENGAGEMENT, type ScoringContext } from '@/lib/qualify/finalise-lead';
import type { ActivitySummary } from '@/lib/qualify/score';
import type { Activity, Lead, StageChange } from '@/lib/model/lead';
import type { Stage } from '@/lib/model/stage';
import { withStage } from '@/lib/model/stage-change';
import { logEntry } from '@/lib/model/activity-event';

/**
 * Leads written per transaction, at most: each batch holds the page for bounded moments, and a
 * failure loses at most its own batch. A batch's writes are a few tasks (cloning the leads, the
 * upkeep of totals and search words) whose length grows with the batch, so the next batch is sized
 * from how long scoring each lead took in the last one: on a busy machine, where every task
 * stretches, batches shrink so that none passes 100 ms (npm run bench, at 100,000 leads).
 */
const MAX_BATCH = 250;
const MIN_BATCH = 25;
/** What a batch's scoring may take in all; its write tasks take about as long each. */
const BATCH_BUDGET_MS = 30;
/** How long scoring may run before it lets the browser in (a click, a paint). */
const SLICE_MS = 30;

export type BulkProgress = (done: number, total: number) => void;

/** What a bulk stage change did, and what "Undo" needs to put back. */
export interface BulkStageChange {
  stage: Stage;
  /** Leads that moved. */
  changed: number;
  /** Leads already in that stage. */
  unchanged: number;
  /** Leads deleted meanwhile. */
  missing: number;
  /** Each moved lead's stage and history before the move. */
  before: { id: string; stage: Stage; stageHistory: StageChange[] }[];
  at: number;
}

/** What scoring needs besides each lead's own activities: the rep's templates and learned weights, read once per run. */
type RunContext = Omit<ScoringContext, 'activity'>;

function readRunContext(db: LeadlineDatabase): Promise<RunContext> {
  return db.transaction('r', [db.templates, db.settings], () => loadScoringContext(db, undefined));
}

/**
 * Engagement per lead (the activities that count for the score) for a batch of ids in ascending
 * order. When the batch holds at least half of the stored leads between its first and last id (the
 * rep selected every lead, or most of a view), the activities index is read once over that range:
 * one request instead of one per lead. Otherwise one lookup per lead, all sent before any is awaited:
 * Chromium walks anyOf() with a cursor that waits on every jump (see lib/io/import/run.ts).
 */
async function engagementOf(db: LeadlineDatabase, ids: readonly string[]): Promise<Map<string, ActivitySummary>> {
  const summaries = new Map<string, ActivitySummary>();
  for (const id of ids) summaries.set(id, { count: 0 });
  if (ids.length === 0) return summaries;
  const first = ids[0]!;
  const last = ids[ids.length - 1]!;
  // Reads at most twice the batch's keys, and stops there: a sparse selection costs a few ms, no more.
  const between = await db.leads.where(':id').between(first, last, true, true).limit(2 * ids.length + 1).primaryKeys();
  const activities =
    between.length <= 2 * ids.length
      ? await db.activities.where('leadId').between(first, last, true, true).toArray()
      : (await Promise.all(ids.map((id) => db.activities.where('leadId').equals(id).toArray()))).flat();
  for (const activity of activities) {
    if (NOT_ENGAGEMENT.has(activity.kind)) continue;
    const summary = summaries.get(activity.leadId);
    // A lead between two of the batch's that the rep did not select.
    if (!summary) continue;
    summary.count += 1;
    summary.lastAt = Math.max(summary.lastAt ?? 0, activity.at);
  }
  return summaries;
}

/**
 * Writes one batch (ids in ascending order): each lead read, changed by `change` (undefined leaves it
 * alone), logged and rescored as a single stage change would be (lib/db/leads.ts setStage), all in
 * one transaction.
 */
async function changeBatch(
  db: LeadlineDatabase,
  ids: readonly string[],
  now: number,
  context: RunContext,
  change: (lead: Lead) => { lead: Lead; activity: Omit<Activity, 'leadId' | 'at'> } | undefined,
): Promise<{ changed: Lead[]; unchanged: number; missing: number; scoringMs: number }> {
  return db.transaction('rw', [db.leads, db.activities, db.totals], async () => {
    const [leads, engagement] = await Promise.all([db.leads.bulkGet([...ids]), engagementOf(db, ids)]);
    // The upkeep of the writes below needs what they replace: these, just read.
    leadsJustRead(leads.filter((lead): lead is Lead => lead !== undefined));
    const before: Lead[] = [];
    const after: Lead[] = [];
    const activities: Activity[] = [];
    let unchanged = 0;
    let scoringMs = 0;
    let sliceStart = performance.now();
    for (const lead of leads) {
      if (!lead) continue;
      const result = change(lead);
      if (!result) {
        unchanged++;
        continue;
      }
      activities.push({ ...result.activity, leadId: lead.id, at: now });
      const engaged = engagement.get(lead.id)!;
      const activity = NOT_ENGAGEMENT.has(result.activity.kind) ? engaged : { count: engaged.count + 1, lastAt: now };
      before.push(lead);
      after.push(finaliseLead({ ...result.lead, updatedAt: now }, now, { ...context, activity }));
      if (performance.now() - sliceStart > SLICE_MS) {
        scoringMs += performance.now() - sliceStart;
        await letTheBrowserIn(db);
        sliceStart = performance.now();
      }
    }
    scoringMs += performance.now() - sliceStart;
    if (activities.length > 0) await db.activities.bulkAdd(activities);
    if (after.length > 0) await db.leads.bulkPut(after);
    return { changed: before, unchanged, missing: leads.filter((lead) => !lead).length, scoringMs };
  });
}

/**
 * Runs `change` over the ids in batches, in ascending id order (so that a batch's activities can be
 * read as one range, see engagementOf); `moved` hears each batch's changed leads.
 */
async function inBatches(
  db: LeadlineDatabase,
  ids: readonly string[],
  now: number,
  change: Parameters<typeof changeBatch>[4],
  moved: (batch: Awaited<ReturnType<typeof changeBatch>>) => void,
  onProgress?: BulkProgress,
): Promise<void> {
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const context = await readRunContext(db);
  let size = MAX_BATCH;
  for (let start = 0; start < sorted.length; ) {
    const batch = await changeBatch(db, sorted.slice(start, start + size), now, context, change);
    moved(batch);
    start = Math.min(start + size, sorted.length);
    onProgress?.(start, sorted.length);
    if (batch.changed.length > 0) {
      const perLead = batch.scoringMs / batch.changed.length;
      size = Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.floor(BATCH_BUDGET_MS / Math.max(perLead, 1e-3))));
    }
  }
}

/**
 * Moves every one of these leads to `stage`, as the stage menu of each would, in batches. Returns what
 * changed and what an undo needs; leads already in that stage are left as they are.
 */
export async function setStageOfLeads(
  db: LeadlineDatabase,
  ids: readonly string[],
  stage: Stage,
  now: number,
  onProgress?: BulkProgress,
): Promise<BulkStageChange> {
  const result: BulkStageChange = { stage, changed: 0, unchanged: 0, missing: 0, before: [], at: now };
  const earlier = new Map<string, BulkStageChange['before'][number]>();
  await inBatches(
    db,
    ids,
    now,
    (lead) => (lead.stage === stage ? undefined : { lead: withStage(lead, stage, now), activity: logEntry({ type: 'stage', from: lead.stage, to: stage }) }),
    (batch) => {
      result.changed += batch.changed.length;
      result.unchanged += batch.unchanged;
      result.missing += batch.missing;
      for (const lead of batch.changed) earlier.set(lead.id, { id: lead.id, stage: lead.stage, stageHistory: lead.stageHistory });
    },
    onProgress,
  );
  // In the order the leads were given, as the undo record always listed them.
  for (const id of ids) {
    const entry = earlier.get(id);
    if (entry) result.before.push(entry);
  }
  return result;
}

/**
 * Undoes a bulk stage change: each lead still in the stage it was moved to gets its earlier stage and
 * history back (one moved again since is left alone). Returns how many leads were put back.
 */
export async function undoStageOfLeads(db: LeadlineDatabase, change: BulkStageChange, now: number, onProgress?: BulkProgress): Promise<number> {
  const earlier = new Map(change.before.map((entry) => [entry.id, entry]));
  const ids = [...earlier.keys()];
  let restored = 0;
  await inBatches(
    db,
    ids,
    now,
    (lead) => {
      const before = earlier.get(lead.id);
      if (!before || lead.stage !== change.stage) return undefined;
      return {
        lead: { ...lead, stage: before.stage, stageHistory: before.stageHistory },
        // Bookkeeping, not contact with the prospect: it does not count towards the score.
        activity: logEntry({ type: 'stageUndone', from: change.stage, to: before.stage }),
      };
    },
    (batch) => (restored += batch.changed.length),
    onProgress,
  );
  return restored;
}
