import { describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../drivers/firefox';
import { launchForEachTest } from '../fresh-session';
import type { Session } from '../harness';

// Firefox only: Chrome grants a content script's hosts when the extension is installed, so there
// is nothing to decline at install there. In Firefox MV3 the rep can decline them (this profile
// starts as if they had), and Leadline must say so and ask again on a click.
const SITE_ORIGINS = [
  'https://*.linkedin.com/*',
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://outlook.live.com/*',
];
const ALL_SITES = 'LinkedIn, Gmail, and Outlook on the web';

const grantedOrigins = (session: Session) =>
  session.inExtension(async () => ((await (globalThis as any).browser.permissions.getAll()).origins as string[]).sort());

describe('Firefox without access to LinkedIn, Gmail and Outlook', () => {
  let session: FirefoxSession;
  launchForEachTest(
    (launched) => (session = launched as FirefoxSession),
    () => launchFirefox({ hostAccessAtInstall: false }),
  );

  it('shows no button on LinkedIn, says why in the toolbar popup, and asks Firefox for exactly those sites on a click', async () => {
    expect(await grantedOrigins(session)).toEqual([]);
    const profile = await session.openFixture('linkedin/profile-2025.html');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await profile.widget.isShown()).toBe(false);

    const popup = await session.pressToolbarButton(profile);
    await expect.poll(() => popup.text()).toContain(`Leadline can't show its Save lead button on ${ALL_SITES}`);

    // First the rep says no: nothing is granted, and the popup keeps the offer.
    await popup.click(`Allow access to ${ALL_SITES}`);
    await session.answerPermissionPrompt("Don't allow");
    await expect.poll(() => popup.text()).toContain(`Access to ${ALL_SITES} was not given, so the Save lead button stays off there.`);
    expect(await grantedOrigins(session)).toEqual([]);

    // Then yes: exactly the content scripts' sites are granted, and the button comes to LinkedIn.
    await popup.click(`Allow access to ${ALL_SITES}`);
    await session.answerPermissionPrompt('Allow');
    await expect.poll(() => popup.text()).toContain(`Access granted. Reload any open ${ALL_SITES} tab to see the Save lead button there.`);
    expect(await popup.text()).not.toContain('Allow access to');
    expect(await grantedOrigins(session)).toEqual([...SITE_ORIGINS].sort());

    await profile.reload();
    await profile.widget.click('Save lead');
    await expect.poll(() => profile.widget.status()).toBe('Saved María José García-López to Leadline');
  });

  it('still captures any page through the toolbar button (activeTab)', async () => {
    const page = await session.openFixture('web/team-microdata.html');
    const popup = await session.pressToolbarButton(page);
    await expect.poll(() => popup.text()).toContain(`Allow access to ${ALL_SITES}`);
    await popup.click('Capture this page');
    await expect.poll(() => popup.text()).toContain('Found 6 people on this page');
    await page.widget.check('Henrik Sørensen');
    await page.widget.click('Save selected (1)');
    await expect.poll(() => page.widget.status()).toBe('Saved Henrik Sørensen to Leadline');
    expect((await session.storedRows('leads')).map((lead) => lead.fullName)).toEqual(['Henrik Sørensen']);
    expect(await grantedOrigins(session)).toEqual([]);
  });
});
