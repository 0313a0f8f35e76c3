import type { ProspectDraftInput } from '@/lib/model/prospect';
import { overBudget, withBudget } from '@/lib/capture/budget';
import { positionFromHeadline, resolveHref, shownText, visibleText } from './dom';
import { cleanPersonName } from '@/lib/model/names';
import { isLinkedInHost, linkedInListKind, linkedInProfileKeyFromUrl } from '@/lib/model/page-urls';

/**
 * Pages that list many people, for bulk capture: people search results (2021 and 2024-25 markup)
 * and Sales Navigator lead lists and lead searches. One draft per person, in page order, with
 * `listItemElements` giving the element each draft came from so the in-page UI can tick them.
 *
 * Sales Navigator links to `/sales/lead/ACwAA…,NAME_SEARCH,…`. That id is Sales Navigator's own
 * and cannot be turned into an `/in/` URL in the page, so such a lead gets no profileUrl (dedupe
 * falls back to name + company) and its lead URL becomes the sourceUrl, so the rep can open it
 * again. A row that does carry an `/in/<slug>` link gets that as profileUrl.
 */

/** Everyone a people list shows, in page order; people LinkedIn hides ("LinkedIn Member") are left out. */
export function extractLinkedInPeopleList(doc: Document, url: URL): ProspectDraftInput[] {
  return readList(doc, url).map((item) => item.draft);
}

/** The element of each person `extractLinkedInPeopleList` returns, in the same order. */
export function listItemElements(doc: Document, url: URL): Element[] {
  return readList(doc, url).map((item) => item.element);
}

/** Each person with their result card, from one reading of the page (so the two cannot disagree). */
export function linkedInPeopleListItems(doc: Document, url: URL): ListItem[] {
  return readList(doc, url);
}

export interface ListItem {
  element: Element;
  draft: ProspectDraftInput;
}

// A page of results holds 10 (search) or 25-100 (Sales Navigator); the cap only guards odd pages.
const MAX_ITEMS = 200;
const HIDDEN_MEMBER = /^linkedin member$/i;

function readList(doc: Document, url: URL): ListItem[] {
  try {
    const kind = linkedInListKind(url);
    const scope = doc.querySelector('main') ?? doc.body;
    if (!kind || !scope) return [];
    const items = withBudget(() => (kind === 'search' ? searchItems(scope, url) : salesItems(scope, url)));
    return items.filter((item): item is ListItem => item !== undefined);
  } catch (error) {
    console.warn('Leadline: could not read this list of people', error);
    return [];
  }
}

function draftFor(fullName: string, fields: Omit<ProspectDraftInput, 'source'>): ProspectDraftInput {
  return {
    source: 'linkedin',
    fullName,
    ...fields,
    // Every entry is plainly a person; one without a profile URL is harder to tell from a namesake.
    confidence: fields.profileUrl ? 0.9 : 0.8,
  };
}

// ---------------------------------------------------------------------------------------------
// People search results

const SEARCH_ITEM =
  'li.reusable-search__result-container, [data-view-name="search-entity-result-universal-template"], [data-chameleon-result-urn]';

function searchItems(scope: Element, url: URL): Array<ListItem | undefined> {
  const matches = Array.from(scope.querySelectorAll(SEARCH_ITEM)).slice(0, MAX_ITEMS);
  // Older markup nests the result template inside the list item: keep the outermost of each.
  const outermost = matches.filter((el) => !el.parentElement?.closest(SEARCH_ITEM));
  const items = outermost.length ? outermost : cardsByProfileLink(scope, url);
  return items.map((element) => {
    const draft = readSearchResult(element, url);
    return draft ? { element, draft } : undefined;
  });
}

const NOT_RESULTS = 'aside, nav, header, footer, [role="dialog"], [role="complementary"]';

/**
 * Markup without known result classes (the 2025 redesign has only hashed ones): each person's card
 * is the largest block around their profile links that links to no one else.
 */
