import { stripQuotedReply } from './quoted-reply';
import { cleanLine } from '@/lib/model/text';
import { COUNTRY_WORDS, TITLE_STEMS, TITLE_WORDS } from '@/lib/capture/vocabulary';
import {
  EU_POSTCODE_CITY,
  STREET_WORDS,
  UK_CITY_POSTCODE,
  US_STATE_ZIP,
  isAddress,
  phoneIn,
  phonesIn,
} from '@/lib/capture/contact-text';
import { isSuffix } from '@/lib/model/names';

/**
 * The signature block near the end of an email's new text ("Best,\nAna Souza\nVP of Sales | Acme
 * Corp\nT: +1 415 555 0142\nacme.io"): title, company, phone, website and city, read line by line
 * with small, bounded regular expressions, so it can run inside Gmail and Outlook.
 */

export type Sender = { name?: string; email?: string };
export type SignatureFields = {
  title?: string;
  company?: string;
  phone?: string;
  website?: string;
  location?: string;
  /** The signature's address and place lines, as written: where the background reads a national phone number's country. */
  address?: string;
};

// A signature sits in the last lines of the new text; nothing above them is read.
const MAX_SIGNATURE_LINES = 40;
const MAX_TAIL_CHARS = 16_000;
// Longer than any title, company or contact line: prose, a disclaimer or junk.
const MAX_FIELD_LINE = 120;

// ---------------------------------------------------------------------------------------------
// Vocabulary

const VALEDICTION =
  /^(?:best|best regards|best wishes|kind regards|kindest regards|warm regards|warmest regards|regards|many thanks|thanks|thank you|thanks again|thx|cheers|sincerely|yours sincerely|yours truly|all the best|talk soon|speak soon|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|freundliche grüsse|viele grüße|viele grüsse|beste grüße|beste grüsse|liebe grüße|herzliche grüße|mfg|vg|lg|cordialement|bien cordialement|bien à vous|salutations|meilleures salutations|saludos|un saludo|saludos cordiales|atentamente|met vriendelijke groet|groeten|cordiali saluti|distinti saluti|saluti|atenciosamente|med vänlig hälsning)\s*[,.!]?$/i;
const DASH_MARKER = /^-{2,3}$/;

// Where the signature ends: legal footers, confidentiality notices, "sent from my phone".
const FOOTER =
  /confidential|privileged|intended (?:solely )?(?:only )?for|if you (?:have )?received this|disclaimer|unsubscribe|this (?:e-?mail|message|communication) (?:and|is|may|contains|including)|vertraulich|diese (?:e-?mail|nachricht)|sitz der gesellschaft|registergericht|amtsgericht|handelsregister|ust-?id|geschäftsführ(?:er|ung):|ce (?:message|courriel)|registered (?:office|in )|company (?:no|number|registration)|please consider the environment|think before you print|sent from my|sent from (?:outlook|mail)|get outlook for|gesendet von|von meinem \S+ gesendet|envoyé de mon|enviado desde/i;

// Sales-floor titles and buying roles a signature uses beside the shared title words.
const SIGNATURE_TITLE_WORDS = new Set([...TITLE_WORDS, 'cco', 'buyer', 'sourcing', 'ae', 'sdr', 'bdr', 'gm']);
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co', 'company', 'gmbh',
  'ag', 'se', 'kg', 'ohg', 'ug', 'mbh', 'kgaa', 'sa', 'sas', 'sasu', 'sarl', 'sàrl', 'srl', 'spa', 'bv', 'nv', 'oy',
  'ab', 'as', 'asa', 'aps', 'pty', 'pte', 'kk', 'group', 'holding', 'holdings', 'gbr', 'ev', 'lda', 'ltda', 'sl', 'slu', 'spa', 'srl', 'sa de cv', 'eirl', 'ooo', 'ооо',
]);

