import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { getDatabase } from '@/lib/db/database';
import { captureActiveTab } from '@/lib/page-ui/inject';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App db={getDatabase()} now={() => Date.now()} capturePage={() => captureActiveTab()} />
  </StrictMode>,
);
