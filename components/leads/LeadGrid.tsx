import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type FocusEvent } from 'react';
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range, type Rect } from '@tanstack/react-virtual';
import { t } from '@/lib/i18n';
import type { LeadRow } from '@/lib/model/lead-row';
import { TABLE_COLUMNS, firstDirection, type LeadSort, type TableColumn } from '@/lib/model/lead-sort';
import { COLUMN_WIDTHS, cellContent } from './cells';

/** Every row is this tall (leads.css keeps a row's content to one line), so row n starts at n × ROW_HEIGHT. */
export const ROW_HEIGHT = 40;
/** The grid's size until it is laid out (and where nothing is, as in tests). */
const FALLBACK_RECT: Rect = { width: 1200, height: 560 };

const COLUMNS: readonly (TableColumn | 'select')[] = ['select', ...TABLE_COLUMNS.map((column) => column.id)];
const LAST_COLUMN = COLUMNS.length - 1;
const TEMPLATE = COLUMNS.map((column) => `${COLUMN_WIDTHS[column]}px`).join(' ');
const GRID_WIDTH = COLUMNS.reduce((sum, column) => sum + COLUMN_WIDTHS[column], 0);

export type SelectionState = 'none' | 'some' | 'all';

export interface LeadGridProps {
  rows: readonly LeadRow[];
  /** The grid's accessible name, e.g. "Leads, newest first". */
  label: string;
  sort: LeadSort;
  onSortChange: (sort: LeadSort) => void;
  isSelected: (id: string) => boolean;
  selection: SelectionState;
  onToggleRow: (id: string) => void;
  onToggleAll: () => void;
  /** The header checkbox's name, e.g. "Select all 1,234 matches". */
  selectAllLabel: string;
  onOpen: (id: string) => void;
  now: number;
  frameworkName: (id: string) => string;
  /** A lead whose row should take keyboard focus once shown (back from its detail); `seq` makes a repeat count. */
  focusLead?: { id: string; seq: number } | undefined;
}

/** A cell: row 0 is the header, rows 1… the leads; column 0 the checkboxes. */
type Cell = { row: number; col: number };

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/**
 * The lead table: a grid (WAI-ARIA data grid pattern) that draws only the rows in view, with one tab
 * stop and the arrow keys, Home/End, Page Up/Down and Ctrl+Home/End moving between cells; Space selects
 * a row, Enter opens its lead, and Enter or Space on a column header sorts by it.
 */
