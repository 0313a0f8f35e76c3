import './zod-config';
import { z } from 'zod';
import { t } from '../i18n';
import { ActivityEventSchema } from './activity-event';
import { ChannelSchema } from './channel';
import { SourceSchema } from './prospect';
import { STAGE_IDS } from './stage';
import { TEXT_FIELDS, type TextField } from './fields';
import { idsOf } from './enum-ids';
import { LIMITS, cleanMultiline, isWebUrl, lineField, webUrlField } from './text';

const textField = (field: TextField) => lineField(TEXT_FIELDS[field].english, TEXT_FIELDS[field].max);
const urlField = (field: TextField) => webUrlField(TEXT_FIELDS[field].english, TEXT_FIELDS[field].max);

export const StageSchema = z.enum(STAGE_IDS);

export const CriterionStatusSchema = z.enum(['met', 'not_met', 'unknown']);
export type CriterionStatus = z.infer<typeof CriterionStatusSchema>;

export const CriterionAnswerSchema = z.object({
  status: CriterionStatusSchema,
  note: z.string().max(LIMITS.note, `A note is longer than ${LIMITS.note} characters`).default(''),
});
export type CriterionAnswer = z.infer<typeof CriterionAnswerSchema>;

export const ChecklistSchema = z.object({
  frameworkId: z.string().min(1),
  answers: z.record(z.string(), CriterionAnswerSchema).default({}),
});
export type Checklist = z.infer<typeof ChecklistSchema>;

export const StageChangeSchema = z.object({
  stage: StageSchema,
  at: z.number(),
  reason: z.string().max(LIMITS.short).optional(),
});
export type StageChange = z.infer<typeof StageChangeSchema>;

export { CHANNELS, CHANNEL_IDS, ChannelSchema, channelLabel, type Channel } from './channel';

/** What the prospect did that shows intent. */
export const INTEREST_SIGNALS = [
  { id: 'form_fill', english: 'Filled in a form', get label() { return t('words.signal.form_fill'); } },
  { id: 'download', english: 'Downloaded content', get label() { return t('words.signal.download'); } },
  { id: 'cta_click', english: 'Clicked a call-to-action', get label() { return t('words.signal.cta_click'); } },
  { id: 'newsletter', english: 'Subscribed to the newsletter', get label() { return t('words.signal.newsletter'); } },
  { id: 'demo_request', english: 'Requested a demo', get label() { return t('words.signal.demo_request'); } },
] as const;
export const INTEREST_SIGNAL_IDS = idsOf(INTEREST_SIGNALS);
export const InterestSignalSchema = z.enum(INTEREST_SIGNAL_IDS);
export type InterestSignal = z.infer<typeof InterestSignalSchema>;

/**
 * One reason of the score. `says` is what it means (a message id and its values), so the popup words
 * it in the rep's current language; `text` is the English wording, kept for reasons stored before
 * `says` existed and for anything that reads the record without the locale files.
 */
