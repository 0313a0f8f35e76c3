import './zod-config';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { CHANNELS, ChannelSchema, LEAD_CHECKS, type Channel, type DeclinedValue, type EditableField, type Lead } from './lead';
import { TEXT_FIELDS, fieldNoun, fieldNounEnglish } from './fields';
import { startingState, wasDeclined, withProposals } from './lead-draft';
import { splitName } from './name-split';
import { normaliseEmail, normaliseWebUrl, phoneCountries, readPhone } from './normalise';
import type { CountryCode } from 'libphonenumber-js';
import { linkedInProfileKeyFromUrl } from './page-urls';
import { SOURCES, SourceSchema, sourceEnglish, type Source } from './prospect';
import { cleanLine, isWebUrl, lineField } from './text';

/** Every field a rep can edit on a lead, in the order the form shows them. */
export const LEAD_FORM_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'title',
  'company',
  'email',
  'phone',
  'location',
  'website',
  'profileUrl',
  'headline',
  'industry',
  'companySize',
  'channel',
  'source',
] as const satisfies ReadonlyArray<EditableField | 'channel' | 'source'>;
export type LeadFormField = (typeof LEAD_FORM_FIELDS)[number];

/** The fields a rep picks from a list rather than types; label and noun in the rep's language, read when shown. */
export const CHOICE_FIELDS = {
  channel: {
    english: 'Channel',
    options: CHANNELS,
    required: false,
    get label() { return t('words.field.channel'); },
    get noun() { return t('words.fieldInSentence.channel'); },
  },
  source: {
    english: 'Source',
    options: SOURCES,
    required: true,
    get label() { return t('words.field.source'); },
    get noun() { return t('words.fieldInSentence.source'); },
  },
} as const;

/** How a field is labelled in a form and in messages, in the rep's language. */
export function fieldLabel(field: LeadFormField): string {
  return field === 'channel' || field === 'source' ? CHOICE_FIELDS[field].label : TEXT_FIELDS[field].label;
}

/** The field's name inside a sentence, in the rep's language: "title", "first name", "profile URL". */
export function fieldNounOf(field: LeadFormField): string {
  return field === 'channel' || field === 'source' ? CHOICE_FIELDS[field].noun : fieldNoun(field);
}

/** The field's name inside an English sentence: the activity log's fallback text. */
export function fieldNounOfEnglish(field: LeadFormField): string {
  return field === 'channel' || field === 'source' ? CHOICE_FIELDS[field].english.toLowerCase() : fieldNounEnglish(field);
}

/** The input type that brings up the right keyboard and autofill for a field. */
export function fieldInputType(field: LeadFormField): 'text' | 'email' | 'tel' | 'url' {
  if (field === 'email') return 'email';
  if (field === 'phone') return 'tel';
  if (field === 'website' || field === 'profileUrl') return 'url';
  return 'text';
}

export type FieldEditResult = { ok: true; value: string | undefined } | { ok: false; message: string };

const fail = (message: string): FieldEditResult => ({ ok: false, message });

const MIN_PHONE_DIGITS = 5;

/**
 * Checks what the rep typed into one field with the rules a capture's value passes (the same length
 * limits, email and web-address checks) and says what is wrong in words. The value comes back the
 * way it is stored: trimmed, an email lower-cased, "acme.com" as "https://acme.com/", a LinkedIn
 * profile in its canonical form, an emptied field as undefined.
 */
