import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { downloadCsv, downloadFile } from '@/components/download';
import type { LeadlineDatabase } from '@/lib/db/database';
import { exportFileName } from '@/lib/io/export-csv';
import { exportScopeOf, type ExportRequest, type ExportScopeRequest } from '@/lib/io/export-file';
import { EXPORT_SCOPES, exportScopeName, type ExportScope, type ExportScopeKind } from '@/lib/io/export-scopes';
import { EXPORT_PRESETS, type ExportPresetId } from '@/lib/io/presets';
import { STAGES, stageLabel, type Stage } from '@/lib/model/stage';
import { Alert } from '../Alert';
import { exportOffPage } from './export-off-page';

// This page has no lead list of its own, so "the current list" is the search typed here.
const SCOPE_LABELS: Partial<Record<ExportScopeKind, () => string>> = { filter: () => t('data.export.scope.search') };

function nothingToExport(scope: ExportScope, search: string): string {
  switch (scope.kind) {
    case 'qualified':
      return t('data.export.none.qualified');
    case 'stage':
      return t('data.export.none.stage', { stage: stageLabel(scope.stage) });
    case 'filter':
      return t('data.export.none.search', { search: search.trim() });
    case 'all':
      return t('data.export.none.all');
  }
}

type Progress = { done: number; total: number };

/** Export: which leads, in which layout, as CSV or vCard. */
export function ExportSection({ db, now }: { db: LeadlineDatabase; now: () => number }) {
  const id = useId();
  const [scopeKind, setScopeKind] = useState<ExportScopeKind>('qualified');
  const [stage, setStage] = useState<Stage>('qualified');
  const [search, setSearch] = useState('');
  const [presetId, setPresetId] = useState<ExportPresetId>('generic');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  function currentScope(): ExportScopeRequest {
    switch (scopeKind) {
      case 'stage':
        return { kind: 'stage', stage };
      case 'filter':
        return { kind: 'search', search };
      default:
        return { kind: scopeKind };
    }
  }

  /**
   * Reads the leads in scope and writes the file in a worker (100,000 leads never hold the page),
   * with the progress bar and messages around it; `save` downloads it and says what was saved.
   */
  async function exportAs(format: ExportRequest['format'], save: (blob: Blob, scope: ExportScope, count: number) => string) {
    if (busy) return;
    setBusy(true);
    setStatus('');
    setError('');
    const request: ExportRequest = { scope: currentScope(), format, presetId };
    const scope = exportScopeOf(request.scope);
    try {
      const file = await exportOffPage(db, request, (done, total) => setProgress({ done, total }));
      setStatus(file.blob ? save(file.blob, scope, file.count) : nothingToExport(scope, search));
    } catch (error) {
      console.error('Leadline: export failed', error);
      setError(t('data.export.failed'));
    } finally {
      setProgress(null);
      setBusy(false);
    }
  }

  function exportCsv() {
    return exportAs('csv', (blob, scope, count) => {
      downloadCsv(exportFileName(exportScopeName(scope), new Date(now())), blob);
      return t('data.export.done', count, [uiFormats().count(count)]);
    });
  }

  function exportVCard() {
    return exportAs('vcard', (blob, scope, count) => {
      const fileName = exportFileName(exportScopeName(scope), new Date(now())).replace(/\.csv$/, '.vcf');
      downloadFile(fileName, blob, 'text/vcard;charset=utf-8');
      return t('data.export.doneCards', count, [uiFormats().count(count)]);
    });
  }

  return (
    <section className="card data-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('data.export.title')}</h2>
      <fieldset>
        <legend>{t('data.export.which')}</legend>
        {EXPORT_SCOPES.map((scope) => (
          <div key={scope.kind} className="choice">
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                value={scope.kind}
                checked={scopeKind === scope.kind}
                onChange={() => setScopeKind(scope.kind)}
              />{' '}
              {SCOPE_LABELS[scope.kind]?.() ?? scope.label}
            </label>
            {scope.kind === 'stage' && scopeKind === 'stage' && (
              <label className="nested">
                {t('data.export.stage')}{' '}
                <select value={stage} onChange={(event) => setStage(event.target.value as Stage)}>
                  {STAGES.map((s) => (
                    <option key={s.id} value={s.id}>
                      {stageLabel(s.id)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {scope.kind === 'filter' && scopeKind === 'filter' && (
              <label className="nested">
                {t('data.export.search')}{' '}
                <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
              </label>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('data.export.format')}</legend>
        {EXPORT_PRESETS.map((preset) => (
          <div key={preset.id} className="choice">
            <label>
              <input
                type="radio"
                name={`${id}-preset`}
                value={preset.id}
                checked={presetId === preset.id}
                aria-describedby={`${id}-preset-${preset.id}`}
                onChange={() => setPresetId(preset.id)}
              />{' '}
              {preset.label}
            </label>{' '}
            <span id={`${id}-preset-${preset.id}`} className="muted">
              {preset.description}
            </span>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="button" aria-disabled={busy} onClick={() => void exportCsv()}>
          {t('data.export.csv')}
        </button>
        <button type="button" className="secondary" aria-disabled={busy} onClick={() => void exportVCard()}>
          {t('data.export.vcard')}
        </button>
      </div>
      {progress && <progress aria-label={t('data.export.progress')} value={progress.done} max={progress.total} />}
      <p role="status">{status}</p>
      <Alert message={error} />
    </section>
  );
}