// Networks, meeting links and mail providers: never the person's website.
const NOT_A_WEBSITE = [
  'linkedin.com', 'twitter.com', 'x.com', 'facebook.com', 'fb.com', 'instagram.com', 'youtube.com', 'youtu.be',
  'tiktok.com', 'github.com', 'gitlab.com', 'medium.com', 'xing.com', 'threads.net', 'bsky.app', 'pinterest.com',
  'calendly.com', 'cal.com', 'hubspot.com', 'zoom.us', 'teams.microsoft.com', 'aka.ms', 'bit.ly', 'goo.gl', 'google.com',
  'apple.com', 'microsoft.com', 'office.com', 'outlook.com', 'live.com', 'hotmail.com', 'gmail.com', 'googlemail.com',
  'yahoo.com', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de',
  't-online.de', 'urldefense.com', 'proofpoint.com', 'mimecast.com', 'safelinks.protection.outlook.com', 'wa.me',
  't.me', 'linktr.ee',
];
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com', 'yahoo.com',
  'yahoo.co.uk', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de',
  'gmx.net', 'gmx.com', 'web.de', 't-online.de', 'orange.fr', 'free.fr', 'laposte.net', 'wanadoo.fr', 'mail.ru',
  'yandex.ru', 'zoho.com', 'fastmail.com', 'hey.com', 'qq.com', '163.com',
]);
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'zip', 'txt', 'csv', 'ics', 'html', 'htm']);



// ---------------------------------------------------------------------------------------------
// Lines

