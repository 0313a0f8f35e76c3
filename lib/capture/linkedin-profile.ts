import type { ProspectDraftInput } from '@/lib/model/prospect';
import { cleanPersonName, splitName } from './names';

/**
 * LinkedIn profile pages, logged in (2021 and 2024-25 markup) and public (logged out).
 * LinkedIn renames its classes often, so this anchors on what has survived redesigns: the
 * top-card h1, the page title, aria-labels, the #experience anchor and JSON-LD. Every lookup is
 * a scoped querySelector; nothing walks the whole page.
 */

// LinkedIn member ids ("ACoAAB…") appear in place of the vanity slug and are case-sensitive.
const MEMBER_ID = /^ACoA[A-Za-z0-9_-]{10,}$/;

/** The canonical profile URL `https://www.linkedin.com/in/<slug>/`, or undefined when `raw` is not a LinkedIn profile. */
export function linkedInProfileKeyFromUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/+/, '')}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return undefined;
  // Only the segment after /in/ identifies the person: locale suffixes, /details/… and /overlay/… are views of it.
  const segment = /^\/in\/([^/]+)/i.exec(url.pathname)?.[1];
  if (!segment) return undefined;
  let slug = segment;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    // A malformed escape: keep the raw segment rather than fail.
  }
  slug = slug.trim();
  if (!slug || /[\s/?#]/.test(slug)) return undefined;
  if (!MEMBER_ID.test(slug)) slug = slug.toLowerCase();
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

/** Whether `url` is a LinkedIn profile page (including its sub-pages and overlays). */
export function isLinkedInProfilePath(url: URL): boolean {
  return linkedInProfileKeyFromUrl(url.href) !== undefined;
}

/** The person on a LinkedIn profile page, or [] when the page shows no profile (yet). */
export function extractLinkedInProfile(doc: Document, url: URL): ProspectDraftInput[] {
  try {
    const draft = readProfile(doc, url);
    return draft ? [draft] : [];
  } catch (error) {
    console.warn('Leadline: could not read this LinkedIn profile', error);
    return [];
  }
}

interface Position {
  title?: string;
  company?: string;
}

interface LdPerson extends Position {
  name?: string;
  location?: string;
}

function readProfile(doc: Document, url: URL): ProspectDraftInput | undefined {
  const profileUrl = linkedInProfileKeyFromUrl(url.href);
  if (!profileUrl) return undefined;

  const titleName = nameFromTitle(doc);
  const person = readJsonLdPerson(doc, profileUrl);
  const h1 = pickNameHeading(doc, titleName ?? person?.name);
  const topCard = h1 ? (h1.closest('section') ?? h1.parentElement) : null;

  const h1Name = h1 ? cleanPersonName(visibleText(h1)) : '';
  let fullName: string | undefined;
  let confidence: number;
  if (h1Name) {
    fullName = h1Name;
    confidence = sameName(h1Name, titleName) || sameName(h1Name, person?.name) ? 0.95 : 0.85;
  } else if (person?.name) {
    fullName = person.name;
    confidence = sameName(person.name, titleName) ? 0.9 : 0.8;
  } else if (titleName && nameMatchesSlug(titleName, profileUrl)) {
    // Without a heading the title may still be the previous page's (LinkedIn is a single-page app):
    // trust it only when the URL slug spells the same name.
    fullName = titleName;
    confidence = 0.5;
  } else {
    return undefined;
  }
  if (topCard && topCardIsForAnotherProfile(topCard, profileUrl, url)) confidence /= 2;

  const headline = (topCard && readHeadline(topCard, h1)) || undefined;
  const location = (topCard && readLocation(topCard)) || person?.location || undefined;
  const position = readCurrentPosition(doc, topCard, person, headline);

  return {
    source: 'linkedin',
    sourceUrl: url.href,
    profileUrl,
    fullName,
    ...splitName(fullName),
    headline,
    title: position.title,
    company: position.company,
    location,
    confidence: Math.round(confidence * 100) / 100,
  };
}

// ---------------------------------------------------------------------------------------------
// Text

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'CODE', 'BUTTON', 'svg', 'SVG']);
const HIDDEN_CLASSES = ['visually-hidden', 'a11y-text', 'sr-only'];
// Inline elements join their text without a space; any other element is a separate block of text.
const INLINE_TAGS = new Set(['SPAN', 'A', 'B', 'STRONG', 'EM', 'I', 'U', 'TIME', 'SMALL', 'MARK', 'ABBR', 'SUB', 'SUP']);
const MAX_TEXT = 2000;

function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName) || el.hasAttribute('hidden')) return true;
  return HIDDEN_CLASSES.some((c) => el.classList.contains(c));
}

