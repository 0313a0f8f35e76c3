/**
 * The words and patterns every extractor shares: what makes a line a job title, what an email
 * address looks like, which elements hold no readable text. Plain data, no dependencies, so it can
 * ship inside each content script. Name particles and honorifics live with the name rules in
 * lib/model/names.ts, which the background's name splitting uses as well.
 */

/** A plain email address, nothing around it. */
export const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[^\s@<>()[\]\\,;:"'.]{2,}$/;

/** How many ASCII digits `text` holds: phone numbers are told from years and prices by their digit count. */
export function digitCount(text: string): number {
  let count = 0;
  for (const c of text) if (c >= '0' && c <= '9') count++;
  return count;
}

/** Elements whose content is never visible text (code, styles, templates, vector graphics). */
export const NON_TEXT_TAGS: readonly string[] = ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG'];

/** Words that make a line a job title rather than a name or a company ("VP Marketing", "Head of Sales"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'cro', 'cpo', 'ciso', 'cso', 'vp', 'svp', 'evp', 'avp', 'vice',
  'president', 'director', 'manager', 'head', 'chief', 'founder', 'co-founder', 'cofounder', 'owner', 'partner',
  'principal', 'lead', 'leader', 'engineer', 'developer', 'designer', 'architect', 'consultant', 'advisor', 'adviser',
  'analyst', 'specialist', 'executive', 'officer', 'representative', 'coordinator', 'associate', 'assistant',
  'administrator', 'senior', 'sr', 'junior', 'jr', 'intern', 'sales', 'marketing', 'product', 'account', 'accounts',
  'business', 'development', 'operations', 'ops', 'engineering', 'strategy', 'growth', 'recruiter', 'talent', 'editor',
  'scientist', 'researcher', 'professor', 'attorney', 'counsel', 'accountant', 'controller', 'treasurer', 'secretary',
  'chair', 'chairman', 'chairwoman', 'board', 'customer', 'success', 'support', 'finance', 'legal', 'procurement',
  'purchasing', 'revenue', 'partnerships', 'alliances', 'enterprise', 'strategic', 'global', 'regional', 'technical',
  'it', 'hr', 'people',
]);
