import type { LeadlineDatabase } from './database';
import { getOutcomeModel, getSettings } from './settings';
import { getFramework } from '@/lib/qualify/frameworks';
import { finaliseLead, NOT_ENGAGEMENT, type ScoringContext } from '@/lib/qualify/finalise-lead';
import { setAnswer } from '@/lib/qualify/progress';
import { switchFramework } from '@/lib/qualify/equivalence';
import { emailKey, nameCompanyKey, normaliseCompany, profileKey } from '@/lib/model/keys';
import { describeFields, mergeDraftIntoLead, newLeadFromDraft } from '@/lib/model/lead-draft';
import type { NormalisedDraft } from '@/lib/model/normalise';
import type { Activity, Channel, CriterionAnswer, InterestSignal, EditableField, Lead } from '@/lib/model/lead';
import { sourceName } from '@/lib/model/prospect';
import type { Stage } from '@/lib/model/stage';
import { describeStageChange, withStage } from '@/lib/model/stage-change';
import type { Framework } from '@/lib/model/framework';

export type SaveOutcome =
  | { status: 'created'; lead: Lead }
  | { status: 'merged'; lead: Lead; changedFields: EditableField[] }
  | { status: 'unchanged'; lead: Lead };

/** Reads, inside the caller's transaction, what finaliseLead needs to score a lead. */
export async function loadScoringContext(db: LeadlineDatabase, leadId: string | undefined): Promise<ScoringContext> {
  const templates = await db.templates.toArray();
  const model = await getOutcomeModel(db);
  if (!leadId) return { templates, ...(model ? { model } : {}) };
  const engagement = await db.activities
    .where('leadId')
    .equals(leadId)
    .filter((a) => !NOT_ENGAGEMENT.has(a.kind))
    .toArray();
  const lastAt = engagement.reduce<number | undefined>((latest, a) => (latest === undefined || a.at > latest ? a.at : latest), undefined);
  return {
    templates,
    activity: { count: engagement.length, ...(lastAt !== undefined ? { lastAt } : {}) },
    ...(model ? { model } : {}),
  };
}

/** One lead by id, or undefined when it is not (or no longer) stored. */
export function getLead(db: LeadlineDatabase, id: string): Promise<Lead | undefined> {
  return db.leads.get(id);
}

/** The lead this draft is about, matched by email, then profile URL, then name + company. */
export async function findLeadForDraft(
  db: LeadlineDatabase,
  draft: Pick<NormalisedDraft, 'email' | 'profileUrl' | 'fullName' | 'company'>,
): Promise<Lead | undefined> {
  const byEmail = emailKey(draft.email);
  if (byEmail) {
    const lead = await db.leads.where('emailKey').equals(byEmail).first();
    if (lead) return lead;
  }
  const byProfile = profileKey(draft.profileUrl);
  if (byProfile) {
    const lead = await db.leads.where('profileKey').equals(byProfile).first();
    if (lead) return lead;
  }
  const byName = nameCompanyKey(draft.fullName, draft.company);
  if (byName) return db.leads.where('nameCompanyKey').equals(byName).first();
  return undefined;
}

