import { phonesIn } from '@/lib/capture/contact-text';
import { overBudget } from '@/lib/capture/budget';
import { isRoleTitle, isTitleLike } from '@/lib/capture/vocabulary';
import { cleanPersonName } from '@/lib/model/names';
import { cleanLine } from '@/lib/model/text';
import { emailFromHref, linkFields, phoneFrom, rankDrafts, webDraft, type PersonFields, type WebDraft } from './draft';
import { readText } from './page-text';
import { looksLikePersonName } from './person-text';
import { siteIdentity, type SiteIdentity } from './site-identity';

/**
 * People a page shows as plain text, without structured data: a speaker grid, a team or
 * leadership page, a contact page ("<strong>Derek Foster</strong>, Sales Manager"), an author box.
 * A card is the largest block around a person's name that holds no one else's; in it, the lines
 * after the name are read by what their classes say (title, role, company), by their words (a job
 * title in one of many languages, "Title at Company", "X is VP Sales at Acme") and by their links
 * (mailto, tel, LinkedIn). A named card counts only with a role or contact data. On the
 * organisation's own team or contact page, its cards' company is the organisation.
 */

const NAME_PLACES = 'h2, h3, h4, h5, h6, [class*="name" i], strong, b, dt';
const NOT_CONTENT_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'FORM', 'SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON', 'SELECT']);
const NOT_CONTENT_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'dialog']);
const COMMENT_CLASS = /(?:^|[\s_-])comments?(?:[\s_-]|$)|commentlist/i;
const MAX_ANCESTORS = 40;

/**
 * Whether an element sits in the page's chrome (navigation, header, footer, a form), a hidden part
 * or the comments. A walk up a bounded number of ancestors with plain attribute checks: cheaper
 * than `closest()` with a long selector, on pages nested thousands of levels deep.
 */
function outsideContent(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < MAX_ANCESTORS; depth++, node = node.parentElement) {
    if (NOT_CONTENT_TAGS.has(node.tagName) || node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const role = node.getAttribute('role');
    if (role && NOT_CONTENT_ROLES.has(role)) return true;
    const cls = node.getAttribute('class');
    if ((cls && COMMENT_CLASS.test(cls)) || node.id === 'comments') return true;
  }
  return false;
}
const MAX_NAME_PLACES = 3000;
const MAX_CARDS = 100;
const MAX_CARD_DEPTH = 5;
const MAX_LINES = 14;

const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DT', 'DD', 'DL', 'TR', 'TD', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ADDRESS', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'TABLE']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'IMG', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT']);
const HIDDEN_CLASSES = ['sr-only', 'visually-hidden', 'screen-reader-text'];

type Role = 'title' | 'company' | 'bio' | undefined;
const TITLE_CLASS = /^(?:(?:sub)?title|role|position|job|jobtitle|function|funktion|poste|cargo)$/i;
const COMPANY_CLASS = /^(?:company|org|organi[sz]ation|employer|firma|entreprise|empresa)$/i;
const BIO_CLASS = /^(?:bio|biography|description|about|excerpt|summary)$/i;
const LABEL_CLASS = /^(?:label|eyebrow|kicker|tag|category|talk|session)$/i;

function roleOfClass(el: Element): Role | 'label' {
  for (const token of Array.from(el.classList)) {
    if (/^position-(?:relative|absolute|fixed|sticky|static)$/.test(token)) continue;
    // "speaker-card__title", "leader__title", "contact-card__role": the last word of a BEM name says it.
    const words = token.split(/[-_]+/);
    const last = words[words.length - 1] ?? '';
    if (TITLE_CLASS.test(last)) return 'title';
    if (COMPANY_CLASS.test(last)) return 'company';
    if (BIO_CLASS.test(last)) return 'bio';
    if (LABEL_CLASS.test(last)) return 'label';
  }
  return undefined;
}

type Line = { text: string; role: Role | 'label'; hasName: boolean };

