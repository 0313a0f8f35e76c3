import { cleanLine } from './text';

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
// Pictographs plus the invisible pieces emoji are built from: variation selectors, skin tones,
// keycaps and the regional indicators that make flags. Joiners are left to stripInvisible, which
// keeps the ones inside a word (Indic and Persian names need them).
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u20E3]/gu;
// Separators left dangling once a decoration is gone ("Jane Doe | 🚀" → "Jane Doe |").
const DANGLING_SEPARATORS = /^[\s|•·,:;\-–—]+|[\s|•·,:;\-–—]+$/g;

/** Titles in front of a name, compared without dots and lower-cased: "Dr.", "Me" (Maître), "Mag.", "Dipl.-Ing.". */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'me', 'mag', 'dipl-ing', 'dr-ing', 'ing',
  'dipl-kfm', 'dipl-kfr', 'herr', 'frau', 'sra', 'srta', 'dra', 'lic', 'mme', 'mlle',
]);
// Compared without dots and upper-cased ("Ph.D." → "PHD"). Deliberately no "MA" or "MS": Ma is a surname.
const SUFFIXES = new Set([
  'JR', 'SR', 'PHD', 'MBA', 'CPA', 'MD', 'DDS', 'ESQ', 'CFA', 'CFP', 'PMP', 'MSC', 'MPH', 'CISSP', 'ACCA', 'FCA',
  'CPCU', 'CIPS', 'MCIPS', 'FCCA', 'CMA', 'PE', 'PENG', 'LLM', 'MENG', 'DBA', 'CSM', 'SHRM-CP', 'SPHR', 'CIMA',
]);
// Roman numerals only count in capitals, so a name ending in "Iv" stays a name.
const GENERATIONS = new Set(['II', 'III', 'IV']);
/** Words that start a surname inside a name: "Jan van der Berg", "Ana da Silva", "Aoife Ní Bhriain". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'do', 'du', 'la', 'le',
  'bin', 'binti', 'ibn', 'al', 'el', 'ter', 'ten', 'ní', 'nic', 'ó', 'ua', 'mac', 'lo', 'las', 'los',
]);

/** Remove the decorations people add around their name (pronouns, emoji) and collapse whitespace. Credentials stay. */
export function cleanPersonName(raw: string): string {
  return cleanLine(raw.replace(PRONOUNS_IN_BRACKETS, ' ').replace(EMOJI, ' ')).replace(DANGLING_SEPARATORS, '').trim();
}

const bare = (token: string) => token.replace(/[.,]/g, '');
/** "Dr.", "Mrs", "prof", "Dipl.-Ing.": a title in front of a name, not part of it. */
export const isHonorific = (token: string) => HONORIFICS.has(bare(token).toLowerCase().replace(/-+/g, '-'));
/** "Jr.", "PhD", "CPCU", "III": after a name, not part of it. */
export const isSuffix = (token: string) =>
  GENERATIONS.has(bare(token)) || SUFFIXES.has(bare(token).toUpperCase());
export const isParticle = (token: string) => NAME_PARTICLES.has(token.toLowerCase());
