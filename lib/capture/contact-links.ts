import type { ProspectDraftInput } from '@/lib/model/prospect';
import { LIMITS, cleanLine, truncate } from '@/lib/model/text';
import { cleanPersonName } from './names';
import { linkedInProfileKeyFromUrl } from './linkedin-profile';

/**
 * Contact links on any web page (`mailto:` and `tel:`), paired with the person whose card they sit
 * in. The first half of this file is the vocabulary every web-page extractor shares (JSON-LD,
 * microdata, h-card, selection): building a draft, reading an address or a phone out of a link,
 * telling a profile link from a website, bounded text reads, and the name and title heuristics.
 */

// ---------------------------------------------------------------------------------------------
// Drafts

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

// ---------------------------------------------------------------------------------------------
// Values

const EMAIL = /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[^\s@<>()[\]\\,;:"'.]{2,}$/;

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
  return value.length <= LIMITS.email && EMAIL.test(value) ? value : undefined;
}

function digitCount(text: string): number {
  let count = 0;
  for (const c of text) if (c >= '0' && c <= '9') count++;
  return count;
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

/** Removes tags (and whole script and style elements) from text that came with markup in it. */
export function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[a-z!][^<>]*>/gi, ' ');
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'svg', 'SVG']);
const HIDDEN_CLASSES = ['sr-only', 'visually-hidden', 'screen-reader-text'];
const INLINE_TAGS = new Set(['SPAN', 'A', 'B', 'STRONG', 'EM', 'I', 'U', 'TIME', 'SMALL', 'MARK', 'ABBR', 'SUB', 'SUP']);

function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.tagName) || el.hasAttribute('hidden') || HIDDEN_CLASSES.some((c) => el.classList.contains(c));
}

/**
 * The text a reader sees in `el`, whitespace collapsed and cut at `max` characters. Unlike
 * textContent it stops early, so a megabyte of text under a card costs nothing, and it skips
 * scripts, styles and screen-reader-only text.
 */
export function readText(el: Element | null | undefined, max = 300): string {
  if (!el) return '';
  const limit = 4 * max;
  let out = '';
  let nodes = 0;
  const walk = (node: Node, depth: number): void => {
    for (let child = node.firstChild; child && out.length < limit && nodes < 2000; child = child.nextSibling) {
      nodes++;
      if (child.nodeType === 3) out += (child.nodeValue ?? '').slice(0, limit - out.length);
      else if (child.nodeType === 1 && depth < 24 && !isSkipped(child as Element)) {
        const gap = INLINE_TAGS.has((child as Element).tagName) ? '' : ' ';
        out += gap;
        walk(child, depth + 1);
        out += gap;
      }
    }
  };
  walk(el, 0);
  return truncate(cleanLine(out), max);
}

// ---------------------------------------------------------------------------------------------
// Names and titles

const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'do', 'du', 'la', 'le', 'los', 'las',
  'bin', 'binti', 'ibn', 'al', 'el', 'ter', 'ten', 'y', 'e',
]);
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev)\.?$/i;

