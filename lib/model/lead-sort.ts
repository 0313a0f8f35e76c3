import './zod-config';
import { z } from 'zod';
import { t, uiLocale } from '@/lib/i18n';
import { idsOf } from './enum-ids';
import { CHANNELS } from './lead';
import type { LeadRow } from './lead-row';
import { sourceName } from './prospect';
import { STAGES } from './stage';
import { CHECK_EVERY, sortInSlices, type Slicer } from './time-slices';

/** The lead table's columns, in the order shown; each can be sorted. Labels are read when drawn, in the rep's language. */
export const TABLE_COLUMNS = [
  { id: 'name', label: () => t('table.columns.name') },
  { id: 'company', label: () => t('table.columns.company') },
  { id: 'title', label: () => t('table.columns.title') },
  { id: 'stage', label: () => t('table.columns.stage') },
  { id: 'score', label: () => t('table.columns.score') },
  { id: 'progress', label: () => t('table.columns.progress') },
  { id: 'source', label: () => t('table.columns.source') },
  { id: 'channel', label: () => t('table.columns.channel') },
  { id: 'followUp', label: () => t('table.columns.followUp') },
  { id: 'captured', label: () => t('table.columns.captured') },
  { id: 'updated', label: () => t('table.columns.updated') },
] as const;
export const TableColumnSchema = z.enum(idsOf(TABLE_COLUMNS));
export type TableColumn = z.infer<typeof TableColumnSchema>;

export const LeadSortSchema = z.object({ column: TableColumnSchema, direction: z.enum(['asc', 'desc']) });
export type LeadSort = z.infer<typeof LeadSortSchema>;
export type SortDirection = LeadSort['direction'];

/** Newest first, as the popup lists leads. */
export const DEFAULT_SORT: LeadSort = { column: 'captured', direction: 'desc' };

/** Where a column's first click starts: names A to Z, soonest follow-up first, highest score and newest first. */
export function firstDirection(column: TableColumn): SortDirection {
  return column === 'score' || column === 'progress' || column === 'captured' || column === 'updated' ? 'desc' : 'asc';
}

/** "Import: SaaStr badge scans" for an imported list, otherwise the source's name. */
export function sourceLabel(row: Pick<LeadRow, 'source' | 'sourceList'>): string {
  return row.source === 'import' && row.sourceList ? t('table.importedList', { source: sourceName('import'), list: row.sourceList }) : sourceName(row.source);
}

type SortKey = string | number | undefined;

const stageRank = new Map<string, number>(STAGES.map((stage, index) => [stage.id, index]));
const channelRank = new Map<string, number>(CHANNELS.map((channel, index) => [channel.id, index]));

/** What each column sorts by; undefined (no company, no follow-up…) always comes last. */
const SORT_KEYS: Record<TableColumn, (row: LeadRow) => SortKey> = {
  name: (row) => row.fullName,
  company: (row) => row.company,
  title: (row) => row.title,
  stage: (row) => stageRank.get(row.stage),
  score: (row) => row.score,
  // Share of criteria met, then how many (4 of 8 after 2 of 4).
  progress: (row) => (row.criteriaTotal === 0 ? 0 : row.criteriaMet / row.criteriaTotal) * 1000 + row.criteriaMet,
  source: sourceLabel,
  channel: (row) => (row.channel === undefined ? undefined : channelRank.get(row.channel)),
  followUp: (row) => row.nextFollowUpAt,
  captured: (row) => row.createdAt,
  updated: (row) => row.updatedAt,
};

/**
 * A column's sort key. The source's is its label in the rep's language, looked up once per source
 * and list rather than once per row (a message lookup for each of 100,000 rows shows in the sort).
 */
function sortKeyOf(column: TableColumn): (row: LeadRow) => SortKey {
  if (column !== 'source') return SORT_KEYS[column];
  const labels = new Map<string, string>();
  return (row) => {
    const id = `${row.source}\u0000${row.sourceList ?? ''}`;
    let label = labels.get(id);
    if (label === undefined) {
      label = sourceLabel(row);
      labels.set(id, label);
    }
    return label;
  };
}

