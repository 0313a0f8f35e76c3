import type { ProspectDraftInput, Source } from '@/lib/model/prospect';
import { cleanLine } from '@/lib/model/text';

/**
 * Email bodies as people write them: the new text above a quoted reply, and a signature block near
 * its end ("Best,\nAna Souza\nVP of Sales | Acme Corp\nT: +1 415 555 0142\nacme.io"). Plain string
 * work with small, bounded regular expressions, so it can run inside Gmail and Outlook. The last
 * part is what the Gmail and Outlook extractors share: reading a message body out of the DOM and
 * turning the people of a thread into ranked drafts.
 */

export type Sender = { name?: string; email?: string };
export type SignatureFields = { title?: string; company?: string; phone?: string; website?: string; location?: string };

// Marker tests only look at lines a quote header can fit in; a longer line is body text.
const MAX_MARKER_LINE = 400;
// A signature sits in the last lines of the new text; nothing above them is read.
const MAX_SIGNATURE_LINES = 40;
const MAX_TAIL_CHARS = 16_000;
// Longer than any title, company or contact line: prose, a disclaimer or junk.
const MAX_FIELD_LINE = 120;

const NOT_LETTER_BEFORE = '(?<![\\p{L}])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';

// ---------------------------------------------------------------------------------------------
// Quoted replies

// "On Tue, Mar 4, 2025 at 9:14 AM Ana <ana@acme.io> wrote:", "Am 04.03.2025 um 10:12 schrieb Sam Rep:",
// "Le mar. 4 mars 2025 à 10:12, Sam <sam@x.com> a écrit :", and the Spanish, Dutch, Italian, Portuguese forms.
const REPLY_INTRO_START = /^(?:on|am|le|el|op|il|em|den)\s/i;
const REPLY_INTRO_VERB = new RegExp(
  `${NOT_LETTER_BEFORE}(?:wrote|schrieb|a écrit|escribió|schreef|ha scritto|escreveu|skrev)${NOT_LETTER_AFTER}`,
  'iu',
);
const ORIGINAL_MESSAGE =
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|oorspronkelijk bericht|messaggio originale|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|doorgestuurd bericht|messaggio inoltrato)\s*-{2,}$/i;
const BEGIN_FORWARDED = /^(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié)\s*:$/i;
const UNDERSCORE_RULE = /^_{10,}$/;
// Outlook's header block above a quoted message: "From: …" then "Sent: …" within a few lines.
const HEADER_FROM = /^\*?\s*(?:from|von|de|da|van|från|od)\s?\*?:\s*\S/i;
const HEADER_SENT =
  /^\*?\s*(?:sent|date|gesendet|datum|envoyé|enviado|fecha|verzonden|inviato|data|skickat|wysłano)\s?\*?:/i;
const HEADER_ONE_LINE =
  /^\*?\s*(?:from|von|de|da|van)\s?\*?:\s.{1,300}\s(?:sent|gesendet|envoyé|enviado|verzonden|inviato)\s?\*?:\s/i;

function isReplyIntro(line: string, next: string | undefined): boolean {
  if (!REPLY_INTRO_START.test(line) || !/\d/.test(line)) return false;
  if (line.endsWith(':') && REPLY_INTRO_VERB.test(line)) return true;
  // Gmail wraps a long intro: "On Tue, Mar 4, 2025 at 9:14 AM Ana Souza <ana@acme.io>\nwrote:".
  if (next === undefined || line.length + next.length > MAX_MARKER_LINE) return false;
  return next.endsWith(':') && REPLY_INTRO_VERB.test(next) && !REPLY_INTRO_START.test(next);
}

function isHeaderBlock(lines: readonly string[], i: number): boolean {
  const line = (lines[i] ?? '').trim();
  if (HEADER_ONE_LINE.test(line)) return true;
  if (!HEADER_FROM.test(line)) return false;
  for (let j = i + 1; j <= i + 4 && j < lines.length; j++) {
    if (HEADER_SENT.test((lines[j] ?? '').trim())) return true;
  }
  return false;
}

/** Outlook's reply header block ("From: … Sent: …"): it and everything after it is the quoted message, in Outlook and in Gmail replies written from Outlook. */
export const OUTLOOK_REPLY_HEADER = '[id$="divRplyFwdMsg"], [id$="appendonsend"], [id*="mail-editor-reference-message-container"]';

