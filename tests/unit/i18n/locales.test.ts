import { readdirSync } from 'node:fs';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { chromeMessages, LOCALES, LOCALES_DIR } from '../../locale-messages';

/** Each key of a locale with what a translation must keep: its `{named}` and `$1` placeholders, and plural forms. */
async function shapeOf(locale: string): Promise<Record<string, string>> {
  const messages = await parseMessagesFile(`${LOCALES_DIR}/${locale}.yml`);
  return Object.fromEntries(
    messages.map((message) => {
      const text = message.type === 'plural' ? Object.values(message.plurals).join(' | ') : message.message;
      const placeholders = [...new Set(text.match(/\{[A-Za-z0-9_]+\}|(?<!\$)\$[1-9]/g) ?? [])].sort().join(' ');
      const forms = message.type === 'plural' ? ` plural:${Object.keys(message.plurals).join(',')}` : '';
      return [message.key.join('.'), placeholders + forms];
    }),
  );
}

describe('the translations', () => {
  it('ship English, German, French, Spanish and Brazilian Portuguese, and nothing half-added', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(LOCALES.map((locale) => `${locale}.yml`).sort());
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the keys English has, with the same placeholders', async (locale) => {
    expect(await shapeOf(locale)).toEqual(await shapeOf('en'));
  });

  it('reads the placeholders a translation must keep', async () => {
    const english = await shapeOf('en');
    expect(english['followUp.titleWithCompany']).toBe('{company} {name}');
    expect(english['followUp.title']).not.toBe(english['followUp.titleWithCompany']);
  });

  it.each(LOCALES)('%s: every message has text, and the name and description fit the stores (75 and 132 characters)', async (locale) => {
    const messages = await chromeMessages(locale);
    for (const [key, { message }] of Object.entries(messages)) expect(message.trim(), key).not.toBe('');
    expect(messages.app_name!.message.length).toBeLessThanOrEqual(75);
    expect(messages.app_description!.message.length).toBeLessThanOrEqual(132);
  });

  // Chrome refuses to load an extension whose messages.json has any other name ("corners_bottom-left"
  // once did: every Chromium test failed at start while Firefox loaded it).
  it.each(LOCALES)('%s: every message name is one Chrome accepts (letters, digits, _ and @)', async (locale) => {
    const names = Object.keys(await chromeMessages(locale));
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((name) => !/^[A-Za-z0-9_@]+$/.test(name))).toEqual([]);
  });

  it.each(LOCALES)('%s: names its own language for <html lang>', async (locale) => {
    expect((await chromeMessages(locale)).app_language!.message).toBe(locale.replace('_', '-'));
  });
});
