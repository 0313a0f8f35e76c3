import type { ProspectDraftInput } from '@/lib/model/prospect';
import { withBudget } from '@/lib/capture/budget';
import {
  asList,
  asObject,
  collapse,
  asText,
  externalHref,
  isSkipped,
  jsonLdNodes,
  ownText,
  positionFromHeadline,
  sameName,
  visibleText,
  type Json,
  type Position,
} from './dom';
import { cleanPersonName } from '@/lib/model/names';
import { isLinkedInHost, isLinkedInMemberId, linkedInProfileKeyFromUrl } from '@/lib/model/page-urls';
import { COUNTRY_WORDS } from '@/lib/capture/vocabulary';
import { FieldSignals } from '@/lib/capture/signals';

/**
 * LinkedIn profile pages, logged in (2021 and 2024-25 markup) and public (logged out).
 * LinkedIn renames its classes often, so this anchors on what has survived redesigns: the
 * top-card h1, the page title, aria-labels, the #experience anchor and JSON-LD. Every lookup is
 * a scoped querySelector; nothing walks the whole page.
 */

/** The person on a LinkedIn profile page, or [] when the page shows no profile (yet). */
export function extractLinkedInProfile(doc: Document, url: URL): ProspectDraftInput[] {
  try {
    const draft = withBudget(() => readProfile(doc, url));
    return draft ? [draft] : [];
  } catch (error) {
    console.warn('Leadline: could not read this LinkedIn profile', error);
    return [];
  }
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
  const h1 = pickNameHeading(doc, titleName ?? person?.name) ?? findNameElement(doc, titleName ?? person?.name);
  const topCard = h1 ? topCardOf(h1) : null;

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
  const shownLocation = topCard ? readLocation(topCard, [fullName, headline]) : undefined;
  const location = shownLocation || person?.location || undefined;
  const experience = readExperience(doc);
  const position = readCurrentPosition(experience, topCard, person, headline);
  const contact = readContactInfo(doc, url, profileUrl);

  // How far the page's independent signals agree on each field.
  const signals = new FieldSignals<'fullName' | 'title' | 'company' | 'location'>();
  signals.add('fullName', h1Name, 0.85);
  signals.add('fullName', titleName, 0.6);
  signals.add('fullName', person?.name, 0.7);
  const fromHeadline = headline ? positionFromHeadline(headline) : undefined;
  signals.add('title', experience?.title, 0.85);
  signals.add('title', fromHeadline?.title, 0.6);
  signals.add('title', person?.title, 0.6);
  signals.add('company', experience?.company, 0.85);
  signals.add('company', readCurrentCompany(topCard), 0.75);
  signals.add('company', fromHeadline?.company, 0.6);
  signals.add('company', person?.company, 0.6);
  signals.add('location', shownLocation, 0.8);
  signals.add('location', person?.location, 0.5);
  const fieldConfidence: Record<string, number> = {};
  const values = { fullName, title: position.title, company: position.company, location };
  for (const field of ['fullName', 'title', 'company', 'location'] as const) {
    if (values[field]) fieldConfidence[field] = signals.confidenceOf(field, values[field]);
  }

  return {
    source: 'linkedin',
    sourceUrl: url.href,
    profileUrl,
    fullName,
    headline,
    title: position.title,
    company: position.company,
    location,
    email: contact.email,
    phone: contact.phone,
    website: contact.website,
    confidence: Math.round(confidence * 100) / 100,
    fieldConfidence,
  };
}

// ---------------------------------------------------------------------------------------------
// Slug

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

/** The name's card: its section, or without one the largest block around it that holds no other section. */
function topCardOf(name: Element): Element | null {
  const section = name.closest('section');
  if (section) return section;
  let card: Element = name.parentElement ?? name;
  for (let depth = 0; depth < 8; depth++) {
    const parent = card.parentElement;
    if (!parent || parent.matches('main, body') || parent.querySelector('section, #experience, #experience-section')) break;
    card = parent;
  }
  return card;
}