/** The card's text as lines (a break at each block and <br>), each with the role its element's classes give it. */
function cardLines(card: Element, nameEl: Element): Line[] {
  const lines: Line[] = [];
  let current: Line = { text: '', role: undefined, hasName: false };
  let nodes = 0;
  const flush = () => {
    const text = cleanLine(current.text);
    if (text) lines.push({ ...current, text });
    current = { text: '', role: undefined, hasName: false };
  };
  const walk = (node: Node, role: Role | 'label', inName: boolean): void => {
    for (let child = node.firstChild; child && nodes < 2000 && lines.length < MAX_LINES; child = child.nextSibling) {
      nodes++;
      if (child.nodeType === 3) {
        if (!child.nodeValue?.trim()) continue;
        current.text += child.nodeValue;
        current.role ??= role;
        if (inName) current.hasName = true;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (SKIPPED.has(el.tagName) || el.hasAttribute('hidden') || HIDDEN_CLASSES.some((c) => el.classList.contains(c))) continue;
      if (el.tagName === 'BR') {
        flush();
        continue;
      }
      const block = BLOCKS.has(el.tagName);
      if (block) flush();
      walk(el, roleOfClass(el) ?? role, inName || el === nameEl);
      if (block) flush();
    }
  };
  walk(card, roleOfClass(card), card === nameEl);
  flush();
  return lines;
}

// "Head of Growth at Initech", "Responsable Achats chez Verlaine", "VP Engineering @ Helix".
const AT = /^(.{2,80}?)\s+(?:at|chez|bei|en|em|bij|presso|@)\s+(\p{Lu}.{0,80})$/u;
// "Tasha Greene is VP Revenue Operations at Cloudhaven, where she…"
const BIO_ROLE = /\b(?:is|was named|serves as|est|ist|es|é)\s+(?:the\s+|a\s+|an\s+|la\s+|le\s+|der\s+|die\s+)?([^,.;]{2,70}?)\s+(?:at|of|chez|bei|en|em)\s+(\p{Lu}[^,.;:]{1,60})/u;
const QUOTED = /^[“"„«‘']/;

function splitAt(title: string): { title: string; company?: string } {
  const at = AT.exec(title);
  return at?.[1] && at[2] && isTitleLike(at[1]) ? { title: at[1].trim(), company: at[2].trim() } : { title };
}

type Card = { fields: PersonFields; ownCompany: boolean; contact: boolean };

function readCard(card: Element, nameEl: Element, fullName: string, pageUrl: URL): Card | undefined {
  const lines = cardLines(card, nameEl);
  const nameAt = lines.findIndex((line) => line.hasName);
  const after = lines.slice(nameAt + 1);
  let title: string | undefined;
  let company: string | undefined;

  const labelled = (role: Role) => after.find((line) => line.role === role && line.text.length <= 150)?.text;
  const labelledTitle = labelled('title');
  const labelledCompany = labelled('company');
  if (labelledTitle) ({ title, company } = splitAt(labelledTitle));
  if (labelledCompany) company = labelledCompany;
  // "Host & moderator" over "Editor-in-chief, SaaS Weekly": the job is in the company line.
  const roleAndCompany = labelledCompany ? /^(.{2,60}?),\s+(\p{Lu}.{1,60})$/u.exec(labelledCompany) : null;
  if (roleAndCompany?.[1] && roleAndCompany[2] && isRoleTitle(roleAndCompany[1]) && !(title && isRoleTitle(title))) {
    title = roleAndCompany[1];
    company = roleAndCompany[2];
  }

  // "Derek Foster, Sales Manager": the role on the name's own line.
  const nameLine = lines[nameAt]?.text ?? '';
  const rest = nameLine.slice(nameLine.indexOf(fullName) >= 0 ? nameLine.indexOf(fullName) + fullName.length : nameLine.length);
  const restRole = rest.replace(/^[\s,–—|·-]+/, '').trim();
  if (!title && restRole && restRole.length <= 80 && isTitleLike(restRole)) ({ title, company = company } = splitAt(restRole));

  if (!title) {
    for (const line of after.slice(0, 4)) {
      if (line.role === 'label' || line.role === 'bio' || line.role === 'company' || QUOTED.test(line.text)) continue;
      if (line.text.length > 80 || /[.!?]$/.test(line.text) || line.text.includes('@') || phonesIn(line.text).length) continue;
      if (isRoleTitle(line.text)) {
        ({ title, company = company } = splitAt(line.text));
        break;
      }
    }
  }
  if (!title) {
    for (const line of lines) {
      const bio = BIO_ROLE.exec(line.text);
      if (bio?.[1] && bio[2] && isRoleTitle(bio[1])) {
        title = bio[1].trim();
        company ??= bio[2].trim();
        break;
      }
    }
  }

  // Contact data in the card: its mailto, tel and LinkedIn links, and numbers written out ("Ligne directe : 01 44 …").
  const fields: PersonFields = { fullName, title, company };
  const mail = card.querySelector('a[href^="mailto:" i]');
  fields.email = mail ? emailFromHref(mail.getAttribute('href') ?? '') : undefined;
  let preferred: string | undefined;
  let any: string | undefined;
  for (const line of after) {
    for (const found of phonesIn(line.text)) {
      if (found.preferred) preferred ??= found.phone;
      if (found.labelled) any ??= found.phone;
    }
  }
  const tels = card.querySelectorAll('a[href^="tel:" i]');
  for (let i = 0; i < tels.length && i < 6 && !preferred; i++) any ??= phoneFrom(tels[i]?.getAttribute('href') ?? undefined);
  fields.phone = preferred ?? any;
  const links = Array.from(card.querySelectorAll('a[href*="linkedin.com/in/" i]'))
    .slice(0, 5)
    .map((a) => a.getAttribute('href') ?? '');
  fields.profileUrl = linkFields(links, pageUrl).profileUrl;

  const contact = Boolean(fields.email || fields.phone || fields.profileUrl);
  if (!fields.title && !contact) return undefined;
  return { fields, ownCompany: Boolean(company), contact };
}

function nameOf(el: Element): string | undefined {
  const text = readText(el, 120);
  if (!text || text.length > 90) return undefined;
  const name = cleanPersonName(text);
  return looksLikePersonName(name) ? name : undefined;
}

/** How many of the names each block holds, for the blocks up to MAX_CARD_DEPTH above each name. */
function namesPerBlock(names: Iterable<Element>): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const name of names) {
    let node = name.parentElement;
    for (let depth = 0; node && depth < MAX_CARD_DEPTH; depth++, node = node.parentElement) {
      counts.set(node, (counts.get(node) ?? 0) + 1);
    }
  }
  return counts;
}

