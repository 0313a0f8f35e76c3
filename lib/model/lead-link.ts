import { filterToParams, importedTodayFilter } from './lead-filter';

/** The popup page opened on one lead: what a follow-up notification's click opens. */
export function leadLink(leadId: string): `/popup.html#lead=${string}` {
  return `/popup.html#lead=${encodeURIComponent(leadId)}`;
}

/** The lead a popup page was opened on, if any. */
export function leadIdFromHash(hash: string): string | undefined {
  const match = /^#lead=([^&]+)$/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

const PREFILL_KEYS = [
  'fullName', 'firstName', 'lastName', 'title', 'company', 'email', 'phone', 'location', 'website', 'profileUrl', 'sourceUrl',
] as const;
type PrefillKey = (typeof PREFILL_KEYS)[number];
export type PrefillValues = Partial<Record<PrefillKey, string>>;

const MAX_PREFILL_VALUE = 2048;

/** Only the known fields, as short strings: whatever else arrives (from a page, through a URL) is dropped. */
export function cleanPrefill(raw: unknown): PrefillValues {
  const values: PrefillValues = {};
  if (typeof raw !== 'object' || raw === null) return values;
  for (const key of PREFILL_KEYS) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim()) values[key] = value.trim().slice(0, MAX_PREFILL_VALUE);
  }
  return values;
}

/** The popup page opened on "Add a lead", prefilled with what a page offered. */
export function addLeadLink(prefill: PrefillValues): `/popup.html#add=${string}` {
  return `/popup.html#add=${encodeURIComponent(JSON.stringify(cleanPrefill(prefill)))}`;
}

/** The prefill a popup page was opened with ("#add=…"), if it was opened to add a lead. */
export function prefillFromHash(hash: string): PrefillValues | undefined {
  const match = /^#add=(.*)$/.exec(hash);
  if (!match) return undefined;
  try {
    return cleanPrefill(JSON.parse(decodeURIComponent(match[1] ?? '')));
  } catch {
    return {};
  }
}

/** The full page on its welcome tab: what a new install opens. */
export const WELCOME_PAGE = '/dashboard.html#welcome';

/** The full page's lead table, showing the leads one import brought in today ("34 imported today"). */
export function importedTodayLink(list: string): `/dashboard.html#leads?${string}` {
  return `/dashboard.html#leads?${filterToParams(importedTodayFilter(list)).toString()}`;
}
