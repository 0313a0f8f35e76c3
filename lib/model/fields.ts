import { t } from '../i18n';
import { LIMITS } from './text';

/**
 * Every one-line text field a lead or a draft can carry: its label as a form shows it and its noun
 * inside a sentence, both in the rep's language and read when shown (getters), its fixed English
 * label (for schema messages and the activity log's English fallback text) and its length limit.
 */
export const TEXT_FIELDS = {
  fullName: { english: 'Name', max: LIMITS.name, get label() { return t('words.field.fullName'); }, get noun() { return t('words.fieldInSentence.fullName'); } },
  firstName: { english: 'First name', max: LIMITS.name, get label() { return t('words.field.firstName'); }, get noun() { return t('words.fieldInSentence.firstName'); } },
  lastName: { english: 'Last name', max: LIMITS.name, get label() { return t('words.field.lastName'); }, get noun() { return t('words.fieldInSentence.lastName'); } },
  headline: { english: 'Headline', max: LIMITS.short, get label() { return t('words.field.headline'); }, get noun() { return t('words.fieldInSentence.headline'); } },
  title: { english: 'Title', max: LIMITS.short, get label() { return t('words.field.title'); }, get noun() { return t('words.fieldInSentence.title'); } },
  company: { english: 'Company', max: LIMITS.short, get label() { return t('words.field.company'); }, get noun() { return t('words.fieldInSentence.company'); } },
  email: { english: 'Email', max: LIMITS.email, get label() { return t('words.field.email'); }, get noun() { return t('words.fieldInSentence.email'); } },
  phone: { english: 'Phone', max: LIMITS.phone, get label() { return t('words.field.phone'); }, get noun() { return t('words.fieldInSentence.phone'); } },
  phoneE164: { english: 'Phone', max: LIMITS.phone, get label() { return t('words.field.phone'); }, get noun() { return t('words.fieldInSentence.phone'); } },
  location: { english: 'Location', max: LIMITS.short, get label() { return t('words.field.location'); }, get noun() { return t('words.fieldInSentence.location'); } },
  industry: { english: 'Industry', max: LIMITS.short, get label() { return t('words.field.industry'); }, get noun() { return t('words.fieldInSentence.industry'); } },
  companySize: { english: 'Company size', max: LIMITS.tag, get label() { return t('words.field.companySize'); }, get noun() { return t('words.fieldInSentence.companySize'); } },
  website: { english: 'Website', max: LIMITS.url, get label() { return t('words.field.website'); }, get noun() { return t('words.fieldInSentence.website'); } },
  profileUrl: { english: 'Profile URL', max: LIMITS.url, get label() { return t('words.field.profileUrl'); }, get noun() { return t('words.fieldInSentence.profileUrl'); } },
  sourceUrl: { english: 'Source URL', max: LIMITS.url, get label() { return t('words.field.sourceUrl'); }, get noun() { return t('words.fieldInSentence.sourceUrl'); } },
  /** The list an imported lead first came from ("SaaStr badge scans"). */
  sourceList: { english: 'Source list', max: LIMITS.tag, get label() { return t('words.field.sourceList'); }, get noun() { return t('words.fieldInSentence.sourceList'); } },
  /** Where the rep met them, e.g. an email thread's subject; becomes the lead's first activity. */
  context: { english: 'Context', max: LIMITS.short, get label() { return t('words.field.context'); }, get noun() { return t('words.fieldInSentence.context'); } },
} as const satisfies Record<string, { english: string; label: string; noun: string; max: number }>;
export type TextField = keyof typeof TEXT_FIELDS;

/** The field inside a sentence, in the rep's language: "title", "company size", but "profile URL" (German keeps its capitals). */
export function fieldNoun(field: TextField): string {
  return TEXT_FIELDS[field].noun;
}

/** "title, company, phone", in the rep's language. */
export function describeFields(fields: readonly TextField[]): string {
  return fields.map(fieldNoun).join(', ');
}

/** The field inside an English sentence: the activity log's fallback text, which stays English. */
export function fieldNounEnglish(field: TextField): string {
  // A capital followed by a small letter starts an ordinary word; capitals in a row are an acronym.
  return TEXT_FIELDS[field].english.replace(/\b(\p{Lu})(\p{Ll})/gu, (_, first: string, next: string) => first.toLowerCase() + next);
}

/** "title, company, phone", in English for the activity log's fallback text. */
export function describeFieldsEnglish(fields: readonly TextField[]): string {
  return fields.map(fieldNounEnglish).join(', ');
}
