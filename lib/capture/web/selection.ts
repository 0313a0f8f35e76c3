import { cleanLine } from '@/lib/model/text';
import { digitCount } from '@/lib/capture/vocabulary';
import { cleanPersonName } from '@/lib/model/names';
import { linkedInProfileKeyFromUrl } from '@/lib/model/page-urls';
import { describesPerson, emailFromHref, webDraft, type PersonFields, type WebDraft } from './draft';
import { looksLikePersonName, splitTitleAndCompany } from './person-text';

/**
 * Free text a rep selected on a page ("Jane Doe\nVP Marketing, Initech\njane@initech.com", or the
 * same on one line with dashes or pipes) read as one prospect. Only the first person is taken:
 * a selection is a signature or a card far more often than a list.
 */

const MAX_SELECTION = 5000;

const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const PHONE_IN_TEXT = /(?:\+\s?)?\(?\d[\d\s().\-/]{5,22}\d/;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+|\b(?:[a-z\d-]+\.)*linkedin\.com\/in\/[^\s<>"']+/i;
const BARE_DOMAIN = /^(?:[a-z\d-]+\.)+[a-z]{2,}(?:\/\S*)?$/i;
const YEAR_RANGE = /^\d{4}\s*[-–]\s*\d{4}$/;
// "Phone: …", "M: …", "LinkedIn: …": the label says what the value is.
const LABELLED = /^(name|title|position|role|company|organi[sz]ation|employer|e-?mail|phone|tel|telephone|mobile|cell|direct|office|[mtpow]|web|website|url|linkedin)\s*:\s*(.+)$/i;
// Applied to lines whose whitespace is already collapsed, so it never backtracks over long runs of spaces.
const SEPARATORS = / [|–—•·] | - /;

function phoneIn(text: string): string | undefined {
  const match = PHONE_IN_TEXT.exec(text)?.[0]?.trim();
  if (!match || YEAR_RANGE.test(match)) return undefined;
  const digits = digitCount(match);
  return digits >= 7 && digits <= 15 ? match : undefined;
}

function readUrl(raw: string, fields: PersonFields): void {
  const value = raw.replace(/[),.;]+$/, '');
  const profileUrl = linkedInProfileKeyFromUrl(value);
  if (profileUrl) fields.profileUrl ??= profileUrl;
  else if (!/linkedin\.com/i.test(value)) fields.website ??= /^https?:/i.test(value) ? value : `https://${value}`;
}

/** Takes the contact data out of a segment and returns what is left of it. */
function takeContactData(segment: string, fields: PersonFields): string {
  let rest = segment;
  const email = rest.includes('@') ? EMAIL_IN_TEXT.exec(rest)?.[0] : undefined;
  if (email) {
    fields.email ??= emailFromHref(email);
    rest = rest.replace(email, ' ');
  }
  const url = URL_IN_TEXT.exec(rest)?.[0];
  if (url) {
    readUrl(url, fields);
    rest = rest.replace(url, ' ');
  }
  const phone = phoneIn(rest);
  if (phone) {
    fields.phone ??= phone;
    rest = rest.replace(phone, ' ');
  }
  // Brackets the address or number sat in ("Jane Doe <jane@…>") are left empty; pronouns in brackets stay for the name check.
  rest = cleanLine(rest.replace(/<\s*>|\(\s*\)|\[\s*\]/g, ' ')).replace(/^[\s|·•,:;–—-]+|[\s|·•,:;–—-]+$/g, '');
  if (BARE_DOMAIN.test(rest) && !rest.includes('@')) {
    readUrl(rest, fields);
    return '';
  }
  return rest;
}

function readLabelled(label: string, value: string, fields: PersonFields): boolean {
  const key = label.toLowerCase();
  if (key === 'name') fields.fullName ??= cleanPersonName(value) || undefined;
  else if (key === 'title' || key === 'position' || key === 'role') fields.title ??= value;
  else if (key === 'company' || key.startsWith('organi') || key === 'employer') fields.company ??= value;
  else return false;
  return true;
}

function parseSelection(text: string): PersonFields {
  const fields: PersonFields = {};
  const rest: string[] = [];
  const segments = text
    .slice(0, MAX_SELECTION)
    .split(/\r\n?|\n/)
    .flatMap((line) => cleanLine(line.replace(/\t+/g, ' | ')).split(SEPARATORS))
    .map(cleanLine)
    .filter(Boolean);
  for (const segment of segments) {
    const labelled = LABELLED.exec(segment);
    if (labelled?.[1] && labelled[2] && readLabelled(labelled[1], labelled[2], fields)) continue;
    const left = takeContactData(labelled?.[2] ?? segment, fields);
    if (left && !LABELLED.test(left)) rest.push(left);
  }

  const unused: string[] = [];
  for (const segment of rest) {
    if (!fields.fullName && looksLikePersonName(segment)) {
      fields.fullName = cleanPersonName(segment);
      continue;
    }
    // "Jane Doe, VP Marketing at Initech": a name, then the rest of the line.
    const comma = segment.indexOf(', ');
    if (!fields.fullName && comma > 0 && looksLikePersonName(segment.slice(0, comma))) {
      fields.fullName = cleanPersonName(segment.slice(0, comma));
      unused.push(segment.slice(comma + 2));
      continue;
    }
    unused.push(segment);
  }

  const short = (s: string | undefined) => Boolean(s && s.length <= 80 && !/[.!?]$/.test(s));
  for (const [i, segment] of unused.entries()) {
    if (fields.title) break;
    const split = splitTitleAndCompany(segment);
    if (!split.title) continue;
    fields.title = split.title;
    if (split.company) fields.company ??= split.company;
    else {
      // "VP Marketing" on one line, "Initech" on the next (or the line before).
      const neighbour = [unused[i + 1], unused[i - 1]].find((s) => short(s) && !splitTitleAndCompany(s ?? '').title);
      if (neighbour) fields.company ??= neighbour;
    }
  }
  return fields;
}

/** The prospect in a text selection, or [] when it names no one and holds no address or profile. */
export function extractFromSelection(text: string, url: URL): WebDraft[] {
  try {
    const draft = webDraft(parseSelection(text), url, (fields) => {
      const { named, detailed } = describesPerson(fields);
      return named ? (fields.email ? 0.7 : detailed ? 0.6 : 0.5) : 0.4;
    });
    return draft ? [draft] : [];
  } catch (error) {
    console.warn('Leadline: could not read the selected text', error);
    return [];
  }
}
