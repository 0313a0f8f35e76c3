import { useMemo, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { countLeads, isSearch, leadPage, sortHits, type LeadOrder, type LeadWindow, type ListSize } from '@/lib/db/lead-pages';
import { leadsByIds, searchLeadIds } from '@/lib/db/search';

/**
 * What the popup's list holds and the rows it shows: every lead, paged from the database as the rep
 * scrolls, or a search's matches — their ids read once, every match however many, and only the rows
 * in view read as leads. Live: a lead saved or changed elsewhere shows up.
 */
export function useLeadListing(
  db: LeadlineDatabase,
  query: string,
  order: LeadOrder,
  rows: { offset: number; limit: number },
): { size: ListSize | undefined; shown: LeadWindow | undefined } {
  const searching = isSearch(query);
  // Scores are read only to list matches highest score first; newest first needs no record at all.
  const scores = order === 'score';
  const found = useLiveQuery(() => (searching ? searchLeadIds(db, query, { scores }) : undefined), [db, query, searching, scores]);
  const matches = useMemo(() => found && sortHits(found.hits, order), [found, order]);
  const shownIds = useMemo(() => matches?.slice(rows.offset, rows.offset + rows.limit).map((hit) => hit.id), [matches, rows.offset, rows.limit]);
  // The rows are asked for before the count: the browser answers a database's requests one after another.
  const page = useLiveQuery(
    async () =>
      searching
        ? shownIds && { order, offset: rows.offset, leads: await leadsByIds(db, shownIds), ids: shownIds }
        : { order, offset: rows.offset, leads: await leadPage(db, order, rows.offset, rows.limit) },
    [db, searching, order, rows.offset, rows.limit, shownIds],
  );
  const count = useLiveQuery(() => (searching ? undefined : countLeads(db)), [db, searching]);
  // Until the rows of new matches arrive, the rows shown before stay: the list never flashes empty.
  const lastShown = useRef<LeadWindow | undefined>(undefined);
  const current = page && (!searching || ('ids' in page && page.ids === shownIds)) ? page : undefined;
  if (current) lastShown.current = current;

  if (searching) {
    // The count of new matches comes with their rows, never beside the rows of the search before.
    if (!found || !matches || !current) return { size: undefined, shown: lastShown.current };
    return { size: { isSearch: true, total: matches.length, indexing: found.indexing }, shown: current };
  }
  return { size: count === undefined ? undefined : { isSearch: false, total: count, indexing: false }, shown: page };
}
