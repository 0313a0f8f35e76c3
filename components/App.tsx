import { Component, useState, type ReactNode } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { LeadDetail } from './LeadDetail';
import { LeadList } from './LeadList';

export interface AppProps {
  db: LeadlineDatabase;
  now: () => number;
  /** Reads the page the rep is looking at; answers with what happened, in words. */
  capturePage?: () => Promise<string>;
}

/** The popup: the lead list, or one lead's detail. The search survives a visit to a lead and back. */
export function App({ db, now, capturePage }: AppProps) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [lastViewedId, setLastViewedId] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  return (
    <StorageErrorBoundary>
      <main className="app">
        {selectedId ? (
          <LeadDetail
            db={db}
            now={now}
            leadId={selectedId}
            onBack={() => {
              setLastViewedId(selectedId);
              setSelectedId(null);
            }}
          />
        ) : (
          <LeadList
            db={db}
            now={now}
            query={query}
            onQueryChange={setQuery}
            onOpenLead={setSelectedId}
            focusLeadId={lastViewedId}
            capturePage={capturePage}
          />
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