/** Saves a captured prospect, or merges it into the lead it matches. One transaction: all or nothing. */
export async function saveOrMergeProspect(
  db: LeadlineDatabase,
  draft: NormalisedDraft,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Promise<SaveOutcome> {
  return db.transaction('rw', [db.leads, db.activities, db.templates, db.settings], async () => {
    const existing = await findLeadForDraft(db, draft);
    const from = sourceName(draft.source);
    if (!existing) {
      const { defaultFrameworkId } = await getSettings(db);
      const lead = finaliseLead(newLeadFromDraft(draft, newId(), now, defaultFrameworkId), now, await loadScoringContext(db, undefined));
      await db.leads.add(lead);
      await addActivity(db, { leadId: lead.id, kind: 'captured', at: now, text: `Captured from ${from}` });
      await addContextActivity(db, lead.id, draft, now);
      return { status: 'created', lead };
    }
    const { lead: merged, changed } = mergeDraftIntoLead(existing, draft);
    await addContextActivity(db, existing.id, draft, now);
    if (changed.length === 0) return { status: 'unchanged', lead: existing };
    const lead = finaliseLead({ ...merged, updatedAt: now }, now, await loadScoringContext(db, existing.id));
    await db.leads.put(lead);
    await addActivity(db, { leadId: lead.id, kind: 'updated', at: now, text: `Updated from ${from}: ${describeFields(changed)}` });
    return { status: 'merged', lead, changedFields: changed };
  });
}

/** Where the rep met the person (an email's subject, say), logged once per lead. */
async function addContextActivity(db: LeadlineDatabase, leadId: string, draft: NormalisedDraft, now: number): Promise<void> {
  if (!draft.context) return;
  const kind = draft.source === 'gmail' || draft.source === 'outlook' ? 'email' : 'note';
  const seen = await db.activities.where('leadId').equals(leadId).filter((a) => a.text === draft.context).count();
  if (seen === 0) await addActivity(db, { leadId, kind, at: now, text: draft.context });
}

export async function addActivity(db: LeadlineDatabase, activity: Activity): Promise<void> {
  await db.activities.add(activity);
}

async function updateLead(
  db: LeadlineDatabase,
  id: string,
  now: number,
  change: (lead: Lead, templates: readonly Framework[]) => Lead,
  activity?: (before: Lead, after: Lead) => Omit<Activity, 'leadId' | 'at'> | undefined,
): Promise<Lead> {
  return db.transaction('rw', [db.leads, db.activities, db.templates, db.settings], async () => {
    const before = await db.leads.get(id);
    if (!before) throw new Error('This lead no longer exists. It may have been deleted in another window.');
    const context = await loadScoringContext(db, id);
    const changed = { ...change(before, context.templates), updatedAt: now };
    const entry = activity?.(before, changed);
    if (entry) await addActivity(db, { ...entry, leadId: id, at: now });
    // The activity just logged counts like any other; no need to read the whole log again.
    const engaged = entry && !NOT_ENGAGEMENT.has(entry.kind) && context.activity;
    const after = finaliseLead(changed, now, engaged ? { ...context, activity: { count: engaged.count + 1, lastAt: now } } : context);
    await db.leads.put(after);
    return after;
  });
}

/** A rep's hand edit: the fields are remembered as edited so captures never overwrite them. */
export function editLeadFields(
  db: LeadlineDatabase,
  id: string,
  patch: Partial<Pick<Lead, EditableField>>,
  now: number,
): Promise<Lead> {
  return updateLead(db, id, now, (lead) => {
    const edited = new Set(lead.editedFields);
    for (const key of Object.keys(patch)) edited.add(key);
    return { ...lead, ...patch, editedFields: [...edited] };
  });
}

export function setStage(db: LeadlineDatabase, id: string, stage: Stage, now: number, reason?: string): Promise<Lead> {
  return updateLead(
    db,
    id,
    now,
    (lead) => withStage(lead, stage, now, reason),
    (before, after) => (before.stage === after.stage ? undefined : { kind: 'stage', text: describeStageChange(before.stage, after.stage, reason) }),
  );
}

export function setNotes(db: LeadlineDatabase, id: string, notes: string, now: number): Promise<Lead> {
  return updateLead(db, id, now, (lead) => ({ ...lead, notes }));
}

export function answerCriterion(
  db: LeadlineDatabase,
  id: string,
  criterionId: string,
  answer: CriterionAnswer,
  now: number,
): Promise<Lead> {
  return updateLead(db, id, now, (lead) => ({ ...lead, checklist: setAnswer(lead.checklist, criterionId, answer) }));
}

export async function deleteLead(db: LeadlineDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.leads, db.activities, db.reminders, async () => {
    await db.activities.where('leadId').equals(id).delete();
    await db.reminders.where('leadId').equals(id).delete();
    await db.leads.delete(id);
  });
}

