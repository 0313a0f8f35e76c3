import { countryLabel, describesPerson, emailFromHref, linkFields, mergeSamePeople, phoneFrom, rankDrafts, readerLocale, webDraft, type PersonFields, type WebDraft } from './draft';
import { overBudget } from '@/lib/capture/budget';
import { readText } from './page-text';

/**
 * schema.org `Person` items in HTML microdata (`itemscope itemtype=".../Person"`). Properties are
 * collected the way the microdata spec says: from the item's subtree and its `itemref`s, never
 * from inside a nested item, so an employer's name or a colleague's email does not leak into the
 * person.
 */

const MAX_PEOPLE = 200;
const MAX_ELEMENTS_PER_ITEM = 3000;
const URL_TAGS = new Set(['A', 'AREA', 'LINK']);
const SRC_TAGS = new Set(['IMG', 'AUDIO', 'VIDEO', 'SOURCE', 'EMBED', 'IFRAME', 'TRACK']);
// Properties that hold words, not addresses: a name written as a link is still the link's text.
const TEXT_PROPERTIES = new Set(['name', 'givenName', 'familyName', 'jobTitle', 'worksFor', 'affiliation', 'address']);

type Properties = Map<string, Element[]>;

function hasType(el: Element, type: RegExp): boolean {
  return (el.getAttribute('itemtype') ?? '').split(/\s+/).some((t) => type.test(t));
}
const PERSON_TYPE = /schema\.org\/Person$/i;
const ORGANIZATION_TYPE = /schema\.org\/(?:\w*Organi[sz]ation|\w*Business|Corporation|NGO)$/i;

/** The item's properties by name, per the microdata crawl (its subtree plus `itemref`, stopping at nested items). */
function propertiesOf(item: Element): Properties {
  const properties: Properties = new Map();
  const pending: Element[] = Array.from(item.children).reverse();
  for (const id of (item.getAttribute('itemref') ?? '').split(/\s+/).filter(Boolean).slice(0, 20)) {
    const referenced = item.ownerDocument.getElementById(id);
    if (referenced && !referenced.contains(item)) pending.push(referenced);
  }
  let visited = 0;
  while (pending.length && visited++ < MAX_ELEMENTS_PER_ITEM) {
    const el = pending.pop();
    if (!el) break;
    for (const raw of (el.getAttribute('itemprop') ?? '').split(/\s+/)) {
      // "http://schema.org/name" is the same property as "name".
      const name = raw.slice(raw.lastIndexOf('/') + 1);
      if (name) properties.set(name, [...(properties.get(name) ?? []), el]);
    }
    if (el.hasAttribute('itemscope')) continue;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (child) pending.push(child);
    }
  }
  return properties;
}

function absolute(raw: string | null, pageUrl: URL): string | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw.trim(), pageUrl).href;
  } catch {
    return raw;
  }
}

/** A property's value per the microdata spec: `content`, then href/src/data/value/datetime by element, else its text. */
function valueOf(el: Element, property: string, pageUrl: URL): string | undefined {
  if (el.hasAttribute('itemscope')) return undefined;
  const content = el.getAttribute('content');
  if (content !== null) return content;
  const tag = el.tagName;
  if (URL_TAGS.has(tag)) {
    if (TEXT_PROPERTIES.has(property)) return readText(el) || undefined;
    const href = el.getAttribute('href');
    // mailto: and tel: are read as written; relative paths are resolved against the page.
    return href && /^(?:mailto|tel):/i.test(href.trim()) ? href : absolute(href, pageUrl);
  }
  if (SRC_TAGS.has(tag)) return absolute(el.getAttribute('src'), pageUrl);
  if (tag === 'OBJECT') return absolute(el.getAttribute('data'), pageUrl);
  if (tag === 'DATA' || tag === 'METER') return el.getAttribute('value') ?? undefined;
  if (tag === 'TIME') return el.getAttribute('datetime') ?? (readText(el) || undefined);
  return readText(el) || undefined;
}

function first(properties: Properties, name: string, pageUrl: URL): string | undefined {
  for (const el of properties.get(name) ?? []) {
    const value = valueOf(el, name, pageUrl);
    if (value) return value;
  }
  return undefined;
}

function all(properties: Properties, name: string, pageUrl: URL): string[] {
  return (properties.get(name) ?? [])
    .slice(0, 20)
    .map((el) => valueOf(el, name, pageUrl))
    .filter((value): value is string => Boolean(value));
}

