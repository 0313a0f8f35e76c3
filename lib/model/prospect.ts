import './zod-config';
import { z } from 'zod';
import { LIMITS, lineField } from './text';

export const SourceSchema = z.enum(['linkedin', 'gmail', 'outlook', 'web', 'import', 'manual']);
export type Source = z.infer<typeof SourceSchema>;

const SOURCE_NAMES: Record<Source, string> = {
  linkedin: 'LinkedIn',
  gmail: 'Gmail',
  outlook: 'Outlook',
  web: 'Web page',
  import: 'Import',
  manual: 'Manual entry',
};

export function sourceName(source: Source): string {
  return SOURCE_NAMES[source];
}

/** Every text field a draft can carry: its label for messages and its length limit. */
export const DRAFT_TEXT_FIELDS = {
  fullName: ['Name', LIMITS.name],
  firstName: ['First name', LIMITS.name],
  lastName: ['Last name', LIMITS.name],
  headline: ['Headline', LIMITS.short],
  title: ['Title', LIMITS.short],
  company: ['Company', LIMITS.short],
  email: ['Email', LIMITS.email],
  phone: ['Phone', LIMITS.phone],
  location: ['Location', LIMITS.short],
  industry: ['Industry', LIMITS.short],
  companySize: ['Company size', LIMITS.tag],
  website: ['Website', LIMITS.url],
  profileUrl: ['Profile URL', LIMITS.url],
  sourceUrl: ['Source URL', LIMITS.url],
  /** Where the rep met them, e.g. an email thread's subject; becomes the lead's first activity. */
  context: ['Context', LIMITS.short],
} as const satisfies Record<string, readonly [string, number]>;
export type DraftTextField = keyof typeof DRAFT_TEXT_FIELDS;

const draftTextShape = Object.fromEntries(
  Object.entries(DRAFT_TEXT_FIELDS).map(([field, [label, max]]) => [field, lineField(label, max)]),
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
