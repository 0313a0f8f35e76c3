import type { LeadlineDatabase } from '@/lib/db/database';
import { everyLead } from '@/lib/db/lead-pages';
import { exportFileName, leadsToCsv, selectQualified } from '@/lib/io/export-csv';
import type { CaptureReport } from '@/lib/page-ui/inject';
import { downloadCsv } from './download';

export type { CaptureReport } from '@/lib/page-ui/inject';

export interface PopupHeaderProps {
  db: LeadlineDatabase;
  now: () => number;
  mode: 'popup' | 'panel' | 'page';
  /** "Capture this page" (the popup only: it reads the tab the rep opened it on). */
  onCapture?: () => void;
  onAdd: () => void;
  /** "Open side panel" (the popup only). */
  onOpenSidePanel?: () => void;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

/** The title with what a rep does from anywhere: capture the page, add a lead, export the qualified ones, move to the side panel. */
export function PopupHeader({ db, now, mode, onCapture, onAdd, onOpenSidePanel, onStatus, onError }: PopupHeaderProps) {
  async function exportQualified() {
    onError('');
    try {
      const qualified = selectQualified(await everyLead(db));
      if (qualified.length === 0) {
        onStatus('No qualified leads to export yet.');
        return;
      }
      downloadCsv(exportFileName('qualified', new Date(now())), leadsToCsv(qualified));
      onStatus(`Exported ${qualified.length} qualified ${qualified.length === 1 ? 'lead' : 'leads'}.`);
    } catch (error) {
      console.error(error);
      onStatus('');
      onError('Leadline could not read your leads for the export. Nothing was downloaded; please try again.');
    }
  }

  return (
    <header className="bar">
      {/* The full page has its own title; the popup and the side panel need one. */}
      {mode !== 'page' && <h1>Leadline</h1>}
      <span className="bar-actions">
        {onCapture && (
          <button type="button" onClick={onCapture}>
            Capture this page
          </button>
        )}
        <button type="button" className="secondary" onClick={onAdd}>
          Add a lead
        </button>
        <button type="button" className="secondary" onClick={() => void exportQualified()}>
          Export qualified leads
        </button>
        {onOpenSidePanel && (
          <button type="button" className="secondary" onClick={onOpenSidePanel}>
            Open side panel
          </button>
        )}
        {/* The full page: funnel and conversion, import and export, settings and templates. */}
        {mode !== 'page' && (
          <a className="bar-link" href="/dashboard.html" target="_blank" rel="noopener">
            Dashboard
          </a>
        )}
      </span>
    </header>
  );
}
