import type { LeadlineDatabase } from './database';
import { getOutcomeModel, getSettings } from './settings';
import { getFramework } from '@/lib/qualify/frameworks';
import { finaliseLead, NOT_ENGAGEMENT, type ScoringContext } from '@/lib/qualify/finalise-lead';
import { setAnswer } from '@/lib/qualify/progress';
import { switchFramework } from '@/lib/qualify/equivalence';
import { emailKey, nameCompanyKey, normaliseCompany, profileKey } from '@/lib/model/keys';
import { mergeDraftIntoLead, newLeadFromDraft, withProposals } from '@/lib/model/lead-draft';
import {
  applyFieldEdit,
  fieldValue,
  newManualLead,
  parseFieldEdit,
  parseManualLead,
  type LeadFormField,
} from '@/lib/model/lead-edit';
import { normaliseWebUrl, phoneCountries, readPhone, type NormalisedDraft } from '@/lib/model/normalise';
import { defaultCountryOf } from '@/lib/model/settings';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import type { Activity, Channel, CriterionAnswer, InterestSignal, EditableField, Lead, Proposal } from '@/lib/model/lead';
import { englishText, logEntry } from '@/lib/model/activity-event';
import type { Stage } from '@/lib/model/stage';
import { withStage } from '@/lib/model/stage-change';
import { checklistProgress, checklistReason } from '@/lib/qualify/progress';
import type { Framework } from '@/lib/model/framework';
import type { UndoEntry } from '@/lib/model/undo';
import { LeadGoneError } from './errors';
import { deletedLabel, recordUndo, stageChangeLabel } from './undo-log';

export type SaveOutcome =
  | { status: 'created'; lead: Lead }
  | { status: 'merged'; lead: Lead; changedFields: EditableField[]; proposedFields: EditableField[] }
  | { status: 'unchanged'; lead: Lead };

/** "LinkedIn now says title: VP Sales (was Head of Sales)": a proposal as the activity log and the detail word it. */
export function describeProposal(proposal: Proposal, current: string | undefined): string {
  return englishText(proposedEvent(proposal, current));
}

function proposedEvent(proposal: Proposal, current: string | undefined) {
  return { type: 'proposed', source: proposal.source, field: proposal.field, value: proposal.value, ...(current ? { was: current } : {}) } as const;
}

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
    if (!existing) {
      const { defaultFrameworkId } = await getSettings(db);
      const lead = finaliseLead(newLeadFromDraft(draft, newId(), now, defaultFrameworkId), now, await loadScoringContext(db, undefined));
      await db.leads.add(lead);
      await addActivity(db, { leadId: lead.id, at: now, ...logEntry({ type: 'captured', source: draft.source }) });
      await addContextActivity(db, lead.id, draft, now);
      return { status: 'created', lead };
    }
    const { lead: merged, changed, proposed } = mergeDraftIntoLead(existing, draft, now);
    await addContextActivity(db, existing.id, draft, now);
    if (changed.length === 0 && proposed.length === 0 && merged.proposals === existing.proposals) {
      return { status: 'unchanged', lead: existing };
    }
    const lead = finaliseLead({ ...merged, updatedAt: now }, now, await loadScoringContext(db, existing.id));
    await db.leads.put(lead);
    if (changed.length > 0) {
      await addActivity(db, { leadId: lead.id, at: now, ...logEntry({ type: 'filled', source: draft.source, fields: changed }) });
    }
    for (const field of proposed) {
      const proposal = lead.proposals?.find((p) => p.field === field);
      if (proposal) await addActivity(db, { leadId: lead.id, at: now, ...logEntry(proposedEvent(proposal, existing[field])) });
    }
    if (changed.length === 0 && proposed.length === 0) return { status: 'unchanged', lead };
    return { status: 'merged', lead, changedFields: changed, proposedFields: proposed };
  });
}

