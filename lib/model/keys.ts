import { linkedInProfileKeyFromUrl } from './page-urls';

/** Dedupe keys: the same person reached through different sources must produce the same key. */

export function emailKey(email: string | undefined): string | undefined {
  const value = email?.trim().toLowerCase();
  return value && value.includes('@') ? value : undefined;
}

/** LinkedIn profile URLs become their canonical form; other URLs lose scheme, www, query, hash and trailing slash. */
export function profileKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const linkedIn = linkedInProfileKeyFromUrl(url);
  if (linkedIn) return linkedIn;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    const path = decodeURIComponent(parsed.pathname).replace(/\/+$/, '').toLowerCase();
    return `${host}${path}`;
  } catch {
    return undefined;
  }
}

const COMPANY_SUFFIXES =
  /\b(inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|sarl|bv|nv|plc|corp|corporation|co|company|srl|spa|oy|ab|as|kk|pty)\b\.?/g;

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

export function normaliseCompany(company: string): string {
  return fold(company)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(COMPANY_SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function nameCompanyKey(fullName: string | undefined, company: string | undefined): string | undefined {
  if (!fullName || !company) return undefined;
  const name = fold(fullName).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const org = normaliseCompany(company);
  return name && org ? `${name}|${org}` : undefined;
}

const MAX_SEARCH_WORDS = 40;

/** The words a text is found by: accents folded, lower-cased, split at anything that is not a letter or digit. */
export function searchTerms(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words a lead is found by (name, company, email, title), for the word-prefix search index. */
export function searchWords(lead: { fullName?: string; company?: string; email?: string; title?: string }): string[] {
  const words = new Set<string>();
  for (const text of [lead.fullName, lead.company, lead.email, lead.title]) {
    if (text) for (const word of searchTerms(text)) words.add(word);
  }
  return [...words].slice(0, MAX_SEARCH_WORDS);
}

/** Whether words are found by every term (each the beginning of one of the words): the one rule of search. */
export function matchesSearch(words: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => words.some((word) => word.startsWith(term)));
}

type KeyedFields = {
  email?: string;
  profileUrl?: string;
  fullName?: string;
  company?: string;
  title?: string;
  proposals?: ReadonlyArray<{ field: string; at: number }>;
};

const JOB_CHANGE_FIELDS = new Set(['title', 'company']);

/** When a title or company change was last proposed for a lead, if one is waiting (Today lists these). */
export function jobChangeAt(proposals: KeyedFields['proposals']): number | undefined {
  let latest: number | undefined;
  for (const proposal of proposals ?? []) {
    if (JOB_CHANGE_FIELDS.has(proposal.field) && (latest === undefined || proposal.at > latest)) latest = proposal.at;
  }
  return latest;
}

/**
 * The dedupe keys a lead is indexed by, and when a job change was last proposed for it, recomputed
 * from its own fields (after an edit, an upgrade or a restore). Its search words are not on the lead:
 * lib/db keeps them in their own table.
 */
export function withDerivedKeys<T extends KeyedFields>(lead: T) {
  return {
    ...lead,
    emailKey: emailKey(lead.email),
    profileKey: profileKey(lead.profileUrl),
    nameCompanyKey: nameCompanyKey(lead.fullName, lead.company),
    jobChangeAt: jobChangeAt(lead.proposals),
  };
}
