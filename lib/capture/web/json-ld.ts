import { cleanLine } from '@/lib/model/text';
import { overBudget } from '@/lib/capture/budget';
import { countryLabel, describesPerson, emailFromHref, linkFields, mergeSamePeople, phoneFrom, rankDrafts, readerLocale, webDraft, type PersonFields, type WebDraft } from './draft';
import { stripMarkup } from './page-text';
import { looksLikePersonName } from './person-text';

/**
 * People in schema.org JSON-LD: `Person` nodes anywhere in a block (top level, arrays, `@graph`,
 * an article's author, an organisation's employees, a profile page's main entity), and the
 * contact points of an `Organization`. References by `@id` are followed. A block that is not valid
 * JSON gets one tolerant clean-up (HTML comments, trailing commas, raw line breaks, a truncated
 * end); if that fails too, the block is skipped.
 */

type JsonObject = Record<string, unknown>;

const MAX_BLOCKS = 50;
const MAX_BLOCK_CHARS = 1_000_000;
const MAX_NODES = 5000;
const MAX_DEPTH = 16;

// Keys under which people (or organisations that list people) are nested.
const NESTED_KEYS = new Set([
  '@graph', 'mainEntity', 'author', 'creator', 'contributor', 'editor', 'publisher', 'employee', 'employees',
  'founder', 'founders', 'member', 'members', 'contactPoint', 'contactPoints', 'speaker', 'performer', 'organizer',
  'attendee', 'attendees', 'actor', 'director', 'itemListElement', 'item', 'hasPart', 'subEvent', 'about',
  'subOrganization', 'department',
]);
// People nested under these keys of an organisation work there.
const WORKS_THERE_KEYS = new Set(['employee', 'employees', 'founder', 'founders', 'member', 'members', 'contactPoint', 'contactPoints']);
const ORGANIZATION_TYPE = /Organi[sz]ation$|Business$|^(?:Corporation|NGO|Store|ProfessionalService|LegalService|FinancialService|Restaurant|Hotel|School|CollegeOrUniversity|GovernmentOffice|MedicalClinic|Dentist|Physician|RealEstateAgent|TravelAgency|InsuranceAgency|AccountingService|EmploymentAgency)$/;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** "Person", ["Person", "Patient"], "schema:Person", "https://schema.org/Person" → ["Person", "Patient"]. */
function typesOf(node: JsonObject): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1));
}

// ---------------------------------------------------------------------------------------------
// Parsing

// Structured data about people is a few levels deep; a block nested hundreds deep is junk or an
// attack, and parsing it (three times, with the repairs) is what would take long.
const MAX_PARSE_DEPTH = 64;

/** Whether brackets outside strings nest deeper than `limit`; one pass, stopping as soon as they do. */
function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** Parses one block, repairing the usual damage once; undefined when it cannot be read. */
export function parseJsonLdBlock(raw: string): unknown {
  if (raw.length > MAX_BLOCK_CHARS) return undefined;
  const text = raw.trim();
  if (!text || nestedDeeperThan(text, MAX_PARSE_DEPTH)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Fall through to the clean-up.
  }
  if (overBudget()) return undefined;
  const cleaned = cleanUp(text);
  try {
    return JSON.parse(cleaned);
  } catch {
    // Maybe it was cut short.
  }
  const closed = closeTruncated(cleaned);
  if (closed === undefined) return undefined;
  try {
    return JSON.parse(closed);
  } catch {
    return undefined;
  }
}

/**
 * Removes the HTML comments inside a block that hold no braces or brackets (a wrapping "<!-- … -->"
 * holds the whole block, so it survives this step). One pass: the next "-->" and the next bracket
 * are each searched for once and remembered, so a block of nothing but "<!--" costs as much as
 * reading it once.
 */