// Names sort the way the rep's language sorts them (ä with a in German, after z in Swedish). Built
// on first use: the UI language is only known once the extension's API can be asked.
let collator: Intl.Collator | undefined;

// Equal keys in creation order (then id), so the reverse order lists the newest first, as the popup does.
function byCreation(a: LeadRow, b: LeadRow): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Rows in one column's order. The rows with a value are sorted once, ascending; the descending order
 * is that reversed, and rows without a value follow either way, newest first.
 */
export function sortRows(rows: readonly LeadRow[], sort: LeadSort): LeadRow[] {
  return orderFromAscending(ascendingOrder(rows, sort.column), sort.direction);
}

/** A column's ascending order, split into the rows with a value and those without. */
export interface AscendingOrder {
  filled: LeadRow[];
  empty: LeadRow[];
}

export function ascendingOrder(rows: readonly LeadRow[], column: TableColumn): AscendingOrder {
  const key = sortKeyOf(column);
  const keyed: Keyed[] = [];
  const empty: LeadRow[] = [];
  for (const row of rows) {
    const value = key(row);
    if (value === undefined || value === '') empty.push(row);
    else keyed.push({ row, key: value });
  }
  keyed.sort(byKeyThenCreation);
  empty.sort(newestFirst);
  return { filled: keyed.map((entry) => entry.row), empty };
}

type Keyed = { row: LeadRow; key: string | number };
const byKeyThenCreation = (a: Keyed, b: Keyed) => compareKeys(a.key, b.key) || byCreation(a.row, b.row);

/**
 * The same order as ascendingOrder, worked out in slices that each leave the page free within a few
 * tens of milliseconds (see time-slices.ts): at 100,000 leads a sort by name at once held the page
 * for ~450 ms.
 */
export async function ascendingOrderInSlices(rows: readonly LeadRow[], column: TableColumn, slicer: Slicer): Promise<AscendingOrder> {
  const key = sortKeyOf(column);
  const keyed: Keyed[] = [];
  const empty: LeadRow[] = [];
  let seen = 0;
  for (const row of rows) {
    const value = key(row);
    if (value === undefined || value === '') empty.push(row);
    else keyed.push({ row, key: value });
    if (++seen % CHECK_EVERY === 0) await slicer.pause();
  }
  const filled = await sortInSlices(keyed, byKeyThenCreation, slicer);
  const rowsFilled: LeadRow[] = new Array<LeadRow>(filled.length);
  for (let i = 0; i < filled.length; i++) rowsFilled[i] = filled[i]!.row;
  return { filled: rowsFilled, empty: await sortInSlices(empty, newestFirst, slicer) };
}

function compareKeys(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : (collator ??= new Intl.Collator(uiLocale())).compare(String(a), String(b));
}

const newestFirst = (a: LeadRow, b: LeadRow) => byCreation(b, a);

/** Two lists already in one order as one list in that order. */
function merge(a: readonly LeadRow[], b: readonly LeadRow[], compare: (x: LeadRow, y: LeadRow) => number): LeadRow[] {
  if (b.length === 0) return [...a];
  const merged: LeadRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/**
 * A column's order after some leads changed or went: those rows leave it and the changed ones are
 * merged back in at their place, in time proportional to the rows rather than a full sort (which
 * takes a few hundred milliseconds for names at 100,000 leads, each time a capture comes in).
 */
export function patchAscendingOrder(order: AscendingOrder, column: TableColumn, changed: readonly LeadRow[], removed: ReadonlySet<string>): AscendingOrder {
  const gone = new Set(removed);
  for (const row of changed) gone.add(row.id);
  const key = sortKeyOf(column);
  const fresh = ascendingOrder(changed, column);
  const kept = (rows: readonly LeadRow[]) => rows.filter((row) => !gone.has(row.id));
  return {
    filled: merge(kept(order.filled), fresh.filled, (a, b) => compareKeys(key(a)!, key(b)!) || byCreation(a, b)),
    empty: merge(kept(order.empty), fresh.empty, newestFirst),
  };
}

export function orderFromAscending(order: AscendingOrder, direction: SortDirection): LeadRow[] {
  const filled = direction === 'asc' ? order.filled : [...order.filled].reverse();
  return order.empty.length === 0 ? filled : filled.concat(order.empty);
}