function cardsByProfileLink(scope: Element, url: URL): Element[] {
  const cards: Element[] = [];
  const seen = new Set<string>();
  const links = scope.querySelectorAll('a[href*="/in/"]');
  for (let i = 0; i < links.length && cards.length < MAX_ITEMS && !overBudget(); i++) {
    const link = links[i];
    if (!link || link.closest(NOT_RESULTS)) continue;
    const key = profileKey(link.getAttribute('href'), url);
    if (!key || seen.has(key) || !shownText(link)) continue;
    let card: Element = link;
    for (let depth = 0; depth < 10; depth++) {
      const parent: Element | null = card.parentElement;
      if (!parent || parent === scope || linksToOthers(parent, key, url)) break;
      card = parent;
    }
    if (card === link) continue;
    seen.add(key);
    cards.push(card);
  }
  return cards;
}

function linksToOthers(el: Element, key: string, url: URL): boolean {
  const links = el.querySelectorAll('a[href*="/in/"]');
  for (let i = 0; i < links.length && i < 20; i++) {
    const other = profileKey(links[i]?.getAttribute('href') ?? null, url);
    if (other && other !== key) return true;
  }
  return links.length >= 20;
}

// "Current: Head of Procurement at Summit Outdoor Co.": the snippet LinkedIn adds under a slogan headline.
const CURRENT = /^(?:current|actual|atual|aktuell|actuel|attuale|huidig|nuvarande|obecnie|текущая|текущее)\s*:\s*(.+)$/i;

function currentLine(item: Element): string | undefined {
  const blocks = item.querySelectorAll('p, div, span');
  for (let i = 0; i < blocks.length && i < 200; i++) {
    const el = blocks[i];
    if (!el || Array.from(el.children).some((child) => child.matches('p, div'))) continue;
    const found = CURRENT.exec(visibleText(el));
    if (found?.[1]) return found[1];
  }
  return undefined;
}

function readSearchResult(item: Element, url: URL): ProspectDraftInput | undefined {
  // The photo links to the profile too, without text: the title link is the first with a name.
  let titleLink: Element | undefined;
  let profileUrl: string | undefined;
  for (const link of Array.from(item.querySelectorAll('a[href*="/in/"]')).slice(0, 10)) {
    const key = profileKey(link.getAttribute('href'), url);
    if (key && shownText(link)) {
      titleLink = link;
      profileUrl = key;
      break;
    }
  }
  // Out-of-network people show as "LinkedIn Member" with no profile link: nothing to capture.
  if (!titleLink || !profileUrl) return undefined;
  const fullName = cleanPersonName(shownText(titleLink));
  if (!fullName || HIDDEN_MEMBER.test(fullName)) return undefined;

  const { headline, location } = readSubtitles(item, titleLink);
  const fromHeadline = headline ? positionFromHeadline(headline, { titleAlone: true }) : undefined;
  const current = currentLine(item);
  const position = (current ? positionFromHeadline(current, { titleAlone: true }) : undefined) ?? fromHeadline;
  return draftFor(fullName, {
    sourceUrl: url.href,
    profileUrl,
    headline,
    title: position?.title,
    company: position?.company,
    location,
  });
}

// "• 2nd", "3rd+", "2nd degree connection": the connection degree printed next to the name.
const DEGREE = /^[•·]?\s*(?:1st|2nd|3rd\+?)(?:\s+degree connection)?$/i;

function readSubtitles(item: Element, titleLink: Element): { headline?: string; location?: string } {
  const primary = item.querySelector('.entity-result__primary-subtitle');
  const secondary = item.querySelector('.entity-result__secondary-subtitle');
  if (primary || secondary) {
    return { headline: visibleText(primary) || undefined, location: visibleText(secondary) || undefined };
  }
  const [first, second] = blocksAfter(titleLink, item);
  if (first && second) return { headline: visibleText(first), location: visibleText(second) };
  // A lone line is the headline only if styled as one (`t-black`); LinkedIn prints the location lighter.
  if (first?.classList.contains('t-black')) return { headline: visibleText(first) };
  return {};
}

/**
 * Newer markup has only hashed classes: the headline and location are the first text blocks after
 * the block holding the name (skipping the connection degree), before any link or button.
 */
function blocksAfter(titleLink: Element, item: Element): Element[] {
  let node: Element | null = titleLink;
  for (let depth = 0; depth < 6 && node && node !== item; depth++) {
    const blocks: Element[] = [];
    for (let sib = node.nextElementSibling; sib && blocks.length < 2; sib = sib.nextElementSibling) {
      if (sib.matches('a, button') || sib.querySelector('a, button, img, ul')) break;
      const text = visibleText(sib);
      if (text && !DEGREE.test(text)) blocks.push(sib);
    }
    if (blocks.length) return blocks;
    node = node.parentElement;
  }
  return [];
}

