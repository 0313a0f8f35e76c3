import type { LeadlineDatabase } from './database';
import { finaliseLead, NOT_ENGAGEMENT } from '@/lib/qualify/finalise-lead';
import { saveOutcomeModel } from './settings';
import { getFramework } from '@/lib/qualify/frameworks';
import { outcomeExamples, trainOutcomeModel, type OutcomeModel } from '@/lib/qualify/learned-weights';
import type { ActivitySummary } from '@/lib/qualify/score';

const BATCH = 500;

/**
 * Scores decay with time, so the background recomputes them now and then. With enough closed leads
 * (customers and disqualified), it first retrains the learned weights on the rep's own history.
 * Leads are rewritten in batches, each in its own transaction, so a large database stays responsive.
 */
export async function rescoreAll(db: LeadlineDatabase, now: number): Promise<{ model?: OutcomeModel; rescored: number }> {
  const [leads, activities, templates] = await Promise.all([db.leads.toArray(), db.activities.toArray(), db.templates.toArray()]);
  const engagement = new Map<string, ActivitySummary>();
  for (const activity of activities) {
    if (NOT_ENGAGEMENT.has(activity.kind)) continue;
    const summary = engagement.get(activity.leadId) ?? { count: 0 };
    summary.count += 1;
    summary.lastAt = Math.max(summary.lastAt ?? 0, activity.at);
    engagement.set(activity.leadId, summary);
  }
  const frameworkOf = (lead: (typeof leads)[number]) => getFramework(lead.checklist.frameworkId, templates);
  const model = trainOutcomeModel(outcomeExamples(leads, frameworkOf, now, (lead) => engagement.get(lead.id)));
  await saveOutcomeModel(db, model);

  let rescored = 0;
  const ids = leads.map((lead) => lead.id);
  for (let start = 0; start < ids.length; start += BATCH) {
    // Re-read inside the transaction: the rep may have edited a lead since the snapshot above.
    rescored += await db.transaction('rw', db.leads, async () => {
      const current = (await db.leads.bulkGet(ids.slice(start, start + BATCH))).filter((lead) => lead !== undefined);
      const changed = current
        .map((lead) => {
          const activity = engagement.get(lead.id);
          return { before: lead, after: finaliseLead(lead, now, { templates, ...(activity ? { activity } : {}), ...(model ? { model } : {}) }) };
        })
        .filter(({ before, after }) => before.score !== after.score || JSON.stringify(before.scoreReasons) !== JSON.stringify(after.scoreReasons))
        .map(({ after }) => after);
      if (changed.length > 0) await db.leads.bulkPut(changed);
      return changed.length;
    });
  }
  return { ...(model ? { model } : {}), rescored };
}
