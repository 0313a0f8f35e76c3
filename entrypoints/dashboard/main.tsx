import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FullPageApp } from '@/components/FullPageApp';
import { getDatabase } from '@/lib/db/database';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FullPageApp db={getDatabase()} now={() => Date.now()} />
  </StrictMode>,
);
