import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import {
  IMPORT_FIELDS,
  applyMappingOverride,
  autoMapHeaders,
  importFieldLabel,
  previewMappedRows,
  type ColumnMapping,
  type ImportField,
} from '@/lib/io/import/mapping';
import { type CsvEncoding, type ParsedCsv } from '@/lib/io/import/parse';
import { parseOffPage } from './parse-off-page';
import { indexSearchWordsOffPage } from './index-off-page';
import { ImportError, formatImportReport, importRows, type ImportMode } from '@/lib/io/import/run';
import { validateRowsInChunks, type ValidatedRow } from '@/lib/io/import/validate';
import { describeCsvFileProblem } from '@/lib/io/import/messages';
import { Alert } from '../Alert';

// Functions, so the names are read in the rep's language when the file is shown.
const DELIMITER_NAMES: Record<string, () => string> = {
  ',': () => t('data.import.delimiter.comma'),
  ';': () => t('data.import.delimiter.semicolon'),
  '\t': () => t('data.import.delimiter.tab'),
  '|': () => t('data.import.delimiter.bar'),
};

const ENCODING_NAMES: Record<CsvEncoding, () => string> = {
  'utf-8': () => 'UTF-8',
  'utf-16le': () => t('data.import.encoding.utf16le'),
  'utf-16be': () => t('data.import.encoding.utf16be'),
  'windows-1252': () => t('data.import.encoding.windows1252'),
};

const PREVIEW_ROWS = 5;
// A file can have thousands of columns; the mapping lists this many at a time, found by a search.
const LISTED_COLUMNS = 200;
// A file of 100,000 rows can have thousands of problems; the first ones say what to fix.
const LISTED_PROBLEMS = 100;

type Loaded = { fileName: string; csv: ParsedCsv };
type Checked = { mapping: ColumnMapping; rows: ValidatedRow[] };
// `text` says how far it is in words, where the bar alone would not (reading: bytes, not rows).
type Progress = { label: () => string; done: number; total: number; text?: () => string };

const CHECKING = () => t('data.import.progress.checking');
const READING = () => t('data.import.progress.reading');
const IMPORTING = () => t('data.import.progress.importing');
type Line = { line: number; message: string };

const listNameFrom = (fileName: string): string => fileName.replace(/\.[^.]*$/, '');

/** How the rep can tell columns apart: by header when it is unique, by position otherwise. */
function columnName(headers: readonly string[], index: number): string {
  const header = headers[index] ?? '';
  const unique = header !== '' && headers.filter((h) => h === header).length === 1;
  const number = uiFormats().count(index + 1);
  if (unique) return t('data.import.column.named', { header });
  return header ? t('data.import.column.numberedNamed', { number, header }) : t('data.import.column.numbered', { number });
}

function ProblemList({ title, lines }: { title: string; lines: readonly Line[] }) {
  if (lines.length === 0) return null;
  const listed = lines.slice(0, LISTED_PROBLEMS);
  return (
    <>
      <p>{title}</p>
      <ul className="problems">
        {listed.map((p, index) => (
          <li key={`${p.line}-${index}`}>{t('data.import.line', { line: uiFormats().count(p.line), problem: p.message })}</li>
        ))}
        {lines.length > listed.length && <li>{t('data.import.more', { count: uiFormats().count(lines.length - listed.length) })}</li>}
      </ul>
    </>
  );
}

/** "Showing 200 of 1,500 columns: type to find the others." or "12 columns match." */
function columnsStatus(listed: { columns: number[]; matching: number }, searching: boolean): string {
  const { count } = uiFormats();
  if (listed.matching > listed.columns.length) {
    const shown = { shown: count(listed.columns.length), total: count(listed.matching) };
    return searching ? t('data.import.columns.showingMatching', shown) : t('data.import.columns.showing', shown);
  }
  return searching
    ? t('data.import.columns.matching', listed.matching, [count(listed.matching)])
    : t('data.import.columns.all', listed.matching, [count(listed.matching)]);
}

/** The columns the mapping lists: those whose header holds the search (all when empty), at most LISTED_COLUMNS. */
export function listedColumns(headers: readonly string[], search: string): { columns: number[]; matching: number } {
  const needle = search.trim().toLowerCase();
  const matching = headers.flatMap((header, column) => (!needle || header.toLowerCase().includes(needle) ? [column] : []));
  return { columns: matching.slice(0, LISTED_COLUMNS), matching: matching.length };
}

