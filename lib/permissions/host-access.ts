import { uiLocale } from '@/lib/i18n';
import { matchPatterns, SITE_IDS, SITES } from '@/lib/model/page-urls';

/**
 * Access to the sites Leadline shows its button on. Chrome grants a content script's hosts at
 * install; Firefox MV3 leaves them to the rep (granted at install by default, but the rep can
 * decline or withdraw them), and so can Chrome's "site access" setting. Without that access the
 * button does not appear there; "Capture this page" (activeTab) still works everywhere.
 */

/** `browser.permissions`, the part host access needs: passed in, so this is tested without a browser. */
export type PermissionsApi = {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
};

/** A site and the origins its content script needs. */
export type SiteOrigins = { name: string; origins: string[] };

/** LinkedIn, Gmail and Outlook with their content scripts' match patterns, from lib/model/page-urls. */
export function contentScriptSites(): SiteOrigins[] {
  return SITE_IDS.map((id) => ({ name: SITES[id].name, origins: matchPatterns(SITES[id].hosts) }));
}

/** The sites whose origins are not all granted. */
export async function sitesWithoutAccess(permissions: PermissionsApi, sites: readonly SiteOrigins[]): Promise<SiteOrigins[]> {
  const granted = await Promise.all(sites.map((site) => permissions.contains({ origins: site.origins })));
  return sites.filter((_, index) => !granted[index]);
}

/**
 * Asks the browser for exactly these sites' origins. Call it straight from the click handler:
 * browsers only show the prompt while handling the rep's click, not after an await.
 */
export function requestSiteAccess(permissions: PermissionsApi, sites: readonly SiteOrigins[]): Promise<boolean> {
  return permissions.request({ origins: sites.flatMap((site) => site.origins) });
}

/**
 * "LinkedIn", "LinkedIn and Gmail", "LinkedIn, Gmail, and Outlook on the web" — joined as the
 * browser's language joins a list ("LinkedIn, Gmail und Outlook" in German).
 */
export function listOfNames(names: readonly string[], locale: string = uiLocale()): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}
