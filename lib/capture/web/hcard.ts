import { countryLabel, describesPerson, emailFromHref, linkFields, mergeSamePeople, personNameKey, phoneFrom, rankDrafts, readerLocale, webDraft, type PersonFields, type WebDraft } from './draft';
import { overBudget } from '@/lib/capture/budget';
import { readText } from './page-text';

/**
 * People in microformats: mf2 `h-card` (p-name, p-job-title, p-org, u-email, u-url…) and the
 * classic `vcard` of hCard 1.0 (fn, n, title, org, email, tel, adr…). Properties are taken from the
 * card's subtree without entering nested microformats, except an address (`h-adr`), which
 * describes the card itself. A card whose name is its organisation is the organisation.
 */

const MAX_CARDS = 200;
const MAX_ELEMENTS_PER_CARD = 3000;

type Properties = Map<string, Element[]>;

const MF2_ROOT = /^h-[a-z]/;
const MF2_PROPERTY = /^(?:p|u|dt|e)-[a-z]/;
const ADDRESS_ROOTS = new Set(['h-adr', 'h-geo']);
const CLASSIC_PROPERTIES = new Set([
  'fn', 'given-name', 'family-name', 'title', 'role', 'org', 'organization-name', 'email', 'tel', 'url', 'uid',
  'locality', 'region', 'country-name', 'adr', 'label',
]);
const URL_TAGS = new Set(['A', 'AREA', 'LINK']);
const SRC_TAGS = new Set(['IMG', 'AUDIO', 'VIDEO', 'SOURCE', 'IFRAME']);

const isMf2Root = (el: Element) => Array.from(el.classList).some((c) => MF2_ROOT.test(c));
const isAddressRoot = (el: Element) => Array.from(el.classList).some((c) => ADDRESS_ROOTS.has(c));

/** Collects elements by property class, not descending into `stop` elements (nested cards). */
function collect(card: Element, isProperty: (cls: string) => boolean, stop: (el: Element) => boolean): Properties {
  const properties: Properties = new Map();
  const pending: Element[] = Array.from(card.children).reverse();
  let visited = 0;
  while (pending.length && visited++ < MAX_ELEMENTS_PER_CARD) {
    const el = pending.pop();
    if (!el) break;
    for (const cls of Array.from(el.classList)) {
      if (isProperty(cls)) properties.set(cls, [...(properties.get(cls) ?? []), el]);
    }
    if (stop(el)) continue;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (child) pending.push(child);
    }
  }
  return properties;
}

function absolute(raw: string | null, pageUrl: URL): string | undefined {
  if (!raw) return undefined;
  if (/^(?:mailto|tel):/i.test(raw.trim())) return raw;
  try {
    return new URL(raw.trim(), pageUrl).href;
  } catch {
    return undefined;
  }
}

