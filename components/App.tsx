import { Component, useState, type ReactNode } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { LeadDetail } from './LeadDetail';
import { LeadList } from './LeadList';
import { PopupHeader } from './PopupHeader';
import { Today } from './Today';

export interface AppProps {
  db: LeadlineDatabase;
  now: () => number;
  /** Reads the page the rep is looking at; answers with what happened, in words. */
  capturePage?: () => Promise<string>;
  /** Called after any reminder is added, done or snoozed, so alarms and the badge can follow. */
  onRemindersChanged?: () => void;
  /** A lead to open at once (a follow-up notification was clicked). */
  initialLeadId?: string;
  /** Puts text on the clipboard; the browser's by default. */
  copyText?: (text: string) => Promise<void>;
  /** Shown under the header when the rep should know something first (site access not given). */
  notice?: ReactNode;
}

type View = 'today' | 'all';

const VIEWS: readonly { id: View; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'all', label: 'All leads' },
];

/**
 * The popup: "Today" (follow-ups due, then this week's captures) or "All leads", or one lead's
 * detail. The view, search and sort survive a visit to a lead and back.
 */
export function App({ db, now, capturePage, onRemindersChanged, initialLeadId, notice, copyText }: AppProps) {
  const [view, setView] = useState<View>('today');
  const [selectedId, setSelectedId] = useState<string | null>(initialLeadId ?? null);
  const [lastViewedId, setLastViewedId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [sortByScore, setSortByScore] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  function openLead(id: string) {
    setStatus('');
    setError('');
    setSelectedId(id);
  }

  function switchView(next: View) {
    setView(next);
    setLastViewedId(null);
    setStatus('');
    setError('');
  }

  return (
    <StorageErrorBoundary>
      <main className="app">
        {selectedId ? (
          <LeadDetail
            db={db}
            now={now}
            leadId={selectedId}
            onRemindersChanged={onRemindersChanged}
            onBack={() => {
              setLastViewedId(selectedId);
              setSelectedId(null);
            }}
          />
        ) : (
          <>
            <PopupHeader db={db} now={now} capturePage={capturePage} onStatus={setStatus} onError={setError} />
            {notice}
            <p role="status" className="status">
              {status}
            </p>
            {error && (
              <p role="alert" className="alert">
                {error}
              </p>
            )}
            <div className="views" role="group" aria-label="Show">
              {VIEWS.map((option) => (
                <button
                  key={option.id}
                  type="button"
                  aria-pressed={view === option.id}
                  onClick={() => switchView(option.id)}
                >
                  {option.label}
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
                query={query}
                onQueryChange={setQuery}
                sortByScore={sortByScore}
                onSortByScoreChange={setSortByScore}
                onOpenLead={openLead}
                focusLeadId={lastViewedId}
              />
            )}
          </>
        )}
      </main>
    </StorageErrorBoundary>
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
          Leadline could not read your leads from browser storage. Close and reopen this window; if it keeps
          happening, restart the browser.
        </p>
      </main>
    );
  }
}
