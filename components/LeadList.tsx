import { useId, useMemo, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { searchLeads } from '@/lib/db/leads';
import type { Lead } from '@/lib/model/lead';
import { LeadButton } from './LeadButton';
import { useRestoreFocus } from './useRestoreFocus';

export interface LeadListProps {
  db: LeadlineDatabase;
  query: string;
  onQueryChange: (query: string) => void;
  /** Highest score first instead of newest first. */
  sortByScore: boolean;
  onSortByScoreChange: (sortByScore: boolean) => void;
  onOpenLead: (id: string) => void;
  /** The lead the rep just came back from, so keyboard focus returns to it. */
  focusLeadId?: string | null;
}

/** Highest score first; leads with the same score stay newest first, as searchLeads returned them. */
function byScore(leads: readonly Lead[]): Lead[] {
  return [...leads].sort((a, b) => b.score - a.score);
}

export function LeadList({
  db,
  query,
  onQueryChange,
  sortByScore,
  onSortByScoreChange,
  onOpenLead,
  focusLeadId,
}: LeadListProps) {
  const searchId = useId();
  const found = useLiveQuery(() => searchLeads(db, query), [db, query]);
  const leads = useMemo(() => (found && sortByScore ? byScore(found) : found), [found, sortByScore]);
  const listRef = useRef<HTMLUListElement>(null);
  useRestoreFocus(listRef, focusLeadId, leads !== undefined);

  return (
    <section className="lead-list" aria-label="All leads">
      <div className="row search-row">
        <label htmlFor={searchId} className="visually-hidden">
          Search leads
        </label>
        <input
          id={searchId}
          type="search"
          className="search"
          placeholder="Search by name, company or email"
          autoComplete="off"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
        />
        <button
          type="button"
          className="secondary toggle"
          aria-pressed={sortByScore}
          onClick={() => onSortByScoreChange(!sortByScore)}
        >
          Sort by score
        </button>
      </div>
      {leads === undefined ? (
        <p className="muted">Loading leads…</p>
      ) : leads.length === 0 ? (
        <p className="empty">
          {query.trim()
            ? `No leads match "${query.trim()}".`
            : 'No leads yet. Open a LinkedIn profile and click "Save lead".'}
        </p>
      ) : (
        <ul ref={listRef} className="leads" aria-label={sortByScore ? 'Leads, highest score first' : 'Leads, newest first'}>
          {leads.map((lead) => (
            <li key={lead.id}>
              <LeadButton lead={lead} onOpen={() => onOpenLead(lead.id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
