import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FullPageApp } from '@/components/FullPageApp';
import { getDatabase } from '@/lib/db/database';
import { sendToBackground } from '@/lib/messaging/client';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FullPageApp
      db={getDatabase()}
      now={() => Date.now()}
      // The background registers or unregisters LinkedIn's content script.
      onSettingsChanged={() => void sendToBackground('settings.sync', {})}
      // A restore, a deletion or a follow-up done here: the background reschedules alarms and recounts the badge.
      onRemindersChanged={() => void sendToBackground('reminders.sync', {})}
    />
  </StrictMode>,
);
