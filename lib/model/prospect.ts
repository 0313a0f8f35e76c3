import './zod-config';
import { z } from 'zod';
import { t } from '../i18n';
import { idsOf } from './enum-ids';
import { TEXT_FIELDS, type TextField } from './fields';
import { lineField } from './text';

/** Where a lead came from: `label` in the rep's language (read when shown), `english` for files and the log's fallback text. */
export const SOURCES = [
  { id: 'linkedin', english: 'LinkedIn', get label() { return t('words.source.linkedin'); } },
  { id: 'gmail', english: 'Gmail', get label() { return t('words.source.gmail'); } },
  { id: 'outlook', english: 'Outlook', get label() { return t('words.source.outlook'); } },
  { id: 'web', english: 'Web page', get label() { return t('words.source.web'); } },
  { id: 'import', english: 'Import', get label() { return t('words.source.import'); } },
  { id: 'manual', english: 'Manual entry', get label() { return t('words.source.manual'); } },
] as const;
export const SourceSchema = z.enum(idsOf(SOURCES));
export type Source = z.infer<typeof SourceSchema>;

export function sourceName(source: Source): string {
  return SOURCES.find((s) => s.id === source)?.label ?? source;
}

/** The source's fixed English name, for files and the activity log's fallback text. */
export function sourceEnglish(source: Source): string {
  return SOURCES.find((s) => s.id === source)?.english ?? source;
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
  DRAFT_FIELDS.map((field) => [field, lineField(TEXT_FIELDS[field].english, TEXT_FIELDS[field].max)]),
) as { [K in DraftTextField]: ReturnType<typeof lineField> };

/**
 * What the page says about where the person is and how their text is written, for the background
 * to read a national phone number and split the name (the content script sends raw text; the
 * background, with its country data and libphonenumber, decides).
 */
export const DraftHintsSchema = z
  .object({
    /** Address or place lines shown with the person: a signature's address, a page's postal address. */
    address: z.string().max(500).optional(),
    /** The language of the person's own text (their company page's lang, an element's lang), not the rep's UI language. */
    lang: z.string().max(35).optional(),
    /** The host of the person's own company site, when the page is it (a team or contact page). */
    siteHost: z.string().max(253).optional(),
  })
  .optional()
  .catch(undefined);
export type DraftHints = z.infer<typeof DraftHintsSchema>;

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
    /** 0..1 per field: how far the page's independent signals agree on it (a heading and the page title, Experience and the headline). */
    fieldConfidence: z.record(z.string(), z.number().min(0).max(1)).optional().catch(undefined),
    hints: DraftHintsSchema,
  })
  .refine((d) => Boolean(d.fullName || d.email || d.profileUrl), {
    message: 'A prospect needs at least a name, an email address or a profile URL',
  });
export type ProspectDraft = z.infer<typeof ProspectDraftSchema>;

/** What an extractor returns: the same fields as plain strings, before cleaning and validation. */
export type ProspectDraftInput = { [K in DraftTextField]?: string } & {
  source: Source;
  confidence?: number;
  fieldConfidence?: Record<string, number>;
  hints?: DraftHints;
};
