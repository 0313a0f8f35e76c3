import { TITLE_WORDS as SHARED_TITLE_WORDS } from '@/lib/capture/vocabulary';
import { NAME_PARTICLES, cleanPersonName, isHonorific } from '@/lib/model/names';
import { cleanLine } from '@/lib/model/text';

/** Whether a line of a web page is a person's name, a job title, or "Title at Company". */

// Spanish and Portuguese joiners count as particles inside a name on a web page ("Juan y Pérez").
const PARTICLES = new Set([...NAME_PARTICLES, 'los', 'las', 'y', 'e']);

// The shared title words plus what only marks a title on a web page's card ("Head of Content & Brand").
const TITLE_WORDS = new Set([
  ...SHARED_TITLE_WORDS, 'writer', 'service', 'services', 'relations', 'creative', 'digital', 'content', 'brand',
  'communications', 'platform', 'staff', 'team', 'data', 'security', 'of', 'and', '&',
]);

const NOT_NAME_WORDS = new Set([
  'inc', 'llc', 'ltd', 'limited', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'plc', 'corp', 'corporation', 'co',
  'company', 'group', 'holdings', 'labs', 'technologies', 'technology', 'solutions', 'software', 'systems',
  'consulting', 'ventures', 'capital', 'studio', 'studios', 'agency', 'media', 'networks', 'industries',
  'university', 'college', 'institute', 'foundation', 'bank', 'association', 'conference', 'summit', 'our', 'the',
  'contact', 'us', 'about', 'home', 'blog', 'news', 'menu', 'search', 'email', 'mail', 'phone', 'call', 'write',
  'send', 'get', 'in', 'touch', 'click', 'here', 'more', 'read', 'view', 'profile', 'website', 'linkedin', 'follow',
  'privacy', 'policy', 'terms', 'cookie', 'cookies', 'accept', 'settings', 'speakers', 'attendees', 'sponsors',
  'meet', 'join', 'book', 'demo', 'request', 'sign', 'up', 'log', 'me', 'my', 'your', 'hello', 'hi', 'welcome',
  'member', 'members', 'directory', 'list', 'listing', 'leadership', 'management', 'advisors', 'partners', 'customers',
  'clients', 'investors', 'careers', 'jobs', 'events', 'resources', 'products', 'pricing', 'features', 'faq',
  ...TITLE_WORDS,
]);

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|[dDlLoO]['’]\p{Lu}[\p{L}\p{M}'’-]*)$/u;
const NOT_IN_A_NAME = /[\d@/\\:;!?()[\]{}<>|_=+*#$%&"“”]/;

const bareWord = (token: string) => token.replace(/[.,]/g, '').toLowerCase();

/**
 * Whether a line reads as a person's name: two to four capitalised words, allowing accents,
 * hyphens, apostrophes, initials and particles ("Jan van der Berg"), an honorific in front and
 * credentials after a comma. All-caps words are refused: they are acronyms far more often than names.
 */
export function looksLikePersonName(raw: string): boolean {
  const text = cleanPersonName(cleanLine(raw));
  if (!text || text.length > 70 || NOT_IN_A_NAME.test(text)) return false;
  const [main = '', ...after] = text.split(',');
  if (after.some((part) => !/^\s*[\p{Lu}.]{2,8}\s*$/u.test(part))) return false;
  const tokens = main.split(' ').filter(Boolean);
  if (tokens.length > 1 && isHonorific(tokens[0] ?? '')) tokens.shift();
  let words = 0;
  for (const [i, token] of tokens.entries()) {
    if (PARTICLES.has(token) && i > 0 && i < tokens.length - 1) continue;
    if (!NAME_WORD.test(token) || NOT_NAME_WORDS.has(bareWord(token))) return false;
    if (token.length > 2 && token === token.toUpperCase()) return false;
    words++;
  }
  return words >= 2 && words <= 4 && tokens.length <= 7;
}

const hasTitleWord = (text: string) => text.split(/[\s,/]+/).some((w) => TITLE_WORDS.has(bareWord(w)));
const onlyTitleWords = (text: string) =>
  text
    .split(/[\s,/]+/)
    .filter(Boolean)
    .every((w) => TITLE_WORDS.has(bareWord(w)));

const AT_COMPANY = /^(.+?)\s+(?:at|@|chez|bei)\s+(.+)$/i;
const SEPARATED = /^(.+?)\s+[|·•–—-]\s+(.+)$/;
const startsLikeAName = (text: string) => /^[\p{Lu}\d]/u.test(text);

/** "Head of Growth at Initech" → title and company; undefined without an "at". */
export function splitTitleAtCompany(raw: string): { title: string; company: string } | undefined {
  const at = AT_COMPANY.exec(cleanLine(raw));
  return at?.[1] && at[2] && startsLikeAName(at[2]) ? { title: at[1], company: at[2] } : undefined;
}

/**
 * "VP Marketing at Initech", "VP Marketing | Initech", "VP Marketing, Initech" → title and company.
 * A comma only splits when the part after it is not itself part of the title: "Director, Product
 * Marketing" stays one title. A line with a title word and no separator is a title alone; anything
 * else is left undecided ({}).
 */
export function splitTitleAndCompany(raw: string): { title?: string; company?: string } {
  const line = cleanLine(raw);
  if (!line || line.length > 160) return {};
  const at = splitTitleAtCompany(line);
  if (at) return at;
  const separated = SEPARATED.exec(line);
  if (separated?.[1] && separated[2] && hasTitleWord(separated[1])) return { title: separated[1], company: separated[2] };
  const comma = line.lastIndexOf(', ');
  if (comma > 0) {
    const before = line.slice(0, comma);
    const after = line.slice(comma + 2);
    if (hasTitleWord(before) && !onlyTitleWords(after) && startsLikeAName(after)) return { title: before, company: after };
  }
  return hasTitleWord(line) ? { title: line } : {};
}

