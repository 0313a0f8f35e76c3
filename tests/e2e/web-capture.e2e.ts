import { describe, expect, it } from 'vitest';
import type { Session } from './harness';
import { launchForEachTest } from './fresh-session';

// Chromium: CDP's Extensions.triggerAction presses the button. Firefox: a mouse click on the real
// button in the browser's toolbar (see pressToolbarButton in drivers/firefox.ts).
describe('capturing any page through the toolbar popup', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('cannot read an ordinary page until the rep clicks the toolbar button', async () => {
    const page = await session.openFixture('web/speaker-bio.html');
    expect(await session.extensionCanRead(page)).toBe(false);
    await session.pressToolbarButton(page);
    expect(await session.extensionCanRead(page)).toBe(true);
  });

  it('offers a pick list on a team page and saves only the people the rep ticks', async () => {
    const page = await session.openFixture('web/team-microdata.html');
    const popup = await session.pressToolbarButton(page);
    await popup.click('Capture this page');
    await expect.poll(() => popup.text()).toContain('Found 6 people on this page');

    await page.widget.check('Henrik Sørensen');
    await page.widget.check("Daniel O'Connor");
    await page.widget.click('Save selected (2)');
    await expect.poll(() => page.widget.status()).toBe('2 saved.');

    const leads = await session.storedRows('leads');
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
    const page = await session.openFixture('web/hostile.html');
    // The fixture's own scripts may misbehave while it loads; only what happens from here on counts.
    const [errorsBefore, dialogsBefore] = [page.errors.length, page.dialogs.length];
    const popup = await session.pressToolbarButton(page);
    await popup.click('Capture this page');
    await expect.poll(() => popup.text()).toMatch(/Found \d+ people on this page/);
    const offered = (await page.widget.choices()).length;
    expect(offered).toBeGreaterThan(0);
    expect(offered).toBeLessThanOrEqual(50);
    expect(await page.widget.countInside('script, img')).toBe(0);
    expect([...page.errors.slice(errorsBefore), ...page.dialogs.slice(dialogsBefore)]).toEqual([]);
  });

  it('says so when a page has nobody on it, and saves nothing', async () => {
    const page = await session.openFixture('web/empty-page.html');
    const popup = await session.pressToolbarButton(page);
    await popup.click('Capture this page');
    await expect.poll(() => popup.text()).toContain('No prospect found on this page.');
    await expect.poll(() => page.widget.alert()).toBe('No prospect found on this page.');
    expect(await session.storedRows('leads')).toEqual([]);
  });
});
