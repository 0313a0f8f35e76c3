import { stripMarkup } from './page-text';
import { EMAIL_PATTERN, digitCount } from '@/lib/capture/vocabulary';
import { cleanPersonName } from '@/lib/model/names';
import { linkedInProfileKeyFromUrl } from '@/lib/model/page-urls';
import type { ProspectDraftInput } from '@/lib/model/prospect';
import { LIMITS, cleanLine, truncate } from '@/lib/model/text';
import { regionName } from '@/lib/model/region-name';

/**
 * What every web-page extractor (JSON-LD, microdata, h-card, contact links, selection) builds: a
 * draft per person, cleaned and limited, ranked and merged when two mentions are the same person,
 * with addresses, phones and links read the same way wherever they appear.
 */

const PERSON_FIELDS = [
  'fullName', 'firstName', 'lastName', 'title', 'company', 'email', 'phone', 'location', 'website', 'profileUrl',
] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

/** Raw values an extractor found for one person; `webDraft` cleans and limits them. */
export type PersonFields = { [K in PersonField]?: string | undefined };

/** A draft read from a web page: a ProspectDraftInput whose text fields are known to be strings. */
export type WebDraft = ProspectDraftInput & PersonFields & { source: 'web'; sourceUrl?: string; confidence: number };

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;

function nameField(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const name = cleanPersonName(cleanLine(stripMarkup(raw.slice(0, 4 * LIMITS.name))));
  // Longer than any name: a paragraph that happened to sit where a name goes.
  return name && name.length <= LIMITS.name ? name : undefined;
}

function textField(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = cleanLine(stripMarkup(raw.slice(0, 4 * LIMITS.short)));
  return text ? truncate(text, LIMITS.short) : undefined;
}