export function LeadGrid(props: LeadGridProps) {
  const { rows, label, sort, onSortChange, isSelected, selection, onToggleRow, onToggleAll, selectAllLabel, onOpen, now, frameworkName, focusLead } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Cell>({ row: 1, col: 1 });
  const focusPending = useRef(false);
  const activeRow = clamp(active.row, 0, rows.length);
  const activeIndex = activeRow - 1;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The row with keyboard focus stays drawn when scrolled away, so focus is never lost.
      if (activeIndex >= 0 && activeIndex < range.count && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: ROW_HEIGHT,
    rangeExtractor,
    getItemKey: (index) => rows[index]?.id ?? index,
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT)),
  });

  function focusTarget(cell: Cell): HTMLElement | null {
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${cell.row}:${cell.col}"]`);
    return element?.querySelector<HTMLElement>('[data-widget]') ?? element ?? null;
  }

  function moveTo(cell: Cell) {
    const next = { row: clamp(cell.row, 0, rows.length), col: clamp(cell.col, 0, LAST_COLUMN) };
    setActive(next);
    focusPending.current = true;
    if (next.row >= 1) virtualizer.scrollToIndex(next.row - 1, { align: 'auto' });
    else if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }

  // Focus follows the active cell once its row is drawn (a far row is drawn after the scroll).
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const target = focusTarget({ row: activeRow, col: active.col });
    if (!target) return;
    focusPending.current = false;
    target.focus({ preventScroll: true });
  });

  useEffect(() => {
    if (!focusLead) return;
    const index = rows.findIndex((row) => row.id === focusLead.id);
    if (index >= 0) moveTo({ row: index + 1, col: 1 });
    // Only when a new request comes, not when the rows change under an old one.
  }, [focusLead?.seq]);

  function onFocus(event: FocusEvent) {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell?.dataset.cell) return;
    const [row, col] = cell.dataset.cell.split(':').map(Number) as [number, number];
    if (row !== activeRow || col !== active.col) setActive({ row, col });
  }

  function onKeyDown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    const onWidget = target.matches('input, button');
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight || FALLBACK_RECT.height) / ROW_HEIGHT) - 1);
    const { col } = active;
    const row = activeRow;
    const moves: Record<string, () => Cell | undefined> = {
      ArrowDown: () => ({ row: row + 1, col }),
      ArrowUp: () => ({ row: row - 1, col }),
      ArrowRight: () => ({ row, col: col + 1 }),
      ArrowLeft: () => ({ row, col: col - 1 }),
      Home: () => (event.ctrlKey ? { row: Math.min(1, rows.length), col } : { row, col: 0 }),
      End: () => (event.ctrlKey ? { row: rows.length, col } : { row, col: LAST_COLUMN }),
      PageDown: () => ({ row: row + page, col }),
      PageUp: () => ({ row: Math.max(row - page, rows.length > 0 ? 1 : 0), col }),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = move();
      if (next) moveTo(next);
      return;
    }
    const lead = row >= 1 ? rows[row - 1] : undefined;
    if (!lead || onWidget) return;
    if (event.key === ' ') {
      event.preventDefault();
      onToggleRow(lead.id);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(lead.id);
    }
  }

  const tabIndexOf = (cell: Cell) => (cell.row === activeRow && cell.col === active.col ? 0 : -1);
  const scrollMargin = virtualizer.options.scrollMargin;

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-multiselectable="true"
      className="lead-grid"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div role="rowgroup" className="lead-grid-head" style={{ width: GRID_WIDTH }}>
        <div role="row" aria-rowindex={1} className="lead-grid-row" style={{ gridTemplateColumns: TEMPLATE, height: ROW_HEIGHT }}>
          <div role="columnheader" aria-colindex={1} data-cell="0:0" className="lead-grid-cell select-cell">
            <input
              type="checkbox"
              data-widget
              aria-label={selectAllLabel}
              checked={selection === 'all'}
              ref={(input) => {
                if (input) input.indeterminate = selection === 'some';
              }}
              tabIndex={tabIndexOf({ row: 0, col: 0 })}
              onChange={onToggleAll}
            />
          </div>
          {TABLE_COLUMNS.map((column, index) => {
            const sorted = sort.column === column.id;
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-colindex={index + 2}
                aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                data-cell={`0:${index + 1}`}
                className="lead-grid-cell"
              >
                <button
                  type="button"
                  data-widget
                  className="sort-button"
                  tabIndex={tabIndexOf({ row: 0, col: index + 1 })}
                  onClick={() =>
                    onSortChange({
                      column: column.id,
                      direction: sorted ? (sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection(column.id),
                    })
                  }
                >
                  {column.label()}
                  <span aria-hidden="true" className="sort-mark">
                    {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="lead-grid-body" style={{ height: virtualizer.getTotalSize() - scrollMargin, width: GRID_WIDTH }}>
        {virtualizer.getVirtualItems().map((item) => {
          const lead = rows[item.index];
          if (!lead) return null;
          const rowNumber = item.index + 1;
          const selected = isSelected(lead.id);
          return (
            <div
              key={lead.id}
              role="row"
              aria-rowindex={rowNumber + 1}
              aria-selected={selected}
              className={selected ? 'lead-grid-row selected' : 'lead-grid-row'}
              style={{ gridTemplateColumns: TEMPLATE, height: ROW_HEIGHT, transform: `translateY(${item.start - scrollMargin}px)` }}
            >
              <div role="gridcell" aria-colindex={1} data-cell={`${rowNumber}:0`} className="lead-grid-cell select-cell">
                <input
                  type="checkbox"
                  data-widget
                  aria-label={t('table.selectRow', { name: lead.fullName })}
                  checked={selected}
                  tabIndex={tabIndexOf({ row: rowNumber, col: 0 })}
                  onChange={() => onToggleRow(lead.id)}
                />
              </div>
              <div role="gridcell" aria-colindex={2} data-cell={`${rowNumber}:1`} className="lead-grid-cell">
                <button
                  type="button"
                  data-widget
                  data-lead-id={lead.id}
                  className="link"
                  tabIndex={tabIndexOf({ row: rowNumber, col: 1 })}
                  onClick={() => onOpen(lead.id)}
                >
                  {lead.fullName}
                </button>
              </div>
              {TABLE_COLUMNS.slice(1).map((column, index) => (
                <div
                  key={column.id}
                  role="gridcell"
                  aria-colindex={index + 3}
                  data-cell={`${rowNumber}:${index + 2}`}
                  className={`lead-grid-cell cell-${column.id}`}
                  tabIndex={tabIndexOf({ row: rowNumber, col: index + 2 })}
                >
                  {cellContent(column.id as Exclude<TableColumn, 'name'>, lead, { now, frameworkName })}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