/** Where the rep met the person (an email's subject, say), logged once per lead. */
async function addContextActivity(db: LeadlineDatabase, leadId: string, draft: NormalisedDraft, now: number): Promise<void> {
  if (!draft.context) return;
  const { context } = draft;
  const event = draft.source === 'gmail' || draft.source === 'outlook' ? { type: 'email' as const, subject: context } : { type: 'note' as const, text: context };
  const seen = await db.activities.where('leadId').equals(leadId).filter((a) => a.text === context).count();
  if (seen === 0) await addActivity(db, { leadId, at: now, ...logEntry(event) });
}

/** Logs an activity; resolves to its id. */
export async function addActivity(db: LeadlineDatabase, activity: Activity): Promise<number> {
  return (await db.activities.add(activity)) as number;
}

async function updateLeadLogged(
  db: LeadlineDatabase,
  id: string,
  now: number,
  change: (lead: Lead, templates: readonly Framework[]) => Lead,
  activity?: (before: Lead, after: Lead, templates: readonly Framework[]) => Omit<Activity, 'leadId' | 'at'> | undefined,
): Promise<{ before: Lead; lead: Lead; activityId?: number }> {
  return db.transaction('rw', [db.leads, db.activities, db.templates, db.settings], async () => {
    const before = await db.leads.get(id);
    if (!before) throw new LeadGoneError();
    const context = await loadScoringContext(db, id);
    const changed = { ...change(before, context.templates), updatedAt: now };
    const entry = activity?.(before, changed, context.templates);
    const activityId = entry ? await addActivity(db, { ...entry, leadId: id, at: now }) : undefined;
    // The activity just logged counts like any other; no need to read the whole log again.
    const engaged = entry && !NOT_ENGAGEMENT.has(entry.kind) && context.activity;
    const after = finaliseLead(changed, now, engaged ? { ...context, activity: { count: engaged.count + 1, lastAt: now } } : context);
    await db.leads.put(after);
    return { before, lead: after, ...(activityId !== undefined ? { activityId } : {}) };
  });
}

async function updateLead(
  db: LeadlineDatabase,
  id: string,
  now: number,
  change: (lead: Lead, templates: readonly Framework[]) => Lead,
  activity?: (before: Lead, after: Lead) => Omit<Activity, 'leadId' | 'at'> | undefined,
): Promise<Lead> {
  return (await updateLeadLogged(db, id, now, change, activity)).lead;
}

/** A rep's hand edit of already-checked values: the fields are remembered as theirs so captures never overwrite them. */
export function editLeadFields(
  db: LeadlineDatabase,
  id: string,
  patch: Partial<Pick<Lead, EditableField>>,
  now: number,
): Promise<Lead> {
  return updateLead(db, id, now, (lead) =>
    (Object.keys(patch) as EditableField[]).reduce((next, field) => applyFieldEdit(next, field, patch[field]), lead),
  );
}

/** The country a phone number the rep typed without one is read in: theirs, or their browser language's region. */
async function phoneOptions(db: LeadlineDatabase, locale: string | undefined): Promise<{ defaultCountry?: CountryCode }> {
  const country = defaultCountryOf(await getSettings(db), locale);
  return country && isSupportedCountry(country) ? { defaultCountry: country } : {};
}

export type FieldEditOutcome = { ok: true; lead: Lead } | { ok: false; message: string };

/**
 * The rep typed a new value into one field of a lead. It is checked like a captured value; when it
 * is not valid the lead is left as it was and the answer says what is wrong. A valid value is saved,
 * marked as the rep's, and logged ("Edited title: VP Sales (was Head of Sales)").
 */
export async function editLeadField(
  db: LeadlineDatabase,
  id: string,
  field: LeadFormField,
  raw: string,
  now: number,
  locale?: string,
): Promise<FieldEditOutcome> {
  const parsed = parseFieldEdit(field, raw);
  if (!parsed.ok) return parsed;
  const options = await phoneOptions(db, locale);
  const lead = await updateLead(
    db,
    id,
    now,
    (current) => (fieldValue(current, field) === (parsed.value ?? '') ? current : applyFieldEdit(current, field, parsed.value, options)),
    (before) => {
      const was = fieldValue(before, field);
      if (was === (parsed.value ?? '')) return undefined;
      return logEntry({ type: 'edited', field, ...(was ? { from: was } : {}), ...(parsed.value ? { to: parsed.value } : {}) });
    },
  );
  return { ok: true, lead };
}