/** A property that may be a nested item (Organization, DefinedTerm, Country) or plain text: its name either way. */
function nameOf(properties: Properties, property: string, pageUrl: URL): string | undefined {
  for (const el of properties.get(property) ?? []) {
    const value = el.hasAttribute('itemscope') ? first(propertiesOf(el), 'name', pageUrl) : valueOf(el, property, pageUrl);
    if (value) return value;
  }
  return undefined;
}

/** "Locality, Region, Country" from a nested PostalAddress, or the address as written. */
function locationOf(properties: Properties, pageUrl: URL): string | undefined {
  for (const el of properties.get('address') ?? []) {
    if (!el.hasAttribute('itemscope')) return valueOf(el, 'address', pageUrl);
    const address = propertiesOf(el);
    const parts = [
      first(address, 'addressLocality', pageUrl),
      first(address, 'addressRegion', pageUrl),
      countryLabel(nameOf(address, 'addressCountry', pageUrl), readerLocale(el.ownerDocument)),
    ].filter((part): part is string => Boolean(part));
    if (parts.length) return parts.join(', ');
  }
  return undefined;
}

/** The organisation a person is listed under (`<div itemscope itemtype=".../Organization"> … itemprop="employee"`). */
function listingOrganization(item: Element, pageUrl: URL): string | undefined {
  if (!item.hasAttribute('itemprop')) return undefined;
  const parent = item.parentElement?.closest('[itemscope]');
  return parent && hasType(parent, ORGANIZATION_TYPE) ? first(propertiesOf(parent), 'name', pageUrl) : undefined;
}

// "Mobil: +49 171 …", class="contact-person__mobile": the person's own number rather than the office's.
const MOBILE = /mobil|mobile|cell|handy|portable|móvil|celular|direct|direkt|durchwahl/i;

/** The telephone a person's own: one labelled mobile or direct (by its text or class), else the first. */
function preferredPhone(properties: Properties, pageUrl: URL): string | undefined {
  for (const el of (properties.get('telephone') ?? []).slice(0, 10)) {
    const holder = el.parentElement;
    const label = `${holder?.className ?? ''} ${readText(holder, 40)} ${el.className}`;
    if (MOBILE.test(label)) {
      const value = valueOf(el, 'telephone', pageUrl);
      if (value) return value;
    }
  }
  return first(properties, 'telephone', pageUrl);
}

function readPerson(item: Element, pageUrl: URL): WebDraft | undefined {
  const properties = propertiesOf(item);
  const name = first(properties, 'name', pageUrl);
  const givenName = first(properties, 'givenName', pageUrl);
  const familyName = first(properties, 'familyName', pageUrl);
  const title = nameOf(properties, 'jobTitle', pageUrl);
  const company =
    nameOf(properties, 'worksFor', pageUrl) ?? nameOf(properties, 'affiliation', pageUrl) ?? listingOrganization(item, pageUrl);
  const email = emailFromHref(first(properties, 'email', pageUrl) ?? '');
  const links = linkFields([...all(properties, 'url', pageUrl), ...all(properties, 'sameAs', pageUrl)], pageUrl);
  // A LinkedIn link inside the card is theirs even when the page forgot to mark it up.
  if (!links.profileUrl) {
    const linkedIn = item.querySelector('a[href*="linkedin.com/in/" i]');
    if (linkedIn) links.profileUrl = linkFields([linkedIn.getAttribute('href') ?? ''], pageUrl).profileUrl;
  }
  const confidence = (draft: PersonFields) => {
    const { named, detailed } = describesPerson(draft);
    return named ? (detailed ? 0.85 : 0.75) : 0.5;
  };
  return webDraft(
    {
      fullName: name,
      firstName: givenName,
      lastName: familyName,
      title,
      company,
      email,
      phone: phoneFrom(preferredPhone(properties, pageUrl)),
      location: locationOf(properties, pageUrl),
      ...links,
    },
    pageUrl,
    confidence,
  );
}

/** People marked up as schema.org microdata, most certain first. */
export function extractMicrodata(doc: Document, url: URL): WebDraft[] {
  try {
    const drafts: WebDraft[] = [];
    const items = doc.querySelectorAll('[itemscope][itemtype*="schema.org/Person" i]');
    for (let i = 0; i < items.length && i < MAX_PEOPLE && !overBudget(); i++) {
      const item = items[i];
      if (!item || !hasType(item, PERSON_TYPE)) continue;
      const draft = readPerson(item, url);
      if (draft) drafts.push(draft);
    }
    return mergeSamePeople(rankDrafts(drafts));
  } catch (error) {
    console.warn('Leadline: could not read the microdata on this page', error);
    return [];
  }
}