/** Search lives in ./search; re-exported here, where callers looked for it before. */
export { searchMatches } from './search';

export function activitiesFor(db: LeadlineDatabase, leadId: string): Promise<Activity[]> {
  return db.activities.where('leadId').equals(leadId).reverse().sortBy('at');
}

/**
 * A lead's activity, newest first, ending with where it came from. An import does not log a row per
 * new lead (a fifth of a 100,000-row import's writes); the lead's own sourceList and capturedAt say it.
 */
export async function timelineFor(db: LeadlineDatabase, lead: Pick<Lead, 'id' | 'source' | 'sourceList' | 'capturedAt'>): Promise<Activity[]> {
  const logged = await activitiesFor(db, lead.id);
  // Leads imported before sourceList existed have their "Imported from" row.
  if (lead.source !== 'import' || logged.some((a) => a.kind === 'imported')) return logged;
  const text = lead.sourceList ? `Imported from "${lead.sourceList}"` : 'Imported from a file';
  return [...logged, { leadId: lead.id, kind: 'imported', at: lead.capturedAt, text }];
}

/** Moves a lead to another framework, keeping answers whose criteria mean the same. */
export async function switchLeadFramework(
  db: LeadlineDatabase,
  id: string,
  frameworkId: string,
  now: number,
): Promise<{ lead: Lead; kept: string[]; dropped: string[] }> {
  let result = { kept: [] as string[], dropped: [] as string[] };
  const lead = await updateLead(db, id, now, (current, templates) => {
    const from = getFramework(current.checklist.frameworkId, templates);
    const to = getFramework(frameworkId, templates);
    const switched = switchFramework(current.checklist, from, to);
    result = { kept: switched.kept, dropped: switched.dropped };
    return { ...current, checklist: switched.checklist };
  });
  return { lead, ...result };
}

export function setChannel(db: LeadlineDatabase, id: string, channel: Channel | undefined, now: number): Promise<Lead> {
  return updateLead(db, id, now, (lead) => {
    const { channel: _previous, ...rest } = lead;
    return channel ? { ...rest, channel } : rest;
  });
}

export function setSignals(db: LeadlineDatabase, id: string, signals: InterestSignal[], now: number): Promise<Lead> {
  return updateLead(db, id, now, (lead) => ({ ...lead, signals: [...new Set(signals)] }));
}

export type CompanyDetails = { company: string; website?: string; industry?: string; companySize?: string; location?: string };

const COMPANY_FIELDS = ['website', 'industry', 'companySize', 'location'] as const;

/**
 * Fills in what a company page says on every lead who works there: only empty fields, never a value
 * the rep or an earlier capture put there. One transaction; returns how many leads changed.
 */
export async function enrichCompanyLeads(db: LeadlineDatabase, details: CompanyDetails, now: number): Promise<number> {
  const target = normaliseCompany(details.company);
  if (!target) return 0;
  return db.transaction('rw', [db.leads, db.activities, db.templates, db.settings], async () => {
    const leads = await db.leads.filter((lead) => Boolean(lead.company) && normaliseCompany(lead.company!) === target).toArray();
    let updated = 0;
    for (const lead of leads) {
      const filled = COMPANY_FIELDS.filter((field) => details[field] && !lead[field]);
      if (filled.length === 0) continue;
      const next: Lead = { ...lead, updatedAt: now };
      for (const field of filled) next[field] = details[field];
      await addActivity(db, { leadId: lead.id, kind: 'updated', at: now, text: `Company details from LinkedIn: ${describeFields(filled)}` });
      await db.leads.put(finaliseLead(next, now, await loadScoringContext(db, lead.id)));
      updated++;
    }
    return updated;
  });
}
