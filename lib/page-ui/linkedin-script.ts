import { LINKEDIN_HOSTS, matchPatterns } from '@/lib/model/page-urls';

/**
 * LinkedIn's content script is registered at run time, not in the manifest, so that a rep who
 * turns "Show the Save button on LinkedIn" off gets no Leadline script on LinkedIn at all: nothing
 * in its pages for it to find. Capture there still works from the toolbar, the context menu and the
 * shortcut, through activeTab. The browser API is passed in, so this runs in tests without one.
 */

export const LINKEDIN_SCRIPT_ID = 'leadline-linkedin';

/** What of `browser.scripting` this needs. */
export type ScriptRegistry = {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(
    scripts: Array<{ id: string; js: string[]; matches: string[]; runAt: 'document_idle'; persistAcrossSessions: boolean }>,
  ): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
};

export type ScriptChange = 'registered' | 'unregistered' | 'unchanged';

/** Registers LinkedIn's content script when the button should show, unregisters it when not. */
export async function syncLinkedInScript(scripting: ScriptRegistry, showButton: boolean): Promise<ScriptChange> {
  const registered = (await scripting.getRegisteredContentScripts({ ids: [LINKEDIN_SCRIPT_ID] })).length > 0;
  if (showButton && !registered) {
    await scripting.registerContentScripts([
      {
        id: LINKEDIN_SCRIPT_ID,
        js: ['content-scripts/linkedin.js'],
        matches: matchPatterns(LINKEDIN_HOSTS),
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    return 'registered';
  }
  if (!showButton && registered) {
    await scripting.unregisterContentScripts({ ids: [LINKEDIN_SCRIPT_ID] });
    return 'unregistered';
  }
  return 'unchanged';
}
