import { useState } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { App } from './App';
import { DashboardView } from './dashboard/DashboardView';
import { DataView } from './data/DataView';
import { SettingsView } from './settings/SettingsView';

export interface FullPageAppProps {
  db: LeadlineDatabase;
  now: () => number;
  /** Settings the background acts on changed (LinkedIn's button on or off): the entry point tells the background. */
  onSettingsChanged?: () => void;
  /** After a write that touched reminders (a restore, a deletion, a follow-up done): alarms and the badge follow at once. */
  onRemindersChanged?: () => void;
}

const TABS = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'leads', label: 'Leads' },
  { id: 'data', label: 'Import & export' },
  { id: 'settings', label: 'Settings' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function tabFromHash(hash: string): TabId {
  const id = hash.replace(/^#/, '');
  return TABS.find((tab) => tab.id === id)?.id ?? 'dashboard';
}

/** The full-page view: the acquisition dashboard, the leads (the popup's app, with room), data in and out, and settings. */
export function FullPageApp({ db, now, onSettingsChanged, onRemindersChanged }: FullPageAppProps) {
  const [tab, setTab] = useState<TabId>(() => tabFromHash(window.location.hash));

  function select(next: TabId) {
    setTab(next);
    history.replaceState(null, '', `#${next}`);
  }

  return (
    <div className="full-page">
      <header>
        <h1>Leadline</h1>
      </header>
      <div role="tablist" aria-label="Sections" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'dashboard' && <DashboardView db={db} now={now} />}
        {tab === 'leads' && (
          <div className="leads-tab">
            <App db={db} now={now} mode="page" {...(onRemindersChanged ? { onRemindersChanged } : {})} />
          </div>
        )}
        {tab === 'data' && <DataView db={db} now={now} {...(onRemindersChanged ? { onRemindersChanged } : {})} />}
        {tab === 'settings' && <SettingsView db={db} now={now} onSettingsChanged={onSettingsChanged} />}
      </section>
    </div>
  );
}
