import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { exportFileName } from '@/lib/io/export-csv';
import { EXPORT_PRESETS, type ExportPresetId } from '@/lib/io/presets';
import { exportOffPage } from './data/export-off-page';
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

const exported = (count: number) => t('popup.header.exported', count, [uiFormats().count(count)]);

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
      // Read and written in the export worker, as the full page's Export does.
      const file = await exportOffPage(db, { scope: { kind: 'qualified' }, format: 'csv', presetId });
      if (!file.blob) {
        onStatus(t('popup.header.noneQualified'));
        return;
      }
      downloadCsv(exportFileName('qualified', new Date(now())), file.blob);
      onStatus(exported(file.count));
    } catch (error) {
      console.error(error);
      onStatus('');
      onError(t('popup.header.exportFailed'));
    }
  }

  function onLayoutsKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    closeLayouts();
  }

  return (
    <header className="bar">
      <h1>{t('app.name')}</h1>
      <span className="bar-actions">
        {onCapture && (
          <button type="button" onClick={onCapture}>
            {t('popup.header.capture')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onAdd}>
          {t('popup.header.add')}
        </button>
        <button
          ref={toggleRef}
          type="button"
          className="secondary"
          aria-expanded={choosing}
          aria-controls={layoutsId}
          onClick={() => setChoosing(!choosing)}
        >
          {t('popup.header.exportQualified')}
        </button>
        {onOpenSidePanel && (
          <button type="button" className="secondary" onClick={onOpenSidePanel}>
            {t('popup.header.sidePanel')}
          </button>
        )}
        {/* The full page: the lead table, funnel and conversion, import and export, settings and templates. */}
        <a className="bar-link" href="/dashboard.html" target="_blank" rel="noopener">
          {t('popup.header.fullPage')}
        </a>
      </span>
      <ul id={layoutsId} className="export-layouts" aria-label={t('popup.header.layouts')} hidden={!choosing} onKeyDown={onLayoutsKeyDown}>
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
