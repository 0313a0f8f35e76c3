import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import type { LeadCheck } from './lead';
import { splitName } from './name-split';
import { linkedInProfileKeyFromUrl } from './page-urls';
import { cleanPersonName } from './names';
import { countryFromHost, countryFromLang, countryFromPlace } from './places';
import { DRAFT_TEXT_FIELDS, ProspectDraftSchema, type ProspectDraft } from './prospect';
import { cleanLine, truncate } from './text';

/** A draft that passed validation, with the derived values the background adds. */
export type NormalisedDraft = Omit<ProspectDraft, 'hints'> & { phoneE164?: string; checks?: LeadCheck[] };

export type NormaliseOptions = {
  /** The rep's default country (Settings; the browser's locale region unless changed): the last way to read a national number. */
  defaultCountry?: CountryCode;
  /** The rep's language, for country names written in it. */
  language?: string;
};

export type NormaliseResult = { ok: true; draft: NormalisedDraft } | { ok: false; message: string };


const EmailSchema = z.email();

export function normaliseEmail(raw: string | undefined): string | undefined {
  const value = raw?.trim().replace(/^mailto:/i, '').split('?')[0]?.toLowerCase();
  return value && EmailSchema.safeParse(value).success ? value : undefined;
}

/** Accepts "acme.com" as well as full URLs; anything that is not http(s) is dropped. */
export function normaliseWebUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!url.hostname.includes('.')) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

export function phoneToE164(raw: string | undefined, defaultCountry?: CountryCode): string | undefined {
  if (!raw) return undefined;
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  return parsed?.isValid() ? parsed.number : undefined;
}

const hostOf = (raw: string | undefined) => {
  if (!raw) return undefined;
  try {
    return new URL(/^[a-z][a-z\d+.-]*:/i.test(raw) ? raw : `https://${raw}`).hostname;
  } catch {
    return undefined;
  }
};

/**
 * The countries a national phone number in `draft` may be read in, most telling first: the country
 * of the address shown with the person, their company domain's country code, the language of their
 * own page, then the rep's default country. Never more than the page (or the rep) says.
 */
export function phoneCountries(draft: Pick<ProspectDraft, 'email' | 'website' | 'location' | 'hints'>, options: NormaliseOptions = {}): CountryCode[] {
  const found = [
    countryFromPlace(draft.hints?.address, options.language),
    countryFromPlace(draft.location, options.language),
    countryFromHost(draft.email?.split('@')[1]),
    countryFromHost(hostOf(draft.website)),
    countryFromHost(draft.hints?.siteHost),
    countryFromLang(draft.hints?.lang),
    options.defaultCountry,
  ];
  const countries: CountryCode[] = [];
  for (const code of found) if (code && isSupportedCountry(code) && !countries.includes(code)) countries.push(code);
  return countries;
}

/**
 * A phone number in E.164: as written when it carries its country code, else in the first of
 * `countries` where it is a valid number (or, failing that, a number of the right length, since
 * reserved ranges such as the UK's 07700 900xxx are not "valid"). Undefined when no country fits.
 */
export function readPhone(raw: string | undefined, countries: readonly CountryCode[]): string | undefined {
  if (!raw) return undefined;
  const written = raw.trim().replace(/^00(?=[1-9])/, '+');
  if (written.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(written);
    return parsed && (parsed.isValid() || parsed.isPossible()) ? parsed.number : undefined;
  }
  for (const country of countries) {
    const parsed = parsePhoneNumberFromString(written, country);
    if (parsed?.isValid()) return parsed.number;
  }
  for (const country of countries) {
    const parsed = parsePhoneNumberFromString(written, country);
    if (parsed?.isPossible() && parsed.country === country) return parsed.number;
  }
  return undefined;
}

function readableIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

/**
 * Turns what a content script sent into a clean draft: long page text is cut to the field's limit,
 * malformed emails and URLs are dropped rather than stored, names are split and phones get E.164.
 */
export function normaliseDraft(input: unknown, options: NormaliseOptions = {}): NormaliseResult {
  if (typeof input !== 'object' || input === null) return { ok: false, message: 'The page sent no prospect.' };
  const raw: Record<string, unknown> = { ...(input as Record<string, unknown>) };

  for (const [field, { max }] of Object.entries(DRAFT_TEXT_FIELDS)) {
    const value = raw[field];
    if (typeof value === 'string') raw[field] = truncate(cleanLine(value), max) || undefined;
    else if (value !== undefined) raw[field] = undefined;
  }

  if (typeof raw.fullName === 'string') raw.fullName = cleanPersonName(raw.fullName) || undefined;
  raw.email = normaliseEmail(raw.email as string | undefined);
  raw.website = normaliseWebUrl(raw.website as string | undefined);
  raw.sourceUrl = normaliseWebUrl(raw.sourceUrl as string | undefined);
  const profileUrl = normaliseWebUrl(raw.profileUrl as string | undefined);
  raw.profileUrl = profileUrl ? (linkedInProfileKeyFromUrl(profileUrl) ?? profileUrl) : undefined;

  if (!raw.fullName && (raw.firstName || raw.lastName)) {
    raw.fullName = [raw.firstName, raw.lastName].filter(Boolean).join(' ');
  }

  const parsed = ProspectDraftSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: readableIssues(parsed.error) };
  const { hints, ...draft } = parsed.data;
  const checks: LeadCheck[] = [];

  if (draft.fullName && !draft.firstName && !draft.lastName) {
    const country = countryFromPlace(hints?.address, options.language) ?? countryFromPlace(draft.location, options.language) ?? countryFromHost(draft.email?.split('@')[1]);
    const split = splitName(draft.fullName, { lang: hints?.lang, country });
    if (split.firstName) draft.firstName = split.firstName;
    if (split.lastName) draft.lastName = split.lastName;
    if (split.uncertain) checks.push('nameSplit');
  }
  const phoneE164 = readPhone(draft.phone, phoneCountries(parsed.data, options));
  if (draft.phone && !phoneE164) checks.push('phoneCountry');
  return { ok: true, draft: { ...draft, ...(phoneE164 ? { phoneE164 } : {}), ...(checks.length ? { checks } : {}) } };
}