function profileKey(href: string | null, base: URL): string | undefined {
  const resolved = resolveHref(href, base);
  // Sales Navigator ids ("ACwAA…") are case-sensitive and not profile slugs: lower-casing one breaks it.
  if (!resolved || /^\/in\/ACw/i.test(resolved.pathname)) return undefined;
  return linkedInProfileKeyFromUrl(resolved.href);
}

// ---------------------------------------------------------------------------------------------
// Sales Navigator lead lists and lead searches

function salesItems(scope: Element, url: URL): Array<ListItem | undefined> {
  const seen = new Set<Element>();
  const items: Array<ListItem | undefined> = [];
  for (const nameEl of Array.from(scope.querySelectorAll('[data-anonymize="person-name"]')).slice(0, MAX_ITEMS * 2)) {
    if (nameEl.closest('[role="dialog"], aside, nav, header, thead')) continue;
    // A list is a table, a search an ordered list; a name can also sit in a nested list inside its row.
    const row =
      nameEl.closest('tr') ??
      nameEl.closest('li.artdeco-list__item') ??
      nameEl.closest('[data-x-search-result]') ??
      nameEl.closest('li');
    // The lead's name comes first in its row; later names (who shared it, who wrote a note) are not leads.
    if (!row || seen.has(row)) continue;
    seen.add(row);
    const draft = readSalesRow(row, nameEl, url);
    items.push(draft ? { element: row, draft } : undefined);
  }
  return items;
}

// "1 year 1 month in role | 8 years in company": Sales Navigator tags tenure as a job title too.
const TENURE = /\b(?:in role|in company|years?|months?|yrs?|mos?)\b|\d/i;

/** A list row's title: the `job-title` element that is a title, not the tenure line. */
function jobTitle(row: Element): Element | null {
  for (const el of Array.from(row.querySelectorAll('[data-anonymize="job-title"]')).slice(0, 5)) {
    if (!TENURE.test(visibleText(el))) return el;
  }
  return null;
}

/** "Head of Finance · Vela Logistica S.p.A.": a company written as plain text after the title, past the middot. */
function companyAfter(titleEl: Element | null): string | undefined {
  let text = '';
  for (let node = titleEl?.nextSibling; node && text.length < 200; node = node.nextSibling) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1 && !(node as Element).matches('button, [aria-hidden="true"], .separator--middot, svg')) text += visibleText(node as Element);
  }
  const company = text.replace(/^[\s·•|,]+|[\s·•|,]+$/g, '').replace(/\s+/g, ' ');
  return company && company.length <= 120 ? company : undefined;
}

function readSalesRow(row: Element, nameEl: Element, url: URL): ProspectDraftInput | undefined {
  const fullName = cleanPersonName(visibleText(nameEl));
  if (!fullName || HIDDEN_MEMBER.test(fullName)) return undefined;

  const leadLink =
    nameEl.closest('a[href*="/sales/lead/"]') ??
    nameEl.querySelector('a[href*="/sales/lead/"]') ??
    row.querySelector('a[href*="/sales/lead/"]');
  const lead = resolveHref(leadLink?.getAttribute('href'), url);
  // The query carries a session token (_ntb); the path alone names the lead.
  const leadUrl =
    lead && isLinkedInHost(lead) && /^\/sales\/lead\/[^/]+/.test(lead.pathname)
      ? `https://www.linkedin.com${lead.pathname}`
      : undefined;

  let profileUrl: string | undefined;
  for (const link of Array.from(row.querySelectorAll('a[href*="/in/"]')).slice(0, 5)) {
    profileUrl = profileKey(link.getAttribute('href'), url);
    if (profileUrl) break;
  }

  const field = (name: string) => visibleText(row.querySelector(`[data-anonymize="${name}"]`)) || undefined;
  const titleEl = row.querySelector('[data-anonymize="title"]') ?? jobTitle(row);
  return draftFor(fullName, {
    sourceUrl: leadUrl ?? url.href,
    profileUrl,
    title: visibleText(titleEl) || undefined,
    company: field('company-name') ?? companyAfter(titleEl),
    location: field('location'),
  });
}