const words = (s: string) => s.split(/[\s,/()|·•]+/).filter(Boolean);
const bareWord = (w: string) => w.replace(/[.'’:;!?]/g, '').toLowerCase();

const isTitleish = (s: string) => words(s).some((w) => SIGNATURE_TITLE_WORDS.has(bareWord(w))) || TITLE_STEMS.test(s);
const hasLegalForm = (s: string) => {
  const ws = words(s.replace(/&/g, ' ')).map(bareWord);
  const last = ws[ws.length - 1];
  return (last !== undefined && LEGAL_FORMS.has(last)) || ws.some((w) => ['gmbh', 'inc', 'llc', 'ltd', 'plc', 'corp'].includes(w));
};

/** Lower-case letters and digits only, with German umlauts spelled out the way domains spell them. */
function squash(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

/** "mail.globex.co.uk" → "globex": the label a company is named after. */
function domainRoot(domain: string): string | undefined {
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  if (labels.length < 2) return undefined;
  labels.pop();
  const second = labels[labels.length - 1];
  if (labels.length >= 2 && second && ['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc'].includes(second)) labels.pop();
  return labels[labels.length - 1];
}

export function emailDomain(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  return email && at > 0 ? email.slice(at + 1).toLowerCase() : undefined;
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain) || /^(?:yahoo|hotmail|outlook|live|gmx)\.[a-z.]+$/.test(domain);
}

function matchesDomain(text: string, root: string | undefined): boolean {
  if (!root) return false;
  const a = squash(text);
  const b = squash(root);
  return a.length >= 3 && b.length >= 3 && (a.includes(b) || (b.includes(a) && a.length >= 0.6 * b.length));
}

const EMAIL_IN_LINE = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[a-z]{2,}/i;
/** The segments of a line before its first address segment ("Acme Inc. | 200 Main St, Boston" → "Acme Inc."). */
function beforeAddress(line: string): string | undefined {
  const segments = line.split(/\s+[|·•]\s+/);
  const at = segments.findIndex((segment) => isAddress(segment));
  return at > 0 ? segments.slice(0, at).join(' | ') : undefined;
}


const isCountry = (s: string) => COUNTRY_WORDS.has(s.trim().toLowerCase());
/** "Ciudad de México", "Greater London, England": a place whose last words name a country. */
const endsWithCountry = (s: string) => {
  const ws = s.trim().toLowerCase().split(/\s+/);
  for (let n = Math.min(3, ws.length); n >= 1; n--) if (COUNTRY_WORDS.has(ws.slice(-n).join(' '))) return true;
  return false;
};

const LOCATION_LABEL = /^(?:location|based in|standort|lieu|ubicación|localização|sede)\s*:?\s+(.{2,60})$/i;

/**
 * Where the person is, from a line that is only a place: "Austin, TX", "Lyon, France", "Nairobi,
 * Kenya", "Ciudad de México", "Location: Berlin". An office's street address is where the company
 * is, not the person, so it is not read as their location (it still tells a phone number's country).
 */
function placeIn(line: string): string | undefined {
  const labelled = LOCATION_LABEL.exec(line);
  if (labelled?.[1]) return labelled[1].trim();
  if (line.length > 60 || /\d/.test(line) || STREET_WORDS.test(line)) return undefined;
  const parts = line.split(/\s*,\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 3 || parts.some((p) => !/^\p{Lu}[\p{L}\p{M}.' -]{1,40}$/u.test(p) || isTitleish(p) || hasLegalForm(p))) return undefined;
  const last = parts[parts.length - 1] ?? '';
  if (parts.length >= 2 && (/^[A-Z]{2}$/.test(last) || isCountry(last))) return line;
  return endsWithCountry(line) && !isCountry(line) ? line : undefined;
}

/** "10117 Berlin", "San Francisco, CA 94105", "London EC2A 4NE", "Austin, TX", "Lyon, France". */
function locationIn(line: string): string | undefined {
  const labelled = LOCATION_LABEL.exec(line);
  if (labelled?.[1]) return labelled[1].trim();
  const parts = line.split(/\s*[,|·•]\s*/).map((p) => p.trim()).filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const next = parts[i + 1];
    const withCountry = (city: string) => (next && isCountry(next) ? `${city}, ${next}` : city);
    const eu = EU_POSTCODE_CITY.exec(part)?.[1];
    // "1200 Congress Ave" has the shape of "10117 Berlin" too; a street word tells them apart.
    if (eu && !STREET_WORDS.test(eu)) return withCountry(eu.trim());
    const uk = UK_CITY_POSTCODE.exec(part)?.[1];
    if (uk) return withCountry(uk.trim());
    const city = parts[i - 1];
    if (US_STATE_ZIP.test(part) && city && !/\d/.test(city) && words(city).length <= 4) {
      return `${city}, ${part.slice(0, 2)}`;
    }
  }
  // A line that is only a place: "Austin, TX" or "Lyon, France".
  const [city, region, ...rest] = parts;
  if (rest.length === 0 && city && region && /^\p{Lu}[\p{L}\p{M}.' -]{1,30}$/u.test(city) && !isTitleish(city)) {
    if (/^[A-Z]{2}$/.test(region) || isCountry(region)) return `${city}, ${region}`;
  }
  return undefined;
}

type LineKind = 'marker' | 'footer' | 'email' | 'phone' | 'web' | 'address' | 'place' | 'pronouns' | 'prose' | 'text';

function urlTokens(line: string): string[] {
  const found: string[] = [];
  for (const raw of line.split(/\s+/)) {
    if (found.length >= 4) break;
    const token = raw.replace(/^[<([{"'|]+|[>)\]}"'|,.;:!?]+$/g, '');
    if (!token || token.length > 200 || token.includes('@')) continue;
    if (/^https?:\/\//i.test(token)) {
      found.push(token);
      continue;
    }
    const host = (token.split('/')[0] ?? '').toLowerCase();
    if (!/^(?:[a-z0-9-]+\.)+[a-z]{2,24}$/.test(host) || host.startsWith('-')) continue;
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (FILE_EXTENSIONS.has(tld)) continue;
    found.push(token);
  }
  return found;
}

function kindOf(line: string): LineKind {
  if (VALEDICTION.test(line) || DASH_MARKER.test(line)) return 'marker';
  if (FOOTER.test(line)) return 'footer';
  if (line.length > MAX_FIELD_LINE) return 'prose';
  if (/^\(?\s*(?:she|he|they)\s*\/\s*(?:her|him|them)\s*\)?$/i.test(line) || /^pronouns\s*:/i.test(line)) return 'pronouns';
  if (phoneIn(line)) return 'phone';
  if (EMAIL_IN_LINE.test(line)) return 'email';
  if (isAddress(line)) return 'address';
  if (urlTokens(line).length > 0) return 'web';
  if (placeIn(line)) return 'place';
  const ws = words(line);
  if (ws.length > 12 || (ws.length > 6 && /[.!?]$/.test(line) && !hasLegalForm(line) && !/\s[|·•]\s/.test(line))) return 'prose';
  return 'text';
}

// ---------------------------------------------------------------------------------------------
// The sender's name line

function nameWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((w) => w.length > 1);
}

function senderNameWords(sender: Sender): string[] {
  const name = sender.name?.includes('@') ? undefined : sender.name;
  if (name) return nameWords(name);
  const local = sender.email?.split('@')[0] ?? '';
  // "ana.souza" names the person; "asouza" or "sales" does not say where the first name ends.
  return /[._-]/.test(local) ? nameWords(local.replace(/[._-]+/g, ' ').replace(/\d+/g, ' ')) : [];
}

const NAME_SEPARATORS = /\s+[|·•–—-]\s+|,\s+/;

/** Whether `line` is the sender's name, and what follows it on the same line ("Ana Souza | VP of Sales"). */
function nameLineMatch(line: string, senderWords: string[]): { rest?: string } | undefined {
  if (senderWords.length === 0 || line.length > MAX_FIELD_LINE) return undefined;
  const covers = (text: string) => {
    const ws = nameWords(text);
    const set = new Set(ws);
    if (!senderWords.every((w) => set.has(w))) return false;
    return senderWords.length === 1 ? ws.length === 1 : ws.length <= senderWords.length + 3;
  };
  const parts = line.split(NAME_SEPARATORS);
  if (parts.length > 1 && covers(parts[0] ?? '') && !isTitleish(parts[0] ?? '')) {
    const rest = line.slice((parts[0] ?? '').length).replace(/^\s*[|·•–—,-]\s*/, '');
    // "Robert Chen, CPCU": credentials after the name say nothing about the role.
    return rest.split(/[\s,]+/).every((w) => !w || isSuffix(w)) ? {} : { rest };
  }
  return covers(line) ? {} : undefined;
}

const PERSON_LIKE = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|der|de|del|da|di|le|la|bin|al)){1,3}$/u;

function looksLikeName(line: string): boolean {
  return line.length <= 50 && PERSON_LIKE.test(line) && !isTitleish(line) && !hasLegalForm(line);
}

// ---------------------------------------------------------------------------------------------
// Title and company

type Role = { title?: string; company?: string };

const AT_COMPANY = /^(.{2,80}?)\s+(?:at|@|chez|bei)\s+(\S.{0,80})$/i;

/** Whether a line could be a company's name: short, capitalised, not a sentence. */
const plausibleName = (s: string) =>
  s.length <= 60 && words(s).length <= 6 && /^[\p{Lu}\d]/u.test(s) && !/[.!?]$/.test(s.replace(/(?:inc|ltd|co|corp|s\.a|b\.v|n\.v)\.$/i, ''));

/** One line right under the sender's name, read as title and/or company; {} when it says neither for sure. */
function roleFromLine(line: string, root: string | undefined, next: string | undefined): Role {
  const companyish = (s: string) => hasLegalForm(s) || matchesDomain(s, root);
  const at = AT_COMPANY.exec(line);
  if (at?.[1] && at[2] && isTitleish(at[1]) && /^[\p{Lu}\d]/u.test(at[2])) return { title: at[1], company: at[2] };

  // "VP of Sales | Acme Corp", "Senior Buyer – Strategic Sourcing – Globex GmbH", "Acme Corp · VP Sales".
  const pieces = line.split(/(\s+[|·•–—-]\s+)/);
  const parts = pieces.filter((_, i) => i % 2 === 0).map((p) => p.trim());
  if (parts.length >= 2 && parts.every(Boolean)) {
    const [first = '', second = ''] = parts;
    if (companyish(first) && !isTitleish(first)) {
      return isTitleish(second) && !companyish(second) ? { title: second, company: first } : { company: first };
    }
    if (!isTitleish(first)) return {};
    const c = parts.findIndex((p, i) => i > 0 && companyish(p));
    const companyAt = c > 0 ? c : parts.length === 2 && !isTitleish(second) && plausibleName(second) && !locationIn(second) ? 1 : -1;
    if (companyAt < 0) return { title: isTitleish(parts.slice(1).join(' ')) ? line : first };
    // The title keeps the separators it was written with; parts after the company (a city, a tagline) are dropped.
    return { title: pieces.slice(0, 2 * companyAt - 1).join('').trim(), company: parts[companyAt] };
  }

  const comma = line.lastIndexOf(', ');
  if (comma > 0) {
    const before = line.slice(0, comma);
    const after = line.slice(comma + 2);
    const nextIsCompany = next !== undefined && companyish(next);
    if (isTitleish(before) && (companyish(after) || (!nextIsCompany && !isTitleish(after) && plausibleName(after) && !locationIn(line)))) {
      return { title: before, company: after };
    }
  }
  if (hasLegalForm(line) || (companyish(line) && !isTitleish(line))) return { company: line };
  if (isTitleish(line)) return { title: line };
  return {};
}

function readRole(lines: string[], root: string | undefined): Role {
  const [first, second, third] = lines;
  if (!first) return {};
  const companyish = (s: string | undefined) => s !== undefined && (hasLegalForm(s) || matchesDomain(s, root));
  const role = roleFromLine(first, root, second);
  if (role.title && role.company) return role;
  if (role.title) {
    if (second && !isTitleish(second) && (companyish(second) || (plausibleName(second) && !looksLikeName(second)))) {
      return { title: role.title, company: second };
    }
    return role;
  }
  if (role.company) {
    return second && isTitleish(second) && !companyish(second) ? { title: second, company: role.company } : role;
  }
  // Neither a known title nor a company, but the classic layout Name / Title / Company says what it is.
  if (second && companyish(second) && !looksLikeName(first)) return { title: first, company: second };
  if (second && third && isTitleish(second) && companyish(third)) return { title: second, company: third };
  return {};
}

// ---------------------------------------------------------------------------------------------
// Website

function hostOf(token: string): string | undefined {
  try {
    const url = new URL(/^https?:\/\//i.test(token) ? token : `https://${token}`);
    return url.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function pickWebsite(lines: string[], domain: string | undefined): string | undefined {
  let first: string | undefined;
  for (const line of lines) {
    for (const token of urlTokens(line)) {
      const host = hostOf(token);
      if (!host || NOT_A_WEBSITE.some((h) => host === h || host.endsWith(`.${h}`))) continue;
      if (domain && !isFreeMailDomain(domain) && (host === domain || host.endsWith(`.${domain}`) || domain.endsWith(`.${host}`))) {
        return token;
      }
      first ??= token;
    }
  }
  return first;
}

// ---------------------------------------------------------------------------------------------
// Signature

function tailLines(text: string): string[] {
  const tail = text.length > MAX_TAIL_CHARS ? text.slice(-MAX_TAIL_CHARS) : text;
  const lines: string[] = [];
  for (const raw of tail.split(/\r\n?|\n/)) {
    const line = cleanLine(raw);
    if (line) lines.push(line);
  }
  return lines.slice(-MAX_SIGNATURE_LINES);
}

/** Where the signature starts: the sender's name line, found by name or right under a sign-off. */
function findNameLine(lines: string[], kinds: LineKind[], sender: Sender): { index: number; rest?: string } | undefined {
  const senderWords = senderNameWords(sender);
  for (let i = lines.length - 1; i >= 0; i--) {
    // An address line ("ana.souza@acme.io", "acme.io/ana") can spell the name too; the name line is plain text.
    if (kinds[i] !== 'text' && kinds[i] !== 'place' && kinds[i] !== 'phone') continue;
    const match = nameLineMatch(lines[i] ?? '', senderWords);
    if (match) return { index: i, rest: match.rest };
  }
  const firstName = senderWords[0];
  for (let m = lines.length - 1; m >= 0; m--) {
    if (kinds[m] !== 'marker') continue;
    const after = lines[m + 1];
    if (after === undefined) continue;
    if (looksLikeName(after)) return { index: m + 1 };
    // "Best,\nAna\nAna Souza" or "Best,\nAna\nVP Sales | Acme".
    if (firstName && nameWords(after).join(' ') === firstName) {
      const following = lines[m + 2];
      return following !== undefined && looksLikeName(following) ? { index: m + 2 } : { index: m + 1 };
    }
  }
  return undefined;
}

/**
 * The contact details in the signature of one message: title and company from the lines right
 * under the sender's name, a phone number (mobile or direct first) as written, a website (the
 * sender's own domain first), and a city from an address line. A field stays undefined when the
 * signature does not say it plainly; disclaimers and address lines are never a title.
 */
export function parseSignature(bodyText: string, sender: Sender): SignatureFields {
  try {
    return readSignature(bodyText, sender);
  } catch (error) {
    console.warn('Leadline: could not read an email signature', error);
    return {};
  }
}

function readSignature(bodyText: string, sender: Sender): SignatureFields {
  const lines = tailLines(stripQuotedReply(bodyText));
  if (lines.length === 0) return {};
  const kinds = lines.map(kindOf);
  const domain = emailDomain(sender.email);
  const root = domain && !isFreeMailDomain(domain) ? domainRoot(domain) : undefined;

  const nameLine = findNameLine(lines, kinds, sender);
  let start: number;
  if (nameLine) start = nameLine.index;
  else {
    const marker = kinds.lastIndexOf('marker');
    // Without a sign-off or the sender's name, only clearly labelled lines at the very end are trusted.
    start = marker >= 0 ? marker + 1 : Math.max(0, lines.length - 6);
  }
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (kinds[i] === 'footer') {
      end = i;
      break;
    }
  }
  const block = lines.slice(start, end);
  const blockKinds = kinds.slice(start, end);
  const fields: SignatureFields = {};

  if (nameLine) {
    const roleLines: string[] = [];
    if (nameLine.rest) roleLines.push(nameLine.rest);
    for (let i = 1; i < block.length && roleLines.length < 3; i++) {
      const kind = blockKinds[i];
      if (kind === 'pronouns') continue;
      if (kind === 'address') {
        // "Lumina Group S.p.A. · Via Tortona 27, 20144 Milano": the company, then its address.
        const before = beforeAddress(block[i] ?? '');
        if (before) roleLines.push(before);
        break;
      }
      if (kind !== 'text') break;
      roleLines.push(block[i] ?? '');
    }
    const role = readRole(roleLines, root);
    if (role.title) fields.title = role.title;
    if (role.company) fields.company = role.company;
  }

  let preferredPhone: string | undefined;
  let anyPhone: string | undefined;
  for (const [i, line] of block.entries()) {
    if (blockKinds[i] === 'prose') continue;
    for (const found of phonesIn(line)) {
      // Without a name line, an unlabelled number could be anything; a labelled one still says what it is.
      if (!nameLine && !found.labelled) continue;
      if (found.preferred) preferredPhone ??= found.phone;
      anyPhone ??= found.phone;
    }
  }
  const phone = preferredPhone ?? anyPhone;
  if (phone) fields.phone = phone;

  const webLines = block.filter((_, i) => blockKinds[i] !== 'prose' && blockKinds[i] !== 'email');
  const website = pickWebsite(webLines, domain);
  if (website && (nameLine || (domain && hostOf(website)?.endsWith(domain)))) fields.website = website;

  if (nameLine) {
    const places: string[] = [];
    for (const [i, line] of block.entries()) {
      const kind = blockKinds[i];
      if (kind === 'address' || kind === 'place') places.push(line);
      if (kind === 'address' && /\d/.test(line)) continue;
      const location = kind === 'place' || kind === 'text' ? placeIn(line) : undefined;
      if (location && (kind === 'place' || LOCATION_LABEL.test(line))) fields.location ??= location;
    }
    if (places.length) fields.address = places.join('\n').slice(0, 400);
  }
  return fields;
}