/**
 * The new text of a message: everything above the first quoted part ("On … wrote:", "Am … schrieb
 * …:", "Le … a écrit :", "-----Original Message-----", an Outlook "From: … Sent: …" block, a line of
 * underscores, a forwarded message), without the lines quoted with ">".
 */
export function stripQuotedReply(text: string): string {
  const lines = text.split(/\r\n?|\n/);
  const trimmed = (i: number) => (lines[i] ?? '').trim();
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = trimmed(i);
    if (line.startsWith('>')) continue;
    if (line.length <= MAX_MARKER_LINE && line.length > 1) {
      const next = i + 1 < lines.length ? trimmed(i + 1) : undefined;
      if (
        isReplyIntro(line, next) ||
        ORIGINAL_MESSAGE.test(line) ||
        BEGIN_FORWARDED.test(line) ||
        UNDERSCORE_RULE.test(line) ||
        isHeaderBlock(lines, i)
      ) {
        break;
      }
    }
    kept.push(raw);
  }
  return kept.join('\n').trimEnd();
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const VALEDICTION =
  /^(?:best|best regards|best wishes|kind regards|kindest regards|warm regards|warmest regards|regards|many thanks|thanks|thank you|thanks again|thx|cheers|sincerely|yours sincerely|yours truly|all the best|talk soon|speak soon|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|freundliche grüsse|viele grüße|viele grüsse|beste grüße|beste grüsse|liebe grüße|herzliche grüße|mfg|vg|lg|cordialement|bien cordialement|bien à vous|salutations|meilleures salutations|saludos|un saludo|saludos cordiales|atentamente|met vriendelijke groet|groeten|cordiali saluti|distinti saluti|saluti|atenciosamente|med vänlig hälsning)\s*[,.!]?$/i;
const DASH_MARKER = /^-{2,3}$/;

// Where the signature ends: legal footers, confidentiality notices, "sent from my phone".
const FOOTER =
  /confidential|privileged|intended (?:solely )?(?:only )?for|if you (?:have )?received this|disclaimer|unsubscribe|this (?:e-?mail|message|communication) (?:and|is|may|contains|including)|vertraulich|diese (?:e-?mail|nachricht)|sitz der gesellschaft|registergericht|amtsgericht|handelsregister|ust-?id|geschäftsführ(?:er|ung):|ce (?:message|courriel)|registered (?:office|in )|company (?:no|number|registration)|please consider the environment|think before you print|sent from my|sent from (?:outlook|mail)|get outlook for|gesendet von|von meinem \S+ gesendet|envoyé de mon|enviado desde/i;

const TITLE_WORDS = new Set([
  'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'cro', 'cpo', 'ciso', 'cso', 'cco', 'vp', 'svp', 'evp', 'avp', 'vice',
  'president', 'director', 'manager', 'head', 'chief', 'founder', 'co-founder', 'cofounder', 'owner', 'partner',
  'principal', 'lead', 'leader', 'engineer', 'developer', 'designer', 'architect', 'consultant', 'advisor', 'adviser',
  'analyst', 'specialist', 'executive', 'officer', 'representative', 'coordinator', 'associate', 'assistant',
  'administrator', 'senior', 'sr', 'junior', 'jr', 'intern', 'sales', 'marketing', 'procurement', 'purchasing', 'buyer',
  'sourcing', 'recruiter', 'talent', 'editor', 'scientist', 'researcher', 'professor', 'attorney', 'counsel',
  'accountant', 'controller', 'treasurer', 'secretary', 'chair', 'chairman', 'chairwoman', 'board', 'operations',
  'ops', 'strategy', 'growth', 'account', 'accounts', 'business', 'development', 'product', 'engineering', 'customer',
  'success', 'support', 'finance', 'legal', 'revenue', 'partnerships', 'alliances', 'enterprise', 'strategic',
  'regional', 'global', 'technical', 'it', 'hr', 'people', 'ae', 'sdr', 'bdr', 'gm',
]);
// Stems of titles in German and French compounds and inflections ("Vertriebsleiterin", "Chargée d'affaires").
const TITLE_STEMS =
  /leiter|leitung|führer|vorstand|vertrieb|einkauf|einkäufer|prokurist|inhaber|gründer|berater|referent|direktor|sachbearbeit|kaufm|directeur|directrice|responsable|gérant|président|ingénieur|chargée?|chef|commercial|achat|acheteu|fondat|associée?|gerente|jef[ea]|direttore|responsabile/i;