const NAME_PLACES = 'h1, h2, h3, li, p, span, div, a';
const OUTSIDE_TOP_CARD = 'aside, header, footer, nav, dialog, [role="dialog"], button, .visually-hidden, [hidden], [aria-hidden="true"]';

/**
 * Without an h1 (the 2019 markup puts the name in a list item, the 2025 redesign in an h2), the
 * first element in <main> whose own text is the name the page title or JSON-LD gives.
 */
function findNameElement(doc: Document, expectedName: string | undefined): Element | undefined {
  const scope = doc.querySelector('main') ?? doc.body;
  if (!scope || !expectedName) return undefined;
  const candidates = scope.querySelectorAll(NAME_PLACES);
  for (let i = 0; i < candidates.length && i < 3000; i++) {
    const el = candidates[i];
    if (!el || el.closest(OUTSIDE_TOP_CARD) || isSkipped(el)) continue;
    if (sameName(ownText(el), expectedName) || (!el.firstElementChild && sameName(visibleText(el), expectedName))) return el;
  }
  return undefined;
}

/** The about-this-profile / contact-info links name the profile the top card was rendered for. */
function topCardIsForAnotherProfile(topCard: Element, profileUrl: string, pageUrl: URL): boolean {
  const link = topCard.querySelector('a[href*="/overlay/contact-info"], a[href*="/overlay/about-this-profile"]');
  return isAnotherProfile(link?.getAttribute('href'), profileUrl, pageUrl);
}

/** Whether `href` links to a different profile than `profileUrl`; false when it links to none or cannot tell. */
function isAnotherProfile(href: string | null | undefined, profileUrl: string, pageUrl: URL): boolean {
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
  return !isLinkedInMemberId(slugOf(shown)) && !isLinkedInMemberId(slugOf(profileUrl));
}

// ---------------------------------------------------------------------------------------------
// Headline and location

const PRONOUN_LABEL = /^\(?\s*(?:she|he|they|ze|xe)\s*\/\s*\w+\s*\)?$/i;
// "· 2nd", "• 3rd+", "· 2-й", "2nd degree connection": the connection degree printed beside the name.
const DEGREE_LABEL = /^[·•]\s*\S{1,8}$|^(?:1st|2nd|3rd\+?)(?:\s+degree connection)?$/i;

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
      if (!t || PRONOUN_LABEL.test(t) || DEGREE_LABEL.test(t) || sib.matches('svg, img, button')) continue;
      if (!sib.querySelector('a, button, ul, img, h1')) return t;
      break;
    }
    node = node.parentElement;
  }
  return undefined;
}

const NOT_A_LOCATION = /^(?:[·•|]|contact info)$/i;
// Places LinkedIn prints: "Lyon, Auvergne-Rhône-Alpes, France", "Greater Chicago Area", "San Francisco Bay Area".
const AREA_WORDS = /(?:^|\s)(?:area|region|metropolitan|greater|bay|metropolregion|région|región|regione|região)(?:\s|$)/i;

/** Whether a short text in the top card reads as a place: no digits (those are follower counts), commas or an area word. */
function looksLikePlace(text: string): boolean {
  if (!text || text.length > 90 || /\d/.test(text) || NOT_A_LOCATION.test(text)) return false;
  return /[,،]/.test(text) || AREA_WORDS.test(text) || COUNTRY_WORDS.has(text.toLowerCase());
}

const LOCATION_CLASSES =
  '.text-body-small.inline.t-black--light, .top-card__subline-item, .pv-top-card--list-bullet > li, .profile-info-subheader span';