function withoutInnerComments(text: string, work: Work = { steps: 0 }): string {
  let out = '';
  let from = 0;
  let end = -1;
  let bracket = -1;
  for (let start = text.indexOf('<!--'); start >= 0; start = text.indexOf('<!--', start + 4)) {
    work.steps++;
    if (end < start + 4) {
      end = text.indexOf('-->', start + 4);
      work.steps += (end < 0 ? text.length : end) - start;
    }
    if (end < 0) break;
    if (bracket < start) {
      bracket = nextBracket(text, start);
      work.steps += (bracket < 0 ? text.length : bracket) - start;
    }
    if (bracket >= 0 && bracket < end) continue;
    out += `${text.slice(from, start)} `;
    from = end + 3;
    start = end - 1;
  }
  return out + text.slice(from);
}

function nextBracket(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 125 || c === 91 || c === 93) return i;
  }
  return -1;
}

function cleanUp(text: string): string {
  return (
    withoutInnerComments(text)
      .replace(/^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)/, '')
      .replace(/(?:-->|(?:\/\/\s*)?\]\]>)\s*$/, '')
      // Raw line breaks and tabs inside strings are invalid JSON; outside strings they are only whitespace.
      .replace(/[\u0000-\u001F]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1')
  );
}

/**
 * Closes a block that was cut off: cuts back to the last complete value and appends the missing
 * brackets. `{"name":"Jane","jobTitle":"V` becomes `{"name":"Jane"}`. Undefined when the
 * brackets were already balanced (the damage is something else). Linear: after the last cut, no
 * bracket below the cut's depth is ever closed (a close would be a later cut), so the brackets to
 * append are the open ones at the cut, read once at the end.
 */
function closeTruncated(text: string, work: Work = { steps: 0 }): string | undefined {
  const closers: Array<'}' | ']'> = [];
  const expectKey: boolean[] = [];
  let inString = false;
  let escaped = false;
  let cut = -1;
  let depthAtCut = 0;
  for (let i = 0; i < text.length; i++) {
    work.steps++;
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        const top = closers.length - 1;
        if (top >= 0 && !(closers[top] === '}' && expectKey[top])) {
          cut = i + 1;
          depthAtCut = closers.length;
        }
      }
      continue;
    }
    const top = closers.length - 1;
    if (c === '"') inString = true;
    else if (c === '{') {
      closers.push('}');
      expectKey.push(true);
    } else if (c === '[') {
      closers.push(']');
      expectKey.push(false);
    } else if (c === ':' && top >= 0) expectKey[top] = false;
    else if (c === ',' && top >= 0) {
      cut = i;
      depthAtCut = closers.length;
      if (closers[top] === '}') expectKey[top] = true;
    } else if (c === '}' || c === ']') {
      expectKey.pop();
      if (closers.pop() !== c) return undefined;
      cut = i + 1;
      depthAtCut = closers.length;
      if (!closers.length) return undefined;
    }
  }
  if (!closers.length || cut < 0) return undefined;
  return text.slice(0, cut) + closers.slice(0, depthAtCut).reverse().join('');
}

/** Steps a repair took, for tests that check it stays linear in the block's length. */
export type Work = { steps: number };
/** For tests: the repair steps on their own. */
export const repairSteps = { withoutInnerComments, closeTruncated };

// ---------------------------------------------------------------------------------------------
// Values

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    try {
      return String.fromCodePoint(code);
    } catch {
      return whole;
    }
  });
}

/** Text of a string, number, `{"@value": …}` or the first usable item of an array. Markup is stripped. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanLine(stripMarkup(decodeEntities(value.slice(0, 2000)))) || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 10)) {
      const text = textOf(item);
      if (text) return text;
    }
    return undefined;
  }
  return isObject(value) ? textOf(value['@value']) : undefined;
}

function urlsOf(value: unknown): string[] {
  return asArray(value)
    .slice(0, 30)
    .map((item) => (isObject(item) ? (item.url ?? item['@id']) : item))
    .filter((item): item is string => typeof item === 'string');
}

// ---------------------------------------------------------------------------------------------
// Graph

/** Every node of every block, indexed by `@id`, so `{"@id": "#org"}` can be followed. */
class LdGraph {
  private byId = new Map<string, JsonObject>();
  private mainEntities = new Set<JsonObject>();

