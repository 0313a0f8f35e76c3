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

  it('names itself from _locales, and marks its pages, its shortcut and its menu item German', async () => {
    expect(readJson('manifest.json')).toMatchObject({ name: '__MSG_app_name__', default_locale: 'en' });
    expect(readJson('_locales/de/messages.json')).toMatchObject({
      app_name: { message: 'Leadline' },
      app_description: { message: expect.stringContaining('Ihre Daten verlassen nie Ihren Browser') },
    });

    session = await launch({ language: 'de-DE' });
    const seen = await session.inExtension(async () => {
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

    const popup = await session.openPopup();
    await expect.poll(() => popup.evaluate(() => document.documentElement.lang, undefined)).toBe('de');
    // And it speaks German: the empty popup's guide and its views.
    await expect.poll(() => popup.getByRole('heading', { name: 'Noch keine Leads' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Heute' }).getAttribute('aria-pressed')).toBe('true');
  });
});
