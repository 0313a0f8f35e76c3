import type { LeadlineDatabase } from './database';
import { deleteLead, getLead, loadScoringContext, saveOrMergeProspect } from './leads';
import { finaliseLead } from '@/lib/qualify/finalise-lead';
import type { Lead } from '@/lib/model/lead';
import { sampleDraft, sampleDetails } from '@/lib/model/sample-lead';

// The sample's id is remembered, so finding it never means reading every lead.
const KEY = 'sampleLeadId';

/** The sample lead, if the rep added one and has not deleted it since. */
export async function getSampleLead(db: LeadlineDatabase): Promise<Lead | undefined> {
  const id = (await db.settings.get(KEY))?.value;
  return typeof id === 'string' ? getLead(db, id) : undefined;
}

/** Adds the sample lead (or finds the one already there): one lead, never two. */
export async function addSampleLead(db: LeadlineDatabase, now: number): Promise<{ lead: Lead; added: boolean }> {
  return db.transaction('rw', [db.leads, db.activities, db.templates, db.settings], async () => {
    const existing = await getSampleLead(db);
    if (existing) return { lead: existing, added: false };
    const saved = await saveOrMergeProspect(db, sampleDraft(), now);
    // A real lead with the sample's address is the rep's own: never dress it up as the sample, never remove it.
    if (saved.status !== 'created') return { lead: saved.lead, added: false };
    const lead = finaliseLead({ ...sampleDetails(saved.lead), updatedAt: now }, now, await loadScoringContext(db, saved.lead.id));
    await db.leads.put(lead);
    await db.settings.put({ key: KEY, value: lead.id });
    return { lead, added: true };
  });
}

/** Removes the sample lead with its activity and reminders; false when there was none. */
export async function removeSampleLead(db: LeadlineDatabase): Promise<boolean> {
  const lead = await getSampleLead(db);
  await db.settings.delete(KEY);
  if (!lead) return false;
  await deleteLead(db, lead.id);
  return true;
}