function httpUrl(raw: string | undefined): string | undefined {
  if (!raw || raw.length > LIMITS.url) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A clean draft from raw page values, or undefined when it would not identify anyone (no name,
 * email or profile URL). Markup is stripped, fields are cut to the model's limits, an invalid email
 * or a non-http URL is dropped, and the phone stays raw text for the background to normalise.
 * `confidence` may be worked out from the cleaned draft, so a "name" that turned out to be a
 * paragraph does not count as one.
 */
export function webDraft(
  fields: PersonFields,
  url: URL,
  confidence: number | ((draft: PersonFields) => number),
): WebDraft | undefined {
  const firstName = nameField(fields.firstName);
  const lastName = nameField(fields.lastName);
  const fullName = nameField(fields.fullName) ?? nameField([firstName, lastName].filter(Boolean).join(' '));
  const email = fields.email ? emailFromHref(fields.email) : undefined;
  const profileUrl = httpUrl(fields.profileUrl);
  if (!fullName && !email && !profileUrl) return undefined;

  const values: PersonFields = {
    fullName,
    firstName,
    lastName,
    title: textField(fields.title),
    company: textField(fields.company),
    email,
    phone: phoneFrom(fields.phone),
    location: textField(fields.location),
    website: httpUrl(fields.website),
    profileUrl,
  };
  const draft: WebDraft = { source: 'web', confidence: 0 };
  for (const field of PERSON_FIELDS) {
    const value = values[field];
    if (value !== undefined) draft[field] = value;
  }
  draft.confidence = round(typeof confidence === 'number' ? confidence : confidence(values));
  if (url.href.length <= LIMITS.url) draft.sourceUrl = url.href;
  return draft;
}

/** Highest confidence first; equal ones keep page order. */
export function rankDrafts(drafts: WebDraft[]): WebDraft[] {
  return [...drafts].sort((a, b) => b.confidence - a.confidence);
}

/** Case-, accent- and punctuation-insensitive form of a name, for telling two mentions of one person apart. */
export function personNameKey(name: string): string {
  return cleanPersonName(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function personKeys(draft: WebDraft): string[] {
  const keys: string[] = [];
  if (draft.email) keys.push(`email:${draft.email.toLowerCase()}`);
  if (draft.fullName) keys.push(`name:${personNameKey(draft.fullName)}`);
  return keys;
}

/**
 * Folds drafts that are the same person (same email, or same name) into the first of them: earlier
 * drafts win each field, later ones only fill gaps. `corroboration` is added to the confidence when
 * a second mention agrees.
 */
export function mergeSamePeople(drafts: WebDraft[], corroboration = 0): WebDraft[] {
  const merged: WebDraft[] = [];
  const byKey = new Map<string, WebDraft>();
  for (const draft of drafts) {
    const keys = personKeys(draft);
    const target = keys.map((key) => byKey.get(key)).find((found) => found !== undefined);
    if (!target) {
      const copy = { ...draft };
      merged.push(copy);
      for (const key of keys) byKey.set(key, copy);
      continue;
    }
    // First and last name belong to the full name they came with.
    const sameName = !target.fullName || (draft.fullName && personNameKey(draft.fullName) === personNameKey(target.fullName));
    for (const field of PERSON_FIELDS) {
      if ((field === 'firstName' || field === 'lastName') && !sameName) continue;
      if (target[field] === undefined && draft[field] !== undefined) target[field] = draft[field];
    }
    target.confidence = round(Math.max(target.confidence, draft.confidence) + corroboration);
    for (const key of personKeys(target)) if (!byKey.has(key)) byKey.set(key, target);
  }
  return merged;
}

// Shared inboxes, not people. Compared without dots, dashes and underscores ("no-reply" → "noreply").
const ROLE_MAILBOXES = new Set([
  'info', 'sales', 'support', 'hello', 'contact', 'contactus', 'privacy', 'admin', 'office', 'team', 'press', 'media',
  'marketing', 'careers', 'jobs', 'hr', 'recruiting', 'billing', 'accounts', 'accounting', 'help', 'helpdesk',
  'enquiries', 'enquiry', 'inquiries', 'inquiry', 'noreply', 'donotreply', 'webmaster', 'postmaster', 'hostmaster',
  'legal', 'abuse', 'security', 'partners', 'partnerships', 'feedback', 'events', 'general', 'mail', 'newsletter',
  'service', 'customerservice', 'customercare', 'care', 'dpo', 'gdpr', 'compliance', 'orders', 'bookings',
  'reservations', 'sponsors', 'sponsorship', 'speakers', 'registration', 'tickets', 'investors', 'ir', 'pr',
]);

/** Whether an address is a shared inbox (info@, sales@, support@…) rather than a person's. */
export function isRoleAddress(email: string): boolean {
  const local = (email.split('@')[0] ?? '').toLowerCase().split('+')[0] ?? '';
  return ROLE_MAILBOXES.has(local.replace(/[._-]/g, ''));
}

/** Drops nameless shared-inbox drafts when the page also names a person or shows a personal address. */
export function withoutRoleAddressesWhenPeople(drafts: WebDraft[]): WebDraft[] {
  const isRoleOnly = (d: WebDraft) => !d.fullName && !d.profileUrl && d.email !== undefined && isRoleAddress(d.email);
  return drafts.some((d) => !isRoleOnly(d)) ? drafts.filter((d) => !isRoleOnly(d)) : drafts;
}

/** Whether the draft names someone and says something more about them than the name. */
export function describesPerson(fields: PersonFields): { named: boolean; detailed: boolean } {
  const named = Boolean(fields.fullName);
  const detailed = Boolean(fields.email || fields.phone || fields.title || fields.company || fields.profileUrl || fields.website);
  return { named, detailed };
}

/** The address in `mailto:jane@acme.com?subject=Hi`, a bare address or "Jane <jane@acme.com>"; undefined when there is none. */
export function emailFromHref(raw: string): string | undefined {
  let value = raw.trim().replace(/^mailto:/i, '');
  value = value.split('?')[0]?.split(',')[0] ?? '';
  try {
    value = decodeURIComponent(value);
  } catch {
    // A stray "%": keep the text as written.
  }
  // "Jane Doe <jane@acme.com>"
  value = (/<([^<>]+)>/.exec(value)?.[1] ?? value).trim();
  return value.length <= LIMITS.email && EMAIL_PATTERN.test(value) ? value : undefined;
}

/**
 * Raw phone text from `tel:+1-415-555-0100`, "Tel.: +44 20 7946 0958" or a plain number: prefix
 * and label gone, otherwise as written. The background parses it; this only refuses what cannot
 * be a number.
 */
export function phoneFrom(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let value = raw.slice(0, 4 * LIMITS.phone).replace(/^\s*(?:tel|callto|sms):/i, '');
  if (value !== raw) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // Keep it as written.
    }
    value = value.replace(/;ext=/i, ' ext. ').replace(/;.*$/, '');
  }
  const start = value.search(/[+(\d]/);
  value = start >= 0 ? cleanLine(value.slice(start)) : '';
  const digits = digitCount(value);
  return digits >= 6 && digits <= 20 && value.length <= LIMITS.phone ? value : undefined;
}

// Networks whose profile is not the person's website; LinkedIn profiles get their own field.
const SOCIAL_HOSTS = [
  'linkedin.com', 'twitter.com', 'x.com', 'facebook.com', 'instagram.com', 'github.com', 'gitlab.com', 'youtube.com',
  'youtu.be', 'tiktok.com', 'medium.com', 'threads.net', 'bsky.app', 'mastodon.social', 'pinterest.com', 'xing.com',
  'crunchbase.com', 'wikipedia.org', 'wikidata.org', 'orcid.org', 'researchgate.net', 'gravatar.com', 'about.me',
  'linktr.ee', 't.me', 'wa.me', 'angel.co', 'wellfound.com', 'dribbble.com', 'behance.net', 'stackoverflow.com',
  'vimeo.com', 'soundcloud.com', 'google.com', 'calendly.com', 'speakerdeck.com', 'slideshare.net',
];
const bareHost = (url: URL) => url.hostname.toLowerCase().replace(/^www\./, '');

/**
 * A person's links sorted out: a LinkedIn profile becomes `profileUrl`, their own site `website`.
 * Other networks are skipped, and so is a deeper page on the site being read (a bio page is about
 * them, not theirs); that site's home page counts, since on a personal site it is theirs.
 */
export function linkFields(hrefs: Iterable<string>, pageUrl: URL): { profileUrl?: string; website?: string } {
  const found: { profileUrl?: string; website?: string } = {};
  let seen = 0;
  for (const raw of hrefs) {
    if (++seen > 30) break;
    let link: URL;
    try {
      link = new URL(raw.trim(), pageUrl);
    } catch {
      continue;
    }
    if (link.protocol !== 'https:' && link.protocol !== 'http:') continue;
    const profileUrl = linkedInProfileKeyFromUrl(link.href);
    if (profileUrl) {
      found.profileUrl ??= profileUrl;
      continue;
    }
    const host = bareHost(link);
    if (SOCIAL_HOSTS.some((social) => host === social || host.endsWith(`.${social}`))) continue;
    if (host === bareHost(pageUrl) && link.pathname.replace(/\/+$/, '') !== '') continue;
    found.website ??= link.href;
  }
  return found;
}


/**
 * A country as structured data gives it: an ISO code ("GB") becomes its name in the rep's language
 * ("United Kingdom"), as the page would show it; anything else stays as written.
 */
export function countryLabel(raw: string | undefined, locale: string | undefined): string | undefined {
  if (!raw) return undefined;
  return /^[A-Z]{2}$/.test(raw.trim()) ? (regionName(raw.trim(), locale) ?? raw) : raw;
}

/** The rep's language: the browser's, as the page's window reports it. */
export const readerLocale = (doc: Document): string | undefined => doc.defaultView?.navigator?.language;
