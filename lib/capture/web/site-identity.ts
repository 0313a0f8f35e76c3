import { readText } from './page-text';
import { cleanLine } from '@/lib/model/text';

/**
 * Whose site a page is: the organisation's name (its logo's alt text, og:site_name or the part of
 * the page title that spells its domain, lengthened by a heading that adds the legal form, as in
 * "Alpenblick Hotels & Resorts GmbH"), the page's language and a postal address it shows. On a
 * team, contact or imprint page these describe the people listed there: their employer, the
 * country their national phone numbers are dialled in.
 */

export type SiteIdentity = { organization?: string; lang?: string; address?: string };

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

const GENERIC = /^(?:home|logo|homepage|startseite|accueil|inicio|site logo|company logo)$/i;
const LEGAL_FORM = /\b(?:GmbH|AG|KG|Inc\.?|LLC|Ltd\.?|Limited|S\.?A\.?S?|S\.?r\.?l\.?|S\.?p\.?A\.?|B\.?V\.?|N\.?V\.?|SARL|SAS|SE|plc|Oy|AB|AS|ApS|Pty|Ltda\.?|S\.?L\.?|Co\.?)(?:\s|$|,)/;

/** The label of the site's domain a company is named after: "www.alpenblick-hotels.at" → "alpenblickhotels". */
function domainRoot(host: string): string {
  const labels = host.toLowerCase().replace(/^www\./, '').split('.');
  labels.pop();
  if (labels.length >= 2 && ['co', 'com', 'org', 'net', 'ac'].includes(labels[labels.length - 1] ?? '')) labels.pop();
  return squash(labels[labels.length - 1] ?? '');
}

function logoText(doc: Document, url: URL): string | undefined {
  const homes = doc.querySelectorAll(`a[href="/"], a[href="${url.origin}/"], a[href="${url.origin}"], [class*="logo" i]`);
  for (let i = 0; i < homes.length && i < 10; i++) {
    const home = homes[i];
    if (!home) continue;
    const img = home.matches('img') ? home : home.querySelector('img[alt]');
    const alt = cleanLine(img?.getAttribute('alt') ?? '');
    if (alt && alt.length <= 60 && !GENERIC.test(alt)) return alt;
  }
  return undefined;
}

function organization(doc: Document, url: URL): string | undefined {
  const root = domainRoot(url.hostname);
  const spellsDomain = (name: string) => {
    const s = squash(name);
    return root.length >= 4 && s.length >= 4 && (s.includes(root) || root.includes(s));
  };
  const titleParts = cleanLine(doc.title)
    .split(/\s+[|–—·-]\s+/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 2 && part.length <= 60);
  const candidates = [
    logoText(doc, url),
    cleanLine(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '') || undefined,
    ...titleParts,
  ].filter((c): c is string => Boolean(c));
  const name = candidates.find(spellsDomain) ?? (candidates[0] && candidates[0] === logoText(doc, url) ? candidates[0] : undefined);
  if (!name) return undefined;
  // "Alpenblick Hotels & Resorts" shown as a heading with its legal form: the full name.
  const headings = doc.querySelectorAll('h1, h2, h3, h4');
  for (let i = 0; i < headings.length && i < 60; i++) {
    const text = readText(headings[i], 100);
    if (text.startsWith(name) && text.length > name.length && LEGAL_FORM.test(text.slice(name.length))) return text;
  }
  return name;
}

const ADDRESS_LINE = /(?:^|,\s*|\s)(?:\d{4,5}\s+\p{Lu}[\p{L}.' -]{1,30}|[A-Z]{2}\s+\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})(?:,|$|\s)/u;

/** The first lines on the page that hold a postcode with a city ("Denver, CO 80216", "80331 München"). */
function address(doc: Document): string | undefined {
  const blocks = doc.querySelectorAll('address, p, li');
  for (let i = 0; i < blocks.length && i < 800; i++) {
    const block = blocks[i];
    if (!block || block.firstElementChild?.matches('p, div, li, address')) continue;
    const text = readText(block, 300);
    if (text.length <= 200 && ADDRESS_LINE.test(text)) return text;
  }
  return undefined;
}

/** The site's organisation, language and postal address; each read once, when first asked for. */
export function siteIdentity(doc: Document, url: URL): SiteIdentity {
  let org: string | undefined | null = null;
  let where: string | undefined | null = null;
  return {
    lang: doc.documentElement.getAttribute('lang')?.trim() || undefined,
    get organization() {
      if (org === null) org = organization(doc, url);
      return org;
    },
    get address() {
      if (where === null) where = address(doc);
      return where;
    },
  };
}
