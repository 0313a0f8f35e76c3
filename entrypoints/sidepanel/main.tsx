import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanel } from '@/components/SidePanel';
import { getDatabase } from '@/lib/db/database';
import { setDocumentLanguage } from '@/lib/i18n';
import { watchActivePage } from '@/lib/messaging/active-page';
import { sendToBackground } from '@/lib/messaging/client';
import '@/components/theme.css';
import '@/components/lead-views.css';
import './style.css';

setDocumentLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanel
      db={getDatabase()}
      now={() => Date.now()}
      watchPage={watchActivePage}
      onRemindersChanged={() => void sendToBackground('reminders.sync', {})}
    />
  </StrictMode>,
);