/** The value-class pattern: `<span class="tel"><span class="type">Work</span> <span class="value">+1 …</span></span>`. */
function valueClass(el: Element): string | undefined {
  const parts = Array.from(el.querySelectorAll('.value, .value-title'))
    .slice(0, 10)
    .map((part) => (part.classList.contains('value-title') ? part.getAttribute('title') : readText(part)))
    .filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

/** Plain-text value: value-class parts, abbr title, img alt, data value, else the text. */
function textValue(el: Element): string | undefined {
  const parts = valueClass(el);
  if (parts) return parts;
  const tag = el.tagName;
  if (tag === 'ABBR' && el.hasAttribute('title')) return el.getAttribute('title') ?? undefined;
  if (tag === 'IMG' || tag === 'AREA') return el.getAttribute('alt') ?? undefined;
  if (tag === 'DATA' || tag === 'INPUT') return el.getAttribute('value') ?? undefined;
  return readText(el) || undefined;
}

/** URL value: href or src resolved against the page (mailto: and tel: kept as written), else the text. */
function urlValue(el: Element, pageUrl: URL): string | undefined {
  if (URL_TAGS.has(el.tagName)) return absolute(el.getAttribute('href'), pageUrl);
  if (SRC_TAGS.has(el.tagName)) return absolute(el.getAttribute('src'), pageUrl);
  if (el.tagName === 'OBJECT') return absolute(el.getAttribute('data'), pageUrl);
  return textValue(el);
}

function firstOf(properties: Properties, names: string[], read: (el: Element) => string | undefined): string | undefined {
  for (const name of names) {
    for (const el of properties.get(name) ?? []) {
      const value = read(el);
      if (value) return value;
    }
  }
  return undefined;
}

function allOf(properties: Properties, names: string[], read: (el: Element) => string | undefined): string[] {
  return names
    .flatMap((name) => (properties.get(name) ?? []).slice(0, 20))
    .map(read)
    .filter((value): value is string => Boolean(value));
}

const joinLocation = (parts: (string | undefined)[]) => parts.filter(Boolean).join(', ') || undefined;

/** Whether any of the card's URLs is this site's home page or this very page: the card is the site owner's. */
function isRepresentative(urls: string[], pageUrl: URL): boolean {
  return urls.some((raw) => {
    try {
      const url = new URL(raw, pageUrl);
      return url.host === pageUrl.host && (url.pathname === '/' || url.pathname === pageUrl.pathname);
    } catch {
      return false;
    }
  });
}

/** Whether a URL is the page being read or its site's home page. */
function isPageItself(raw: string, pageUrl: URL): boolean {
  try {
    const url = new URL(raw, pageUrl);
    const host = (h: string) => h.replace(/^www\./, '');
    return host(url.host) === host(pageUrl.host) && (url.pathname.replace(/\/+$/, '') === '' || url.pathname === pageUrl.pathname);
  } catch {
    return false;
  }
}

/** The URL of the card's organisation (`<a class="p-org h-card" href="https://studio.example">`). */
function orgUrl(properties: Properties, pageUrl: URL): string | undefined {
  for (const el of properties.get('p-org') ?? []) {
    if (!isMf2Root(el)) continue;
    const href = URL_TAGS.has(el.tagName) ? absolute(el.getAttribute('href'), pageUrl) : undefined;
    if (href && /^https?:/i.test(href) && !isPageItself(href, pageUrl)) return linkFields([href], pageUrl).website;
  }
  return undefined;
}

const ORGANIZATION_CARD_CONFIDENCE = 0.35;
// Comments, replies and reviews: people on the page, but not the ones it presents.
const COMMENTS = '.h-cite, .p-comment, .u-comment, .comment, .comments, #comments, .comment-list, .comment-author, .commentlist';

/**
 * Turns a card's fields into a draft; a card named after its own organisation becomes an
 * organisation contact (kept only with an email). `withDetails` is the confidence for a name plus
 * anything else, `nameOnly` for a bare name; a card without a name ranks low.
 */
function cardDraft(
  fields: PersonFields,
  pageUrl: URL,
  { withDetails, nameOnly }: { withDetails: number; nameOnly: number },
): WebDraft | undefined {
  const isOrganization =
    fields.fullName !== undefined &&
    fields.company !== undefined &&
    personNameKey(fields.fullName) === personNameKey(fields.company);
  if (isOrganization) {
    return fields.email ? webDraft({ ...fields, fullName: undefined }, pageUrl, ORGANIZATION_CARD_CONFIDENCE) : undefined;
  }
  return webDraft(fields, pageUrl, (draft) => {
    const { named, detailed } = describesPerson(draft);
    return named ? (detailed ? withDetails : nameOnly) : 0.4;
  });
}

// ---------------------------------------------------------------------------------------------
// mf2 h-card

function mf2Properties(card: Element): Properties {
  return collect(card, (cls) => MF2_PROPERTY.test(cls), (el) => isMf2Root(el) && !isAddressRoot(el));
}

/** A nested card's name (`p-org h-card`), or a p- property's text. */
function mf2Text(el: Element): string | undefined {
  if (isMf2Root(el) && !isAddressRoot(el)) {
    return firstOf(mf2Properties(el), ['p-name'], textValue) ?? impliedName(el);
  }
  return textValue(el);
}

/** mf2 implied name: the card's img alt, abbr title, or its text. */
function impliedName(card: Element): string | undefined {
  if (card.tagName === 'IMG' || card.tagName === 'AREA') return card.getAttribute('alt') ?? undefined;
  if (card.tagName === 'ABBR' && card.hasAttribute('title')) return card.getAttribute('title') ?? undefined;
  const only = card.children.length === 1 ? card.children[0] : undefined;
  if (only?.tagName === 'IMG' && !readText(card)) return only.getAttribute('alt') ?? undefined;
  return readText(card) || undefined;
}

/** mf2 implied url: the card is a link, or holds exactly one link as a direct child. */
function impliedUrl(card: Element, pageUrl: URL): string | undefined {
  if (URL_TAGS.has(card.tagName)) return absolute(card.getAttribute('href'), pageUrl);
  const links = Array.from(card.children).filter((child) => child.tagName === 'A' && child.hasAttribute('href'));
  return links.length === 1 && links[0] ? absolute(links[0].getAttribute('href'), pageUrl) : undefined;
}

function readMf2Card(card: Element, pageUrl: URL): WebDraft | undefined {
  const properties = mf2Properties(card);
  const asUrl = (el: Element) => urlValue(el, pageUrl);
  const explicit = Array.from(properties.keys()).some((key) => key.startsWith('p-') || key.startsWith('e-'));
  const givenName = firstOf(properties, ['p-given-name'], textValue);
  const familyName = firstOf(properties, ['p-family-name'], textValue);
  const fullName = firstOf(properties, ['p-name'], textValue) ?? (explicit ? undefined : impliedName(card));
  const urls = allOf(properties, ['u-url', 'u-uid'], asUrl);
  const implied = properties.has('u-url') ? undefined : impliedUrl(card, pageUrl);
  if (implied) urls.push(implied);
  const fields: PersonFields = {
    fullName,
    firstName: givenName,
    lastName: familyName,
    title: firstOf(properties, ['p-job-title', 'p-role'], textValue),
    company: firstOf(properties, ['p-org', 'u-org'], mf2Text),
    email: emailFromHref(firstOf(properties, ['u-email', 'p-email'], asUrl) ?? ''),
    phone: phoneFrom(firstOf(properties, ['u-tel', 'p-tel'], asUrl)),
    location:
      joinLocation([
        firstOf(properties, ['p-locality'], textValue),
        firstOf(properties, ['p-region'], textValue),
        countryLabel(firstOf(properties, ['p-country-name'], textValue), readerLocale(card.ownerDocument)),
      ]) ?? firstOf(properties, ['p-adr', 'p-label'], (el) => (isAddressRoot(el) ? undefined : textValue(el))),
    ...linkFields(urls, pageUrl),
  };
  const representative = isRepresentative(urls, pageUrl);
  if (representative) {
    // The site owner's card: the page's rel="me" links are theirs too (their LinkedIn profile), and
    // their own site is the page itself, never a website value; their studio or company's site is.
    const me = Array.from(card.ownerDocument.querySelectorAll('a[rel~="me"][href], link[rel~="me"][href]'))
      .slice(0, 20)
      .map((a) => a.getAttribute('href') ?? '');
    const links = linkFields([...urls.filter((u) => !isPageItself(u, pageUrl)), ...me], pageUrl);
    fields.profileUrl ??= links.profileUrl;
    fields.website = orgUrl(properties, pageUrl) ?? (links.website && !isPageItself(links.website, pageUrl) ? links.website : undefined);
  }
  const weight = representative ? 1.06 : 1;
  return cardDraft(fields, pageUrl, { withDetails: 0.85 * weight, nameOnly: 0.7 * weight });
}

// ---------------------------------------------------------------------------------------------
// Classic hCard (vcard)

function readClassicCard(card: Element, pageUrl: URL): WebDraft | undefined {
  const properties = collect(card, (cls) => CLASSIC_PROPERTIES.has(cls), (el) => el.classList.contains('vcard'));
  const asUrl = (el: Element) => (URL_TAGS.has(el.tagName) ? urlValue(el, pageUrl) : textValue(el));
  const fnElement = properties.get('fn')?.[0] ?? (card.classList.contains('fn') ? card : undefined);
  const fullName = fnElement ? textValue(fnElement) : undefined;
  const company =
    firstOf(properties, ['organization-name'], textValue) ??
    firstOf(properties, ['org'], textValue) ??
    (fnElement?.classList.contains('org') ? fullName : undefined);
  const phones = (properties.get('tel') ?? []).filter((el) => !/\bfax\b/i.test(readText(el.querySelector('.type'))));
  const fields: PersonFields = {
    fullName,
    firstName: firstOf(properties, ['given-name'], textValue),
    lastName: firstOf(properties, ['family-name'], textValue),
    title: firstOf(properties, ['title', 'role'], textValue),
    company,
    email: emailFromHref(firstOf(properties, ['email'], asUrl) ?? ''),
    phone: phoneFrom(firstOf(new Map([['tel', phones]]), ['tel'], asUrl)),
    location:
      joinLocation([
        firstOf(properties, ['locality'], textValue),
        firstOf(properties, ['region'], textValue),
        countryLabel(firstOf(properties, ['country-name'], textValue), readerLocale(card.ownerDocument)),
      ]) ?? firstOf(properties, ['label'], textValue),
    ...linkFields(allOf(properties, ['url', 'uid'], asUrl), pageUrl),
  };
  return cardDraft(fields, pageUrl, { withDetails: 0.8, nameOnly: 0.65 });
}

// ---------------------------------------------------------------------------------------------

/** People in h-card and classic vcard markup, most certain first; an organisation card only with an email. */
export function extractHCard(doc: Document, url: URL): WebDraft[] {
  try {
    const drafts: WebDraft[] = [];
    const cards = doc.querySelectorAll('.h-card, .vcard');
    for (let i = 0; i < cards.length && i < MAX_CARDS && !overBudget(); i++) {
      const card = cards[i];
      if (!card || card.closest(COMMENTS)) continue;
      const nestedIn = card.parentElement?.closest('.h-card, .vcard');
      // A card nested as another card's organisation is read as part of that card.
      if (nestedIn && (card.classList.contains('p-org') || card.classList.contains('u-org') || card.classList.contains('org'))) {
        continue;
      }
      const draft = card.classList.contains('h-card') ? readMf2Card(card, url) : readClassicCard(card, url);
      if (draft) drafts.push(draft);
    }
    return mergeSamePeople(rankDrafts(drafts));
  } catch (error) {
    console.warn('Leadline: could not read the h-card markup on this page', error);
    return [];
  }
}
