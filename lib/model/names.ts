/**
 * Person names as people write them on LinkedIn and in signatures: decorated with pronouns and
 * emoji, prefixed with honorifics, followed by credentials. Plain string work, no dependencies,
 * so it can run inside a content script.
 */

const PRONOUN = '(?:she|her|hers|he|him|his|they|them|theirs|ze|hir|zir|xe|xem|any|all)';
// "(she/her)", "[he/him]", "(They | Them)": a short, bounded alternation, so no backtracking blow-up.
const PRONOUNS_IN_BRACKETS = new RegExp(
  `[(\\[]\\s*${PRONOUN}(?:\\s*[/|,]\\s*${PRONOUN}){1,3}\\s*[)\\]]`,
  'giu',
);
// Pictographs plus the invisible pieces emoji are built from: joiners, variation selectors,
// skin tones, keycaps and the regional indicators that make flags.
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]/gu;
// Separators left dangling once a decoration is gone ("Jane Doe | 🚀" → "Jane Doe |").
const DANGLING_SEPARATORS = /^[\s|•·,:;\-–—]+|[\s|•·,:;\-–—]+$/g;

export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev']);
// Compared without dots and upper-cased ("Ph.D." → "PHD"). Deliberately no "MA" or "MS": Ma is a surname.
const SUFFIXES = new Set([
  'JR', 'SR', 'PHD', 'MBA', 'CPA', 'MD', 'DDS', 'ESQ', 'CFA', 'CFP', 'PMP', 'MSC', 'MPH', 'CISSP', 'ACCA', 'FCA',
]);
// Roman numerals only count in capitals, so a name ending in "Iv" stays a name.
const GENERATIONS = new Set(['II', 'III', 'IV']);
/** Words that start a surname inside a name: "Jan van der Berg", "Ana da Silva". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'do', 'du', 'la', 'le',
  'bin', 'binti', 'ibn', 'al', 'el', 'ter', 'ten',
]);

/** Remove the decorations people add around their name (pronouns, emoji) and collapse whitespace. Credentials stay. */
export function cleanPersonName(raw: string): string {
  return raw
    .replace(PRONOUNS_IN_BRACKETS, ' ')
    .replace(EMOJI, ' ')
    .replace(/\s+/g, ' ')
    .replace(DANGLING_SEPARATORS, '')
    .trim();
}

const bare = (token: string) => token.replace(/[.,]/g, '');
/** "Dr.", "Mrs", "prof": a title in front of a name, not part of it. */
export const isHonorific = (token: string) => HONORIFICS.has(bare(token).toLowerCase());
const isSuffix = (token: string) =>
  GENERATIONS.has(bare(token)) || SUFFIXES.has(bare(token).toUpperCase());
const isParticle = (token: string) => NAME_PARTICLES.has(token.toLowerCase());

/** Split a display name into first and last name; a single name is a first name only. */
export function splitName(fullName: string): { firstName?: string; lastName?: string } {
  const cleaned = cleanPersonName(fullName);
  if (!cleaned) return {};

  let main = cleaned;
  const comma = cleaned.indexOf(',');
  if (comma >= 0) {
    const before = cleaned.slice(0, comma).trim();
    const after = cleaned.slice(comma + 1).trim();
    const afterTokens = after.split(/[\s,]+/).filter(Boolean);
    const beforeTokens = before.split(' ').filter(Boolean);
    const looksInverted =
      beforeTokens.length > 0 &&
      beforeTokens.slice(0, -1).every(isParticle) &&
      afterTokens.length > 0 &&
      afterTokens.length <= 3 &&
      afterTokens.some((t) => !isSuffix(t)) &&
      // "Doe, Jane" is a name written last-first; "Doe, CEO" is a name with a label.
      afterTokens.every((t) => isSuffix(t) || (/^\p{Lu}/u.test(t) && t !== t.toUpperCase()));
    if (looksInverted) {
      const first = afterTokens.filter((t) => !isSuffix(t) && !isHonorific(t)).join(' ');
      return first ? { firstName: first, lastName: before } : { firstName: before };
    }
    // Whatever follows a comma is credentials or a tagline, not part of the name.
    main = before;
  }

  const tokens = main.split(' ').filter(Boolean);
  while (tokens.length > 1 && isHonorific(tokens[0] ?? '')) tokens.shift();
  while (tokens.length > 1 && isSuffix(tokens[tokens.length - 1] ?? '')) tokens.pop();

  if (tokens.length === 0) return {};
  if (tokens.length === 1) return { firstName: tokens[0] };

  // The surname starts at the first particle that is neither the first nor the last word.
  for (let i = 1; i < tokens.length - 1; i++) {
    if (isParticle(tokens[i] ?? '')) {
      return { firstName: tokens.slice(0, i).join(' '), lastName: tokens.slice(i).join(' ') };
    }
  }
  return { firstName: tokens.slice(0, -1).join(' '), lastName: tokens[tokens.length - 1] };
}
