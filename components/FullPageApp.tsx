import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { createLeadRowStore } from '@/lib/db/lead-rows';
import { t } from '@/lib/i18n';
import { filterFromParams, filterToParams } from '@/lib/model/lead-filter';
import type { LeadQuery } from '@/lib/model/lead-query';
import { DEFAULT_SORT, LeadSortSchema } from '@/lib/model/lead-sort';
import { DashboardView } from './dashboard/DashboardView';
import { DataView } from './data/DataView';
import { LeadsView } from './leads/LeadsView';
import { readRowsOffPage } from './leads/read-rows-off-page';
import { SettingsView } from './settings/SettingsView';
import { UndoBar } from './UndoBar';
import './app.css';
import { WelcomeView } from './welcome/WelcomeView';

export interface FullPageAppProps {
  db: LeadlineDatabase;
  now: () => number;
  /** After a write that touched reminders (added, done, deleted with their lead, or restored), so the background reschedules alarms and the badge. */
  onRemindersChanged?: () => void;
  /** Settings the background acts on changed (LinkedIn's button on or off): the entry point tells the background. */
  onSettingsChanged?: () => void;
  /** The capture shortcut as the browser has it (the rep may have changed or removed it). */
  captureShortcut?: () => Promise<string | undefined>;
}

/** The tabs, in order: the welcome first, as a new rep meets it. */
const TABS = [
  { id: 'welcome', label: () => t('fullPage.tabs.welcome') },
  { id: 'leads', label: () => t('fullPage.tabs.leads') },
  { id: 'dashboard', label: () => t('fullPage.tabs.dashboard') },
  { id: 'data', label: () => t('fullPage.tabs.data') },
  { id: 'settings', label: () => t('fullPage.tabs.settings') },
] as const;
type TabId = (typeof TABS)[number]['id'];

// Without a tab in the address (the popup's link), the page opens on the dashboard.
const DEFAULT_TAB: TabId = 'dashboard';

/** "#leads?stage=qualified&sort=score" → the tab, and for the lead table its filter and order. */
export function locationFromHash(hash: string): { tab: TabId; query: LeadQuery } {
  const [name = '', search = ''] = hash.replace(/^#/, '').split('?');
  const tab = TABS.find((each) => each.id === name)?.id ?? DEFAULT_TAB;
  const params = new URLSearchParams(search);
  const sort = LeadSortSchema.safeParse({ column: params.get('sort'), direction: params.get('dir') });
  return { tab, query: { filter: filterFromParams(params), sort: sort.success ? sort.data : DEFAULT_SORT } };
}

function hashOf(tab: TabId, query: LeadQuery): string {
  if (tab !== 'leads') return `#${tab}`;
  const params = filterToParams(query.filter);
  if (query.sort.column !== DEFAULT_SORT.column || query.sort.direction !== DEFAULT_SORT.direction) {
    params.set('sort', query.sort.column);
    params.set('dir', query.sort.direction);
  }
  const search = params.toString();
  return search ? `#leads?${search}` : '#leads';
}

/** The full page: welcome, the lead table, the acquisition dashboard, data in and out, and settings. */
export function FullPageApp({ db, now, onRemindersChanged, onSettingsChanged, captureShortcut }: FullPageAppProps) {
  const [location] = useState(() => locationFromHash(window.location.hash));
  const [tab, setTab] = useState<TabId>(location.tab);
  const [query, setQuery] = useState<LeadQuery>(location.query);
  const [openLeadId, setOpenLeadId] = useState<string | null>(null);
  // Read once the Leads tab is first shown, then kept while the page is open, so coming back is instant.
  const [store] = useState(() => createLeadRowStore(db, { readRows: readRowsOffPage }));
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());

  useEffect(() => {
    const next = hashOf(tab, query);
    if (window.location.hash !== next) history.replaceState(null, '', next);
  }, [tab, query]);

  useEffect(() => {
    // A link followed into this open page (another "34 imported today" line, say).
    const follow = () => {
      const next = locationFromHash(window.location.hash);
      setTab(next.tab);
      if (next.tab === 'leads') setQuery(next.query);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  function select(next: TabId, focus = false) {
    setTab(next);
    if (focus) tabRefs.current.get(next)?.focus();
  }

  function openLead(id: string | null) {
    setOpenLeadId(id);
    if (id) setTab('leads');
  }

  // The tabs pattern: arrow keys move between tabs (and show them), Home and End go to the first and last.
  function onTabKeyDown(event: KeyboardEvent) {
    const index = TABS.findIndex((each) => each.id === tab);
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(TABS[(target + TABS.length) % TABS.length]!.id, true);
  }

  return (
    <div className={tab === 'leads' ? 'full-page wide' : 'full-page'}>
      <header className="page-header">
        <h1>{t('app.name')}</h1>
      </header>
      <nav>
        <div role="tablist" aria-label={t('fullPage.sections')} className="tabs" onKeyDown={onTabKeyDown}>
          {TABS.map((each) => (
            <button
              key={each.id}
              ref={(element) => {
                if (element) tabRefs.current.set(each.id, element);
              }}
              type="button"
              role="tab"
              id={`tab-${each.id}`}
              aria-selected={tab === each.id}
              aria-controls={`panel-${each.id}`}
              tabIndex={tab === each.id ? 0 : -1}
              onClick={() => select(each.id)}
            >
              {each.label()}
            </button>
          ))}
        </div>
      </nav>
      <main>
        <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'welcome' && (
            <WelcomeView db={db} now={now} captureShortcut={captureShortcut} onNavigate={(next) => select(next)} onOpenLead={openLead} />
          )}
          {tab === 'leads' && (
            <LeadsView
              db={db}
              now={now}
              store={store}
              query={query}
              onQueryChange={setQuery}
              openLeadId={openLeadId}
              onOpenLead={openLead}
              onNavigate={(next) => select(next)}
              onRemindersChanged={onRemindersChanged}
            />
          )}
          {tab === 'dashboard' && <DashboardView db={db} now={now} />}
          {tab === 'data' && <DataView db={db} now={now} {...(onRemindersChanged ? { onRemindersChanged } : {})} />}
          {tab === 'settings' && <SettingsView db={db} now={now} onSettingsChanged={onSettingsChanged} />}
        </section>
        {/* A deletion, a follow-up done or a stage change made here (or in the popup) can be taken back from any tab. */}
        <UndoBar db={db} now={now} {...(onRemindersChanged ? { onRemindersChanged } : {})} />
      </main>
    </div>
  );
}
