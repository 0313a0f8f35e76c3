import type { LeadlineDatabase } from './database';
import { addActivity, loadScoringContext } from './leads';
import { finaliseLead } from '@/lib/qualify/finalise-lead';
import { getSettings, saveSettings } from './settings';
import { DEFAULT_FRAMEWORK } from '@/lib/qualify/frameworks';
import { FrameworkSchema, type Framework } from '@/lib/model/framework';
import { logEntry } from '@/lib/model/activity-event';

/**
 * Deletes one of the rep's templates. Leads qualified with it move to the default built-in framework
 * (BANT) with every answer kept, so an answer whose criterion BANT shares (say "budget") still counts
 * and nothing the rep wrote is lost; a default framework pointing at it falls back too. One
 * transaction: either the template is gone and every lead moved, or nothing changed.
 * Returns how many leads were moved.
 */
export async function deleteTemplateMovingLeads(db: LeadlineDatabase, templateId: string, now: number): Promise<number> {
  return db.transaction('rw', [db.templates, db.leads, db.activities, db.settings], async () => {
    const template = await db.templates.get(templateId);
    if (!template) throw new Error('This template no longer exists. It may have been deleted in another window.');
    await db.templates.delete(templateId);

    const leads = await db.leads.filter((lead) => lead.checklist.frameworkId === templateId).toArray();
    for (const lead of leads) {
      await addActivity(db, { leadId: lead.id, at: now, ...logEntry({ type: 'checklistMoved', framework: DEFAULT_FRAMEWORK.name, template: template.name }) });
      const moved = { ...lead, checklist: { ...lead.checklist, frameworkId: DEFAULT_FRAMEWORK.id }, updatedAt: now };
      await db.leads.put(finaliseLead(moved, now, await loadScoringContext(db, lead.id)));
    }

    if ((await getSettings(db)).defaultFrameworkId === templateId) {
      await saveSettings(db, { defaultFrameworkId: DEFAULT_FRAMEWORK.id });
    }
    return leads.length;
  });
}

/**
 * The rep's own checklist templates. A damaged record is left out (with a console warning) so one
 * bad template never breaks the lead it belongs to.
 */
export async function readTemplates(db: LeadlineDatabase): Promise<Framework[]> {
  const rows = await db.templates.toArray();
  return rows.flatMap((row) => {
    const parsed = FrameworkSchema.safeParse(row);
    if (!parsed.success) console.warn('Leadline: skipped a damaged checklist template', row.id, parsed.error);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Adds or replaces one of the rep's templates (already validated by validateTemplate). */
export async function saveTemplate(db: LeadlineDatabase, framework: Framework): Promise<void> {
  await db.templates.put(framework);
}

/** How many leads are qualified with this template, counted without copying every lead out. */
export function countLeadsUsingTemplate(db: LeadlineDatabase, templateId: string): Promise<number> {
  return db.leads.filter((lead) => lead.checklist.frameworkId === templateId).count();
}
