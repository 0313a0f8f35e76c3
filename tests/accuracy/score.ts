import { normaliseEmail, normaliseWebUrl } from '@/lib/model/normalise';
import { linkedInProfileKeyFromUrl } from '@/lib/model/page-urls';
import { cleanLine } from '@/lib/model/text';

/** The fields the accuracy report scores: what a rep would otherwise type. */
export const SCORED_FIELDS = ['fullName', 'title', 'company', 'email', 'phone', 'location', 'website', 'profileUrl'] as const;
/** The blind corpus also says how each name splits into first and last name. */
export const BLIND_FIELDS = ['fullName', 'firstName', 'lastName', 'title', 'company', 'email', 'phone', 'location', 'website', 'profileUrl'] as const;
export type ScoredField = (typeof BLIND_FIELDS)[number];
export type Person = Partial<Record<ScoredField, string>>;
export type Tally = { tp: number; fp: number; fn: number };

/** Two spellings of the same value count as equal: case and spacing in text, digits in phones, canonical URLs. */
export function comparable(field: ScoredField, value: string | undefined): string | undefined {
  if (!value) return undefined;
  switch (field) {
    case 'email':
      return normaliseEmail(value);
    case 'phone':
      return value.replace(/[^\d]/g, '').replace(/^00/, '') || undefined;
    case 'website':
    case 'profileUrl': {
      const url = normaliseWebUrl(value);
      return url ? (linkedInProfileKeyFromUrl(url) ?? url.replace(/\/$/, '').toLowerCase()) : undefined;
    }
    case 'fullName':
      return cleanLine(withoutDecorations(value)).toLowerCase() || undefined;
    default:
      return cleanLine(value).toLowerCase() || undefined;
  }
}

// "Dr. Ana Ruiz, PhD" and "Ana Ruiz" are one name shown two ways; the split fields say whether the
// honorific and the credentials were told apart from the name.
const CREDENTIALS = 'ph\\.?d|mba|cpa|cpcu|cfa|cfp|md|jr|sr|msc|bsc|esq|pmp|ii|iii|iv';
function withoutDecorations(name: string): string {
  return name
    .replace(/^(?:(?:dr|prof|mr|mrs|ms|mx|sir|dame|me|mag|dipl\.?-ing)\.?\s+)+/i, '')
    .replace(new RegExp(`(?:,?\\s+(?:${CREDENTIALS})\\.?)+$`, 'i'), '');
}

function samePerson(a: Person, b: Person): boolean {
  for (const field of ['email', 'profileUrl', 'fullName'] as const) {
    const x = comparable(field, a[field]);
    if (x && x === comparable(field, b[field])) return true;
  }
  return false;
}

/**
 * Scores what an extractor found against what a fixture expects. A field is a true positive when
 * both agree, a false positive when the extractor gave a value that is not expected (a wrong guess,
 * or a person who is not there), and a false negative when an expected value is missing or wrong.
 */
export function scorePage(
  expected: Person[],
  actual: Person[],
  fields: readonly ScoredField[] = SCORED_FIELDS,
): Record<ScoredField, Tally> {
  const tally = Object.fromEntries(BLIND_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredField, Tally>;
  const unmatched = [...actual];
  for (const want of expected) {
    const index = unmatched.findIndex((got) => samePerson(want, got));
    const got = index >= 0 ? unmatched.splice(index, 1)[0] : undefined;
    for (const field of fields) {
      const w = comparable(field, want[field]);
      const g = comparable(field, got?.[field]);
      if (w && g === w) tally[field].tp++;
      else {
        if (w) tally[field].fn++;
        if (g) tally[field].fp++;
      }
    }
  }
  for (const extra of unmatched) {
    for (const field of fields) if (comparable(field, extra[field])) tally[field].fp++;
  }
  return tally;
}

export function ratio(numerator: number, denominator: number): number | undefined {
  return denominator === 0 ? undefined : numerator / denominator;
}
