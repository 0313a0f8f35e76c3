import { LIMITS } from './text';

/**
 * Every one-line text field a lead or a draft can carry: its label (as a rep reads it in a form or a
 * message) and its length limit. The lead and draft schemas, field errors and "Updated: title,
 * company" activity texts all take their words from here.
 */
export const TEXT_FIELDS = {
  fullName: { label: 'Name', max: LIMITS.name },
  firstName: { label: 'First name', max: LIMITS.name },
  lastName: { label: 'Last name', max: LIMITS.name },
  headline: { label: 'Headline', max: LIMITS.short },
  title: { label: 'Title', max: LIMITS.short },
  company: { label: 'Company', max: LIMITS.short },
  email: { label: 'Email', max: LIMITS.email },
  phone: { label: 'Phone', max: LIMITS.phone },
  phoneE164: { label: 'Phone', max: LIMITS.phone },
  location: { label: 'Location', max: LIMITS.short },
  industry: { label: 'Industry', max: LIMITS.short },
  companySize: { label: 'Company size', max: LIMITS.tag },
  website: { label: 'Website', max: LIMITS.url },
  profileUrl: { label: 'Profile URL', max: LIMITS.url },
  sourceUrl: { label: 'Source URL', max: LIMITS.url },
  /** The list an imported lead first came from ("SaaStr badge scans"). */
  sourceList: { label: 'Source list', max: LIMITS.tag },
  /** Where the rep met them, e.g. an email thread's subject; becomes the lead's first activity. */
  context: { label: 'Context', max: LIMITS.short },
} as const satisfies Record<string, { label: string; max: number }>;
export type TextField = keyof typeof TEXT_FIELDS;

/** The label as a word inside a sentence: "title", "company size", but "profile URL". */
export function fieldNoun(field: TextField): string {
  const label = TEXT_FIELDS[field].label;
  // A capital followed by a small letter starts an ordinary word; capitals in a row are an acronym.
  return label.replace(/\b(\p{Lu})(\p{Ll})/gu, (_, first: string, next: string) => first.toLowerCase() + next);
}

/** "title, company, phone" */
export function describeFields(fields: readonly TextField[]): string {
  return fields.map(fieldNoun).join(', ');
}
