import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { countLeads, isSearch, leadPage, sortLeads, type LeadOrder, type LeadWindow, type ListSize } from '@/lib/db/lead-pages';
import { searchMatches } from '@/lib/db/leads';

/**
 * What the popup's list holds and the rows it shows: every lead, paged from the database as the rep
 * scrolls, or a search's matches, read once (at most 1,000) and paged in memory, so neither a keystroke
 * nor a scroll reads the same matches twice. Live: a lead saved or changed elsewhere shows up.
 */
export function useLeadListing(
  db: LeadlineDatabase,
  query: string,
  order: LeadOrder,
  rows: { offset: number; limit: number },
): { size: ListSize | undefined; shown: LeadWindow | undefined } {
  const searching = isSearch(query);
  const found = useLiveQuery(() => (searching ? searchMatches(db, query) : undefined), [db, query, searching]);
  const matches = useMemo(() => found && sortLeads(found.leads, order), [found, order]);
  // The rows are asked for before the count: the browser answers a database's requests one after
  // another, and counting 100,000 leads would hold the first rows back by ~200 ms.
  const page = useLiveQuery(
    async () => (searching ? undefined : { order, offset: rows.offset, leads: await leadPage(db, order, rows.offset, rows.limit) }),
    [db, searching, order, rows.offset, rows.limit],
  );
  const count = useLiveQuery(() => (searching ? undefined : countLeads(db)), [db, searching]);

  if (searching) {
    if (!found || !matches) return { size: undefined, shown: undefined };
    return {
      size: { isSearch: true, total: matches.length, complete: found.complete },
      shown: { order, offset: rows.offset, leads: matches.slice(rows.offset, rows.offset + rows.limit) },
    };
  }
  return { size: count === undefined ? undefined : { isSearch: false, total: count, complete: true }, shown: page };
}