/**
 * Text a sighted reader sees in `root`, whitespace collapsed. LinkedIn repeats most text in a
 * `.visually-hidden` span for screen readers; skipping those keeps "Acme Corp" from doubling.
 * Text only ever comes from text nodes, so markup in a name stays inert text.
 */
function visibleText(root: Element | null | undefined): string {
  if (!root) return '';
  let out = '';
  const walk = (node: Node, depth: number): void => {
    for (let child = node.firstChild; child && out.length < MAX_TEXT; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && depth < 16 && !isSkipped(child as Element)) {
        const gap = INLINE_TAGS.has((child as Element).tagName) ? '' : ' ';
        out += gap;
        walk(child, depth + 1);
        out += gap;
      }
    }
  };
  walk(root, 0);
  return collapse(out);
}

/** Only the element's own text nodes, e.g. "Booking.com" out of `Booking.com<span>Full-time</span>`. */
function ownText(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
  }
  return collapse(out);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const nameKey = (s: string) => cleanPersonName(s).normalize('NFC').toLowerCase();

function sameName(a: string | undefined, b: string | undefined): boolean {
  return Boolean(a && b && nameKey(a) === nameKey(b));
}

const asciiFold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function nameMatchesSlug(name: string, profileUrl: string): boolean {
  const slug = asciiFold(decodeSafe(profileUrl.slice(profileUrl.indexOf('/in/') + 4))).replace(/[^a-z0-9]/g, '');
  const words = asciiFold(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2);
  return words.length > 0 && words.every((w) => slug.includes(w));
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Name

/** "(3) Jane Doe | LinkedIn", "Experience | Jane Doe | LinkedIn", "Jane Doe - CTO - Acme | LinkedIn" → "Jane Doe". */
function nameFromTitle(doc: Document): string | undefined {
  const title = collapse((doc.querySelector('title')?.textContent ?? '').slice(0, 500));
  const parts = title.split(' | ');
  if (parts.length < 2 || parts.pop()?.trim().toLowerCase() !== 'linkedin') return undefined;
  const last = (parts.pop() ?? '').replace(/^\(\d+\+?\)\s*/, '');
  // Public pages append " - headline - company"; names practically never contain a spaced dash.
  const name = cleanPersonName(last.split(/ [-–] /)[0] ?? '');
  return name || undefined;
}

/**
 * The top-card h1 inside <main>. LinkedIn pages can carry other h1s (visually hidden landmarks,
 * the messaging overlay, sign-in prompts), so prefer the one that matches the page title.
 */
function pickNameHeading(doc: Document, expectedName: string | undefined): Element | undefined {
  const scope = doc.querySelector('main') ?? doc.body;
  if (!scope) return undefined;
  const candidates: Element[] = [];
  for (const h1 of Array.from(scope.querySelectorAll('h1'))) {
    if (h1.closest('aside, header, footer, nav, dialog, [role="dialog"], .visually-hidden, [hidden]')) continue;
    if (isSkipped(h1)) continue;
    const text = visibleText(h1);
    if (text && text.length <= 300) candidates.push(h1);
  }
  if (expectedName) {
    const match = candidates.find((h1) => sameName(visibleText(h1), expectedName));
    if (match) return match;
  }
  return candidates.find((h1) => h1.closest('section')) ?? candidates[0];
}

/** The about-this-profile / contact-info links name the profile the top card was rendered for. */
function topCardIsForAnotherProfile(topCard: Element, profileUrl: string, pageUrl: URL): boolean {
  const link = topCard.querySelector('a[href*="/overlay/contact-info"], a[href*="/overlay/about-this-profile"]');
  const href = link?.getAttribute('href');
  if (!href) return false;
  let shown: string | undefined;
  try {
    shown = linkedInProfileKeyFromUrl(new URL(href, pageUrl).href);
  } catch {
    return false;
  }
  if (!shown || shown === profileUrl) return false;
  // A member-id URL and a vanity link can name the same person; only two vanity slugs can be compared.
  const slugOf = (key: string) => key.slice(key.indexOf('/in/') + 4, -1);
  return !MEMBER_ID.test(slugOf(shown)) && !MEMBER_ID.test(slugOf(profileUrl));
}

// ---------------------------------------------------------------------------------------------
// Headline and location

const PRONOUN_LABEL = /^\(?\s*(?:she|he|they|ze|xe)\s*\/\s*\w+\s*\)?$/i;

function readHeadline(topCard: Element, h1: Element | undefined): string | undefined {
  const known = topCard.querySelector(
    '.text-body-medium, .top-card-layout__headline, [data-generated-suggestion-target]',
  );
  // Own text first: if LinkedIn (or a broken page) leaves the element unclosed, what follows is not the headline.
  const text = ownText(known) || visibleText(known);
  if (text) return text;
  if (!h1) return undefined;
  // Newer markup has hashed classes: the headline is the first text block after the name's
  // wrapper, skipping LinkedIn's own pronoun label.
  let node: Element | null = h1;
  for (let depth = 0; depth < 5 && node && node !== topCard; depth++) {
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
      const t = visibleText(sib);
      if (!t || PRONOUN_LABEL.test(t)) continue;
      if (!sib.querySelector('a, button, ul, img, h1')) return t;
      break;
    }
    node = node.parentElement;
  }
  return undefined;
}