/**
 * The rep's answer to "LinkedIn now says: VP Sales (was Head of Sales)". Update writes the new
 * value; Keep leaves the stored one and remembers the new one as turned down, so the same capture
 * does not ask again. Either way the choice is logged.
 */
export function resolveProposal(
  db: LeadlineDatabase,
  id: string,
  field: EditableField,
  choice: 'update' | 'keep',
  now: number,
): Promise<Lead> {
  let proposal: Proposal | undefined;
  return updateLead(
    db,
    id,
    now,
    (lead) => {
      proposal = lead.proposals?.find((p) => p.field === field);
      if (!proposal) throw new Error('This change was already accepted or turned down, maybe in another window.');
      const others = (lead.proposals ?? []).filter((p) => p !== proposal);
      if (choice === 'keep') {
        const declined = [...(lead.declined ?? []), { field, value: proposal.value }].slice(-50);
        return { ...withProposals(lead, others), declined };
      }
      const next: Lead = { ...withProposals(lead, others), [field]: proposal.value };
      if (field === 'phone') {
        const { phoneE164: _old, ...rest } = next;
        const e164 = readPhone(proposal.value, phoneCountries(next));
        return e164 ? { ...rest, phoneE164: e164 } : rest;
      }
      return next;
    },
    (before) => {
      if (!proposal) return undefined;
      const current = before[field];
      return logEntry({ type: 'proposal', choice, source: proposal.source, field, value: proposal.value, ...(current ? { was: current } : {}) });
    },
  );
}

export type ManualLeadOutcome =
  | { status: 'created'; lead: Lead }
  | { status: 'invalid'; errors: Partial<Record<LeadFormField, string>> }
  | { status: 'duplicate'; lead: Lead };

/**
 * A lead the rep typed in. Checked field by field like an edit; a lead that is already stored (same
 * email, profile URL, or name and company) is not created twice: the answer names it instead.
 */
export async function addManualLead(
  db: LeadlineDatabase,
  input: Partial<Record<LeadFormField, string>>,
  now: number,
  options: { sourceUrl?: string; newId?: () => string; locale?: string } = {},
): Promise<ManualLeadOutcome> {
  const parsed = parseManualLead(input);
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  const { fields } = parsed;
  return db.transaction('rw', [db.leads, db.activities, db.templates, db.settings], async () => {
    const twin = await findLeadForDraft(db, fields);
    if (twin) return { status: 'duplicate', lead: twin };
    const { defaultFrameworkId } = await getSettings(db);
    const { defaultCountry } = await phoneOptions(db, options.locale);
    const id = (options.newId ?? (() => crypto.randomUUID()))();
    const lead = finaliseLead(
      newManualLead(fields, id, now, defaultFrameworkId, options.sourceUrl, defaultCountry),
      now,
      await loadScoringContext(db, undefined),
    );
    await db.leads.add(lead);
    await addActivity(db, { leadId: lead.id, at: now, ...logEntry({ type: 'added' }) });
    return { status: 'created', lead };
  });
}

/**
 * A stage move as the log keeps it. The checklist offers the move to Qualified with its progress as
 * the reason ("BANT 3 of 4 met"): that is kept as numbers, so it reads in any language; any other
 * reason is the rep's own words (why they disqualified) and is kept as written.
 */
function stageEvent(lead: Lead, to: Stage, templates: readonly Framework[], reason: string | undefined) {
  const framework = getFramework(lead.checklist.frameworkId, templates);
  const progress = checklistProgress(framework, lead.checklist);
  const fromChecklist = reason === checklistReason(framework, progress);
  return {
    type: 'stage',
    from: lead.stage,
    to,
    ...(fromChecklist ? { checklist: { framework: framework.name, met: progress.met, total: progress.total } } : reason ? { reason } : {}),
  } as const;
}