/** The largest block around `nameEl` that holds no other person's name and no heading of its own. */
function cardOf(nameEl: Element, counts: ReadonlyMap<Element, number>): Element {
  let card: Element = nameEl;
  for (let depth = 0; depth < MAX_CARD_DEPTH; depth++) {
    const parent: Element | null = card.parentElement;
    if (!parent || parent.matches('body, main, html') || (counts.get(parent) ?? 0) > 1) break;
    const headings = parent.querySelectorAll('h1, h2, h3, h4, h5, h6');
    if (Array.from(headings).some((h) => !h.contains(nameEl) && !nameEl.contains(h) && !card.contains(h))) break;
    card = parent;
  }
  return card;
}

// Pages that present people (a team, leadership or speakers page): there a name with a role is a
// prospect; elsewhere (an attendee list, a directory) only a name with contact data is.
const PEOPLE_PAGE_PATH =
  /(?:^|[/_.-])(?:team|teams|leadership|management|about|about-us|company|people|our-people|staff|board|founders|speakers?|contact|contact-us|kontakt|impressum|equipe|notre-equipe|equipo|nosotros|unternehmen|ueber-uns|uber-uns|chi-siamo|experts)(?:[/_.-]|$)/i;
const PEOPLE_PAGE_HEADING =
  /\b(?:team|leadership|speakers|management|board|our people|contact|kontakt|équipe|equipo|ansprechpartner|unser team|direction|dirección)\b/i;