// Words that make a line a job title rather than a name ("VP Marketing", "Head of Sales").
const TITLE_WORDS = new Set([
  'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'cro', 'cpo', 'ciso', 'cso', 'vp', 'svp', 'evp', 'avp', 'vice', 'president',
  'director', 'manager', 'head', 'chief', 'founder', 'co-founder', 'cofounder', 'owner', 'partner', 'principal', 'lead',
  'leader', 'engineer', 'developer', 'designer', 'architect', 'consultant', 'advisor', 'adviser', 'analyst',
  'specialist', 'executive', 'officer', 'representative', 'coordinator', 'associate', 'assistant', 'administrator',
  'senior', 'sr', 'junior', 'jr', 'intern', 'sales', 'marketing', 'product', 'account', 'accounts', 'business',
  'development', 'operations', 'ops', 'engineering', 'strategy', 'growth', 'recruiter', 'talent', 'editor', 'writer',
  'scientist', 'researcher', 'professor', 'attorney', 'counsel', 'accountant', 'controller', 'treasurer',
  'secretary', 'chair', 'chairman', 'chairwoman', 'board', 'customer', 'success', 'support', 'service', 'services',
  'relations', 'hr', 'people', 'finance', 'legal', 'procurement', 'purchasing', 'revenue', 'partnerships',
  'alliances', 'enterprise', 'strategic', 'global', 'regional', 'technical', 'creative', 'digital', 'content', 'brand',
  'communications', 'platform', 'staff', 'team', 'data', 'security', 'it', 'of', 'and', '&',
]);
// Words that make a line a company, a heading or a call to action rather than a name.
const NOT_NAME_WORDS = new Set([
  'inc', 'llc', 'ltd', 'limited', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'plc', 'corp', 'corporation', 'co',
  'company', 'group', 'holdings', 'labs', 'technologies', 'technology', 'solutions', 'software', 'systems',
  'consulting', 'ventures', 'capital', 'studio', 'studios', 'agency', 'media', 'networks', 'industries',
  'university', 'college', 'institute', 'foundation', 'bank', 'association', 'conference', 'summit', 'our', 'the',
  'contact', 'us', 'about', 'home', 'blog', 'news', 'menu', 'search', 'email', 'mail', 'phone', 'call', 'write',
  'send', 'get', 'in', 'touch', 'click', 'here', 'more', 'read', 'view', 'profile', 'website', 'linkedin', 'follow',
  'privacy', 'policy', 'terms', 'cookie', 'cookies', 'accept', 'settings', 'speakers', 'attendees', 'sponsors',
  'meet', 'join', 'book', 'demo', 'request', 'sign', 'up', 'log', 'me', 'my', 'your', 'hello', 'hi', 'welcome',
  'member', 'members', 'directory', 'list', 'listing', 'leadership', 'management', 'advisors', 'partners', 'customers',
  'clients', 'investors', 'careers', 'jobs', 'events', 'resources', 'products', 'pricing', 'features', 'faq',
  ...TITLE_WORDS,
]);

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|[dDlLoO]['’]\p{Lu}[\p{L}\p{M}'’-]*)$/u;
const NOT_IN_A_NAME = /[\d@/\\:;!?()[\]{}<>|_=+*#$%&"“”]/;

const bareWord = (token: string) => token.replace(/[.,]/g, '').toLowerCase();

/**
 * Whether a line reads as a person's name: two to four capitalised words, allowing accents,
 * hyphens, apostrophes, initials and particles ("Jan van der Berg"), an honorific in front and
 * credentials after a comma. All-caps words are refused: they are acronyms far more often than names.
 */
export function looksLikePersonName(raw: string): boolean {
  const text = cleanPersonName(cleanLine(raw));
  if (!text || text.length > 70 || NOT_IN_A_NAME.test(text)) return false;
  const [main = '', ...after] = text.split(',');
  if (after.some((part) => !/^\s*[\p{Lu}.]{2,8}\s*$/u.test(part))) return false;
  const tokens = main.split(' ').filter(Boolean);
  if (tokens.length > 1 && HONORIFIC.test(tokens[0] ?? '')) tokens.shift();
  let words = 0;
  for (const [i, token] of tokens.entries()) {
    if (PARTICLES.has(token) && i > 0 && i < tokens.length - 1) continue;
    if (!NAME_WORD.test(token) || NOT_NAME_WORDS.has(bareWord(token))) return false;
    if (token.length > 2 && token === token.toUpperCase()) return false;
    words++;
  }
  return words >= 2 && words <= 4 && tokens.length <= 7;
}

const hasTitleWord = (text: string) => text.split(/[\s,/]+/).some((w) => TITLE_WORDS.has(bareWord(w)));
const onlyTitleWords = (text: string) =>
  text
    .split(/[\s,/]+/)
    .filter(Boolean)
    .every((w) => TITLE_WORDS.has(bareWord(w)));

const AT_COMPANY = /^(.+?)\s+(?:at|@|chez|bei)\s+(.+)$/i;
const SEPARATED = /^(.+?)\s+[|·•–—-]\s+(.+)$/;
const startsLikeAName = (text: string) => /^[\p{Lu}\d]/u.test(text);

/** "Head of Growth at Initech" → title and company; undefined without an "at". */
export function splitTitleAtCompany(raw: string): { title: string; company: string } | undefined {
  const at = AT_COMPANY.exec(cleanLine(raw));
  return at?.[1] && at[2] && startsLikeAName(at[2]) ? { title: at[1], company: at[2] } : undefined;
}

/**
 * "VP Marketing at Initech", "VP Marketing | Initech", "VP Marketing, Initech" → title and company.
 * A comma only splits when the part after it is not itself part of the title: "Director, Product
 * Marketing" stays one title. A line with a title word and no separator is a title alone; anything
 * else is left undecided ({}).
 */
export function splitTitleAndCompany(raw: string): { title?: string; company?: string } {
  const line = cleanLine(raw);
  if (!line || line.length > 160) return {};
  const at = splitTitleAtCompany(line);
  if (at) return at;
  const separated = SEPARATED.exec(line);
  if (separated?.[1] && separated[2] && hasTitleWord(separated[1])) return { title: separated[1], company: separated[2] };
  const comma = line.lastIndexOf(', ');
  if (comma > 0) {
    const before = line.slice(0, comma);
    const after = line.slice(comma + 2);
    if (hasTitleWord(before) && !onlyTitleWords(after) && startsLikeAName(after)) return { title: before, company: after };
  }
  return hasTitleWord(line) ? { title: line } : {};
}

// ---------------------------------------------------------------------------------------------
// Contact links

const CONTACT_LINKS = 'a[href^="mailto:" i], a[href^="tel:" i]';
const PERSON_BLOCK =
  'article, li, .card, [class*="team"], [class*="person"], [class*="member"], [class*="profile"]';
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const NAME_LABELS = '[class*="name"]:not([class*="company"]):not([class*="org"])';
const TITLE_LABELS = '[class*="title"], [class*="role"], [class*="position"], [class*="job"]';
const COMPANY_LABELS = '[class*="company"], [class*="org"], [class*="employer"]';
// Checked per class word, so "attendee-card__role" counts and the "position-relative" utility does not.
const TITLE_CLASS_WORD = /^(?:(?:sub)?title|role|position|job|jobtitle)$/i;
const COMPANY_CLASS_WORD = /^(?:company|org|organi[sz]ation|employer)$/i;
const UTILITY_CLASS = /^position-(?:relative|absolute|fixed|sticky|static)$/;
const MAX_LINKS = 500;
const MAX_BLOCK_LEVELS = 4;
const MAX_HEADINGS = 60;
const MAX_SIBLINGS_BACK = 12;
const PAGE_LEVEL = new Set(['HTML', 'BODY', 'MAIN']);

interface PersonInBlock {
  fullName: string;
  title?: string;
  company?: string;
}

interface Entry {
  fields: PersonFields;
  /** How the name was found: a heading in the person's card, the link's own text, or not at all. */
  named: 'card' | 'link' | 'none';
}

const isContactLink = (el: Element) => el.matches(CONTACT_LINKS) || el.querySelector(CONTACT_LINKS) !== null;

/**
 * Finds the person a link belongs to: the nearest card-like block (article, li, .card, a team or
 * profile container) that holds a heading, and in it the last heading before the link, so a
 * section listing several people gives each link its own name. Results are cached per block and
 * per heading, so a page with hundreds of links stays cheap.
 */
class PeopleOnPage {
  private headings = new Map<Element, Element[]>();
  private people = new Map<Element, PersonInBlock | undefined>();

  of(link: Element): { key: Element; person: PersonInBlock } | undefined {
    let block = link.closest(PERSON_BLOCK);
    // A body or main classed "page-about-team" is the whole page, not a card.
    for (let level = 0; block && !PAGE_LEVEL.has(block.tagName) && level < MAX_BLOCK_LEVELS; level++) {
      const headings = this.headingsOf(block);
      if (headings.length) {
        // A card may put its only heading after the link (an email icon above the name).
        const heading = headingBefore(link, block) ?? (headings.length === 1 ? headings[0] : undefined);
        const person = heading ? this.personAt(heading, block, headings.length) : undefined;
        return heading && person ? { key: heading, person } : undefined;
      }
      block = block.parentElement?.closest(PERSON_BLOCK) ?? null;
    }
    return undefined;
  }

  private headingsOf(block: Element): Element[] {
    let found = this.headings.get(block);
    if (!found) {
      found = Array.from(block.querySelectorAll(HEADINGS)).slice(0, MAX_HEADINGS);
      if (!found.length) found = Array.from(block.querySelectorAll(NAME_LABELS)).slice(0, MAX_HEADINGS);
      this.headings.set(block, found);
    }
    return found;
  }

  private personAt(heading: Element, block: Element, headingCount: number): PersonInBlock | undefined {
    if (this.people.has(heading)) return this.people.get(heading);
    const fullName = cleanPersonName(readText(heading, 120));
    let person: PersonInBlock | undefined;
    if (looksLikePersonName(fullName)) {
      // In a block with one heading the whole block is the card; otherwise only the heading's own wrapper is.
      const card = headingCount === 1 ? block : ownWrapper(heading, block);
      person = { fullName, ...roleIn(card, heading, block) };
    }
    this.people.set(heading, person);
    return person;
  }
}

/**
 * The nearest heading before `link` inside `block`, walking back through earlier siblings and up
 * through ancestors, and stopping at anything that has contact links of its own. Bounded, so a
 * list of thousands of links never costs thousands of steps each (and cheaper than
 * compareDocumentPosition, which some DOMs answer in linear time).
 */
function headingBefore(link: Element, block: Element): Element | undefined {
  for (let node: Element | null = link; node && node !== block; node = node.parentElement) {
    if (node !== link && node.matches(HEADINGS)) return node;
    let steps = 0;
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (++steps > MAX_SIBLINGS_BACK) return undefined;
      if (sib.matches(HEADINGS)) return sib;
      // Earlier content with contact links of its own belongs to someone else: its heading is not this link's.
      if (isContactLink(sib)) return undefined;
      const inner = sib.querySelectorAll(HEADINGS);
      const last = inner[inner.length - 1];
      if (last) return last;
    }
  }
  return undefined;
}