const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co', 'company', 'gmbh',
  'ag', 'se', 'kg', 'ohg', 'ug', 'mbh', 'kgaa', 'sa', 'sas', 'sasu', 'sarl', 'sàrl', 'srl', 'spa', 'bv', 'nv', 'oy',
  'ab', 'as', 'asa', 'aps', 'pty', 'pte', 'kk', 'group', 'holding', 'holdings', 'gbr', 'ev', 'lda', 'sl', 'slu',
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

const COUNTRIES = new Set([
  'usa', 'us', 'united states', 'canada', 'mexico', 'brazil', 'uk', 'united kingdom', 'england', 'scotland', 'ireland',
  'germany', 'deutschland', 'austria', 'österreich', 'switzerland', 'schweiz', 'suisse', 'france', 'belgium',
  'netherlands', 'the netherlands', 'luxembourg', 'spain', 'españa', 'portugal', 'italy', 'italia', 'denmark',
  'sweden', 'norway', 'finland', 'poland', 'czech republic', 'czechia', 'india', 'singapore', 'japan', 'australia',
  'new zealand', 'israel', 'uae', 'united arab emirates', 'south africa',
]);

// ---------------------------------------------------------------------------------------------
// Lines

const words = (s: string) => s.split(/[\s,/()|·•]+/).filter(Boolean);
const bareWord = (w: string) => w.replace(/[.'’:;!?]/g, '').toLowerCase();

const isTitleish = (s: string) => words(s).some((w) => TITLE_WORDS.has(bareWord(w))) || TITLE_STEMS.test(s);
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
const LABEL = '(?:t|tel|tél|tele|telephone|téléphone|telefon|fon|phone|ph|p|m|mob|mobile|mobil|cell|cellular|handy|portable|port|gsm|direct|direkt|dir|d|dd|ddi|office|o|work|w|main|business|fixe|ligne directe|whatsapp)';
const LABELLED_PHONE = new RegExp(`^${LABEL}\\.?\\s*[:.]?\\s*(\\+?[\\d(][\\d\\s().\\/–-]{5,26}\\d(?:\\s*(?:ext\\.?|extn\\.?|x|poste|dw\\.?|durchwahl)\\s*\\d{1,6})?)`, 'i');
const PREFERRED_LABEL = /^(?:m|mob|mobile|mobil|cell|cellular|handy|portable|port|gsm|direct|direkt|dir|d|dd|ddi|ligne directe)\b/i;
const BARE_PHONE = /^(\+?[\d(][\d\s().\/–-]{5,26}\d(?:\s*(?:ext\.?|extn\.?|x)\s*\d{1,6})?)$/i;
const FAX = /^(?:f|fax|telefax)\b/i;
const YEAR_RANGE = /^\d{4}\s*[-–]\s*\d{4}$/;

function digitCount(text: string): number {
  let n = 0;
  for (const c of text) if (c >= '0' && c <= '9') n++;
  return n;
}

const SEGMENT_SPLIT = /\s+[|·•]\s+|\s{3,}|\t|\s+\/\s+(?=\D*\d)/;

/** A phone number in a line, as written, and whether its label makes it the person's own (mobile, direct). */
function phoneIn(line: string): { phone: string; preferred: boolean } | undefined {
  for (const segment of line.split(SEGMENT_SPLIT)) {
    const s = segment.trim();
    if (!s || FAX.test(s)) continue;
    const labelled = LABELLED_PHONE.exec(s);
    const number = labelled?.[1] ?? BARE_PHONE.exec(s)?.[1];
    if (!number || YEAR_RANGE.test(number)) continue;
    const digits = digitCount(number);
    if (digits < 7 || digits > 17) continue;
    return { phone: number.trim(), preferred: Boolean(labelled) && PREFERRED_LABEL.test(s) };
  }
  return undefined;
}

const STREET_WORDS =
  /(?<![\p{L}])(?:street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd\.?|lane|drive|suite|ste\.|floor|fl\.|plaza|square|parkway|court|place|way|rue|chemin|quai|allée|via|viale|piazza|calle|avenida|paseo|postfach|p\.?\s?o\.?\s?box)(?![\p{L}])|(?:straße|strasse|str\.|platz|weg|allee|gasse|damm|ufer|ring)\s*\d/iu;
const EU_POSTCODE_CITY = /^(?:[A-Z]{1,2}[- ])?\d{4,5}\s+(\p{Lu}[\p{L}\p{M}.' -]{1,40})$/u;
const US_STATE_ZIP = /^[A-Z]{2}\s+\d{5}(?:-\d{4})?$/;
const UK_CITY_POSTCODE = /^(\p{Lu}[\p{L} ]{1,30}?)\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}$/u;

function isAddress(line: string): boolean {
  if (/\d/.test(line) && STREET_WORDS.test(line)) return true;
  return line.split(',').some((part) => {
    const p = part.trim();
    return EU_POSTCODE_CITY.test(p) || US_STATE_ZIP.test(p) || UK_CITY_POSTCODE.test(p);
  });
}

const isCountry = (s: string) => COUNTRIES.has(s.trim().toLowerCase());

/** "10117 Berlin", "San Francisco, CA 94105", "London EC2A 4NE", "Austin, TX", "Lyon, France". */
function locationIn(line: string): string | undefined {
  const labelled = /^(?:location|based in|standort|lieu)\s*:?\s+(.{2,60})$/i.exec(line);
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
  if (locationIn(line)) return 'place';
  const ws = words(line);
  if (ws.length > 12 || (ws.length > 6 && /[.!?]$/.test(line))) return 'prose';
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
    return { rest: line.slice((parts[0] ?? '').length).replace(/^\s*[|·•–—,-]\s*/, '') };
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
    if (kinds[i] === 'footer' || kinds[i] === 'prose') continue;
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
    // Without a name line, an unlabelled number could be anything; a labelled one still says what it is.
    const found = phoneIn(line);
    if (!found) continue;
    if (!nameLine && !LABELLED_PHONE.test(line.split(SEGMENT_SPLIT)[0] ?? '')) continue;
    if (found.preferred) preferredPhone ??= found.phone;
    anyPhone ??= found.phone;
  }
  const phone = preferredPhone ?? anyPhone;
  if (phone) fields.phone = phone;

  const webLines = block.filter((_, i) => blockKinds[i] !== 'prose' && blockKinds[i] !== 'email');
  const website = pickWebsite(webLines, domain);
  if (website && (nameLine || (domain && hostOf(website)?.endsWith(domain)))) fields.website = website;

  if (nameLine) {
    for (const [i, line] of block.entries()) {
      const kind = blockKinds[i];
      if (kind !== 'address' && kind !== 'place' && kind !== 'text') continue;
      if (kind === 'text' && !/^(?:location|based in|standort|lieu)\b/i.test(line)) continue;
      const location = locationIn(line);
      if (location) {
        fields.location = location;
        break;
      }
    }
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Email threads (shared by the Gmail and Outlook extractors)

const EMAIL = /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[^\s@<>()[\]\\,;:"'.]{2,}$/;

/** A plain address, lower-cased, or undefined when `raw` is not one. */
export function emailAddress(raw: string | null | undefined): string | undefined {
  const value = raw?.trim().replace(/^mailto:/i, '').toLowerCase();
  return value && value.length <= 254 && EMAIL.test(value) ? value : undefined;
}

/** Every address written in `text` ("Account manager for Sam Rep (sam.rep@contoso.com)"). */
export function addressesIn(text: string): string[] {
  const found: string[] = [];
  for (const token of text.slice(0, 2000).split(/[\s<>()[\]"',;]+/)) {
    const email = emailAddress(token);
    if (email) found.push(email);
  }
  return found;
}

/** "Ana Souza <ana@acme.io>" → name and address; a bare address → address only. */
export function parseNameAndAddress(raw: string): { name?: string; email: string } | undefined {
  const text = cleanLine(raw.slice(0, 400)).replace(/^(?:from|von|de|da|van)\s?:\s*/i, '');
  const open = text.lastIndexOf('<');
  if (open >= 0 && text.endsWith('>')) {
    const email = emailAddress(text.slice(open + 1, -1));
    if (!email) return undefined;
    const name = text.slice(0, open).trim().replace(/^["']|["']$/g, '').trim();
    return name && !name.includes('@') ? { name, email } : { email };
  }
  const email = emailAddress(text);
  return email ? { email } : undefined;
}

// "noreply@", "messages-noreply@", "do-not-reply@", "notifications@", "calendar-notification@google.com", bounces.
const AUTOMATED_LOCAL =
  /no-?reply|do-?not-?reply|^(?:notifications?|notify|mailer-daemon|postmaster|bounces?|calendar-notification|automated|alerts?)(?:[+._-]|$)/i;

/** Notification and bounce senders: never a person to capture. */
export function isAutomatedAddress(email: string): boolean {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  return AUTOMATED_LOCAL.test(local) || /^(?:bounce|bounces|mailer|notifications?)\./.test(domain);
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'SVG', 'svg', 'IFRAME', 'OBJECT', 'IMG']);
const BREAK_TAGS = new Set([
  'BR', 'DIV', 'P', 'LI', 'UL', 'OL', 'TR', 'TABLE', 'TBODY', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ADDRESS', 'HR', 'DL', 'DT', 'DD', 'CENTER',
]);
const MAX_BODY_CHARS = 400_000;
const MAX_BODY_NODES = 60_000;

export type BodyTextOptions = {
  /** Parts to leave out (quoted replies). */
  skip?: string;
  /** Where the new text ends: this element and everything after it is a quoted message. */
  stopAt?: string;
  /** The sender's signature element: read as a "--" block, whatever the sender wrote above it. */
  signature?: string;
};

/** Whether an element hides itself (inline style or `hidden`): Gmail and Outlook keep stale views in the page. */
export function hiddenByStyle(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export function isHidden(el: Element, within?: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 60; depth++, node = node.parentElement) {
    if (hiddenByStyle(node)) return true;
    if (node === within) break;
  }
  return false;
}

/**
 * A message body as lines of text: text nodes read one by one (scripts, styles and hidden parts
 * skipped), a line break at each block element, bounded in characters and nodes so a huge or
 * deeply nested body costs little.
 */
export function bodyText(root: Element, options: BodyTextOptions = {}): string {
  let out = '';
  let nodes = 0;
  let stopped = false;
  const stack: Array<{ node: Node; exit?: boolean }> = [{ node: root }];
  while (stack.length > 0 && !stopped && out.length < MAX_BODY_CHARS && nodes < MAX_BODY_NODES) {
    const { node, exit } = stack.pop() as { node: Node; exit?: boolean };
    nodes++;
    if (node.nodeType === 3) {
      out += (node.nodeValue ?? '').slice(0, MAX_BODY_CHARS - out.length);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (exit) {
      if (BREAK_TAGS.has(el.tagName)) out += '\n';
      continue;
    }
    if (el !== root) {
      if (SKIPPED_TAGS.has(el.tagName) || hiddenByStyle(el)) continue;
      if (options.stopAt && el.matches(options.stopAt)) {
        stopped = true;
        break;
      }
      if (options.skip && el.matches(options.skip)) continue;
      if (options.signature && el.matches(options.signature)) out += '\n--\n';
    }
    if (el.tagName === 'TD' || el.tagName === 'TH') out += ' ';
    else if (BREAK_TAGS.has(el.tagName)) out += '\n';
    stack.push({ node: el, exit: true });
    const children: ChildNode[] = [];
    for (let child = el.firstChild; child && children.length < MAX_BODY_NODES; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as ChildNode });
  }
  return out.slice(0, MAX_BODY_CHARS);
}

export type ThreadPerson = { name?: string; email: string };
export type ThreadMessage = { from?: ThreadPerson; recipients: ThreadPerson[]; body?: string };

/** The rep: their addresses, and their company's domain unless it is a public mail provider (colleagues are not prospects). */
export class OwnIdentity {
  readonly addresses = new Set<string>();
  readonly domains = new Set<string>();

  add(raw: string | null | undefined): void {
    const email = emailAddress(raw);
    if (!email) return;
    this.addresses.add(email);
    const domain = emailDomain(email);
    if (domain && !isFreeMailDomain(domain)) this.domains.add(domain);
  }

  includes(email: string): boolean {
    if (this.addresses.has(email)) return true;
    const domain = emailDomain(email);
    if (!domain) return false;
    for (const own of this.domains) if (domain === own || domain.endsWith(`.${own}`)) return true;
    return false;
  }
}

const INVERTED_NAME = /^(\p{Lu}[\p{L}\p{M}'’-]+(?:\s\p{Lu}[\p{L}\p{M}'’-]+)?),\s(\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*(?:\s\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*)?)$/u;

const CREDENTIALS = new Set(['phd', 'jr', 'sr', 'esq', 'msc', 'bsc', 'mba', 'md', 'ma', 'ba', 'ms', 'dipl', 'mag', 'ing']);

/** The display name as a person would write it: Exchange directories show "Weber, Jonas". */
function displayName(person: ThreadPerson): string | undefined {
  const name = person.name ? cleanLine(person.name) : '';
  if (!name || name.includes('@') || name.toLowerCase() === 'me') return undefined;
  const inverted = INVERTED_NAME.exec(name);
  if (!inverted || CREDENTIALS.has((inverted[2] ?? '').replace(/\./g, '').toLowerCase())) return name;
  return `${inverted[2]} ${inverted[1]}`;
}

const CONFIDENCE = { latestSender: 0.9, sender: 0.8, recipient: 0.5, nameless: 0.1 };
const MAX_SIGNATURES_PER_PERSON = 3;

/**
 * One draft per outside person in a thread (messages oldest first): the most recent outside sender
 * first, then the other senders, most recent first, then the people only copied, with signature
 * fields for people who sent a message. The rep, their colleagues and automated senders are left out.
 */
export function threadDrafts(
  messages: ThreadMessage[],
  own: OwnIdentity,
  base: { source: Source; sourceUrl: string; subject?: string },
): ProspectDraftInput[] {
  const outside = (person: ThreadPerson | undefined): person is ThreadPerson =>
    person !== undefined && !own.includes(person.email) && !isAutomatedAddress(person.email);

  const people = new Map<string, { person: ThreadPerson; sent: number[]; rank: number }>();
  const order: string[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const from = messages[i]?.from;
    if (!outside(from)) continue;
    const known = people.get(from.email);
    if (known) {
      known.sent.push(i);
      known.person.name ??= displayName(from);
    } else {
      people.set(from.email, { person: { email: from.email, name: displayName(from) }, sent: [i], rank: order.length });
      order.push(from.email);
    }
  }
  for (let i = messages.length - 1; i >= 0; i--) {
    for (const to of messages[i]?.recipients ?? []) {
      if (!outside(to)) continue;
      const known = people.get(to.email);
      if (known) known.person.name ??= displayName(to);
      else {
        people.set(to.email, { person: { email: to.email, name: displayName(to) }, sent: [], rank: order.length });
        order.push(to.email);
      }
    }
  }

  const drafts: ProspectDraftInput[] = [];
  for (const email of order) {
    const entry = people.get(email);
    if (!entry) continue;
    const { person, sent } = entry;
    let confidence = sent.length === 0 ? CONFIDENCE.recipient : entry.rank === 0 ? CONFIDENCE.latestSender : CONFIDENCE.sender;
    if (!person.name) confidence -= CONFIDENCE.nameless;
    const draft: ProspectDraftInput = { source: base.source, sourceUrl: base.sourceUrl };
    if (person.name) draft.fullName = person.name;
    draft.email = person.email;

    const signature: SignatureFields = {};
    let read = 0;
    for (const index of sent) {
      const body = messages[index]?.body;
      if (!body || read >= MAX_SIGNATURES_PER_PERSON) continue;
      read++;
      const found = parseSignature(body, person);
      for (const key of ['title', 'company', 'phone', 'website', 'location'] as const) {
        if (signature[key] === undefined && found[key] !== undefined) signature[key] = found[key];
      }
    }
    Object.assign(draft, signature);
    if (base.subject) draft.context = `Email: ${base.subject}`;
    draft.confidence = Math.round(confidence * 100) / 100;
    drafts.push(draft);
  }
  return drafts.sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0));
}
