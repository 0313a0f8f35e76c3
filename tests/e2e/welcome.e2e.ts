import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storedLeads, type Session } from './harness';
import { launchForEachTest } from './fresh-session';

/** The tab the extension opened by itself when it was installed. */
async function welcomeTab(session: Session): Promise<Page> {
  const url = `chrome-extension://${session.extensionId}/dashboard.html#welcome`;
  const opened = () => session.context.pages().find((page) => page.url() === url);
  await expect.poll(() => opened() !== undefined, { timeout: 10_000 }).toBe(true);
  return opened()!;
}

describe('a new rep installing Leadline', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('lands on the welcome page, learns where capture works, and tries a sample lead it can remove', async () => {
    const page = await welcomeTab(session);

    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Leadline' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Welcome', selected: true }).count()).toBe(1);
    const capture = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '1. Capture where you meet people' }) });
    // The shortcut as Chromium has it from the manifest.
    await expect.poll(() => capture.textContent()).toContain('or press Alt+Shift+L.');

    await page.getByRole('button', { name: 'Try it on a sample lead' }).click();
    await expect.poll(async () => (await storedLeads(session)).map((lead) => lead.fullName)).toEqual(['Sam Rivera (sample)']);

    await page.getByRole('button', { name: 'Open the sample lead' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sam Rivera (sample)' }).count()).toBe(1);
    await page.getByRole('group', { name: 'Authority' }).getByRole('radio', { name: 'Met', exact: true }).check();
    await expect.poll(() => page.getByText('BANT rule met: 3 of 4 met').count()).toBe(1);

    await page.getByRole('tab', { name: 'Welcome' }).click();
    await page.getByRole('button', { name: 'Remove the sample lead' }).click();
    await expect.poll(async () => (await storedLeads(session)).length).toBe(0);
  });
});
