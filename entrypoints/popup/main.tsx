import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { App } from '@/components/App';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { getDatabase } from '@/lib/db/database';
import { sendToBackground } from '@/lib/messaging/client';
import { leadIdFromHash } from '@/lib/model/lead-link';
import { captureActiveTab } from '@/lib/page-ui/inject';
import { contentScriptSites } from '@/lib/permissions/host-access';
import '@/components/theme.css';
import '@/components/lead-views.css';
import './style.css';

const SITES_WITH_BUTTON = contentScriptSites();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App
      db={getDatabase()}
      now={() => Date.now()}
      capturePage={() => captureActiveTab()}
      initialLeadId={leadIdFromHash(location.hash)}
      // The background reschedules alarms and the badge; a popup closing mid-send loses nothing it needs.
      onRemindersChanged={() => void sendToBackground('reminders.sync', {})}
      notice={<HostAccessNotice permissions={browser.permissions} sites={SITES_WITH_BUTTON} />}
    />
  </StrictMode>,
);
