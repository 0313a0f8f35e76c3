import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'wxt';
import { CAPTURE_COMMAND } from './lib/model/commands';

// Permissions stay narrow: LinkedIn and the web inboxes are reached through their content scripts'
// match patterns only; any other page is read on demand through activeTab + scripting, after the
// rep clicks "Capture this page", the context-menu item or the keyboard shortcut.
export default defineConfig({
  // Every extension API call goes through webextension-polyfill's promise-based `browser` in Chrome
  // (Firefox's own `browser` is used as it is); the types stay WXT's.
  // @wxt-dev/i18n turns lib/i18n/locales/*.yml into _locales/*/messages.json and types `t()`'s keys.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // The project's top level is fixed, so the locales live with the code that reads them (lib/i18n).
  i18n: { localesDir: fileURLToPath(new URL('./lib/i18n/locales', import.meta.url)) },
  // Firefox too is built as MV3 (WXT's default for Firefox is MV2).
  manifestVersion: 3,
  vite: () => ({ plugins: [react()] }),
  manifest: ({ browser }) => ({
    // The browser shows the name, description and titles in its own language (lib/i18n/locales); the
    // toolbar button's title is set in entrypoints/popup/index.html, where WXT reads it.
    default_locale: 'en',
    name: '__MSG_app_name__',
    description: '__MSG_app_description__',
    permissions: ['activeTab', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    commands: {
      [CAPTURE_COMMAND.name]: {
        suggested_key: { default: CAPTURE_COMMAND.defaultShortcut },
        description: '__MSG_command_capturePage__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'leadline@leadline.app',
              // data_collection_permissions needs Firefox 140 on desktop and 142 on Android.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
