import { join } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Where wxt.config.ts tells @wxt-dev/i18n the locale files are. */
export const LOCALES_DIR = join(__dirname, '../lib/i18n/locales');
export const LOCALES = ['en', 'de', 'fr', 'es', 'pt_BR'] as const;

export type ChromeMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** One locale's messages as the build writes them to `_locales/<locale>/messages.json`. */
export async function chromeMessages(locale: string): Promise<ChromeMessages> {
  return generateChromeMessages(await parseMessagesFile(join(LOCALES_DIR, `${locale}.yml`))) as ChromeMessages;
}

/**
 * `browser.i18n.getMessage` as the browser answers it from one locale's messages: keys are
 * case-insensitive, `$name$` placeholders and then `$1`…`$9` are substituted, `$$` is a dollar
 * sign, and an unknown key gives ''.
 */
export function getMessageFrom(messages: ChromeMessages) {
  const byKey = new Map(Object.entries(messages).map(([key, value]) => [key.toLowerCase(), value]));
  return (key: string, substitutions?: string | string[]): string => {
    const entry = byKey.get(key.toLowerCase());
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const withPlaceholders = entry.message.replace(
      /\$([a-z0-9_@]+)\$/gi,
      (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole,
    );
    return withPlaceholders.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
  };
}

/**
 * Runs `fn` as if the browser's language were this locale (its messages, and `uiLanguage` as
 * `getUILanguage()` reports it), then goes back to English.
 */
export async function inBrowserLanguage<R>(locale: string, uiLanguage: string, fn: () => R | Promise<R>): Promise<R> {
  return withMessages(await chromeMessages(locale), uiLanguage, fn);
}

/** Runs `fn` with these messages (a pseudo locale, say) and UI language, then goes back to what was there. */
export async function withMessages<R>(messages: ChromeMessages, uiLanguage: string, fn: () => R | Promise<R>): Promise<R> {
  const { getMessage, getUILanguage } = fakeBrowser.i18n;
  fakeBrowser.i18n.getMessage = getMessageFrom(messages) as typeof getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
  try {
    return await fn();
  } finally {
    Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage });
  }
}