/**
 * Moves a lead to another stage and logs it. The change can be undone (see lib/db/undo.ts): the
 * stage and history before it are kept with the activity it logged.
 */
export function setStage(db: LeadlineDatabase, id: string, stage: Stage, now: number, reason?: string): Promise<Lead> {
  return db.transaction('rw', [db.leads, db.activities, db.templates, db.settings, db.undo], async () => {
    const { before, lead, activityId } = await updateLeadLogged(
      db,
      id,
      now,
      (current) => withStage(current, stage, now, reason),
      (previous, after, templates) => (previous.stage === after.stage ? undefined : logEntry(stageEvent(previous, after.stage, templates, reason))),
    );
    if (before.stage !== lead.stage) {
      await recordUndo(
        db,
        stageChangeLabel(lead.fullName, before.stage, lead.stage),
        { kind: 'stage', leadId: id, stage: before.stage, stageHistory: before.stageHistory, ...(activityId !== undefined ? { activityId } : {}) },
        now,
      );
    }
    return lead;
  });
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

export type DeleteOutcome = { deleted: number; reminders: number; undo: UndoEntry | undefined };

/**
 * Deletes leads with their activities and reminders, in one transaction, and keeps all of it (ids
 * included) so "Undo" can put it back exactly. The caller tells the background to sync reminders,
 * so alarms of the deleted reminders go too.
 */
export async function deleteLeads(db: LeadlineDatabase, ids: readonly string[], now: number): Promise<DeleteOutcome> {
  return db.transaction('rw', [db.leads, db.activities, db.reminders, db.undo], async () => {
    const leads = (await db.leads.bulkGet([...new Set(ids)])).filter((lead): lead is Lead => lead !== undefined);
    if (leads.length === 0) return { deleted: 0, reminders: 0, undo: undefined };
    const leadIds = leads.map((lead) => lead.id);
    // One lookup per lead, sent together: Chromium walks anyOf() with a cursor that waits on every jump.
    const activities = (await Promise.all(leadIds.map((leadId) => db.activities.where('leadId').equals(leadId).toArray()))).flat();
    const reminders = (await Promise.all(leadIds.map((leadId) => db.reminders.where('leadId').equals(leadId).toArray()))).flat();
    await db.activities.bulkDelete(activities.map((activity) => activity.id!));
    await db.reminders.bulkDelete(reminders.map((reminder) => reminder.id));
    await db.leads.bulkDelete(leadIds);
    const undo = await recordUndo(db, deletedLabel(leads), { kind: 'delete', leads, activities, reminders }, now);
    return { deleted: leads.length, reminders: reminders.length, undo };
  });
}

/** Search lives in ./search; re-exported here, where callers looked for it before. */
export { searchMatches } from './search';

export async function deleteLead(db: LeadlineDatabase, id: string, now: number = Date.now()): Promise<DeleteOutcome> {
  return deleteLeads(db, [id], now);
}

/** Leads with a title or company change waiting for the rep, most recent first (Today's "Job changes"). */
export function jobChangeLeads(db: LeadlineDatabase, limit: number): Promise<Lead[]> {
  return db.leads.where('jobChangeAt').above(0).reverse().limit(limit).toArray();
}


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
  return [...logged, { leadId: lead.id, at: lead.capturedAt, ...logEntry({ type: 'imported', ...(lead.sourceList ? { list: lead.sourceList } : {}) }) }];
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
export async function enrichCompanyLeads(db: LeadlineDatabase, given: CompanyDetails, now: number): Promise<number> {
  // A company page's website is page text like any other: only an http(s) address is kept.
  const { website: rawWebsite, ...rest } = given;
  const website = normaliseWebUrl(rawWebsite);
  const details: CompanyDetails = website ? { ...rest, website } : rest;
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
      await addActivity(db, { leadId: lead.id, at: now, ...logEntry({ type: 'companyDetails', fields: [...filled] }) });
      await db.leads.put(finaliseLead(next, now, await loadScoringContext(db, lead.id)));
      updated++;
    }
    return updated;
  });
}