/** Import CSV: choose a file, check how its columns map, see what would go wrong, then import. */
export function ImportSection({ db, now }: { db: LeadlineDatabase; now: () => number }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [listName, setListName] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [columnSearch, setColumnSearch] = useState('');
  // What a click on Cancel stops: reading the file, or the import.
  const cancelRef = useRef<(() => void) | null>(null);

  const csv = loaded?.csv;
  useEffect(() => {
    if (!csv) return;
    let cancelled = false;
    setChecked(null);
    setProgress({ label: CHECKING, done: 0, total: csv.rows.length });
    validateRowsInChunks(csv, mapping, {}, (done, total) => {
      if (!cancelled) setProgress({ label: CHECKING, done, total });
    })
      .then((rows) => {
        if (cancelled) return;
        setChecked({ mapping, rows });
        setProgress(null);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        console.error('Leadline: checking the rows failed', error);
        setProgress(null);
        setError(t('data.import.checkFailed'));
      });
    return () => {
      cancelled = true;
    };
  }, [csv, mapping]);

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (busy) return;
    setStatus('');
    setError('');
    setLoaded(null);
    setChecked(null);
    setProgress(null);
    if (!file) return;
    setBusy(true);
    setColumnSearch('');
    const job = parseOffPage(file, ({ read, total, rows }) =>
      setProgress({
        label: READING,
        done: read,
        total,
        text: () => t('data.import.progress.readSoFar', { percent: uiFormats().percent(read / Math.max(total, 1), 0), rows: uiFormats().count(rows) }),
      }),
    );
    cancelRef.current = job.cancel;
    setProgress({ label: READING, done: 0, total: 0 });
    try {
      const result = await job.result;
      if (result === 'cancelled') {
        setStatus(t('data.import.readCancelled'));
        if (fileInput.current) fileInput.current.value = '';
        return;
      }
      if (!result.ok) {
        setError(describeCsvFileProblem(result.error));
        return;
      }
      setMapping(autoMapHeaders(result.csv.headers));
      setListName(listNameFrom(file.name));
      setLoaded({ fileName: file.name, csv: result.csv });
    } catch (error) {
      console.error('Leadline: could not read the CSV file', error);
      setError(describeCsvFileProblem({ kind: 'unreadable' }));
    } finally {
      cancelRef.current = null;
      setProgress(null);
      setBusy(false);
    }
  }

  function mapColumn(column: number, value: string) {
    setMapping((current) => applyMappingOverride(current, column, value === '' ? null : (value as ImportField)));
  }

  // Rows checked with an older mapping are never imported.
  const current = checked !== null && checked.mapping === mapping ? checked : null;
  const ready = current !== null && !busy;

  async function runImport(mode: ImportMode) {
    if (!current || busy) return;
    setBusy(true);
    setStatus('');
    setError('');
    setProgress({ label: IMPORTING, done: 0, total: current.rows.length });
    const cancel = new AbortController();
    cancelRef.current = () => cancel.abort();
    try {
      const report = await importRows(db, current.rows, {
        listName,
        mode,
        now: now(),
        signal: cancel.signal,
        onProgress: (done, total) => setProgress({ label: IMPORTING, done, total }),
      });
      setStatus(formatImportReport(report));
      // The new leads' search words are written now, in a worker; search says so meanwhile.
      void indexSearchWordsOffPage(db).catch((error: unknown) => console.error('Leadline: indexing leads for search failed', error));
      if (!report.aborted && !report.cancelled) {
        // Done with this file: the form goes, the report stays, and the next file can be chosen.
        setLoaded(null);
        setChecked(null);
        if (fileInput.current) fileInput.current.value = '';
        fileInput.current?.focus();
      }
    } catch (error) {
      setError(error instanceof ImportError ? error.message : describeStorageError(error));
    } finally {
      cancelRef.current = null;
      setProgress(null);
      setBusy(false);
    }
  }

  const headers = csv?.headers ?? [];
  const listed = useMemo(() => listedColumns(headers, columnSearch), [headers, columnSearch]);
  const previewFields = IMPORT_FIELDS.map((f) => f.id).filter((field) => mapping.includes(field));
  const preview = csv ? previewMappedRows(csv, mapping, PREVIEW_ROWS) : [];
  const failures: Line[] = [];
  const warnings: Line[] = [];
  if (current) {
    for (const row of current.rows) {
      if (!row.ok) failures.push({ line: row.line, message: row.message });
      else for (const warning of row.warnings) warnings.push({ line: row.line, message: warning });
    }
  }
  const validCount = current ? current.rows.length - failures.length : 0;

  return (
    <section className="card data-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('data.import.title')}</h2>
      <p className="muted">{t('data.import.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('data.import.file.label')}</label>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          onChange={(event) => void chooseFile(event)}
        />
      </div>

      {loaded && csv && (
        <>
          <dl className="file-facts">
            <dt>{t('data.import.facts.file')}</dt>
            <dd>{loaded.fileName}</dd>
            <dt>{t('data.import.facts.separator')}</dt>
            <dd>{DELIMITER_NAMES[csv.delimiter]?.() ?? csv.delimiter}</dd>
            <dt>{t('data.import.facts.encoding')}</dt>
            <dd>{ENCODING_NAMES[csv.encoding]()}</dd>
            <dt>{t('data.import.facts.rows')}</dt>
            <dd>{uiFormats().count(csv.rows.length + csv.problems.length)}</dd>
          </dl>

          {headers.length > LISTED_COLUMNS && (
            <div className="field">
              <label htmlFor={`${id}-columns`}>{t('data.import.findColumn')}</label>
              <input id={`${id}-columns`} type="search" value={columnSearch} onChange={(event) => setColumnSearch(event.target.value)} />
              <span className="muted" role="status">
                {columnsStatus(listed, columnSearch.trim() !== '')}
              </span>
            </div>
          )}
          <table className="mapping">
            <caption>{t('data.import.mapping.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.import.mapping.column')}</th>
                <th scope="col">{t('data.import.mapping.field')}</th>
                <th scope="col">{t('data.import.mapping.firstValue')}</th>
              </tr>
            </thead>
            <tbody>
              {listed.columns.map((column) => (
                <tr key={column}>
                  <th scope="row">{headers[column] || t('data.import.column.unnamed', { number: uiFormats().count(column + 1) })}</th>
                  <td>
                    <select
                      aria-label={t('data.import.mapping.fieldFor', { column: columnName(headers, column) })}
                      value={mapping[column] ?? ''}
                      onChange={(event) => mapColumn(column, event.target.value)}
                    >
                      <option value="">{t('data.import.mapping.ignore')}</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field.id} value={field.id}>
                          {importFieldLabel(field.id)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="muted">{csv.rows[0]?.cells[column] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {previewFields.length === 0 ? (
            <p>{t('data.import.mapping.nothingMapped')}</p>
          ) : (
            <div className="scroll">
              <table className="preview">
                <caption>{t('data.import.preview.caption', { count: uiFormats().count(Math.min(PREVIEW_ROWS, csv.rows.length)) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('data.import.preview.line')}</th>
                    {previewFields.map((field) => (
                      <th key={field} scope="col">
                        {importFieldLabel(field)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.map((row) => (
                    <tr key={row.line}>
                      <th scope="row">{uiFormats().count(row.line)}</th>
                      {previewFields.map((field) => (
                        <td key={field}>{row.values[field] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <div className="field">
            <label htmlFor={`${id}-list`}>{t('data.import.listName')}</label>
            <input
              id={`${id}-list`}
              type="text"
              value={listName}
              aria-describedby={`${id}-list-hint`}
              onChange={(event) => setListName(event.target.value)}
            />
            <span id={`${id}-list-hint`} className="muted">
              {t('data.import.listNameHint')}
            </span>
          </div>

          {current && (
            <div className="validation">
              <p>{t('data.import.validCount', current.rows.length, [uiFormats().count(validCount), uiFormats().count(current.rows.length)])}</p>
              <ProblemList title={t('data.import.failures', failures.length, [uiFormats().count(failures.length)])} lines={failures} />
              <ProblemList title={t('data.import.warnings', warnings.length, [uiFormats().count(warnings.length)])} lines={warnings} />
            </div>
          )}

          <div className="actions">
            <button type="button" aria-disabled={!ready} onClick={() => void runImport('valid-only')}>
              {t('data.import.importValid')}
            </button>
            <button type="button" className="secondary" aria-disabled={!ready} onClick={() => void runImport('all-or-nothing')}>
              {t('data.import.importAllOrNothing')}
            </button>
          </div>
        </>
      )}

      {progress && (
        <div className="actions">
          {progress.total > 0 ? (
            <progress aria-label={progress.label()} value={progress.done} max={Math.max(progress.total, 1)} />
          ) : (
            <progress aria-label={progress.label()} />
          )}
          {progress.text && <span className="progress-text">{progress.text()}</span>}
          {cancelRef.current && (
            <button type="button" className="secondary" onClick={() => cancelRef.current?.()}>
              {t('data.import.cancel')}
            </button>
          )}
        </div>
      )}
      <p role="status">{status}</p>
      <Alert message={error} />
    </section>
  );
}
