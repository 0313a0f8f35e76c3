import type { LeadlineDatabase } from '@/lib/db/database';
import { everyLead } from '@/lib/db/lead-pages';
import { exportFileName, leadsToCsv, selectQualified } from '@/lib/io/export-csv';
import { downloadCsv } from './download';

export interface PopupHeaderProps {
  db: LeadlineDatabase;
  now: () => number;
  capturePage?: () => Promise<string>;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

/** The popup's title with the two things a rep does from anywhere: capture the page, export the qualified leads. */
export function PopupHeader({ db, now, capturePage, onStatus, onError }: PopupHeaderProps) {
  async function captureThisPage() {
    if (!capturePage) return;
    onError('');
    onStatus('Reading this page…');
    try {
      onStatus(await capturePage());
    } catch (error) {
      console.error(error);
      onStatus('');
      onError("Leadline can't read this page. Reload it and try again.");
    }
  }

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
      <h1>Leadline</h1>
      <span className="bar-actions">
        {capturePage && (
          <button type="button" onClick={() => void captureThisPage()}>
            Capture this page
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void exportQualified()}>
          Export qualified leads
        </button>
        {/* The full page: funnel and conversion, import and export, settings and templates. */}
        <a className="bar-link" href="/dashboard.html" target="_blank" rel="noopener">
          Dashboard
        </a>
      </span>
    </header>
  );
}