export function parseFieldEdit(field: LeadFormField, raw: string): FieldEditResult {
  if (field === 'channel') {
    if (!raw) return { ok: true, value: undefined };
    const channel = ChannelSchema.safeParse(raw);
    return channel.success ? { ok: true, value: channel.data } : fail(t('lead.edit.chooseChannel'));
  }
  if (field === 'source') {
    const source = SourceSchema.safeParse(raw);
    return source.success ? { ok: true, value: source.data } : fail(t('lead.edit.chooseSource'));
  }
  const { label, max } = TEXT_FIELDS[field];
  const checked = lineField(label, max).safeParse(raw);
  // A cleaned line fails only by being too long; the message is worded here, in the UI language.
  if (!checked.success) return fail(t('lead.edit.tooLong', { field: fieldLabel(field), max: uiFormats().count(max) }));
  const value = checked.data;
  if (field === 'fullName' && !value) return fail(t('lead.edit.needsName'));
  if (value === undefined) return { ok: true, value };
  switch (field) {
    case 'email': {
      const email = normaliseEmail(value);
      return email ? { ok: true, value: email } : fail(t('lead.edit.notEmail', { value }));
    }
    case 'phone':
      return (value.match(/\d/g)?.length ?? 0) >= MIN_PHONE_DIGITS && !/[a-wyz]/i.test(value.replace(/\bext\b/i, ''))
        ? { ok: true, value }
        : fail(t('lead.edit.notPhone', { value }));
    case 'website': {
      const url = normaliseWebUrl(value);
      return url ? { ok: true, value: url } : fail(t('lead.edit.notWebsite', { value }));
    }
    case 'profileUrl': {
      const url = normaliseWebUrl(value);
      return url
        ? { ok: true, value: linkedInProfileKeyFromUrl(url) ?? url }
        : fail(t('lead.edit.notProfile', { value }));
    }
    default:
      return { ok: true, value };
  }
}

type FieldValues = Partial<Record<LeadFormField, string>>;

/** A field's value on a lead, as the form shows it. */
export function fieldValue(lead: Lead, field: LeadFormField): string {
  return (field === 'channel' ? lead.channel : field === 'source' ? lead.source : lead[field]) ?? '';
}

const joinName = (first: string | undefined, last: string | undefined) => [first, last].filter(Boolean).join(' ');

/**
 * The lead after the rep set one field. The field is marked as the rep's (captures never write over
 * it), the value it replaced is remembered as turned down (a capture will not propose it back), a
 * proposal waiting for that field is settled, and the name parts follow each other: a new full
 * name is split into first and last name, a new first or last name rebuilds a full name that was
 * built from them, unless the rep set those by hand.
 */
export function applyFieldEdit(
  lead: Lead,
  field: LeadFormField,
  value: string | undefined,
  options: { defaultCountry?: CountryCode } = {},
): Lead {
  const edited = new Set(lead.editedFields);
  const declined: DeclinedValue[] = [...(lead.declined ?? [])];
  const next: Record<string, unknown> = { ...lead };
  const settled = new Set<string>();
  const set = (name: LeadFormField | 'phoneE164', to: string | undefined) => {
    if (to === undefined) delete next[name];
    else next[name] = to;
  };
  const setByRep = (name: LeadFormField, to: string | undefined) => {
    const before = fieldValue(lead, name);
    if (name !== 'channel' && name !== 'source' && before && before !== to && !wasDeclined(lead, name, before)) {
      declined.push({ field: name, value: before });
    }
    set(name, to);
    edited.add(name);
    settled.add(name);
  };

  setByRep(field, value);
  // A number written without its country is read in the country the lead's details point at, or the rep's.
  if (field === 'phone') set('phoneE164', value ? readPhone(value, phoneCountries(lead, options)) : undefined);
  if (field === 'fullName' && value && !lead.editedFields.includes('firstName') && !lead.editedFields.includes('lastName')) {
    const parts = splitName(value);
    setByRep('firstName', parts.firstName);
    setByRep('lastName', parts.lastName);
  }
  if ((field === 'firstName' || field === 'lastName') && !lead.editedFields.includes('fullName')) {
    const was = joinName(lead.firstName, lead.lastName);
    const now = joinName(next.firstName as string | undefined, next.lastName as string | undefined);
    if (now && lead.fullName === was) setByRep('fullName', now);
  }

  const remaining = (lead.proposals ?? []).filter((p) => !settled.has(p.field));
  // What a capture asked the rep to check about a field is settled once the rep sets that field.
  const checks = (lead.checks ?? []).filter((check) => {
    const fields: readonly string[] = LEAD_CHECKS.find((c) => c.id === check)?.fields ?? [];
    return !fields.some((name) => settled.has(name));
  });
  if (lead.checks) next.checks = checks.length > 0 ? checks : undefined;
  if (next.checks === undefined) delete next.checks;
  const result = withProposals({ ...(next as Lead), editedFields: [...edited] }, remaining);
  return declined.length > 0 ? { ...result, declined: declined.slice(-50) } : result;
}

