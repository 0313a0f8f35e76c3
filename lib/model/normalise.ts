import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { linkedInProfileKeyFromUrl } from './page-urls';
import { cleanPersonName, splitName } from './names';
import { DRAFT_TEXT_FIELDS, ProspectDraftSchema, type ProspectDraft } from './prospect';
import { cleanLine, truncate } from './text';

/** A draft that passed validation, with the derived values the background adds. */
export type NormalisedDraft = ProspectDraft & { phoneE164?: string };

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

function readableIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

/**
 * Turns what a content script sent into a clean draft: long page text is cut to the field's limit,
 * malformed emails and URLs are dropped rather than stored, names are split and phones get E.164.
 */
export function normaliseDraft(input: unknown, options: { defaultCountry?: CountryCode } = {}): NormaliseResult {
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

  if (typeof raw.fullName === 'string' && !raw.firstName && !raw.lastName) {
    const { firstName, lastName } = splitName(raw.fullName);
    raw.firstName = firstName;
    raw.lastName = lastName;
  }
  if (!raw.fullName && (raw.firstName || raw.lastName)) {
    raw.fullName = [raw.firstName, raw.lastName].filter(Boolean).join(' ');
  }

  const parsed = ProspectDraftSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: readableIssues(parsed.error) };
  const phoneE164 = phoneToE164(parsed.data.phone, options.defaultCountry);
  return { ok: true, draft: { ...parsed.data, ...(phoneE164 ? { phoneE164 } : {}) } };
}