const NOT_A_LOCATION = /^(?:[·•|]|contact info)$/i;

function readLocation(topCard: Element): string | undefined {
  const known = topCard.querySelector(
    '.text-body-small.inline.t-black--light, .top-card__subline-item, .pv-top-card--list-bullet > li',
  );
  const text = ownText(known) || visibleText(known);
  if (text) return text;
  // Newer markup: the location sits just before the "Contact info" link, in the same row.
  const contact = topCard.querySelector('#top-card-text-details-contact-info, a[href*="/overlay/contact-info"]');
  let row: Element | null = contact?.parentElement ?? null;
  for (let depth = 0; depth < 3 && row && row !== topCard; depth++) {
    for (const child of Array.from(row.children)) {
      if (contact && child.contains(contact)) break;
      const t = visibleText(child);
      if (t && !NOT_A_LOCATION.test(t)) return t;
    }
    row = row.parentElement;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Current position

function readCurrentPosition(
  doc: Document,
  topCard: Element | null,
  person: LdPerson | undefined,
  headline: string | undefined,
): Position {
  const fromExperience = readExperience(doc);
  if (fromExperience?.title || fromExperience?.company) {
    return {
      title: fromExperience.title,
      company: fromExperience.company ?? (fromExperience.title ? readCurrentCompany(topCard) : undefined),
    };
  }
  const company = readCurrentCompany(topCard) ?? person?.company;
  const title = person?.title;
  const fromHeadline = headline ? positionFromHeadline(headline) : undefined;
  if (!company && !title) return fromHeadline ?? {};
  if (!title && fromHeadline?.title && sameName(fromHeadline.company, company)) {
    return { title: fromHeadline.title, company };
  }
  return { title, company };
}

function readCurrentCompany(topCard: Element | null): string | undefined {
  if (!topCard) return undefined;
  const labelled = topCard.querySelector('[aria-label^="Current company"]');
  const label = labelled?.getAttribute('aria-label')?.slice(0, 400);
  if (labelled && label) {
    // "Current company: Acme Corp. Click to skip to experience card"
    const rest = label.replace(/^Current company:?\s*/i, '');
    const end = rest.search(/\.?\s*Click to skip/i);
    const name = collapse(end >= 0 ? rest.slice(0, end) : rest);
    if (name) return name;
    const shown = visibleText(labelled);
    if (shown) return shown;
  }
  const link = topCard.querySelector(
    '.pv-top-card--experience-list a[data-control-name="position_see_more"], ' +
      '[data-tracking-control-name="public_profile_topcard-current-company"], ' +
      '[data-section="currentPositionsDetails"] a',
  );
  return visibleText(link) || undefined;
}

// "Mar 2023 - Present · 2 yrs", "mar. de 2023 - actualidad", "2018 – 2020": a start year then a dash.
const DATE_LINE = /^(?:[\p{L}.]+\s){0,2}\d{4}\s*[-–]\s*/u;
// …and an end year: the position is over, so it is not the current one.
const ENDED = /^(?:[\p{L}.]+\s){0,2}\d{4}\s*[-–]\s*(?:[\p{L}.]+\s){0,2}\d{4}/u;
const isDateLine = (t: string) => t.length < 90 && DATE_LINE.test(t);
const hasEnded = (lines: string[]) => lines.some((t) => t.length < 90 && ENDED.test(t));

function readExperience(doc: Document): Position | undefined {
  const section =
    doc.getElementById('experience')?.closest('section') ??
    doc.getElementById('experience-section') ??
    doc.querySelector('main section[data-section="experience"], main section.experience');
  const list = section?.querySelector('ul');
  const first = list ? Array.from(list.children).find((el) => el.tagName === 'LI') : undefined;
  if (!list || !first) return undefined;
  const shown = first.querySelectorAll('span[aria-hidden="true"]');
  return shown.length ? readModernEntry(first, shown) : readClassicEntry(first);
}

/**
 * 2022+ markup: each line is a `span[aria-hidden="true"]` (its twin is visually hidden). A single
 * role reads [title, "Company · Full-time", dates, …]; several roles at one company read
 * [company, "Full-time · 5 yrs"] followed by nested items [title, dates, …].
 */
function readModernEntry(first: Element, shown: NodeListOf<Element>): Position | undefined {
  const own: string[] = [];
  const nested = new Map<Element, string[]>();
  for (const span of Array.from(shown)) {
    if (span.parentElement?.closest('span[aria-hidden="true"]')) continue;
    const text = visibleText(span);
    if (!text) continue;
    const item = span.closest('li');
    if (item === first) own.push(text);
    else if (item) nested.set(item, [...(nested.get(item) ?? []), text]);
  }
  const roles = Array.from(nested.values()).filter((lines) => lines.length >= 2 && lines.slice(1).some(isDateLine));
  const role = roles[0];
  if (role) return hasEnded(role) ? undefined : { title: role[0], company: own[0] };
  if (hasEnded(own) || !own[0]) return undefined;
  const companyLine = own[1];
  const company = companyLine && !isDateLine(companyLine) ? companyLine.split(' · ')[0]?.trim() : undefined;
  return { title: own[0], company: company || undefined };
}

/** 2021 logged-in markup (`pv-entity__*`) and the public profile (`profile-section-card__*`). */
function readClassicEntry(first: Element): Position | undefined {
  const group = first.querySelector('.pv-entity__position-group, .experience-group__positions');
  if (group) {
    const role = group.querySelector('li');
    if (!role || hasEnded([visibleText(role.querySelector('.pv-entity__date-range, .date-range'))])) return undefined;
    return {
      title: visibleText(role.querySelector('h3')) || undefined,
      company: visibleText(first.querySelector('.pv-entity__company-summary-info h3, .experience-group-header__company')) || undefined,
    };
  }
  if (hasEnded([visibleText(first.querySelector('.pv-entity__date-range, .date-range'))])) return undefined;
  const companyEl =
    first.querySelector('.pv-entity__secondary-title') ?? first.querySelector('.profile-section-card__subtitle, h4');
  return {
    title: visibleText(first.querySelector('.profile-section-card__title, h3')) || undefined,
    company: ownText(companyEl) || visibleText(companyEl) || undefined,
  };
}

/** "VP Sales at Acme | Speaker" → { title: "VP Sales", company: "Acme" }. Only used when nothing better exists. */
function positionFromHeadline(headline: string): Position | undefined {
  const first = headline.split(/\s[|·•]\s/)[0] ?? '';
  const at = /\s(?:at|@)\s?/i.exec(first);
  if (!at) return undefined;
  const title = first.slice(0, at.index).trim();
  const company = first.slice(at.index + at[0].length).trim();
  // "Helping teams at scale" is a slogan, not a job: a company name starts with a capital or a digit.
  if (!title || !/^[\p{Lu}\p{N}]/u.test(company)) return undefined;
  return { title, company: cleanPersonName(company) || undefined };
}

// ---------------------------------------------------------------------------------------------
// JSON-LD (public, logged-out pages)

type Json = Record<string, unknown>;

const asObject = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const asText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? collapse(v) : undefined);

function isType(node: Json, type: string): boolean {
  return asList(node['@type']).includes(type);
}

function readJsonLdPerson(doc: Document, profileUrl: string): LdPerson | undefined {
  const people: Json[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of asList(data)) {
      const node = asObject(item);
      if (!node) continue;
      for (const inner of [node, ...asList(node['@graph'])]) {
        const obj = asObject(inner);
        if (obj && isType(obj, 'Person')) people.push(obj);
      }
    }
  }
  const isThisProfile = (p: Json) =>
    [...asList(p.url), ...asList(p.sameAs)].some(
      (u) => typeof u === 'string' && linkedInProfileKeyFromUrl(u) === profileUrl,
    );
  // A Person that links to another LinkedIn profile (a colleague, the viewer) is not this one.
  const linksElsewhere = (p: Json) =>
    [...asList(p.url), ...asList(p.sameAs)].some((u) => typeof u === 'string' && linkedInProfileKeyFromUrl(u));
  const person = people.find(isThisProfile) ?? people.find((p) => asText(p.name) && !linksElsewhere(p));
  if (!person) return undefined;

  // The first organisation without an end date is the current employer.
  const current = asList(person.worksFor)
    .map(asObject)
    .find((org) => org && !asList(org.member).some((m) => asText(asObject(m)?.endDate)));
  const address = asObject(asList(person.address)[0]);
  return {
    name: asText(person.name) ? cleanPersonName(asText(person.name) ?? '') || undefined : undefined,
    title: asList(person.jobTitle).map(asText).find(Boolean),
    company: asText(current?.name),
    location: asText(address?.addressLocality) ?? asText(address?.addressCountry),
  };
}