  constructor(
    roots: unknown[],
    readonly locale?: string,
  ) {
    const pages: JsonObject[] = [];
    let budget = MAX_NODES;
    const index = (value: unknown, depth: number): void => {
      if (depth > MAX_DEPTH || --budget < 0) return;
      if (Array.isArray(value)) {
        for (const item of value) index(item, depth + 1);
        return;
      }
      if (!isObject(value)) return;
      const id = value['@id'];
      if (typeof id === 'string' && Object.keys(value).length > 1) {
        const known = this.byId.get(id);
        if (!known || Object.keys(known).length < Object.keys(value).length) this.byId.set(id, value);
      }
      if (typesOf(value).includes('ProfilePage')) pages.push(value);
      for (const child of Object.values(value)) if (typeof child === 'object') index(child, depth + 1);
    };
    for (const root of roots) index(root, 0);
    for (const page of pages) {
      for (const entity of asArray(page.mainEntity)) {
        const node = this.resolve(entity);
        if (node) this.mainEntities.add(node);
      }
    }
  }

  /** The node itself, or the node a bare `{"@id": …}` reference points at. */
  resolve(value: unknown): JsonObject | undefined {
    if (!isObject(value)) return undefined;
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).every((key) => key === '@id' || key === '@type')) {
      return this.byId.get(id) ?? value;
    }
    return value;
  }

  isMainEntity(node: JsonObject): boolean {
    return this.mainEntities.has(node);
  }

  /** Organisation name from a string, an Organization node or a reference to one. */
  organizationName(value: unknown): string | undefined {
    for (const item of asArray(value).slice(0, 10)) {
      if (typeof item === 'string') return textOf(item);
      const node = this.resolve(item);
      const name = node ? (textOf(node.name) ?? textOf(node.legalName)) : undefined;
      if (name) return name;
    }
    return undefined;
  }

  /** "Austin, TX, US" from a PostalAddress (locality, region, country), or an address written as text. */
  location(value: unknown): string | undefined {
    for (const item of asArray(value).slice(0, 5)) {
      if (typeof item === 'string') return textOf(item);
      const node = this.resolve(item);
      if (!node) continue;
      const country = this.resolve(node.addressCountry);
      const parts = [
        textOf(node.addressLocality),
        textOf(node.addressRegion),
        countryLabel(textOf(country ? (country.name ?? country['@value']) : node.addressCountry), this.locale),
      ].filter((part): part is string => Boolean(part));
      if (parts.length) return parts.join(', ');
    }
    return undefined;
  }

  /** A job title given as text, as a list, or as a DefinedTerm / Occupation with a name. */
  jobTitle(value: unknown): string | undefined {
    for (const item of asArray(value).slice(0, 5)) {
      const text = typeof item === 'string' ? textOf(item) : textOf(this.resolve(item)?.name);
      if (text) return text;
    }
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// People

/** People (and reachable organisations) described by the page's JSON-LD, most certain first. */
export function extractJsonLd(doc: Document, url: URL): WebDraft[] {
  try {
    return readJsonLd(doc, url);
  } catch (error) {
    console.warn('Leadline: could not read the structured data on this page', error);
    return [];
  }
}

function readBlocks(doc: Document): unknown[] {
  const roots: unknown[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^\s*application\/ld\+json\b/i.test(script.getAttribute('type') ?? '')) continue;
    const parsed = parseJsonLdBlock(script.textContent ?? '');
    if (parsed !== undefined) roots.push(parsed);
    if (roots.length >= MAX_BLOCKS || overBudget()) break;
  }
  return roots;
}

