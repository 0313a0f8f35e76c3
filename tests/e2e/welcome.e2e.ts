import { describe, expect, it } from 'vitest';
import type { Session } from './harness';
import { launchForEachTest } from './fresh-session';

/** The addresses of the extension's own pages open in tabs, read from the extension itself. */
function extensionTabs(session: Session): Promise<string[]> {
  return session.inExtension(async () => {
    const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
      extension?: { getViews?: (o: { type: string }) => Window[] };
      runtime: { getContexts?: (o: { contextTypes: string[] }) => Promise<Array<{ documentUrl?: string }>> };
    };
    // Pages (Firefox's background) list their views; Chromium's service worker asks for its contexts.
    if (api.extension?.getViews) return api.extension.getViews({ type: 'tab' }).map((view) => view.location.href);
    return (await api.runtime.getContexts!({ contextTypes: ['TAB'] })).map((context) => context.documentUrl ?? '');
  });
}

describe('a new rep installing Leadline', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('gets the welcome page in a tab of its own, learns where capture works, and tries a sample lead it can remove', async () => {
    await expect.poll(() => extensionTabs(session), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/\/dashboard\.html#welcome$/));

    const page = await session.openExtensionPage('dashboard.html#welcome');
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Leadline' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Welcome', selected: true }).count()).toBe(1);
    const capture = page.getByRole('listitem').filter({ hasText: '1. Capture where you meet people' });
    // The shortcut as the browser has it from the manifest.
    await expect.poll(() => capture.textContent()).toContain('or press Alt+Shift+L.');

    await page.getByRole('button', { name: 'Try it on a sample lead' }).click();
    await expect.poll(async () => (await session.storedRows('leads')).map((lead) => lead.fullName)).toEqual(['Sam Rivera (sample)']);

    await page.getByRole('button', { name: 'Open the sample lead' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sam Rivera (sample)' }).count()).toBe(1);
    // A click, then the stored answer checks the radio (it follows the database, so Playwright's check() would race it).
    const authorityMet = page.getByRole('group', { name: 'Authority' }).getByRole('radio', { name: 'Met', exact: true });
    await authorityMet.click();
    await expect.poll(() => authorityMet.isChecked()).toBe(true);
    await expect.poll(() => page.getByText('BANT rule met: 3 of 4 met').count()).toBe(1);

    await page.getByRole('tab', { name: 'Welcome' }).click();
    await page.getByRole('button', { name: 'Remove the sample lead' }).click();
    await expect.poll(async () => (await session.storedRows('leads')).length).toBe(0);
  });
});
