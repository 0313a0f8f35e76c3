import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import type { LeadRowStore } from '@/lib/db/lead-rows';
import { readSavedViews } from '@/lib/db/saved-views';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { NO_FILTER, activeConditions } from '@/lib/model/lead-filter';
import { sameQuery, type LeadQuery } from '@/lib/model/lead-query';
import { TABLE_COLUMNS } from '@/lib/model/lead-sort';
import { getFramework } from '@/lib/qualify/frameworks';
import { AddLead } from '../AddLead';
import { LeadDetail } from '../LeadDetail';
import { useTemplates } from '../useTemplates';
import { SampleLead } from '../welcome/SampleLead';
import { BulkActions } from './BulkActions';
import { LeadFilters } from './LeadFilters';
import { LeadGrid, type SelectionState } from './LeadGrid';
import { SavedViews } from './SavedViews';
import { useLeadTable } from './useLeadTable';
import './leads.css';

/** "12,345 leads": a count in the rep's locale, in the plural form it needs. */
const counted = (key: 'table.allLeads' | 'table.selected' | 'table.allSelected' | 'table.selectAll', count: number) => t(key, count, [uiFormats().count(count)]);

/** How far reading every lead has got: "Reading your leads… 2,000 of 100,000". */
function readingText(read: number, total: number | undefined): string {
  const { count } = uiFormats();
  return total === undefined ? t('table.reading', { read: count(read) }) : t('table.readingOf', { read: count(read), total: count(total) });
}

type Selection = { all: true } | { all: false; ids: ReadonlySet<string> };
const NOTHING: Selection = { all: false, ids: new Set() };

export interface LeadsViewProps {
  db: LeadlineDatabase;
  now: () => number;
  store: LeadRowStore;
  query: LeadQuery;
  onQueryChange: (query: LeadQuery) => void;
  /** The lead shown in place of the table, if any. */
  openLeadId: string | null;
  onOpenLead: (id: string | null) => void;
  /** Goes to another tab of the full page ("data" to import, "welcome"). */
  onNavigate: (tab: 'data' | 'welcome') => void;
  onRemindersChanged?: (() => void) | undefined;
}

/**
 * The lead table: search, filters and saved views above a grid of every lead, with actions on the
 * leads selected (or on every match). A lead opens in place of the table; Back returns to its row.
 */
