import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { downloadCsv, downloadFile } from '@/components/download';
import type { LeadlineDatabase } from '@/lib/db/database';
import { matchesSearch, searchTerms, searchWords } from '@/lib/model/keys';
import { countLeads, everyLead } from '@/lib/db/lead-pages';
import { leadsToCsvChunked, processInChunks } from '@/lib/io/chunked';
import { exportFileName } from '@/lib/io/export-csv';
import { EXPORT_SCOPES, exportScopeName, selectForExport, type ExportScope, type ExportScopeKind } from '@/lib/io/export-scopes';
import { EXPORT_PRESETS, getExportPreset, type ExportPresetId } from '@/lib/io/presets';
import { leadsToVCard } from '@/lib/io/vcard';
import type { Lead } from '@/lib/model/lead';
import { STAGES, stageLabel, type Stage } from '@/lib/model/stage';
import { Alert } from '../Alert';

// This page has no lead list of its own, so "the current list" is the search typed here.
const SCOPE_LABELS: Partial<Record<ExportScopeKind, () => string>> = { filter: () => t('data.export.scope.search') };

const VCARD_CHUNK = 2000;

/** The same word-prefix match as the lead list's search box. */
function searchFilter(query: string): (lead: Lead) => boolean {
  const terms = searchTerms(query);
  return (lead) => matchesSearch(searchWords(lead), terms);
}

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

  function currentScope(): ExportScope {
    switch (scopeKind) {
      case 'stage':
        return { kind: 'stage', stage };
      case 'filter':
        return { kind: 'filter', matches: searchFilter(search) };
      default:
        return { kind: scopeKind };
    }
  }

  /** Reads the leads in scope and hands them to `write`, with the progress bar and messages around it. */
  async function exportWith(write: (leads: Lead[], scope: ExportScope) => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setStatus('');
    setError('');
    const scope = currentScope();
    try {
      const total = await countLeads(db);
      const all = await everyLead(db, { onProgress: (read) => setProgress({ done: read, total: Math.max(total, read) }) });
      const leads = selectForExport(all, scope);
      if (leads.length === 0) {
        setStatus(nothingToExport(scope, search));
        return;
      }
      setProgress({ done: 0, total: leads.length });
      setStatus(await write(leads, scope));
    } catch (error) {
      console.error('Leadline: export failed', error);
      setError(t('data.export.failed'));
    } finally {
      setProgress(null);
      setBusy(false);
    }
  }

  const onProgress = (done: number, total: number) => setProgress({ done, total });

  function exportCsv() {
    return exportWith(async (leads, scope) => {
      const csv = await leadsToCsvChunked(leads, getExportPreset(presetId).columns, onProgress);
      downloadCsv(exportFileName(exportScopeName(scope), new Date(now())), csv);
      return t('data.export.done', leads.length, [uiFormats().count(leads.length)]);
    });
  }

  function exportVCard() {
    return exportWith(async (leads, scope) => {
      const cards = await processInChunks(leads, VCARD_CHUNK, (chunk) => leadsToVCard(chunk), onProgress);
      const fileName = exportFileName(exportScopeName(scope), new Date(now())).replace(/\.csv$/, '.vcf');
      downloadFile(fileName, cards.join(''), 'text/vcard;charset=utf-8');
      return t('data.export.doneCards', leads.length, [uiFormats().count(leads.length)]);
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