// A team or contact page is the organisation's own; a speakers page lists other companies' people.
const OWN_PAGE_PATH = /(?:^|[/_.-])(?:team|teams|leadership|management|about|about-us|company|people|our-people|staff|board|founders|contact|contact-us|kontakt|equipe|notre-equipe|equipo|nosotros|unternehmen|ueber-uns|uber-uns|chi-siamo)(?:[/_.-]|$)/i;
// "More speakers on this track", "Related", "Weitere Personen": other people than the page is about.
const RELATED = /^(?:more|other|related|similar|you may|see also|people also|weitere|autres|otros|altri)\b/i;

/** What the page says it is: its title and main heading. */
function pageHeadings(doc: Document): string {
  return [doc.title, ...Array.from(doc.querySelectorAll('h1')).slice(0, 3).map((h) => readText(h, 80))].join(' | ');
}

function inRelatedSection(el: Element): boolean {
  const section = el.closest('section, aside, [class*="related" i], [class*="similar" i], [class*="recommend" i]');
  if (!section) return false;
  if (/related|similar|recommend/i.test(section.className)) return true;
  return RELATED.test(readText(section.querySelector('h2, h3, h4'), 80));
}

/** People shown as plain text on a page (no structured data needed), most certain first. */
export function extractPeopleCards(doc: Document, url: URL): WebDraft[] {
  try {
    return readCards(doc, url);
  } catch (error) {
    console.warn('Leadline: could not read the people on this page', error);
    return [];
  }
}

function readCards(doc: Document, url: URL): WebDraft[] {
  const found = new Map<Element, string>();
  let last: Element | undefined;
  const places = (doc.body ?? doc.documentElement).querySelectorAll(NAME_PLACES);
  for (let i = 0; i < places.length && i < MAX_NAME_PLACES; i++) {
    const el = places[i];
    if (!el) continue;
    const name = nameOf(el);
    if (!name || outsideContent(el)) continue;
    // The innermost element that holds the name: "<p class=name><a>Jane Doe</a></p>" is one name.
    // Elements come in document order, so an outer one is always the one just before.
    if (last && last.contains(el)) found.delete(last);
    found.set(el, name);
    last = el;
  }
  if (found.size === 0) return [];
  const counts = namesPerBlock(found.keys());
  const cards: Card[] = [];
  const seen = new Set<Element>();
  for (const [el, name] of found) {
    if (cards.length >= MAX_CARDS || overBudget()) break;
    if (inRelatedSection(el)) continue;
    const card = cardOf(el, counts);
    if (seen.has(card)) continue;
    seen.add(card);
    const read = readCard(card, el, name, url);
    if (read) cards.push(read);
  }
  if (cards.length === 0) return [];

  let site: SiteIdentity | undefined;
  const identity = () => (site ??= siteIdentity(doc, url));
  const headings = pageHeadings(doc);
  const presentsPeople = PEOPLE_PAGE_PATH.test(url.pathname) || PEOPLE_PAGE_HEADING.test(headings);
  // On a team or contact page no card names its own company: theirs is the site's.
  const ownPage = (OWN_PAGE_PATH.test(url.pathname) || PEOPLE_PAGE_HEADING.test(headings)) && cards.every((card) => !card.ownCompany);
  const drafts: WebDraft[] = [];
  for (const card of cards) {
    if (!card.contact && !presentsPeople) continue;
    if (ownPage) card.fields.company ??= identity().organization;
    const draft = webDraft(card.fields, url, (fields) => (fields.title ? (fields.email ? 0.75 : fields.phone || fields.profileUrl ? 0.7 : 0.65) : 0.6));
    if (!draft) continue;
    // The page's postal address only matters for a national number, whose country it may tell.
    const { lang } = identity();
    const address = draft.phone && !draft.phone.startsWith('+') ? identity().address : undefined;
    draft.hints = {
      ...(lang ? { lang } : {}),
      ...(address ? { address } : {}),
      ...(ownPage ? { siteHost: url.hostname } : {}),
    };
    drafts.push(draft);
  }
  return rankDrafts(drafts);
}
