import type { LeadlineDatabase } from './database';
import { addActivity, finaliseLead, loadScoringContext } from './leads';
import { getSettings, saveSettings } from './settings';
import { DEFAULT_FRAMEWORK } from '@/lib/qualify/frameworks';

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
      await addActivity(db, {
        leadId: lead.id,
        kind: 'checklist',
        at: now,
        text: `Checklist moved to ${DEFAULT_FRAMEWORK.name}: the template “${template.name}” was deleted. Answers kept.`,
      });
      const moved = { ...lead, checklist: { ...lead.checklist, frameworkId: DEFAULT_FRAMEWORK.id }, updatedAt: now };
      await db.leads.put(finaliseLead(moved, now, await loadScoringContext(db, lead.id)));
    }

    if ((await getSettings(db)).defaultFrameworkId === templateId) {
      await saveSettings(db, { defaultFrameworkId: DEFAULT_FRAMEWORK.id });
    }
    return leads.length;
  });
}
