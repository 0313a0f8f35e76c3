import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import type { LeadRowStore } from '@/lib/db/lead-rows';
import { readSavedViews } from '@/lib/db/saved-views';
import { NO_FILTER, activeConditions } from '@/lib/model/lead-filter';
import { sameQuery, type LeadQuery } from '@/lib/model/lead-query';
import { TABLE_COLUMNS } from '@/lib/model/lead-sort';
import { getFramework } from '@/lib/qualify/frameworks';
import { countOf } from '../data/counts';
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

const TEXT = {
  heading: 'Leads',
  search: 'Search leads',
  searchPlaceholder: 'Name, company, email or title',
  gridLabel: (column: string, direction: 'asc' | 'desc') => `Leads, by ${column.toLowerCase()} ${direction === 'asc' ? 'ascending' : 'descending'}`,
  allLeads: (count: number) => countOf(count, 'lead'),
  matching: (matches: number, total: number) => `${countOf(matches, 'lead')} of ${total.toLocaleString('en-US')} match`,
  reading: (read: number, total: number | undefined) =>
    total === undefined ? `Reading your leads… ${read.toLocaleString('en-US')} so far` : `Reading your leads… ${read.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`,
  firstRows: 'The first rows are shown meanwhile.',
  waitForOrder: 'This order needs every lead; the rows follow in a moment.',
  failed: 'Leadline could not read your leads from browser storage. Reload this page; if it keeps happening, restart the browser.',
  selectAll: (count: number) => `Select all ${countOf(count, 'match', 'matches')}`,
  selectShown: 'Select the leads shown',
  noneSelected: 'Select leads with the checkboxes (or Space) to act on them.',
  selected: (count: number) => `${countOf(count, 'lead')} selected`,
  allSelected: (count: number) => `All ${countOf(count, 'matching lead', 'matching leads')} selected`,
  clearSelection: 'Clear selection',
  emptyTitle: 'No leads yet',
  emptyText:
    'Leads you save on LinkedIn, in Gmail or Outlook, or from any page with “Capture this page”, the right-click menu or Alt+Shift+L show up here. Or start from a list you already have.',
  importList: 'Import a list',
  addLead: 'Add a lead',
  added: (name: string) => `Added ${name}.`,
  howCapture: 'See where capture works',
  noMatches: 'No leads match these filters.',
  clearFilters: 'Clear filters',
};

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
  else if (!table.all) summary = `${TEXT.reading(table.reading.read, table.reading.total)} ${table.previewing ? TEXT.firstRows : TEXT.waitForOrder}`;
  else summary = filtered ? TEXT.matching(matches, total ?? 0) : TEXT.allLeads(matches);

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
              setAdded(TEXT.added(lead.fullName));
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
          {TEXT.heading}
        </h2>
        {noLeadsAtAll ? (
          <div className="card leads-empty">
            <h3>{TEXT.emptyTitle}</h3>
            <p>{TEXT.emptyText}</p>
            <div className="actions">
              <button type="button" onClick={() => onNavigate('data')}>
                {TEXT.importList}
              </button>
              <button type="button" className="secondary" onClick={() => setAdding(true)}>
                {TEXT.addLead}
              </button>
              <button type="button" className="secondary" onClick={() => onNavigate('welcome')}>
                {TEXT.howCapture}
              </button>
            </div>
            <SampleLead db={db} now={now} onOpenLead={(leadId) => onOpenLead(leadId)} />
          </div>
        ) : (
          <>
            <div className="leads-toolbar">
              <span className="filter-field search-field">
                <label htmlFor={`${id}-search`}>{TEXT.search}</label>
                <input
                  id={`${id}-search`}
                  type="search"
                  autoComplete="off"
                  placeholder={TEXT.searchPlaceholder}
                  value={query.filter.search}
                  onChange={(event) => onQueryChange({ ...query, filter: { ...query.filter, search: event.target.value } })}
                />
              </span>
              <SavedViews db={db} views={views} query={query} onApply={onQueryChange} />
              <button type="button" className="secondary add-lead" onClick={() => setAdding(true)}>
                {TEXT.addLead}
              </button>
            </div>
            <LeadFilters filter={query.filter} lists={table.all?.importedLists()} onChange={(filter) => onQueryChange({ ...query, filter })} />
            {table.reading.failed ? (
              <p role="alert" className="alert">
                {TEXT.failed}
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
              description={count === 0 ? TEXT.noneSelected : selection.all ? TEXT.allSelected(count) : TEXT.selected(count)}
              fileName={activeView?.name ?? 'selection'}
              onStageChanged={() => setSelection(NOTHING)}
              onRemindersChanged={onRemindersChanged}
            />
            {count > 0 && (
              <button type="button" className="secondary clear-selection" onClick={() => setSelection(NOTHING)}>
                {TEXT.clearSelection}
              </button>
            )}
            {table.all && matches === 0 ? (
              <div className="leads-none">
                <p>{TEXT.noMatches}</p>
                <button type="button" className="secondary" onClick={() => onQueryChange({ ...query, filter: NO_FILTER })}>
                  {TEXT.clearFilters}
                </button>
              </div>
            ) : (
              <LeadGrid
                rows={rows}
                label={TEXT.gridLabel(column.label, query.sort.direction)}
                sort={query.sort}
                onSortChange={(sort) => onQueryChange({ ...query, sort })}
                isSelected={(leadId) => selection.all || selection.ids.has(leadId)}
                selection={selectionState}
                onToggleRow={toggleRow}
                onToggleAll={toggleAll}
                selectAllLabel={table.exact ? TEXT.selectAll(matches) : TEXT.selectShown}
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
