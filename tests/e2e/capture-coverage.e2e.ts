import { describe, expect, it } from 'vitest';
import { fixtureUrl, type Session, type Tab } from './harness';
import { launchForEachTest } from './fresh-session';

async function saveFromPage(page: Tab): Promise<void> {
  await page.widget.click('Save lead');
  await expect.poll(() => page.widget.buttons()).toEqual(['Open in Leadline', 'Saved']);
}

/** The ids of the content scripts the background has registered (LinkedIn's, unless discreet mode is on). */
function registeredScripts(session: Session): Promise<string[]> {
  return session.inExtension(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return ((await api.scripting.getRegisteredContentScripts()) as Array<{ id: string }>).map((script) => script.id);
  });
}

describe('capture on more of the pages reps use', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('saves a public profile on a LinkedIn country subdomain under its www profile URL', async () => {
    expect(new URL(fixtureUrl('linkedin/profile-public-fr-subdomain.html')).hostname).toBe('fr.linkedin.com');
    const page = await session.openFixture('linkedin/profile-public-fr-subdomain.html');
    await saveFromPage(page);
    await expect.poll(() => page.widget.status()).toBe('Saved Juliette Lefort to Leadline');
    const [lead] = await session.storedRows('leads');
    expect(lead).toMatchObject({
      fullName: 'Juliette Lefort',
      firstName: 'Juliette',
      lastName: 'Lefort',
      title: 'Directrice commerciale',
      company: 'Maison Lefort',
      location: 'Bordeaux, Nouvelle-Aquitaine, France',
      profileUrl: 'https://www.linkedin.com/in/juliette-lefort-b2b/',
      source: 'linkedin',
    });
  });

  it('saves the lead of a Sales Navigator lead page, with its public profile and a phone in E.164', async () => {
    const page = await session.openFixture('blind/linkedin/salesnav-lead-page.html');
    await saveFromPage(page);
    const [lead] = await session.storedRows('leads');
    expect(lead).toMatchObject({
      fullName: 'Gregory Hale',
      title: 'SVP, Global Sourcing',
      company: 'Meridian Foods Inc.',
      email: 'greg.hale@meridianfoods.com',
      phoneE164: '+16125550134',
      profileUrl: 'https://www.linkedin.com/in/gregory-hale-mfi/',
      sourceUrl: 'https://www.linkedin.com/sales/lead/ACwAAAB3xYz1kQ9pLm0r7TuVwX2aBcDeFgHiJkL,NAME_SEARCH,x8Pq',
    });
  });

  it('finishes a capture within its time budget on a page built to make it run long', async () => {
    // 20,000 named cards, each with a title and a mailto link: the time budget stops the reading.
    const page = await session.openFixture('web/hostile-many-cards.html');
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('article').length, undefined)).toBe(20_000);
    const popup = await session.pressToolbarButton(page);
    await popup.click('Capture this page');
    // Loading 80,000 elements and the popup's round trip take a while on a busy machine; what is
    // asserted is that the capture ends, with at most 50 people, and the page stays the rep's.
    await expect.poll(() => popup.text(), { timeout: 30_000 }).toMatch(/Found \d+ people on this page/);
    const offered = (await page.widget.choices()).length;
    expect(offered).toBeGreaterThan(0);
    expect(offered).toBeLessThanOrEqual(50);
    expect(await page.evaluate(() => document.title, undefined)).toBe('Our team');
  });
});

describe('discreet mode on LinkedIn', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('registers LinkedIn’s content script by default', async () => {
    expect(await registeredScripts(session)).toEqual(['leadline-linkedin']);
  });

  it('puts no element and no script on LinkedIn when the button is off, and still captures from the toolbar', async () => {
    const settings = await session.openExtensionPage('dashboard.html#settings');
    const box = settings.getByRole('checkbox', { name: 'Show the Save button on LinkedIn' });
    // The box shows what is stored, so wait for the write to come back rather than for the click.
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(false);
    await expect.poll(() => registeredScripts(session)).toEqual([]);

    const page = await session.openFixture('linkedin/profile-2025.html');
    // Long enough for a content script at document_idle to have mounted its button.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await page.widget.isShown()).toBe(false);
    expect(await page.evaluate(() => document.querySelectorAll('leadline-capture').length, undefined)).toBe(0);

    const popup = await session.pressToolbarButton(page);
    await popup.click('Capture this page');
    await expect.poll(() => popup.text()).toContain('Found 1 person on this page');
    await expect.poll(async () => (await session.storedRows('leads')).length).toBe(1);
    const [lead] = await session.storedRows('leads');
    expect(lead).toMatchObject({
      fullName: 'María José García-López',
      source: 'linkedin',
      profileUrl: 'https://www.linkedin.com/in/maria-jose-garcia-lopez/',
    });
  });
});
