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

/**
 * What an extractor read from a page: raw, untrusted text. Every field is optional because pages
 * rarely show everything; an extractor leaves a field empty rather than guess.
 */
export const ProspectDraftSchema = z
  .object({
    fullName: lineField('Name', LIMITS.name),
    firstName: lineField('First name', LIMITS.name),
    lastName: lineField('Last name', LIMITS.name),
    headline: lineField('Headline', LIMITS.short),
    title: lineField('Title', LIMITS.short),
    company: lineField('Company', LIMITS.short),
    email: lineField('Email', LIMITS.email),
    phone: lineField('Phone', LIMITS.phone),
    location: lineField('Location', LIMITS.short),
    industry: lineField('Industry', LIMITS.short),
    companySize: lineField('Company size', LIMITS.tag),
    website: lineField('Website', LIMITS.url),
    profileUrl: lineField('Profile URL', LIMITS.url),
    source: SourceSchema,
    sourceUrl: lineField('Source URL', LIMITS.url),
    /** Where the rep met them, e.g. an email thread's subject; becomes the lead's first activity. */
    context: lineField('Context', LIMITS.short),
    /** 0..1: how sure the extractor is that this is a real person on the page. */
    confidence: z.number().min(0).max(1).default(0.5),
  })
  .refine((d) => Boolean(d.fullName || d.email || d.profileUrl), {
    message: 'A prospect needs at least a name, an email address or a profile URL',
  });
export type ProspectDraft = z.infer<typeof ProspectDraftSchema>;
/** What an extractor returns before validation. */
export type ProspectDraftInput = z.input<typeof ProspectDraftSchema>;
