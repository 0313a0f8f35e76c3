import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserUnderTest, launch, ROOT, type Session } from './harness';

const BUILD = path.join(ROOT, browserUnderTest() === 'firefox' ? '.output/firefox-mv3' : '.output/chrome-mv3');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(BUILD, file), 'utf8'));

describe('Leadline in a German browser', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session?.removeProfile();
  });

  it('names itself from _locales, and marks its pages, its shortcut, its menu item and its in-page widget German', async () => {
    expect(readJson('manifest.json')).toMatchObject({ name: '__MSG_app_name__', default_locale: 'en' });
    expect(readJson('_locales/de/messages.json')).toMatchObject({
      app_name: { message: 'Leadline' },
      app_description: { message: expect.stringContaining('Ihre Daten verlassen nie Ihren Browser') },
    });

    const german = await launch({ language: 'de-DE' });
    session = german;
    const seen = await german.inExtension(async () => {
      const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
        i18n: { getUILanguage(): string; getMessage(key: string): string };
        commands: { getAll(): Promise<Array<{ name?: string; description?: string }>> };
      };
      const commands = await api.commands.getAll();
      return {
        uiLanguage: api.i18n.getUILanguage(),
        shortcut: commands.find((command) => command.name === 'capture-page')?.description,
        menuItem: api.i18n.getMessage('contextMenu_saveContact'),
      };
    });
    expect(seen.uiLanguage, 'the browser has no German: install Debian’s chromium-l10n and firefox-esr-l10n-de').toMatch(/^de\b/);
    expect(seen).toMatchObject({ shortcut: 'Kontaktdaten auf dieser Seite erfassen', menuItem: 'Kontakt in Leadline speichern' });

    const popup = await german.openPopup();
    await expect.poll(() => popup.evaluate(() => document.documentElement.lang, undefined)).toBe('de');
    // And it speaks German: the empty popup's guide and its views.
    await expect.poll(() => popup.getByRole('heading', { name: 'Noch keine Leads' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Heute' }).getAttribute('aria-pressed')).toBe('true');

    // The full page's dashboard and import tabs read their text from the German messages too.
    const dashboard = await german.openExtensionPage('dashboard.html#dashboard');
    await expect.poll(() => dashboard.getByRole('heading', { name: 'Noch keine Leads' }).count()).toBe(1);
    const data = await german.openExtensionPage('dashboard.html#data');
    await expect.poll(() => data.getByRole('heading', { name: 'CSV importieren' }).count()).toBe(1);

    // The full page in German: the welcome's sample lead, then the lead table's columns, count and dates.
    const page = await german.openExtensionPage('dashboard.html#welcome');
    await expect.poll(() => page.getByRole('heading', { name: 'Willkommen bei Leadline' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Mit einem Beispiel-Lead ausprobieren' }).click();
    await expect.poll(async () => (await german.storedRows('leads')).map((lead) => lead.fullName)).toEqual(['Sam Rivera (Beispiel)']);
    await page.getByRole('tab', { name: 'Leads' }).click();
    await expect.poll(() => page.getByText('1 Lead', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Firma' }).count()).toBe(1);
    expect(await page.locator('.cell-captured time').textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

    // The in-page widget on LinkedIn speaks German too (the page itself is English).
    const profile = await german.openFixture('linkedin/profile-2025.html');
    await expect.poll(() => profile.widget.buttons()).toEqual(['Lead speichern', 'Auf dieser Website ausblenden']);
    await profile.widget.click('Lead speichern');
    await expect.poll(() => profile.widget.status()).toBe('María José García-López in Leadline gespeichert');
    expect(await profile.widget.buttons()).toEqual(['In Leadline öffnen', 'Gespeichert', 'Auf dieser Website ausblenden']);
  });
});
