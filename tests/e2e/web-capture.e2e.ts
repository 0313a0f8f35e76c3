import { describe, expect, it } from 'vitest';

// Runs inside the extension's service worker, where the chrome namespace exists.
declare const chrome: any;
import { clickToolbarIcon, openFixture, storedLeads, type Session } from './harness';
import { launchForEachTest } from './fresh-session';

describe('capturing any page through the toolbar popup', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('cannot read an ordinary page until the rep clicks the toolbar button', async () => {
    const page = await openFixture(session, 'web/speaker-bio.html');
    const attempt = await session.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      try {
        await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, func: () => document.title });
        return 'read';
      } catch {
        return 'refused';
      }
    }, page.url());
    expect(attempt).toBe('refused');
  });

  it('offers a pick list on a team page and saves only the people the rep ticks', async () => {
    const page = await openFixture(session, 'web/team-microdata.html');
    const popup = await clickToolbarIcon(session, page);
    await popup.click('Capture this page');
    await expect.poll(() => popup.text()).toContain('Found 6 people on this page');

    const picker = page.locator('leadline-capture');
    await picker.getByRole('checkbox', { name: /Henrik Sørensen/ }).check();
    await picker.getByRole('checkbox', { name: /Daniel O'Connor/ }).check();
    await picker.getByRole('button', { name: 'Save selected (2)' }).click();
    await expect.poll(() => picker.getByRole('status').textContent()).toBe('2 saved.');

    const leads = await storedLeads(session);
    expect(leads.map((lead) => lead.fullName).sort()).toEqual(["Daniel O'Connor", 'Henrik Sørensen']);
    const henrik = leads.find((lead) => lead.fullName === 'Henrik Sørensen');
    expect(henrik).toMatchObject({
      source: 'web',
      company: 'Brightforge Analytics',
      email: 'henrik.sorensen@brightforge-analytics.com',
      phoneE164: '+4533125566',
      sourceUrl: page.url(),
    });
  });

  it('reads a hostile page without an error in it, offering at most 50 people', async () => {
    const errors: string[] = [];
    const page = await openFixture(session, 'web/hostile.html');
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const popup = await clickToolbarIcon(session, page);
    await popup.click('Capture this page');
    await expect.poll(() => popup.text()).toMatch(/Found \d+ people on this page/);
    const offered = await page.locator('leadline-capture').getByRole('checkbox').count();
    expect(offered).toBeGreaterThan(0);
    expect(offered).toBeLessThanOrEqual(50);
    expect(await page.locator('leadline-capture').locator('script, img').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says so when a page has nobody on it, and saves nothing', async () => {
    const page = await openFixture(session, 'web/empty-page.html');
    const popup = await clickToolbarIcon(session, page);
    await popup.click('Capture this page');
    await expect.poll(() => popup.text()).toContain('No prospect found on this page.');
    await expect.poll(() => page.locator('leadline-capture').getByRole('alert').textContent()).toBe('No prospect found on this page.');
    expect(await storedLeads(session)).toEqual([]);
  });
});
