// zod/mini: the same validation with a tree-shakable API, because these schemas ship inside the
// content scripts that run on LinkedIn, Gmail and Outlook, where every kilobyte counts.
import '@/lib/model/zod-config';
import * as z from 'zod/mini';

const STAGE_IDS = ['new', 'contacted', 'nurturing', 'qualified', 'customer', 'disqualified'] as const;
const text = (max: number) => z.string().check(z.maxLength(max));

/**
 * Every message between a content script and the background is one of these, parsed with zod on
 * arrival. Drafts stay `unknown` here: the background normalises and validates them field by field.
 */
export const CaptureSaveSchema = z.object({
  type: z.literal('capture.save'),
  drafts: z.array(z.unknown()).check(z.minLength(1), z.maxLength(100)),
});

export const CaptureLookupSchema = z.object({
  type: z.literal('capture.lookup'),
  profileUrl: z.optional(text(2048)),
  email: z.optional(text(254)),
});

/** A company page's details, offered to the leads who work there. */
export const CompanyEnrichSchema = z.object({
  type: z.literal('company.enrich'),
  company: z.object({
    company: text(300),
    website: z.optional(text(2048)),
    industry: z.optional(text(300)),
    companySize: z.optional(text(60)),
    location: z.optional(text(300)),
    linkedInUrl: text(2048),
  }),
});
export const CompanyEnrichResultSchema = z.object({ ok: z.literal(true), updated: z.number() });
export const CompanyEnrichReplySchema = z.union([CompanyEnrichResultSchema, z.object({ ok: z.literal(false), error: z.string() })]);

/** The popup changed reminders: the background reschedules alarms and recounts the badge. */
export const RemindersSyncSchema = z.object({ type: z.literal('reminders.sync') });

export const MessageSchema = z.discriminatedUnion('type', [CaptureSaveSchema, CaptureLookupSchema, CompanyEnrichSchema, RemindersSyncSchema]);
export type Message = z.infer<typeof MessageSchema>;

/** How the background describes a stored lead to a page: enough to say "Already in Leadline (stage: Nurturing)". */
export const LeadSummarySchema = z.object({
  id: z.string(),
  fullName: z.string(),
  stage: z.enum(STAGE_IDS),
  stageLabel: z.string(),
});
export type LeadSummary = z.infer<typeof LeadSummarySchema>;

export const CaptureSaveResultSchema = z.object({
  ok: z.literal(true),
  saved: z.array(z.extend(LeadSummarySchema, { status: z.enum(['created', 'merged', 'unchanged']) })),
  rejected: z.array(z.string()),
});
export const CaptureLookupResultSchema = z.object({
  ok: z.literal(true),
  lead: z.nullable(LeadSummarySchema),
});
export const FailureSchema = z.object({ ok: z.literal(false), error: z.string() });

export type CaptureSaveResult = z.infer<typeof CaptureSaveResultSchema>;
export type CaptureLookupResult = z.infer<typeof CaptureLookupResultSchema>;
export type Failure = z.infer<typeof FailureSchema>;
export type Reply = CaptureSaveResult | CaptureLookupResult | z.infer<typeof CompanyEnrichResultSchema> | { ok: true } | Failure;

export const CaptureSaveReplySchema = z.union([CaptureSaveResultSchema, FailureSchema]);
export const CaptureLookupReplySchema = z.union([CaptureLookupResultSchema, FailureSchema]);
