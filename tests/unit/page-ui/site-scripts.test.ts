import { describe, expect, it } from 'vitest';
import { applyButtonSettings, SCRIPT_IDS, syncSiteScripts, type ScriptRegistry, type TabMessenger } from '@/lib/page-ui/site-scripts';

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

/** Open tabs at real addresses, matched by `query` as the browser matches its url patterns (scheme, host, any path). */
function openTabs(urls: string[]): TabMessenger & { told: string[] } {
  const told: string[] = [];
  const matches = (pattern: string, url: URL) => {
    const [, scheme, host] = /^(\*|https?):\/\/([^/]+)\//.exec(pattern) ?? [];
    if (!scheme || !host || (scheme !== '*' && `${scheme}:` !== url.protocol)) return false;
    return host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host;
  };
  return {
    told,
    async query({ url: patterns }) {
      return urls.flatMap((url, id) => (patterns.some((pattern) => matches(pattern, new URL(url))) ? [{ id }] : []));
    },
    async sendMessage(id, message) {
      // A tab whose script is not running refuses, as the browser does ("Receiving end does not exist").
      if (urls[id]!.includes('no-script')) throw new Error('Could not establish connection. Receiving end does not exist.');
      told.push(`${urls[id]} ${message.type}`);
      return undefined;
    },
  };
}

describe('hiding the button on a site clears it from that site’s open tabs', () => {
  const URLS = [
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ',
    'https://mail.google.com/mail/u/1/#inbox?no-script',
    'https://www.linkedin.com/in/ana-bell/',
    'https://example.com/team',
  ];

  it('tells every open tab of the hidden site, and no other, to drop its widget', async () => {
    const scripting = registry();
    await syncSiteScripts(scripting, ALL);
    const tabs = openTabs(URLS);
    expect(await applyButtonSettings(scripting, tabs, { ...ALL, gmail: false })).toEqual({ registered: [], unregistered: ['gmail'] });
    expect(tabs.told).toEqual(['https://mail.google.com/mail/u/0/#inbox/FMfcgzQ widget.hidden']);
  });

  it('tells no tab anything when nothing was hidden (a start-up, or a button shown again)', async () => {
    const scripting = registry();
    const tabs = openTabs(URLS);
    await applyButtonSettings(scripting, tabs, ALL);
    await applyButtonSettings(scripting, tabs, ALL);
    expect(tabs.told).toEqual([]);
  });
});
