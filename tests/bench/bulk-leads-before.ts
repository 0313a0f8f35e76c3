// lib/db/bulk-leads.ts as it was before issue 14's work (main at 51dcbd5), for the A/B runs of bulk-probe-entry.ts.
import type { LeadlineDatabase } from '@/lib/db/database';
import { loadScoringContext } from '@/lib/db/leads';
import { finaliseLead, NOT_ENGAGEMENT } from '@/lib/qualify/finalise-lead';
import type { ActivitySummary } from '@/lib/qualify/score';
import type { Activity, Lead, StageChange } from '@/lib/model/lead';
import type { Stage } from '@/lib/model/stage';
import { withStage } from '@/lib/model/stage-change';
import { logEntry } from '@/lib/model/activity-event';

/** Leads written per transaction: each batch holds the page for a bounded moment, and a failure loses at most its own batch. */
const BATCH = 250;

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

/** Engagement per lead (the activities that count for the score), read in one query for a batch. */
async function engagementOf(db: LeadlineDatabase, ids: readonly string[]): Promise<Map<string, ActivitySummary>> {
  const summaries = new Map<string, ActivitySummary>();
  for (const id of ids) summaries.set(id, { count: 0 });
  // One lookup per lead, all sent before any is awaited: Chromium walks anyOf() with a cursor that
  // waits on every jump (see lib/io/import/run.ts).
  const activities = (await Promise.all(ids.map((id) => db.activities.where('leadId').equals(id).toArray()))).flat();
  for (const activity of activities) {
    if (NOT_ENGAGEMENT.has(activity.kind)) continue;
    const summary = summaries.get(activity.leadId)!;
    summary.count += 1;
    summary.lastAt = Math.max(summary.lastAt ?? 0, activity.at);
  }
  return summaries;
}

/**
 * Writes one batch: each lead read, changed by `change` (undefined leaves it alone), logged and rescored
 * as a single stage change would be (lib/db/leads.ts setStage), all in one transaction.
 */
async function changeBatch(
  db: LeadlineDatabase,
  ids: readonly string[],
  now: number,
  change: (lead: Lead) => { lead: Lead; activity: Omit<Activity, 'leadId' | 'at'> } | undefined,
): Promise<{ changed: Lead[]; unchanged: number; missing: number }> {
  return db.transaction('rw', [db.leads, db.activities, db.templates, db.settings], async () => {
    const leads = await db.leads.bulkGet([...ids]);
    const context = await loadScoringContext(db, undefined);
    const engagement = await engagementOf(db, ids);
    const before: Lead[] = [];
    const after: Lead[] = [];
    const activities: Activity[] = [];
    let unchanged = 0;
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
    }
    await db.activities.bulkAdd(activities);
    await db.leads.bulkPut(after);
    return { changed: before, unchanged, missing: leads.filter((lead) => !lead).length };
  });
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
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = await changeBatch(db, ids.slice(start, start + BATCH), now, (lead) =>
      lead.stage === stage ? undefined : { lead: withStage(lead, stage, now), activity: logEntry({ type: 'stage', from: lead.stage, to: stage }) },
    );
    result.changed += batch.changed.length;
    result.unchanged += batch.unchanged;
    result.missing += batch.missing;
    for (const lead of batch.changed) result.before.push({ id: lead.id, stage: lead.stage, stageHistory: lead.stageHistory });
    onProgress?.(Math.min(start + BATCH, ids.length), ids.length);
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
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = await changeBatch(db, ids.slice(start, start + BATCH), now, (lead) => {
      const before = earlier.get(lead.id);
      if (!before || lead.stage !== change.stage) return undefined;
      return {
        lead: { ...lead, stage: before.stage, stageHistory: before.stageHistory },
        // Bookkeeping, not contact with the prospect: it does not count towards the score.
        activity: logEntry({ type: 'stageUndone', from: change.stage, to: before.stage }),
      };
    });
    restored += batch.changed.length;
    onProgress?.(Math.min(start + BATCH, ids.length), ids.length);
  }
  return restored;
}
