import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import type { LeadRowStore, LeadRowsState } from '@/lib/db/lead-rows';
import { previewRows, type PreviewRows } from '@/lib/db/lead-table';
import type { LeadQuery, LeadRowSet } from '@/lib/model/lead-query';
import type { LeadRow } from '@/lib/model/lead-row';

/** Rows read straight from an index while every lead is being read: a screenful and a scroll's worth. */
const PREVIEW_ROWS = 60;

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
  const matches = useMemo(() => all?.query(query, now()), [all, query, now]);

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