function readJsonLd(doc: Document, url: URL): WebDraft[] {
  const roots = readBlocks(doc);
  if (!roots.length) return [];
  const graph = new LdGraph(roots, readerLocale(doc));
  const drafts: WebDraft[] = [];
  const seen = new Set<JsonObject>();
  let visits = 0;
  const push = (draft: WebDraft | undefined) => {
    if (draft) drafts.push(draft);
  };

  const person = (node: JsonObject, employer: string | undefined) => {
    const name = textOf(node.name);
    const given = textOf(node.givenName);
    const family = textOf(node.familyName);
    const title = graph.jobTitle(node.jobTitle) ?? graph.jobTitle(node.hasOccupation);
    const company = graph.organizationName(node.worksFor) ?? graph.organizationName(node.affiliation) ?? employer;
    const email = emailFromHref(textOf(node.email) ?? '');
    const links = linkFields([...urlsOf(node.url), ...urlsOf(node.sameAs)], url);
    const isMainEntity = graph.isMainEntity(node);
    const confidence = (draft: PersonFields) => {
      const { named, detailed } = describesPerson(draft);
      if (!named) return 0.6;
      return isMainEntity ? 0.95 : detailed ? 0.9 : 0.8;
    };
    push(
      webDraft(
        {
          fullName: name,
          firstName: given,
          lastName: family,
          title,
          company,
          email,
          phone: phoneFrom(textOf(node.telephone)),
          location: graph.location(node.address),
          ...links,
        },
        url,
        confidence,
      ),
    );
  };

  /**
   * A named contact point is a person at the organisation. An unnamed one (or one named after a
   * department) is the organisation itself: kept only with an address, since a draft must have a
   * name, an email or a profile, and it ranks low.
   */
  const organization = (node: JsonObject) => {
    const company = textOf(node.name) ?? textOf(node.legalName);
    const website = linkFields(urlsOf(node.url), url).website;
    const location = graph.location(node.address);
    const orgEmail = emailFromHref(textOf(node.email) ?? '');
    const orgPhone = phoneFrom(textOf(node.telephone));
    let contacts = 0;
    for (const raw of [...asArray(node.contactPoint), ...asArray(node.contactPoints)].slice(0, 20)) {
      const point = graph.resolve(raw);
      if (!point || typesOf(point).includes('Person')) continue;
      const name = textOf(point.name);
      const email = emailFromHref(textOf(point.email) ?? '');
      const phone = phoneFrom(textOf(point.telephone));
      if (name && looksLikePersonName(name)) {
        contacts++;
        push(
          webDraft(
            {
              fullName: name,
              title: graph.jobTitle(point.jobTitle),
              company,
              email,
              phone,
              ...linkFields([...urlsOf(point.url), ...urlsOf(point.sameAs)], url),
            },
            url,
            0.8,
          ),
        );
      } else if ((email || phone) && (email ?? orgEmail)) {
        contacts++;
        push(webDraft({ company, email: email ?? orgEmail, phone, location, website }, url, 0.4));
      }
    }
    if (!contacts && orgEmail) push(webDraft({ company, email: orgEmail, phone: orgPhone, location, website }, url, 0.35));
  };

  const visit = (value: unknown, employer: string | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || ++visits > MAX_NODES || overBudget()) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 500)) visit(item, employer, depth + 1);
      return;
    }
    const node = graph.resolve(value);
    if (!node || seen.has(node)) return;
    seen.add(node);
    const types = typesOf(node);
    const isPerson = types.includes('Person');
    const isOrganization =
      !isPerson && (types.some((t) => ORGANIZATION_TYPE.test(t)) || node.contactPoint !== undefined);
    if (isPerson) person(node, employer);
    if (isOrganization) organization(node);
    const orgName = isOrganization ? (textOf(node.name) ?? textOf(node.legalName)) : undefined;
    // In the order the block lists them, so drafts of equal confidence keep the page's order.
    for (const [key, child] of Object.entries(node)) {
      if (NESTED_KEYS.has(key)) visit(child, WORKS_THERE_KEYS.has(key) ? orgName : undefined, depth + 1);
    }
  };

  for (const root of roots) visit(root, undefined, 0);
  return mergeSamePeople(rankDrafts(drafts));
}