/** The heading's parent when that parent holds no other heading: the card of one person in a list. */
function ownWrapper(heading: Element, block: Element): Element | undefined {
  const parent = heading.parentElement;
  if (!parent || parent === block || !block.contains(parent)) return undefined;
  return parent.querySelectorAll(HEADINGS).length <= 1 ? parent : undefined;
}

function hasClassWord(el: Element, word: RegExp): boolean {
  return Array.from(el.classList).some(
    (token) => !UTILITY_CLASS.test(token) && token.split(/[-_]+/).some((part) => word.test(part)),
  );
}

function labelled(card: Element, selector: string, word: RegExp, heading: Element): string | undefined {
  const candidates = card.querySelectorAll(selector);
  for (let i = 0; i < candidates.length && i < 20; i++) {
    const el = candidates[i];
    if (!el || !hasClassWord(el, word)) continue;
    if (el === heading || el.contains(heading) || heading.contains(el) || isContactLink(el)) continue;
    const text = readText(el, 160);
    if (text && text.length <= 150 && !text.includes('@')) return text;
  }
  return undefined;
}

/** The first short line of text after the heading, before any contact link or next heading. */
function lineAfter(heading: Element, block: Element): string | undefined {
  let node: Element | null = heading;
  let looked = 0;
  while (node && node !== block && looked < 6) {
    for (let sib = node.nextElementSibling; sib && looked < 6; sib = sib.nextElementSibling) {
      looked++;
      if (sib.matches(HEADINGS) || sib.querySelector(HEADINGS)) return undefined;
      if (isContactLink(sib) || sib.tagName === 'IMG') continue;
      const text = readText(sib, 160);
      if (text && text.length <= 150 && !text.includes('@') && !phoneFrom(text)) return text;
      if (text) return undefined;
    }
    node = node.parentElement;
  }
  return undefined;
}