export function LeadsView({ db, now, store, query, onQueryChange, openLeadId, onOpenLead, onNavigate, onRemindersChanged }: LeadsViewProps) {
  const id = useId();
  const deferred = useDeferredValue(query);
  const table = useLeadTable(db, store, deferred, now);
  const templates = useTemplates(db);
  const views = useLiveQuery(() => readSavedViews(db), [db]);
  const [selection, setSelection] = useState<Selection>(NOTHING);
  const [focusLead, setFocusLead] = useState<{ id: string; seq: number }>();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState('');

  // A selection belongs to the filter it was made under: another filter starts with none.
  const filterKey = JSON.stringify(query.filter);
  useEffect(() => setSelection(NOTHING), [filterKey]);

  const rows = table.rows;
  const matches = rows.length;
  const count = selection.all ? matches : selection.ids.size;
  const selectionState: SelectionState = count === 0 ? 'none' : selection.all || count >= matches ? 'all' : 'some';
  const frameworkName = useMemo(() => {
    const names = new Map<string, string>();
    return (frameworkId: string) => {
      let name = names.get(frameworkId);
      if (name === undefined) {
        name = getFramework(frameworkId, templates ?? []).name;
        names.set(frameworkId, name);
      }
      return name;
    };
  }, [templates]);

  function toggleRow(leadId: string) {
    setSelection((current) => {
      const ids = new Set(current.all ? rows.map((row) => row.id) : current.ids);
      if (ids.has(leadId)) ids.delete(leadId);
      else ids.add(leadId);
      return { all: false, ids };
    });
  }

  function toggleAll() {
    if (selectionState !== 'none') setSelection(NOTHING);
    else if (table.exact) setSelection({ all: true });
    else setSelection({ all: false, ids: new Set(rows.map((row) => row.id)) });
  }

  function targets(): string[] {
    if (selection.all) return rows.map((row) => row.id);
    const inOrder = rows.filter((row) => selection.ids.has(row.id)).map((row) => row.id);
    const shown = new Set(inOrder);
    return [...inOrder, ...[...selection.ids].filter((leadId) => !shown.has(leadId))];
  }

  function back() {
    const leadId = openLeadId;
    onOpenLead(null);
    if (leadId) setFocusLead((previous) => ({ id: leadId, seq: (previous?.seq ?? 0) + 1 }));
  }

  const activeView = views?.find((view) => sameQuery(view, query));
  const column = TABLE_COLUMNS.find((c) => c.id === query.sort.column)!;
  const total = table.all?.size;
  const filtered = activeConditions(query.filter) > 0;
  const noLeadsAtAll = table.exact && total === 0 && !filtered;

  let summary: string;
  if (table.reading.failed) summary = '';
  else if (!table.all) summary = `${readingText(table.reading.read, table.reading.total)} ${table.previewing ? t('table.firstRows') : t('table.waitForOrder')}`;
  else summary = filtered ? t('table.matching', matches, [uiFormats().count(matches)], { total: uiFormats().count(total ?? 0) }) : counted('table.allLeads', matches);

  function openAdded(leadId: string) {
    setAdding(false);
    onOpenLead(leadId);
  }

  const paneOpen = adding || openLeadId !== null;
  return (
    <>
      {adding ? (
        <div className="lead-pane card">
          <AddLead
            db={db}
            now={now}
            onCreated={(lead) => {
              setAdded(t('table.added', { name: lead.fullName }));
              openAdded(lead.id);
            }}
            onOpenLead={openAdded}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : (
        openLeadId && (
          <div className="lead-pane card">
            {added && (
              <p role="status" className="status">
                {added}
              </p>
            )}
            <LeadDetail
              db={db}
              now={now}
              leadId={openLeadId}
              onBack={() => {
                setAdded('');
                back();
              }}
              onRemindersChanged={onRemindersChanged}
              // The undo bar under the tabs offers to bring it back.
              onDeleted={() => {
                setAdded('');
                onOpenLead(null);
              }}
            />
          </div>
        )
      )}
      <section className="leads-view" aria-labelledby={`${id}-heading`} hidden={paneOpen}>
        <h2 id={`${id}-heading`} className="visually-hidden">
          {t('table.heading')}
        </h2>
        {noLeadsAtAll ? (
          <div className="card leads-empty">
            <h3>{t('table.emptyTitle')}</h3>
            <p>{t('table.emptyText')}</p>
            <div className="actions">
              <button type="button" onClick={() => onNavigate('data')}>
                {t('table.importList')}
              </button>
              <button type="button" className="secondary" onClick={() => setAdding(true)}>
                {t('table.addLead')}
              </button>
              <button type="button" className="secondary" onClick={() => onNavigate('welcome')}>
                {t('table.howCapture')}
              </button>
            </div>
            <SampleLead db={db} now={now} onOpenLead={(leadId) => onOpenLead(leadId)} />
          </div>
        ) : (
          <>
            <div className="leads-toolbar">
              <span className="filter-field search-field">
                <label htmlFor={`${id}-search`}>{t('table.search')}</label>
                <input
                  id={`${id}-search`}
                  type="search"
                  autoComplete="off"
                  placeholder={t('table.searchPlaceholder')}
                  value={query.filter.search}
                  onChange={(event) => onQueryChange({ ...query, filter: { ...query.filter, search: event.target.value } })}
                />
              </span>
              <SavedViews db={db} views={views} query={query} onApply={onQueryChange} />
              <button type="button" className="secondary add-lead" onClick={() => setAdding(true)}>
                {t('table.addLead')}
              </button>
            </div>
            <LeadFilters filter={query.filter} lists={table.all?.importedLists()} onChange={(filter) => onQueryChange({ ...query, filter })} />
            {table.reading.failed ? (
              <p role="alert" className="alert">
                {t('table.failed')}
              </p>
            ) : (
              // Busy while reading, so a screen reader announces the count once rather than every page read.
              <p className="leads-summary muted" role="status" aria-busy={!table.all}>
                {summary}
              </p>
            )}
            <BulkActions
              db={db}
              now={now}
              count={count}
              targets={targets}
              description={count === 0 ? t('table.noneSelected') : counted(selection.all ? 'table.allSelected' : 'table.selected', count)}
              fileName={activeView?.name ?? t('table.bulk.fileName')}
              onStageChanged={() => setSelection(NOTHING)}
              onRemindersChanged={onRemindersChanged}
            />
            {count > 0 && (
              <button type="button" className="secondary clear-selection" onClick={() => setSelection(NOTHING)}>
                {t('table.clearSelection')}
              </button>
            )}
            {table.all && matches === 0 ? (
              <div className="leads-none">
                <p>{t('table.noMatches')}</p>
                <button type="button" className="secondary" onClick={() => onQueryChange({ ...query, filter: NO_FILTER })}>
                  {t('table.clearFilters')}
                </button>
              </div>
            ) : (
              <LeadGrid
                rows={rows}
                label={t(query.sort.direction === 'asc' ? 'table.sortedAscending' : 'table.sortedDescending', { column: column.label() })}
                sort={query.sort}
                onSortChange={(sort) => onQueryChange({ ...query, sort })}
                isSelected={(leadId) => selection.all || selection.ids.has(leadId)}
                selection={selectionState}
                onToggleRow={toggleRow}
                onToggleAll={toggleAll}
                selectAllLabel={table.exact ? counted('table.selectAll', matches) : t('table.selectShown')}
                onOpen={(leadId) => onOpenLead(leadId)}
                now={now()}
                frameworkName={frameworkName}
                focusLead={focusLead}
              />
            )}
          </>
        )}
      </section>
    </>
  );
}
