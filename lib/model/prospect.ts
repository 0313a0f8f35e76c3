import './zod-config';
import { z } from 'zod';
import { idsOf } from './enum-ids';
import { TEXT_FIELDS, type TextField } from './fields';
import { lineField } from './text';

/** Where a lead came from. */
export const SOURCES = [
  { id: 'linkedin', label: 'LinkedIn' },
  { id: 'gmail', label: 'Gmail' },
  { id: 'outlook', label: 'Outlook' },
  { id: 'web', label: 'Web page' },
  { id: 'import', label: 'Import' },
  { id: 'manual', label: 'Manual entry' },
] as const;
export const SourceSchema = z.enum(idsOf(SOURCES));
export type Source = z.infer<typeof SourceSchema>;

export function sourceName(source: Source): string {
  return SOURCES.find((s) => s.id === source)?.label ?? source;
}

/** The text fields a draft can carry, each with its label and length limit from TEXT_FIELDS. */
const DRAFT_FIELDS = [
  'fullName', 'firstName', 'lastName', 'headline', 'title', 'company', 'email', 'phone', 'location', 'industry',
  'companySize', 'website', 'profileUrl', 'sourceUrl', 'context',
] as const satisfies readonly TextField[];
export type DraftTextField = (typeof DRAFT_FIELDS)[number];

export const DRAFT_TEXT_FIELDS = Object.fromEntries(DRAFT_FIELDS.map((field) => [field, TEXT_FIELDS[field]])) as {
  [K in DraftTextField]: (typeof TEXT_FIELDS)[K];
};

const draftTextShape = Object.fromEntries(
  DRAFT_FIELDS.map((field) => [field, lineField(TEXT_FIELDS[field].label, TEXT_FIELDS[field].max)]),
) as { [K in DraftTextField]: ReturnType<typeof lineField> };

/**
 * What an extractor read from a page: raw, untrusted text. Every field is optional because pages
 * rarely show everything; an extractor leaves a field empty rather than guess.
 */
export const ProspectDraftSchema = z
  .object({
    ...draftTextShape,
    source: SourceSchema,
    /** 0..1: how sure the extractor is that this is a real person on the page. */
    confidence: z.number().min(0).max(1).default(0.5),
  })
  .refine((d) => Boolean(d.fullName || d.email || d.profileUrl), {
    message: 'A prospect needs at least a name, an email address or a profile URL',
  });
export type ProspectDraft = z.infer<typeof ProspectDraftSchema>;

/** What an extractor returns: the same fields as plain strings, before cleaning and validation. */
export type ProspectDraftInput = { [K in DraftTextField]?: string } & { source: Source; confidence?: number };