function roleIn(card: Element | undefined, heading: Element, block: Element): { title?: string; company?: string } {
  const company = card ? labelled(card, COMPANY_LABELS, COMPANY_CLASS_WORD, heading) : undefined;
  const title = card ? labelled(card, TITLE_LABELS, TITLE_CLASS_WORD, heading) : undefined;
  if (title) {
    // A labelled title is a title as written ("Regional Sales Manager, Benelux"); only "at Company" splits it.
    const at = splitTitleAtCompany(title);
    return { title: at?.title ?? title, company: company ?? at?.company };
  }
  const line = lineAfter(heading, block);
  const split = line ? splitTitleAndCompany(line) : {};
  return { title: split.title, company: company ?? split.company };
}

const LINK_TEXT_STOP = /\b(?:email|e-mail|mail|contact|write|send|message|us|me|team|office|click|here)\b/i;

/** `<a href="mailto:jane@acme.com">Jane Doe</a>`: the link itself names the person. */
function nameInLinkText(link: Element): string | undefined {
  const text = readText(link, 80);
  if (!text || text.includes('@') || LINK_TEXT_STOP.test(text)) return undefined;
  const name = cleanPersonName(text);
  return looksLikePersonName(name) ? name : undefined;
}

function confidenceOf(entry: Entry): number {
  const { email, phone, fullName } = entry.fields;
  const role = email !== undefined && isRoleAddress(email);
  if (fullName && entry.named === 'card') return email ? (role ? 0.6 : 0.7) : phone ? 0.6 : 0.5;
  if (fullName) return 0.5;
  return role ? 0.15 : 0.3;
}

