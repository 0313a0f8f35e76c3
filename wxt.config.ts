import react from '@vitejs/plugin-react';
import { defineConfig } from 'wxt';
import { CAPTURE_COMMAND } from './lib/model/commands';

// Permissions stay narrow: LinkedIn and the web inboxes are reached through their content scripts'
// match patterns only; any other page is read on demand through activeTab + scripting, after the
// rep clicks "Capture this page", the context-menu item or the keyboard shortcut.
export default defineConfig({
  // Every extension API call goes through webextension-polyfill's promise-based `browser` in Chrome
  // (Firefox's own `browser` is used as it is); the types stay WXT's.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too is built as MV3 (WXT's default for Firefox is MV2).
  manifestVersion: 3,
  vite: () => ({ plugins: [react()] }),
  manifest: ({ browser }) => ({
    name: 'Leadline',
    description:
      'Capture and qualify B2B leads where you meet them. Local-first: your data never leaves your browser.',
    permissions: ['activeTab', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    commands: {
      [CAPTURE_COMMAND.name]: {
        suggested_key: { default: CAPTURE_COMMAND.defaultShortcut },
        description: CAPTURE_COMMAND.description,
      },
    },
    action: { default_title: 'Leadline' },
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
