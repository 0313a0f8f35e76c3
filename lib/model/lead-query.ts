import { LeadFilterSchema, compileLeadFilter, type LeadFilter } from './lead-filter';
import type { LeadRow } from './lead-row';
import { LeadSortSchema, ascendingOrder, ascendingOrderInSlices, orderFromAscending, patchAscendingOrder, type AscendingOrder, type LeadSort, type SortDirection, type TableColumn } from './lead-sort';
import { filterInSlices, type Slicer } from './time-slices';

/** What the lead table shows: which leads, in which order. */
export interface LeadQuery {
  filter: LeadFilter;
  sort: LeadSort;
}

/**
 * Every lead's row, with each column's order worked out the first time it is asked for and kept:
 * sorting 100,000 names takes a few hundred milliseconds, filtering rows already in order a few.
 * Rows never change inside one set; a change makes a new set.
 */
export class LeadRowSet {
  private indexed: ReadonlyMap<string, LeadRow> | undefined;
  private lists: { list: string; leads: number }[] | undefined;

  constructor(
    readonly rows: readonly LeadRow[],
    private readonly orders = new Map<TableColumn, AscendingOrder>(),
  ) {}

  /**
   * The rows by id, built when first asked for: at 100,000 rows that takes ~15 ms, which the task
   * that first shows a full read (sort, filters' choices, render) need not carry.
   */
  private get byId(): ReadonlyMap<string, LeadRow> {
    this.indexed ??= new Map(this.rows.map((row) => [row.id, row]));
    return this.indexed;
  }

  get size(): number {
    return this.rows.length;
  }

  get(id: string): LeadRow | undefined {
    return this.byId.get(id);
  }

  /** The set after these rows changed (or were added) and those ids went, its column orders patched rather than sorted again. */
  withChanges(changed: readonly LeadRow[], removed: readonly string[]): LeadRowSet {
    const next = new Map(this.byId);
    for (const id of removed) next.delete(id);
    for (const row of changed) next.set(row.id, row);
    const gone = new Set(removed);
    const orders = new Map<TableColumn, AscendingOrder>();
    for (const [column, order] of this.orders) orders.set(column, patchAscendingOrder(order, column, changed, gone));
    return new LeadRowSet([...next.values()], orders);
  }

  ordered(sort: LeadSort): LeadRow[] {
    let order = this.orders.get(sort.column);
    if (!order) {
      order = ascendingOrder(this.rows, sort.column);
      this.orders.set(sort.column, order);
    }
    return orderFromAscending(order, sort.direction);
  }

  /** The rows that pass the filter at time `now`, in the query's order. */
  query(query: LeadQuery, now: number): LeadRow[] {
    const passes = compileLeadFilter(query.filter, now);
    return this.ordered(query.sort).filter(passes);
  }

  /** Whether a column's order is already worked out (a query in that order is then a filter pass only). */
  hasOrder(column: TableColumn): boolean {
    return this.orders.has(column);
  }

  /**
   * The same rows as query(), worked out in slices that leave the page free between them (a sort of
   * 100,000 rows at once is a pause of a few hundred milliseconds). The order, once worked out, is
   * kept for the next query as ordered() keeps it.
   */
  async queryInSlices(query: LeadQuery, now: number, slicer: Slicer): Promise<LeadRow[]> {
    const passes = compileLeadFilter(query.filter, now);
    let order = this.orders.get(query.sort.column);
    if (!order) {
      order = await ascendingOrderInSlices(this.rows, query.sort.column, slicer);
      this.orders.set(query.sort.column, order);
    }
    return filterInSlices(inDirection(order, query.sort.direction), passes, slicer);
  }

  /** The imported lists, by name, with how many leads each brought: the source filter's choices. */
  importedLists(): { list: string; leads: number }[] {
    if (this.lists) return this.lists;
    const counts = new Map<string, number>();
    for (const row of this.rows) if (row.sourceList) counts.set(row.sourceList, (counts.get(row.sourceList) ?? 0) + 1);
    this.lists = [...counts].map(([list, leads]) => ({ list, leads })).sort((a, b) => a.list.localeCompare(b.list));
    return this.lists;
  }
}

/** The rows of an order, the given way round, without copying them (orderFromAscending's order). */
function* inDirection(order: AscendingOrder, direction: SortDirection): Generator<LeadRow> {
  const { filled, empty } = order;
  if (direction === 'asc') for (let i = 0; i < filled.length; i++) yield filled[i]!;
  else for (let i = filled.length - 1; i >= 0; i--) yield filled[i]!;
  for (let i = 0; i < empty.length; i++) yield empty[i]!;
}

/** Whether two queries show the same leads in the same order (a saved view is "on" while it equals the table's). */
export function sameQuery(a: LeadQuery, b: LeadQuery): boolean {
  // Parsing puts keys in the schema's order and drops unset ones, so equal queries print the same.
  const print = (query: LeadQuery) =>
    JSON.stringify([LeadFilterSchema.parse({ ...query.filter, search: query.filter.search.trim() }), LeadSortSchema.parse(query.sort)]);
  return print(a) === print(b);
}