/**
 * People reachable by `mailto:` and `tel:` links, each paired with the name (and title) of the card
 * the link sits in. A mailto outside any card gives an email-only draft; shared inboxes (info@,
 * sales@…) are dropped when the page also has a person or a personal address. Only the first 500
 * links are read.
 */
export function extractContactLinks(doc: Document, url: URL): WebDraft[] {
  try {
    return readContactLinks(doc, url);
  } catch (error) {
    console.warn('Leadline: could not read the contact links on this page', error);
    return [];
  }
}

function readContactLinks(doc: Document, url: URL): WebDraft[] {
  const links = doc.querySelectorAll(CONTACT_LINKS);
  const people = new PeopleOnPage();
  const entries: Entry[] = [];
  const byPerson = new Map<Element, Entry>();
  const byEmail = new Map<string, Entry>();

  const add = (entry: Entry) => {
    entries.push(entry);
    return entry;
  };

  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const link = links[i];
    const href = link?.getAttribute('href');
    if (!link || !href) continue;
    const isMail = /^mailto:/i.test(href);
    const email = isMail ? emailFromHref(href) : undefined;
    const phone = isMail ? undefined : phoneFrom(href);
    if (!email && !phone) continue;
    const found = people.of(link);

    if (email) {
      const key = email.toLowerCase();
      const known = byEmail.get(key);
      let entry = found ? byPerson.get(found.key) : undefined;
      // A second address in one card belongs to someone else or to a shared inbox, not to this person.
      const ownsAnother = entry?.fields.email !== undefined && entry.fields.email.toLowerCase() !== key;
      if (found && !ownsAnother && (!known || known.named !== 'card')) {
        if (!entry && known) {
          // The address was seen earlier outside any card (say, in the header): this card names it.
          entry = known;
          Object.assign(entry.fields, found.person);
          entry.named = 'card';
        }
        entry ??= add({ fields: { ...found.person }, named: 'card' });
        entry.fields.email ??= email;
        byPerson.set(found.key, entry);
        byEmail.set(key, entry);
      } else if (!known) {
        const fullName = nameInLinkText(link);
        byEmail.set(key, add({ fields: { email, fullName }, named: fullName ? 'link' : 'none' }));
      }
    } else if (phone && found) {
      let entry = byPerson.get(found.key);
      if (!entry) {
        entry = add({ fields: { ...found.person }, named: 'card' });
        byPerson.set(found.key, entry);
      }
      entry.fields.phone ??= phone;
    }
  }

  const drafts = entries
    .map((entry) => webDraft(entry.fields, url, confidenceOf(entry)))
    .filter((draft): draft is WebDraft => draft !== undefined);
  return rankDrafts(withoutRoleAddressesWhenPeople(drafts));
}
