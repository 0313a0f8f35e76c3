import { i18n } from '#i18n';
import type { WxtBrowser } from 'wxt/browser';

/**
 * Leadline's text in the browser's language. Keys and placeholders are those of locales/en.yml,
 * typed: `t('followUp.title', { name })`. It reads the extension's `_locales` through
 * `browser.i18n.getMessage`, which is synchronous and works the same in extension pages, the
 * background and content scripts; a language without a file (or a key missing from one) falls
 * back to English.
 */
export const t = i18n.t;

/**
 * The extension's i18n API, looked up when asked for rather than imported. `wxt/browser` is the
 * webextension polyfill, which throws as soon as it loads where there is no extension API, as in the
 * CSV and backup Workers; those load lib/model, which words its labels through this module, and
 * must still start. (`t()` itself goes through `@wxt-dev/browser`, which only looks the API up.)
 */
function extensionI18n(): WxtBrowser['i18n'] | undefined {
  const scope = globalThis as { browser?: WxtBrowser; chrome?: WxtBrowser };
  return (scope.browser ?? scope.chrome)?.i18n;
}

/**
 * The browser's UI language as a BCP 47 tag ("de-DE", "pt-BR"): the locale numbers, dates and
 * currencies are written in. English when the browser reports nothing Intl can use.
 */
export function uiLocale(): string {
  const reported = (extensionI18n()?.getUILanguage() ?? navigator.language).replace(/_/g, '-');
  try {
    return Intl.NumberFormat.supportedLocalesOf([reported]).length > 0 ? reported : 'en';
  } catch {
    return 'en';
  }
}

/**
 * Marks an extension page with the language its text is in, so screen readers pronounce it and the
 * browser hyphenates it right. That is the language of the messages the browser picked, not the UI
 * language itself: in an Italian browser Leadline shows English, and says so.
 */
export function setDocumentLanguage(doc: Document = document): void {
  doc.documentElement.lang = t('app.language');
}
