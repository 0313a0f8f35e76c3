/**
 * The new text of an email above what it quotes: "On … wrote:", "Am … schrieb …:", "-----Original
 * Message-----", Outlook's "From: … Sent: …" block and their translations.
 */

/** Marker tests only look at lines a quote header can fit in; a longer line is body text. */
export const MAX_MARKER_LINE = 400;

const NOT_LETTER_BEFORE = '(?<![\\p{L}])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';

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