export const ScoreReasonSchema = z.object({
  points: z.number(),
  text: z.string(),
  says: z.object({ id: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).optional(),
});
export type ScoreReason = z.infer<typeof ScoreReasonSchema>;

/** Fields a rep can type into; once edited by hand, a later capture never overwrites them. */
export const EDITABLE_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'headline',
  'title',
  'company',
  'email',
  'phone',
  'location',
  'industry',
  'companySize',
  'website',
  'profileUrl',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export const EditableFieldSchema = z.enum(EDITABLE_FIELDS);

/** The fields that hold a web address: stored only when they are http(s). */
export const URL_FIELDS = ['website', 'profileUrl', 'sourceUrl'] as const satisfies readonly TextField[];

/**
 * What a re-capture found that differs from a stored value ("LinkedIn now says: VP Sales"): kept
 * beside the lead until the rep chooses Update or Keep, never written over the value by itself.
 */
export const ProposalSchema = z.object({
  field: EditableFieldSchema,
  value: z.string().min(1).max(LIMITS.url),
  source: SourceSchema,
  at: z.number(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

/** A value the rep turned down for a field (kept theirs, or typed over it): never proposed again. */
export const DeclinedValueSchema = z.object({ field: EditableFieldSchema, value: z.string().max(LIMITS.url) });
export type DeclinedValue = z.infer<typeof DeclinedValueSchema>;

/** The fields whose change means a job change: a buying signal shown on Today. */
export const JOB_FIELDS: readonly EditableField[] = ['title', 'company'];

/**
 * What a capture could not settle and the rep should look at: shown on the lead as a short note
 * ("Check how this name splits"), cleared when the rep edits the field.
 */
export const LEAD_CHECKS = [
  { id: 'nameSplit', fields: ['firstName', 'lastName'], get label() { return t('words.check.nameSplit'); } },
  { id: 'phoneCountry', fields: ['phone'], get label() { return t('words.check.phoneCountry'); } },
] as const;
export const LeadCheckSchema = z.enum(idsOf(LEAD_CHECKS));
export type LeadCheck = z.infer<typeof LeadCheckSchema>;

export const LeadSchema = z.object({
  id: z.string().min(1),
  fullName: z.string().min(1, 'A lead needs a name').max(LIMITS.name),
  firstName: textField('firstName'),
  lastName: textField('lastName'),
  headline: textField('headline'),
  title: textField('title'),
  company: textField('company'),
  email: textField('email'),
  phone: textField('phone'),
  phoneE164: textField('phoneE164'),
  /** What the rep should check, for instance a name split the page's culture did not settle. */
  checks: z.array(LeadCheckSchema).optional(),
  location: textField('location'),
  industry: textField('industry'),
  companySize: textField('companySize'),
  website: urlField('website'),
  profileUrl: urlField('profileUrl'),
  source: SourceSchema,
  sourceUrl: urlField('sourceUrl'),
  sourceList: textField('sourceList'),
  capturedAt: z.number(),
  channel: ChannelSchema.optional(),
  signals: z.array(InterestSignalSchema).default([]),
  stage: StageSchema.default('new'),
  stageHistory: z.array(StageChangeSchema).default([]),
  checklist: ChecklistSchema.default({ frameworkId: 'bant', answers: {} }),
  score: z.number().min(0).max(100).default(0),
  scoreReasons: z.array(ScoreReasonSchema).default([]),
  dealValue: z.number().nonnegative().optional(),
  tags: z.array(z.string().max(LIMITS.tag)).default([]),
  notes: z.preprocess(
    (v) => (typeof v === 'string' ? cleanMultiline(v) : v),
    z.string().max(LIMITS.note, `Notes are longer than ${LIMITS.note} characters`).default(''),
  ),
  nextFollowUpAt: z.number().optional(),
  /** Fields the rep changed by hand. */
  editedFields: z.array(z.string()).default([]),
  /** Changes a re-capture found, waiting for the rep's Update or Keep. Absent on leads that never had one. */
  proposals: z.array(ProposalSchema).optional(),
  /** Values the rep turned down, per field, so a capture does not propose them again. */
  declined: z.array(DeclinedValueSchema).max(100).optional(),
  /** When a title or company change was last proposed; indexed, so Today finds job changes without reading every lead. */
  jobChangeAt: z.number().optional(),
  /** Dedupe keys, derived from the fields above by lib/db/keys.ts. */
  emailKey: z.string().optional(),
  profileKey: z.string().optional(),
  nameCompanyKey: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Lead = z.infer<typeof LeadSchema>;

export const ActivityKindSchema = z.enum(['captured', 'updated', 'note', 'stage', 'checklist', 'followup', 'email', 'imported']);
export const ActivitySchema = z.object({
  id: z.number().int().optional(),
  leadId: z.string(),
  kind: ActivityKindSchema,
  at: z.number(),
  /** In English, fixed when written: what older versions, backups and CSV read, and what entries without an event show. */
  text: z.string().max(LIMITS.note),
  /**
   * What happened, as data, rendered in the rep's language and time zone when shown. Absent on
   * entries written before events existed; an event this version cannot read is dropped and the
   * text stands in for it.
   */
  event: ActivityEventSchema.optional().catch(undefined),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const ReminderSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  dueAt: z.number(),
  note: z.string().max(LIMITS.note).default(''),
  status: z.enum(['pending', 'done', 'snoozed']),
  firedAt: z.number().optional(),
  doneAt: z.number().optional(),
});
export type Reminder = z.infer<typeof ReminderSchema>;

/**
 * A lead with any non-http(s) address removed. Records stored before addresses were checked (a
 * restored backup, a company page) must stay writable; what was removed goes to the console.
 */
export function withoutUnsafeUrls<T extends Partial<Record<(typeof URL_FIELDS)[number], string>>>(lead: T): T {
  let safe = lead;
  for (const field of URL_FIELDS) {
    const value = lead[field];
    if (value !== undefined && !isWebUrl(value.trim())) {
      console.warn(`Leadline: dropped a ${field} that is not a web address`, value);
      const { [field]: _dropped, ...rest } = safe;
      safe = rest as T;
    }
  }
  return safe;
}

