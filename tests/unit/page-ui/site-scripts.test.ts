import { describe, expect, it } from 'vitest';
import { SCRIPT_IDS, syncSiteScripts, type ScriptRegistry } from '@/lib/page-ui/site-scripts';

/** An in-memory `browser.scripting` registry. */
function registry(): ScriptRegistry & { scripts: Map<string, { js: string[]; matches: string[] }> } {
  const scripts = new Map<string, { js: string[]; matches: string[] }>();
  return {
    scripts,
    async getRegisteredContentScripts({ ids: wanted }: { ids: string[] }) {
      return wanted.filter((id) => scripts.has(id)).map((id) => ({ id }));
    },
    async registerContentScripts(list) {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, { js: script.js, matches: script.matches });
      }
    },
    async unregisterContentScripts({ ids: gone }: { ids: string[] }) {
      for (const id of gone) scripts.delete(id);
    },
  };
}

const ALL = { linkedin: true, gmail: true, outlook: true };

describe('each site’s content script follows its "Show the button" setting', () => {
  it('registers every site’s script while its button is on, once however often it is asked', async () => {
    const scripting = registry();
    expect(await syncSiteScripts(scripting, ALL)).toEqual({ registered: ['linkedin', 'gmail', 'outlook'], unregistered: [] });
    expect(await syncSiteScripts(scripting, ALL)).toEqual({ registered: [], unregistered: [] });
    expect(scripting.scripts.get(SCRIPT_IDS.linkedin)).toEqual({ js: ['content-scripts/linkedin.js'], matches: ['https://*.linkedin.com/*'] });
    expect(scripting.scripts.get(SCRIPT_IDS.gmail)).toEqual({ js: ['content-scripts/gmail.js'], matches: ['https://mail.google.com/*'] });
    expect(scripting.scripts.get(SCRIPT_IDS.outlook)?.matches).toContain('https://outlook.live.com/*');
  });

  it('unregisters only the site the rep hid, and brings it back when they show it again', async () => {
    const scripting = registry();
    await syncSiteScripts(scripting, ALL);
    expect(await syncSiteScripts(scripting, { ...ALL, gmail: false })).toEqual({ registered: [], unregistered: ['gmail'] });
    expect([...scripting.scripts.keys()].sort()).toEqual([SCRIPT_IDS.linkedin, SCRIPT_IDS.outlook].sort());
    expect(await syncSiteScripts(scripting, { ...ALL, gmail: false })).toEqual({ registered: [], unregistered: [] });
    expect(await syncSiteScripts(scripting, ALL)).toEqual({ registered: ['gmail'], unregistered: [] });
  });

  it('keeps LinkedIn free of any Leadline script in discreet mode', async () => {
    const scripting = registry();
    await syncSiteScripts(scripting, { ...ALL, linkedin: false });
    expect(scripting.scripts.has(SCRIPT_IDS.linkedin)).toBe(false);
  });
});
