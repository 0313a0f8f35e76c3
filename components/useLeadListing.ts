import { useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { countLeads, isSearch, leadPage, type LeadOrder, type LeadWindow, type ListSize } from '@/lib/db/lead-pages';
import { searchWindow } from '@/lib/db/search';

/**
 * What the popup's list holds and the rows it shows: every lead, paged from the database as the rep
 * scrolls, or a search's matches — their exact count and only the rows in view read as leads (see
 * searchWindow). Live: a lead saved or changed elsewhere shows up.
 */
export function useLeadListing(
  db: LeadlineDatabase,
  query: string,
  order: LeadOrder,
  rows: { offset: number; limit: number },
): { size: ListSize | undefined; shown: LeadWindow | undefined } {
  const searching = isSearch(query);
  // A search's count and rows come from one read, so the count never sits beside another search's rows.
  const found = useLiveQuery(
    async () => (searching ? { query, order, offset: rows.offset, ...(await searchWindow(db, query, order, rows.offset, rows.limit)) } : undefined),
    [db, query, searching, order, rows.offset, rows.limit],
  );
  // The rows are asked for before the count: the browser answers a database's requests one after another.
  const page = useLiveQuery(
    async () => (searching ? undefined : { order, offset: rows.offset, leads: await leadPage(db, order, rows.offset, rows.limit) }),
    [db, searching, order, rows.offset, rows.limit],
  );
  const count = useLiveQuery(() => (searching ? undefined : countLeads(db)), [db, searching]);
  // Until the rows of new matches arrive, the rows shown before stay: the list never flashes empty.
  const lastShown = useRef<LeadWindow | undefined>(undefined);

  if (searching) {
    const current = found && found.query === query && found.order === order ? found : undefined;
    if (!current) return { size: undefined, shown: lastShown.current };
    const shown: LeadWindow = { order: current.order, offset: current.offset, leads: current.leads };
    lastShown.current = shown;
    return { size: { isSearch: true, total: current.total, indexing: current.indexing }, shown };
  }
  if (page) lastShown.current = page;
  return { size: count === undefined ? undefined : { isSearch: false, total: count, indexing: false }, shown: page };
}
