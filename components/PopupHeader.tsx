import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { everyLead } from '@/lib/db/lead-pages';
import { exportFileName, selectQualified } from '@/lib/io/export-csv';
import { EXPORT_PRESETS, leadsToPresetCsv, type ExportPresetId } from '@/lib/io/presets';
import { countOf } from './data/counts';
import { downloadCsv } from './download';

export type { CaptureReport } from '@/lib/page-ui/inject';

export interface PopupHeaderProps {
  db: LeadlineDatabase;
  now: () => number;
  /** "Capture this page" (the popup only: it reads the tab the rep opened it on). */
  onCapture?: () => void;
  onAdd: () => void;
  /** "Open side panel" (the popup only). */
  onOpenSidePanel?: () => void;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

const TEXT = {
  title: 'Leadline',
  capture: 'Capture this page',
  add: 'Add a lead',
  exportQualified: 'Export qualified leads',
  layouts: 'Layout of the qualified leads file',
  noneQualified: 'No qualified leads to export yet.',
  exported: (count: number) => `Exported ${countOf(count, 'qualified lead', 'qualified leads')}.`,
  exportFailed: 'Leadline could not read your leads for the export. Nothing was downloaded; please try again.',
  sidePanel: 'Open side panel',
  fullPage: 'Dashboard',
};

/**
 * The title with what a rep does from anywhere: capture the page, add a lead, export the qualified
 * ones (lib/model/qualified.ts) in the layout their spreadsheet or CRM imports, move to the side panel.
 */
export function PopupHeader({ db, now, onCapture, onAdd, onOpenSidePanel, onStatus, onError }: PopupHeaderProps) {
  const layoutsId = useId();
  const [choosing, setChoosing] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);

  function closeLayouts() {
    setChoosing(false);
    toggleRef.current?.focus();
  }

  async function exportQualified(presetId: ExportPresetId) {
    closeLayouts();
    onError('');
    try {
      const qualified = selectQualified(await everyLead(db));
      if (qualified.length === 0) {
        onStatus(TEXT.noneQualified);
        return;
      }
      downloadCsv(exportFileName('qualified', new Date(now())), leadsToPresetCsv(qualified, presetId));
      onStatus(TEXT.exported(qualified.length));
    } catch (error) {
      console.error(error);
      onStatus('');
      onError(TEXT.exportFailed);
    }
  }

  function onLayoutsKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    closeLayouts();
  }

  return (
    <header className="bar">
      <h1>{TEXT.title}</h1>
      <span className="bar-actions">
        {onCapture && (
          <button type="button" onClick={onCapture}>
            {TEXT.capture}
          </button>
        )}
        <button type="button" className="secondary" onClick={onAdd}>
          {TEXT.add}
        </button>
        <button
          ref={toggleRef}
          type="button"
          className="secondary"
          aria-expanded={choosing}
          aria-controls={layoutsId}
          onClick={() => setChoosing(!choosing)}
        >
          {TEXT.exportQualified}
        </button>
        {onOpenSidePanel && (
          <button type="button" className="secondary" onClick={onOpenSidePanel}>
            {TEXT.sidePanel}
          </button>
        )}
        {/* The full page: the lead table, funnel and conversion, import and export, settings and templates. */}
        <a className="bar-link" href="/dashboard.html" target="_blank" rel="noopener">
          {TEXT.fullPage}
        </a>
      </span>
      <ul id={layoutsId} className="export-layouts" aria-label={TEXT.layouts} hidden={!choosing} onKeyDown={onLayoutsKeyDown}>
        {EXPORT_PRESETS.map((preset) => (
          <li key={preset.id}>
            <button type="button" className="secondary" aria-describedby={`${layoutsId}-${preset.id}`} onClick={() => void exportQualified(preset.id)}>
              {preset.label}
            </button>
            <span id={`${layoutsId}-${preset.id}`} className="layout-hint">
              {preset.description}
            </span>
          </li>
        ))}
      </ul>
    </header>
  );
}
