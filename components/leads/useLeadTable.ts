import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import type { LeadRowStore, LeadRowsState } from '@/lib/db/lead-rows';
import { previewRows, type PreviewRows } from '@/lib/db/lead-table';
import type { LeadQuery, LeadRowSet } from '@/lib/model/lead-query';
import { createSlicer, SlicesCancelled } from '@/lib/model/time-slices';
import type { LeadRow } from '@/lib/model/lead-row';

/** Rows read straight from an index while every lead is being read: a screenful and a scroll's worth. */
const PREVIEW_ROWS = 60;

/** Up to this many leads, a query is worked out at once; above, in slices. */
const QUERY_AT_ONCE = 5_000;

export interface LeadTableData {
  /** The rows to show, in order: every match once all leads are read, the first ones before. */
  rows: readonly LeadRow[];
  /** True once `rows` are all the matches; before, the count is unknown. */
  exact: boolean;
  /** Every lead's row, for the filters' choices and for "select all matches"; undefined until read. */
  all: LeadRowSet | undefined;
  reading: Pick<LeadRowsState, 'read' | 'total' | 'failed'>;
  /** Until every lead is read, whether this order can show its first rows at all (only indexed ones can). */
  previewing: boolean;
}

/**
 * The lead table's data: the store's rows filtered and sorted in memory; before the store has read
 * every lead, the first rows of the query straight from an index, so the table is never blank for
 * the seconds a large book takes to read.
 */
export function useLeadTable(db: LeadlineDatabase, store: LeadRowStore, query: LeadQuery, now: () => number): LeadTableData {
  // The full read starts once the first rows are on screen: the browser answers one database request
  // after another, and the first page of the full read would hold the first rows back.
  const [firstShown, setFirstShown] = useState(() => store.getState().rows !== undefined);
  const subscribe = useCallback((listener: () => void) => (firstShown ? store.subscribe(listener) : () => undefined), [store, firstShown]);
  const state = useSyncExternalStore(subscribe, store.getState);
  const all = state.rows;
  // A small book is queried at once (a few milliseconds); a large one in slices, so that a sort or a
  // filter over every lead never holds the page (see lib/model/time-slices.ts).
  const atOnce = all !== undefined && all.size <= QUERY_AT_ONCE;
  const matchesAtOnce = useMemo(() => (atOnce ? all!.query(query, now()) : undefined), [atOnce, all, query, now]);
  const [sliced, setSliced] = useState<{ all: LeadRowSet; query: LeadQuery; rows: LeadRow[] }>();
  useEffect(() => {
    if (!all || atOnce) return;
    const slicer = createSlicer();
    all.queryInSlices(query, now(), slicer).then(
      (rows) => setSliced({ all, query, rows }),
      (error: unknown) => {
        if (!(error instanceof SlicesCancelled)) console.error('Leadline: could not filter the leads', error);
      },
    );
    return () => slicer.cancel();
  }, [all, atOnce, query, now]);
  // Until this query's rows are worked out, the last query's stay on screen (as a deferred render
  // would keep them); before any, the first rows read from an index.
  const matches = matchesAtOnce ?? (all && sliced ? sliced.rows : undefined);

  const [preview, setPreview] = useState<{ query: LeadQuery; result: PreviewRows | undefined }>();
  useEffect(() => {
    if (all) return;
    let current = true;
    previewRows(db, query, now(), PREVIEW_ROWS)
      .then(
        (result) => current && setPreview({ query, result }),
        (error: unknown) => console.error('Leadline: could not read the first leads', error),
      )
      .finally(() => setFirstShown(true));
    return () => {
      current = false;
    };
  }, [db, all === undefined, query, now]);

  const reading = { read: state.read, total: state.total, failed: state.failed };
  if (matches) return { rows: matches, exact: true, all, reading, previewing: false };
  const shown = preview?.query === query ? preview.result : undefined;
  // An index read to its end holds every lead, so its matches are all there are.
  return { rows: shown?.rows ?? [], exact: shown?.complete ?? false, all, reading, previewing: shown !== undefined };
}
