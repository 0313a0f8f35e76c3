import { cleanPersonName } from '@/lib/model/names';
import { isLinkedInHost } from '@/lib/model/page-urls';
import { NON_TEXT_TAGS, isRoleTitle, isTitleLike } from '@/lib/capture/vocabulary';

/**
 * What every LinkedIn extractor reads the same way: visible text (LinkedIn doubles most text for
 * screen readers), JSON-LD, "Title at Company" headlines and LinkedIn's outbound redirect links.
 * Plain DOM and string work, so it stays small inside the LinkedIn content script.
 */

// ---------------------------------------------------------------------------------------------
// Text

const SKIPPED_TAGS = new Set([...NON_TEXT_TAGS, 'CODE', 'BUTTON']);
const HIDDEN_CLASSES = ['visually-hidden', 'a11y-text', 'sr-only'];
// Inline elements join their text without a space; any other element is a separate block of text.
const INLINE_TAGS = new Set(['SPAN', 'A', 'B', 'STRONG', 'EM', 'I', 'U', 'TIME', 'SMALL', 'MARK', 'ABBR', 'SUB', 'SUP']);
const MAX_TEXT = 2000;

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Elements whose text a sighted reader never sees: scripts, inline JSON, buttons, screen-reader copies. */
export function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName) || el.hasAttribute('hidden')) return true;
  return HIDDEN_CLASSES.some((c) => el.classList.contains(c));
}

/**
 * Text a sighted reader sees in `root`, whitespace collapsed. LinkedIn repeats most text in a
 * `.visually-hidden` span for screen readers; skipping those keeps "Acme Corp" from doubling.
 * Text only ever comes from text nodes, so markup in a name stays inert text.
 */
export function visibleText(root: Element | null | undefined): string {
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
export function ownText(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
  }
  return collapse(out);
}

/**
 * The text LinkedIn shows in `aria-hidden` spans (their twins are screen-reader copies such as
 * "View Jane Doe’s profile"), falling back to the element's visible text.
 */
export function shownText(el: Element | null | undefined): string {
  if (!el) return '';
  const shown = el.querySelector('span[aria-hidden="true"]');
  return (shown && visibleText(shown)) || visibleText(el);
}

const nameKey = (s: string) => cleanPersonName(s).normalize('NFC').toLowerCase();

export function sameName(a: string | undefined, b: string | undefined): boolean {
  return Boolean(a && b && nameKey(a) === nameKey(b));
}

// ---------------------------------------------------------------------------------------------
// Headline

export interface Position {
  title?: string;
  company?: string;
}

// "at" and its translations between a title and a company ("Responsable Achats chez Groupe Verlaine",
// "Коммерческий директор в ООО «ТрансВектор»", "مدير المبيعات في …", "VP Sales DACH @ Finora").
const CONNECTOR = /\s(?:at|chez|bei|en|em|bij|presso|på|hos|ved|в|во|في|na|no|à)\s|\s?@\s?/iu;
const ENGLISH_CONNECTOR = /^\s?(?:at|@)\s?$/i;
// A company name starts with a capital, a digit, quotes or a letter of a script without case.
const COMPANY_START = /^[\p{Lu}\p{N}«"„“'\p{Lo}]/u;

/**
 * "VP Sales at Acme | Speaker" → { title: "VP Sales", company: "Acme" }: the first part of a
 * headline, before decorations like "| Board Member" or "| Ex-Stripe". With `titleAlone`, a first
 * part that reads as a job title and names no company is a title ("Chief Revenue Officer | Ex-Stripe").
 * A slogan ("Helping teams at scale") is neither.
 */
export function positionFromHeadline(headline: string, { titleAlone = false } = {}): Position | undefined {
  const first = (headline.split(/\s[|·•]\s/)[0] ?? '').trim();
  const at = CONNECTOR.exec(first);
  if (at) {
    const title = first.slice(0, at.index).trim();
    const company = first.slice(at.index + at[0].length).trim();
    // English "at" is plain enough; a connector in another language must follow something that reads as a title.
    if (!title || !COMPANY_START.test(company) || (!ENGLISH_CONNECTOR.test(at[0]) && !isTitleLike(title))) return undefined;
    return { title, company: cleanPersonName(company) || undefined };
  }
  // "Product Lead · Payments at Mollie": the rest names the company, so the first part alone is not the whole title.
  const restNamesCompany = CONNECTOR.test(headline.slice(first.length));
  return titleAlone && !restNamesCompany && isRoleTitle(first) && first.length <= 80 ? { title: first } : undefined;
}

// ---------------------------------------------------------------------------------------------
// URLs

/** `href` resolved against the page, or undefined when it is not a valid URL. */
export function resolveHref(href: string | null | undefined, base: URL): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base);
  } catch {
    return undefined;
  }
}

/**
 * The real destination of an outbound link: LinkedIn wraps external sites in
 * `https://www.linkedin.com/redir/redirect?url=…&urlhash=…`. Returns an http(s) URL string, or
 * undefined for anything else (javascript:, mailto:, a redirect without a target).
 */
export function externalHref(href: string | null | undefined, base: URL): string | undefined {
  let url = resolveHref(href, base);
  if (url && isLinkedInHost(url) && /^\/redir\/redirect\/?$/i.test(url.pathname)) {
    url = resolveHref(url.searchParams.get('url'), base);
    if (url && isLinkedInHost(url)) return undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  return url.href;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

export type Json = Record<string, unknown>;

export const asObject = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
export const asText = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? collapse(v) : undefined;

export function isType(node: Json, type: string): boolean {
  return asList(node['@type']).includes(type);
}

/** Every JSON-LD node of `type` on the page, including those inside an `@graph`; unparsable blocks are skipped. */
export function jsonLdNodes(doc: Document, type: string): Json[] {
  const found: Json[] = [];
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
        if (obj && isType(obj, type)) found.push(obj);
      }
    }
  }
  return found;
}
