import { useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { searchLeads } from '@/lib/db/leads';
import { exportFileName, leadsToCsv, selectQualified } from '@/lib/io/export-csv';
import type { Lead } from '@/lib/model/lead';
import { stageLabel } from '@/lib/model/stage';
import { downloadCsv } from './download';

export interface LeadListProps {
  db: LeadlineDatabase;
  now: () => number;
  query: string;
  onQueryChange: (query: string) => void;
  onOpenLead: (id: string) => void;
  /** The lead the rep just came back from, so keyboard focus returns to it. */
  focusLeadId?: string | null;
  capturePage?: () => Promise<string>;
}

export function LeadList({ db, now, query, onQueryChange, onOpenLead, focusLeadId, capturePage }: LeadListProps) {
  const searchId = useId();
  const leads = useLiveQuery(() => searchLeads(db, query), [db, query]);
  const [exportStatus, setExportStatus] = useState('');
  const [exportError, setExportError] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const focusRestored = useRef(false);

  useEffect(() => {
    if (focusRestored.current || !focusLeadId || !leads || !listRef.current) return;
    focusRestored.current = true;
    const buttons = listRef.current.querySelectorAll<HTMLButtonElement>('button[data-lead-id]');
    Array.from(buttons)
      .find((button) => button.dataset.leadId === focusLeadId)
      ?.focus();
  }, [focusLeadId, leads]);

  async function captureThisPage() {
    if (!capturePage) return;
    setExportError('');
    setExportStatus('Reading this page…');
    try {
      setExportStatus(await capturePage());
    } catch (error) {
      console.error(error);
      setExportStatus('');
      setExportError("Leadline can't read this page. Reload it and try again.");
    }
  }

  async function exportQualified() {
    setExportError('');
    try {
      const qualified = selectQualified(await db.leads.toArray());
      if (qualified.length === 0) {
        setExportStatus('No qualified leads to export yet.');
        return;
      }
      downloadCsv(exportFileName('qualified', new Date(now())), leadsToCsv(qualified));
      setExportStatus(`Exported ${qualified.length} qualified ${qualified.length === 1 ? 'lead' : 'leads'}.`);
    } catch (error) {
      console.error(error);
      setExportStatus('');
      setExportError('Leadline could not read your leads for the export. Nothing was downloaded; please try again.');
    }
  }

  return (
    <section className="lead-list" aria-labelledby={`${searchId}-heading`}>
      <header className="bar">
        <h1 id={`${searchId}-heading`}>Leads</h1>
        {capturePage && (
          <button type="button" onClick={() => void captureThisPage()}>
            Capture this page
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void exportQualified()}>
          Export qualified leads
        </button>
      </header>
      <p role="status" className="status">
        {exportStatus}
      </p>
      {exportError && (
        <p role="alert" className="alert">
          {exportError}
        </p>
      )}
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
      {leads === undefined ? (
        <p className="muted">Loading leads…</p>
      ) : leads.length === 0 ? (
        <p className="empty">
          {query.trim()
            ? `No leads match "${query.trim()}".`
            : 'No leads yet. Open a LinkedIn profile and click "Save lead".'}
        </p>
      ) : (
        <ul ref={listRef} className="leads" aria-label="Leads, newest first">
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

function LeadButton({ lead, onOpen }: { lead: Lead; onOpen: () => void }) {
  const role = [lead.title, lead.company].filter(Boolean).join(' · ');
  return (
    <button type="button" className="lead" data-lead-id={lead.id} onClick={onOpen}>
      <span className="lead-name">{lead.fullName}</span>
      {role && <span className="lead-role">{role}</span>}
      <span className={`stage stage-${lead.stage}`}>{stageLabel(lead.stage)}</span>
    </button>
  );
}
