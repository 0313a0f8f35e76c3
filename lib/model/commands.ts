/**
 * The keyboard command that captures the page the rep is on. The manifest (wxt.config.ts) declares it
 * with this default shortcut; the rep can change or remove it in the browser, so pages that can ask
 * the browser (the welcome page) show the shortcut as it is. Its description is translated with the
 * manifest's other text (lib/i18n/locales, `command.capturePage`).
 */
export const CAPTURE_COMMAND = {
  name: 'capture-page',
  defaultShortcut: 'Alt+Shift+L',
} as const;
