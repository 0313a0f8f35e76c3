import { SITE_IDS, SITES, matchPatterns, type SiteId } from '@/lib/model/page-urls';
import { WIDGET_HIDDEN } from '@/lib/messaging/page-state';

/**
 * The content scripts for LinkedIn, Gmail and Outlook are registered at run time, not in the
 * manifest, so that a rep who hides the button on a site (Settings, or "Hide on this site" in the
 * widget) gets no Leadline script there at all: nothing in its pages for it to find. Capture there
 * still works from the toolbar, the context menu and the shortcut, through activeTab. The browser
 * API is passed in, so this runs in tests without one.
 */

export const SCRIPT_IDS: Readonly<Record<SiteId, string>> = {
  linkedin: 'leadline-linkedin',
  gmail: 'leadline-gmail',
  outlook: 'leadline-outlook',
};
export const LINKEDIN_SCRIPT_ID = SCRIPT_IDS.linkedin;

/** What of `browser.scripting` this needs. */
export type ScriptRegistry = {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(
    scripts: Array<{ id: string; js: string[]; matches: string[]; runAt: 'document_idle'; persistAcrossSessions: boolean }>,
  ): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
};

export type ScriptChanges = { registered: SiteId[]; unregistered: SiteId[] };

/** Registers each site's content script where the button should show, unregisters it where not. */
export async function syncSiteScripts(scripting: ScriptRegistry, shown: Record<SiteId, boolean>): Promise<ScriptChanges> {
  const ids = SITE_IDS.map((site) => SCRIPT_IDS[site]);
  const present = new Set((await scripting.getRegisteredContentScripts({ ids })).map((script) => script.id));
  const registered = SITE_IDS.filter((site) => shown[site] && !present.has(SCRIPT_IDS[site]));
  const unregistered = SITE_IDS.filter((site) => !shown[site] && present.has(SCRIPT_IDS[site]));
  // One call for all: a LinkedIn page and a Gmail tab opened at start-up see their scripts together.
  if (registered.length > 0) {
    await scripting.registerContentScripts(
      registered.map((site) => ({
        id: SCRIPT_IDS[site],
        js: [`content-scripts/${site}.js`],
        matches: matchPatterns(SITES[site].hosts),
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  if (unregistered.length > 0) await scripting.unregisterContentScripts({ ids: unregistered.map((site) => SCRIPT_IDS[site]) });
  return { registered, unregistered };
}

/** What of `browser.tabs` telling open tabs needs (host permissions let `query` match the sites' tabs by address). */
export type TabMessenger = {
  query(filter: { url: string[] }): Promise<Array<{ id?: number }>>;
  sendMessage(tabId: number, message: { type: typeof WIDGET_HIDDEN }): Promise<unknown>;
};

/**
 * Tells the open tabs of the sites whose button was just hidden to drop their widget: unregistering
 * a script keeps it off pages loaded later, but the copies already running would stay until reload.
 * A tab whose script is gone or never ran refuses the message, which is fine. Answers how many tabs
 * were told.
 */
export async function dropWidgetsOn(tabs: TabMessenger, sites: readonly SiteId[]): Promise<number> {
  if (sites.length === 0) return 0;
  const open = await tabs.query({ url: sites.flatMap((site) => matchPatterns(SITES[site].hosts)) });
  const ids = open.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  await Promise.all(ids.map((id) => tabs.sendMessage(id, { type: WIDGET_HIDDEN }).catch(() => undefined)));
  return ids.length;
}

/** The rep's button settings applied: scripts registered or unregistered, and the tabs of a newly hidden site cleared. */
export async function applyButtonSettings(scripting: ScriptRegistry, tabs: TabMessenger, shown: Record<SiteId, boolean>): Promise<ScriptChanges> {
  const changes = await syncSiteScripts(scripting, shown);
  await dropWidgetsOn(tabs, changes.unregistered);
  return changes;
}
