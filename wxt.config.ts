import react from '@vitejs/plugin-react';
import { defineConfig } from 'wxt';

// Permissions stay narrow: LinkedIn is reached through its content script's match pattern only,
// and nothing else is requested until a feature needs it.
export default defineConfig({
  vite: () => ({ plugins: [react()] }),
  manifest: ({ browser }) => ({
    name: 'Leadline',
    description:
      'Capture and qualify B2B leads where you meet them. Local-first: your data never leaves your browser.',
    permissions: [],
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