function readLocation(topCard: Element, exclude: ReadonlyArray<string | undefined>): string | undefined {
  // Known classes first, but never a follower or connection count ("500+ connections").
  for (const known of Array.from(topCard.querySelectorAll(LOCATION_CLASSES)).slice(0, 12)) {
    const text = ownText(known) || visibleText(known);
    if (text && !/\d/.test(text) && !NOT_A_LOCATION.test(text) && !exclude.includes(text)) return text;
  }
  // Newer markup: the location sits just before the "Contact info" link, in the same row.
  const contact = topCard.querySelector(
    '#top-card-text-details-contact-info, a[href*="/overlay/contact-info"], a[href*="/detail/contact-info"]',
  );
  let row: Element | null = contact?.parentElement ?? null;
  for (let depth = 0; depth < 3 && row && row !== topCard; depth++) {
    for (const child of Array.from(row.children)) {
      if (contact && child.contains(contact)) break;
      const t = visibleText(child);
      if (t && !NOT_A_LOCATION.test(t) && !/\d/.test(t) && !exclude.includes(t)) return t;
    }
    row = row.parentElement;
  }
  // Any other short line of the top card that reads as a place.
  const leaves = topCard.querySelectorAll('span, p, div, li');
  for (let i = 0; i < leaves.length && i < 400; i++) {
    const el = leaves[i];
    if (!el || el.firstElementChild || el.closest('a, button, [aria-hidden="true"], .visually-hidden')) continue;
    const text = visibleText(el);
    if (looksLikePlace(text) && !exclude.includes(text)) return text;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Current position

function readCurrentPosition(
  fromExperience: Position | undefined,
  topCard: Element | null,
  person: LdPerson | undefined,
  headline: string | undefined,
): Position {
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

// "Mar 2023 - Present · 2 yrs", "mar. de 2023 - actualidad", "янв. 2021 г. – настоящее время", "2020年4月 - 現在", "2018 – 2020": a start year then a dash.
const START = '(?:[\\p{L}.]+\\s){0,2}\\d{4}(?:[年月\\d./]*|\\s*[\\p{L}.]{1,3})?\\s*[-–~〜]\\s*';
const DATE_LINE = new RegExp(`^${START}`, 'u');
// …and an end year: the position is over, so it is not the current one.
const ENDED = new RegExp(`^${START}(?:[\\p{L}.]+\\s){0,2}\\d{4}`, 'u');
const isDateLine = (t: string) => t.length < 90 && DATE_LINE.test(t);
const hasEnded = (lines: string[]) => lines.some((t) => t.length < 90 && ENDED.test(t));

// The Experience section's heading in the languages LinkedIn is shown in.
const EXPERIENCE_HEADING =
  /^(?:experience|expérience|experiencia|experiência|esperienza|berufserfahrung|erfahrung|ervaring|erfarenhet|erfaring|kokemus|doświadczenie|zkušenosti|опыт работы|опыт|досвід роботи|deneyim|经历|經歷|工作经历|職歴|経歴|경력|الخبرة|अनुभव)$/i;

function experienceSection(doc: Document): Element | undefined {
  const anchored =
    doc.getElementById('experience')?.closest('section') ??
    doc.getElementById('experience-section') ??
    doc.querySelector(
      'main section[data-section="experience"], main section.experience, main section[data-view-name$="experience" i], main section[componentkey$="Experience"]',
    );
  if (anchored) return anchored;
  const headings = (doc.querySelector('main') ?? doc.body)?.querySelectorAll('section h2, section h3');
  for (let i = 0; headings && i < headings.length && i < 40; i++) {
    const heading = headings[i];
    if (heading && EXPERIENCE_HEADING.test(visibleText(heading))) return heading.closest('section') ?? undefined;
  }
  return undefined;
}

function readExperience(doc: Document): Position | undefined {
  const list = experienceSection(doc)?.querySelector('ul');
  const first = list ? Array.from(list.children).find((el) => el.tagName === 'LI') : undefined;
  if (!list || !first) return undefined;
  const shown = first.querySelectorAll('span[aria-hidden="true"]');
  if (shown.length) return readModernEntry(first, shown);
  const classic = readClassicEntry(first);
  return classic?.title || classic?.company ? classic : readPlainEntry(first);
}

/**
 * Any markup: the entry's lines of text in order. A single role reads [title, "Company · Full-time",
 * dates, place]; the title and company are the two lines before the first date line.
 */
function readPlainEntry(entry: Element): Position | undefined {
  const lines: string[] = [];
  const leaves = entry.querySelectorAll('p, span, h3, h4, div, a');
  for (let i = 0; i < leaves.length && i < 60 && lines.length < 8; i++) {
    const el = leaves[i];
    if (!el || el.closest('.visually-hidden, [aria-hidden="true"]') || Array.from(el.children).some((c) => visibleText(c))) continue;
    const text = visibleText(el);
    if (text && text !== lines[lines.length - 1]) lines.push(text);
  }
  const dates = lines.findIndex(isDateLine);
  if (dates < 2 || hasEnded([lines[dates] ?? ''])) return undefined;
  const company = lines[dates - 1]?.split(' · ')[0]?.trim();
  return { title: lines[dates - 2], company: company || undefined };
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

// ---------------------------------------------------------------------------------------------
// JSON-LD (public, logged-out pages)

function readJsonLdPerson(doc: Document, profileUrl: string): LdPerson | undefined {
  const people = jsonLdNodes(doc, 'Person');
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

// ---------------------------------------------------------------------------------------------
// Contact-info overlay (/in/<slug>/overlay/contact-info/)

export interface ContactInfo {
  email?: string;
  phone?: string;
  website?: string;
}

/**
 * Email, phone and website from the contact-info overlay while it is open over this profile, as
 * raw text (the background normalises them); {} when the overlay is closed or shows someone else.
 */
export function extractLinkedInContactInfo(doc: Document, url: URL): ContactInfo {
  try {
    const profileUrl = linkedInProfileKeyFromUrl(url.href);
    return profileUrl ? readContactInfo(doc, url, profileUrl) : {};
  } catch (error) {
    console.warn('Leadline: could not read the contact info', error);
    return {};
  }
}

const DIALOG = '[role="dialog"], dialog, .artdeco-modal';
const PHONE_TEXT = /^\+?[\d\s().\-/]{5,}(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
// "(Mobile)", "(Work)", "(Company)": the label LinkedIn prints after a phone or website.
const TRAILING_LABEL = /\s*\(\p{L}[^()]*\)\s*$/u;

function readContactInfo(doc: Document, pageUrl: URL, profileUrl: string): ContactInfo {
  const dialog = contactInfoDialog(doc, pageUrl);
  if (!dialog) return {};
  // LinkedIn is a single-page app: an overlay left over from another profile names that profile.
  for (const link of Array.from(dialog.querySelectorAll('a[href*="/in/"]')).slice(0, 5)) {
    if (isAnotherProfile(link.getAttribute('href'), profileUrl, pageUrl)) return {};
  }
  const info: ContactInfo = {};
  for (const section of contactGroups(dialog)) {
    const heading = visibleText(section.querySelector('h3, h2, header, dt')).toLowerCase();
    const mailto = section.querySelector('a[href^="mailto:" i]');
    if (mailto) info.email ??= emailFromMailto(mailto);
    else if (PHONE_HEADING.test(heading) || section.classList.contains('ci-phone') || section.querySelector('a[href^="tel:" i]')) {
      info.phone ??= firstPhone(section);
    } else if (WEBSITE_HEADING.test(heading) || section.classList.contains('ci-websites')) {
      info.website ??= preferredWebsite(section, pageUrl);
    }
  }
  return info;
}

// The overlay's headings in the languages LinkedIn is shown in.
const PHONE_HEADING = /phone|telefon|téléphone|teléfono|telefone|telefono|телефон|電話|هاتف/i;
const WEBSITE_HEADING = /^(?:websites?|site web|sites web|sitio web|sitios web|webseiten?|website|sito web|веб-сайт|ウェブサイト|الموقع)$/i;

/**
 * The overlay's groups, one per kind of contact: its sections, or in newer markup without them the
 * block around each heading (or each dt of a definition list).
 */
function contactGroups(dialog: Element): Element[] {
  const sections = Array.from(dialog.querySelectorAll('section')).slice(0, 20);
  if (sections.length) return sections;
  const groups: Element[] = [];
  for (const heading of Array.from(dialog.querySelectorAll('h3, dt')).slice(0, 20)) {
    const group = heading.parentElement;
    if (group && group !== dialog && group.querySelectorAll('h3, dt').length === 1) groups.push(group);
  }
  return groups;
}

const CONTACT_INFO_HEADING =
  /^(?:contact info|coordonnées|informations de contact|kontaktinfo(?:rmationen)?|información de contacto|informações de contato|informazioni di contatto|contactgegevens|контактные (?:сведения|данные)|連絡先情報)$/i;

function contactInfoDialog(doc: Document, pageUrl: URL): Element | undefined {
  const onOverlayUrl = /\/overlay\/contact-info\/?$/i.test(pageUrl.pathname);
  for (const dialog of Array.from(doc.querySelectorAll(DIALOG)).slice(0, 10)) {
    if (dialog.querySelector('.pv-contact-info__contact-type, #pv-contact-info')) return dialog;
    const headings = Array.from(dialog.querySelectorAll('h1, h2')).map((h) => visibleText(h));
    if (headings.some((h) => CONTACT_INFO_HEADING.test(h))) return dialog;
    // Newer markup has only hashed classes (and a translated heading): trust the URL then.
    if (onOverlayUrl && dialog.querySelector('section h3, h3, [data-view-name*="contact-info" i], a[href^="mailto:" i], a[href^="tel:" i]')) return dialog;
  }
  return undefined;
}

function emailFromMailto(link: Element): string | undefined {
  const href = link.getAttribute('href') ?? '';
  let address = href.replace(/^mailto:/i, '').split('?')[0] ?? '';
  try {
    address = decodeURIComponent(address);
  } catch {
    // Keep the raw address.
  }
  address = address.trim();
  if (/^[^\s@]+@[^\s@]+$/.test(address)) return address;
  const shown = visibleText(link);
  return /^[^\s@]+@[^\s@]+$/.test(shown) ? shown : undefined;
}

/** The first number listed, without its "(Mobile)" label: LinkedIn lists them in the member's order. */
function firstPhone(section: Element): string | undefined {
  const tel = section.querySelector('a[href^="tel:" i]');
  if (tel) return visibleText(tel).replace(TRAILING_LABEL, '') || decodeTel(tel.getAttribute('href'));
  for (const el of Array.from(section.querySelectorAll('span, div, li, p')).slice(0, 40)) {
    if (el.firstElementChild || el.closest('.visually-hidden, .a11y-text, .sr-only')) continue;
    const text = visibleText(el).replace(TRAILING_LABEL, '');
    if (PHONE_TEXT.test(text) && /\d{2}/.test(text)) return text;
  }
  return undefined;
}

function decodeTel(href: string | null): string | undefined {
  const raw = (href ?? '').replace(/^tel:/i, '');
  try {
    return decodeURIComponent(raw).trim() || undefined;
  } catch {
    return raw.trim() || undefined;
  }
}

/** The company website when the member labelled one so (a lead is about business), else the first listed. */
function preferredWebsite(section: Element, pageUrl: URL): string | undefined {
  let first: string | undefined;
  for (const link of Array.from(section.querySelectorAll('a[href]')).slice(0, 10)) {
    const href = externalHref(link.getAttribute('href'), pageUrl);
    if (!href || isLinkedInHost(new URL(href))) continue;
    const label = visibleText(link.closest('li') ?? link.parentElement);
    if (/\(company\)/i.test(label)) return href;
    first ??= href;
  }
  return first;
}
