import { SITE_IDS, SITES, matchPatterns, type SiteId } from '@/lib/model/page-urls';

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
