import { Component, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '@/lib/i18n';
import type { LeadlineDatabase } from '@/lib/db/database';
import { findLeadForDraft, getLead } from '@/lib/db/leads';
import type { ManualPrefill } from '@/lib/model/lead-edit';
import { AddLead } from './AddLead';
import { LeadDetail } from './LeadDetail';
import { LeadList } from './LeadList';
import { PopupHeader, type CaptureReport } from './PopupHeader';
import { Today } from './Today';
import { UndoBar } from './UndoBar';
import './app.css';
import { Alert } from './Alert';

/** What the page in the tab beside the side panel shows, as its content script tells it. */
export type ActivePage = {
  keys?: { profileUrl?: string; email?: string };
  /** The lead just saved from that page. */
  leadId?: string;
  /** The rep clicked "Add manually" there, with what the page offered. */
  add?: ManualPrefill;
};

export interface AppProps {
  db: LeadlineDatabase;
  now: () => number;
  /** Where the app runs: the toolbar popup or the side panel beside the page (the full page has its own lead table). */
  mode?: 'popup' | 'panel';
  /** Reads the page the rep is looking at; answers with what happened, in words. */
  capturePage?: () => Promise<CaptureReport>;
  /** The popup's "Open side panel"; called inside the click (browsers allow opening the panel only then). */
  openSidePanel?: () => void;
  /** Called after any reminder is added, done or snoozed, so alarms and the badge can follow. */
  onRemindersChanged?: () => void;
  /** A lead to open at once (a follow-up notification was clicked). */
  initialLeadId?: string;
  /** Shown under the header when the rep should know something first (site access not given). */
  /** Puts text on the clipboard; the browser's by default. */
  copyText?: (text: string) => Promise<void>;
  notice?: ReactNode;
  /** Open "Add a lead" at once, filled in with this (the widget's "Add manually" in a browser without a side panel). */
  initialAdd?: ManualPrefill;
  /** The side panel: what the page beside it shows, followed as the rep moves between tabs and pages. */
  page?: ActivePage | undefined;
}

type View = 'today' | 'all';

// Labels are read when drawn, not when this module loads (tests set the language after imports).
const VIEWS: readonly { id: View; label: () => string }[] = [
  { id: 'today', label: () => t('popup.views.today') },
  { id: 'all', label: () => t('popup.views.all') },
];

/**
 * The side panel follows the page: the lead saved from it, or the one it shows (its profile, the
 * sender of its thread); null when the page shows nobody stored; undefined while still looking.
 */
function usePageLead(db: LeadlineDatabase, page: ActivePage | undefined): string | null | undefined {
  const keys = page?.keys;
  return useLiveQuery(async () => {
    if (page?.leadId && (await getLead(db, page.leadId))) return page.leadId;
    if (!keys?.profileUrl && !keys?.email) return null;
    return (await findLeadForDraft(db, keys))?.id ?? null;
  }, [db, page?.leadId, keys?.profileUrl, keys?.email]);
}

/**
 * The popup and the side panel: "Today" (follow-ups due, job changes, this week's captures) or "All
 * leads", one lead's detail, or "Add a lead". The view, search and sort survive a visit to a lead and back.
 */
export function App({
  db,
  now,
  mode = 'popup',
  capturePage,
  openSidePanel,
  onRemindersChanged,
  initialLeadId,
  initialAdd,
  page,
  notice,
  copyText,
}: AppProps) {
  const [view, setView] = useState<View>('today');
  const [selectedId, setSelectedId] = useState<string | null>(initialLeadId ?? null);
  const [adding, setAdding] = useState<ManualPrefill | null>(initialAdd ?? null);
  const [lastViewedId, setLastViewedId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [sortByScore, setSortByScore] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [offer, setOffer] = useState<ManualPrefill | null>(null);

  function openLead(id: string) {
    setStatus('');
    setError('');
    setAdding(null);
    setSelectedId(id);
  }

  function switchView(next: View) {
    setView(next);
    setLastViewedId(null);
    setStatus('');
    setError('');
  }

  function startAdding(prefill: ManualPrefill) {
    setStatus('');
    setError('');
    setSelectedId(null);
    setAdding(prefill);
  }

  // The side panel follows the page beside it: its lead's detail when it shows a stored person, the
  // list when it moves on to someone who is not. A lead the rep opened from the list stays open.
  const pageLeadId = usePageLead(db, page);
  const followed = useRef<string | null>(null);
  useEffect(() => {
    if (pageLeadId === undefined || mode !== 'panel') return;
    const previous = followed.current;
    followed.current = pageLeadId;
    if (pageLeadId && pageLeadId !== previous) openLead(pageLeadId);
    else if (!pageLeadId && previous && selectedId === previous) setSelectedId(null);
  }, [pageLeadId]);
  const addRequest = page?.add ? JSON.stringify(page.add) : undefined;
  useEffect(() => {
    if (page?.add && mode === 'panel') startAdding(page.add);
  }, [addRequest]);

  async function runCapture(): Promise<void> {
    if (!capturePage) return;
    setError('');
    setOffer(null);
    setStatus(t('popup.capture.reading'));
    try {
      const report = await capturePage();
      setStatus(report.message);
      setOffer(report.offer ?? null);
    } catch (caught) {
      console.error(caught);
      setStatus('');
      setError(t('popup.capture.failed'));
    }
  }

  const undoBar = (
    <UndoBar
      db={db}
      now={now}
      onRemindersChanged={onRemindersChanged}
      onUndone={(outcome) => {
        // A lead deleted by mistake comes back where the rep was working on it.
        if (outcome.kind === 'delete' && outcome.leadId) openLead(outcome.leadId);
      }}
    />
  );

  let content: ReactNode;
  if (adding) {
    content = (
      <AddLead
        db={db}
        now={now}
        prefill={adding}
        onCreated={(lead) => {
          openLead(lead.id);
          setStatus(t('popup.added', { name: lead.fullName }));
        }}
        onOpenLead={openLead}
        onCancel={() => setAdding(null)}
      />
    );
  } else if (selectedId) {
    content = (
      <LeadDetail
        db={db}
        now={now}
        leadId={selectedId}
        onRemindersChanged={onRemindersChanged}
        onBack={() => {
          setLastViewedId(selectedId);
          setSelectedId(null);
        }}
        onDeleted={() => {
          setLastViewedId(null);
          setSelectedId(null);
        }}
      />
    );
  } else {
    content = (
      <>
        <PopupHeader
          db={db}
          now={now}
          onCapture={capturePage ? () => void runCapture() : undefined}
          onAdd={() => startAdding({})}
          onOpenSidePanel={openSidePanel}
          onStatus={setStatus}
          onError={setError}
        />
        {notice}
        <div className="capture-result">
          <p role="status" className="status">
            {status}
          </p>
          {offer && (
            <button type="button" className="secondary" onClick={() => startAdding(offer)}>
              {t('popup.capture.addManually')}
            </button>
          )}
        </div>
        <Alert message={error} />
        <div className="views" role="group" aria-label={t('popup.views.label')}>
          {VIEWS.map((option) => (
            <button key={option.id} type="button" aria-pressed={view === option.id} onClick={() => switchView(option.id)}>
              {option.label()}
            </button>
          ))}
        </div>
        {view === 'today' ? (
          <Today
            db={db}
            now={now}
            onOpenLead={openLead}
            focusLeadId={lastViewedId}
            onRemindersChanged={onRemindersChanged}
            {...(copyText ? { copyText } : {})}
            onStatus={(message) => {
              setError('');
              setStatus(message);
            }}
            onError={(message) => {
              setStatus('');
              setError(message);
            }}
          />
        ) : (
          <LeadList
            db={db}
            now={now}
            query={query}
            onQueryChange={setQuery}
            sortByScore={sortByScore}
            onSortByScoreChange={setSortByScore}
            onOpenLead={openLead}
            focusLeadId={lastViewedId}
            onDeleted={onRemindersChanged}
          />
        )}
      </>
    );
  }

  return (
    <div className="app-shell">
      <StorageErrorBoundary>
        <main className={`app app-${mode}`}>
          {/* The list's header shows the title; a lead or the add form (each headed h2, as on the full
              page) keeps it for screen readers, so every view has one h1 and its headings in order. */}
          {(adding || selectedId) && <h1 className="visually-hidden">{t('app.name')}</h1>}
          {content}
          {undoBar}
        </main>
      </StorageErrorBoundary>
    </div>
  );
}

/** A live query that fails (storage blocked, private mode) throws during render; say so instead of a blank popup. */
class StorageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="app">
        <p role="alert" className="alert">
          {t('popup.storageFailed')}
        </p>
      </main>
    );
  }
}
