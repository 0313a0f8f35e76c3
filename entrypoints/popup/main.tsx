import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { App } from '@/components/App';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { getDatabase } from '@/lib/db/database';
import { setDocumentLanguage } from '@/lib/i18n';
import { grantPageCapture } from '@/lib/db/page-grants';
import { sendToBackground } from '@/lib/messaging/client';
import { hasSidePanel, openSidePanelFromClick } from '@/lib/messaging/side-panel';
import { leadIdFromHash, prefillFromHash } from '@/lib/model/lead-link';
import { captureActiveTab } from '@/lib/page-ui/inject';
import { contentScriptSites } from '@/lib/permissions/host-access';
import '@/components/theme.css';
import '@/components/lead-views.css';
import './style.css';

const SITES_WITH_BUTTON = contentScriptSites();
const db = getDatabase();
const initialAdd = prefillFromHash(location.hash);

setDocumentLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App
      db={db}
      now={() => Date.now()}
      capturePage={() => captureActiveTab((tabId) => grantPageCapture(db, tabId, Date.now()))}
      openSidePanel={
        hasSidePanel()
          ? () => void openSidePanelFromClick().then((opened) => opened && window.close())
          : undefined
      }
      initialLeadId={leadIdFromHash(location.hash)}
      {...(initialAdd ? { initialAdd } : {})}
      // The background reschedules alarms and the badge; a popup closing mid-send loses nothing it needs.
      onRemindersChanged={() => void sendToBackground('reminders.sync', {})}
      notice={<HostAccessNotice permissions={browser.permissions} sites={SITES_WITH_BUTTON} />}
    />
  </StrictMode>,
);
