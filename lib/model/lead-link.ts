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

/** The full page on its welcome tab: what a new install opens. */
export const WELCOME_PAGE = '/dashboard.html#welcome';

/** The full page's lead table, showing the leads one import brought in today ("34 imported today"). */
export function importedTodayLink(list: string): `/dashboard.html#leads?${string}` {
  return `/dashboard.html#leads?${filterToParams(importedTodayFilter(list)).toString()}`;
}
