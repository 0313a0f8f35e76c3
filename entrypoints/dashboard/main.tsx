import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { FullPageApp } from '@/components/FullPageApp';
import { getDatabase } from '@/lib/db/database';
import { setDocumentLanguage } from '@/lib/i18n';
import { CAPTURE_COMMAND } from '@/lib/model/commands';
import { sendToBackground } from '@/lib/messaging/client';
import '@/components/theme.css';
import '@/components/lead-views.css';
import './style.css';

setDocumentLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FullPageApp
      db={getDatabase()}
      now={() => Date.now()}
      // The background reschedules alarms and the badge after reminders set from the lead table.
      onRemindersChanged={() => void sendToBackground('reminders.sync', {})}
      // The background registers or unregisters LinkedIn's content script.
      onSettingsChanged={() => void sendToBackground('settings.sync', {})}
      captureShortcut={async () => (await browser.commands.getAll()).find((command) => command.name === CAPTURE_COMMAND.name)?.shortcut}
    />
  </StrictMode>,
);
