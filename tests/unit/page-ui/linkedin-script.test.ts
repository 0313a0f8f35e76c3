import { describe, expect, it } from 'vitest';
import { LINKEDIN_SCRIPT_ID, syncLinkedInScript, type ScriptRegistry } from '@/lib/page-ui/linkedin-script';

/** An in-memory `browser.scripting` registry. */
function registry(): ScriptRegistry & { ids: Set<string>; matches: string[] } {
  const ids = new Set<string>();
  const state = {
    ids,
    matches: [] as string[],
    async getRegisteredContentScripts({ ids: wanted }: { ids: string[] }) {
      return wanted.filter((id) => ids.has(id)).map((id) => ({ id }));
    },
    async registerContentScripts(scripts: Array<{ id: string; matches: string[] }>) {
      for (const script of scripts) {
        if (ids.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        ids.add(script.id);
        state.matches = script.matches;
      }
    },
    async unregisterContentScripts({ ids: gone }: { ids: string[] }) {
      for (const id of gone) ids.delete(id);
    },
  };
  return state;
}

describe('LinkedIn’s content script follows the "Show the Save button on LinkedIn" setting', () => {
  it('is registered on every LinkedIn host while the button is on, once however often it is asked', async () => {
    const scripting = registry();
    expect(await syncLinkedInScript(scripting, true)).toBe('registered');
    expect(await syncLinkedInScript(scripting, true)).toBe('unchanged');
    expect([...scripting.ids]).toEqual([LINKEDIN_SCRIPT_ID]);
    expect(scripting.matches).toEqual(['https://*.linkedin.com/*']);
  });

  it('is unregistered when the rep turns the button off, and comes back when they turn it on', async () => {
    const scripting = registry();
    await syncLinkedInScript(scripting, true);
    expect(await syncLinkedInScript(scripting, false)).toBe('unregistered');
    expect(scripting.ids.size).toBe(0);
    expect(await syncLinkedInScript(scripting, false)).toBe('unchanged');
    expect(await syncLinkedInScript(scripting, true)).toBe('registered');
  });
});
