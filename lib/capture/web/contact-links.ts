import { emailFromHref, isRoleAddress, phoneFrom, rankDrafts, webDraft, withoutRoleAddressesWhenPeople, type PersonFields, type WebDraft } from './draft';
import { overBudget } from '@/lib/capture/budget';
import { readText } from './page-text';
import { looksLikePersonName, splitTitleAndCompany, splitTitleAtCompany } from './person-text';
import { cleanPersonName } from '@/lib/model/names';

/**
 * Contact links on any web page (`mailto:` and `tel:`), paired with the person whose card they sit
 * in: the nearest card-like block with a heading, and in it the last heading before the link.
 */

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

  for (let i = 0; i < links.length && i < MAX_LINKS && !overBudget(); i++) {
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