/** "Edited title: VP Sales (was Head of Sales)": the activity log's English fallback text. */
export function describeEdit(field: LeadFormField, before: string, after: string | undefined): string {
  const noun = fieldNounOfEnglish(field);
  const shown = (value: string | undefined) =>
    field === 'source' && value ? sourceEnglish(value as Source) : field === 'channel' && value ? channelEnglish(value as Channel) : value;
  const now = after ? shown(after) : 'cleared';
  return before ? `Edited ${noun}: ${now} (was ${shown(before)})` : `Edited ${noun}: ${now}`;
}

function channelEnglish(channel: Channel): string {
  return CHANNELS.find((c) => c.id === channel)?.english ?? channel;
}

export type ManualLeadResult =
  | { ok: true; fields: Partial<Record<LeadFormField, string>> }
  | { ok: false; errors: Partial<Record<LeadFormField, string>> };

/**
 * A lead typed by hand: every field checked like an edit, a name required (a full name, or a first
 * or last name to build one from). Problems come back per field, so each shows beside its input.
 */
export function parseManualLead(input: FieldValues): ManualLeadResult {
  const fields: Partial<Record<LeadFormField, string>> = {};
  const errors: Partial<Record<LeadFormField, string>> = {};
  for (const field of LEAD_FORM_FIELDS) {
    const raw = input[field] ?? '';
    if (field === 'fullName' && !cleanLine(raw)) continue;
    const result = parseFieldEdit(field, field === 'source' && !raw ? 'manual' : raw);
    if (!result.ok) errors[field] = result.message;
    else if (result.value !== undefined) fields[field] = result.value;
  }
  if (!fields.fullName) {
    const built = joinName(fields.firstName, fields.lastName);
    if (built) fields.fullName = built;
    else if (!errors.firstName && !errors.lastName) errors.fullName = t('lead.edit.needsName');
  } else if (!fields.firstName && !fields.lastName) {
    const parts = splitName(fields.fullName);
    if (parts.firstName) fields.firstName = parts.firstName;
    if (parts.lastName) fields.lastName = parts.lastName;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, fields };
}

/** A new lead from a checked manual entry: every value the rep typed is theirs. */
export function newManualLead(
  fields: Partial<Record<LeadFormField, string>>,
  id: string,
  now: number,
  frameworkId: string,
  sourceUrl?: string,
  defaultCountry?: CountryCode,
): Lead {
  const { channel, source, ...text } = fields;
  const phoneE164 = text.phone ? readPhone(text.phone, phoneCountries(text, { ...(defaultCountry ? { defaultCountry } : {}) })) : undefined;
  return {
    ...text,
    ...(phoneE164 ? { phoneE164 } : {}),
    ...(channel ? { channel: channel as Channel } : {}),
    ...(sourceUrl && isWebUrl(sourceUrl) ? { sourceUrl } : {}),
    id,
    fullName: text.fullName ?? 'Unknown',
    source: (source as Source | undefined) ?? 'manual',
    ...startingState(now, frameworkId),
    editedFields: Object.keys(fields),
  };
}

/** What a page offered towards a lead when no prospect could be read from it: a manual entry starts from this. */
export type ManualPrefill = Partial<Record<Exclude<LeadFormField, 'channel'>, string>> & { sourceUrl?: string };
