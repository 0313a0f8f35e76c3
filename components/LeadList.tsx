import { useEffect, useId, useRef, useState } from 'react';
import { observeElementRect, useVirtualizer, type Rect } from '@tanstack/react-virtual';
import type { LeadlineDatabase } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { leadPosition, sortLeads, type LeadOrder, type ListSize } from '@/lib/db/lead-pages';
import { deleteLeads } from '@/lib/db/leads';
import { saveWithReport } from './save-with-report';
import { GettingStarted } from './GettingStarted';
import { LeadButton } from './LeadButton';
import { useLeadListing } from './useLeadListing';
import { useRestoreFocus } from './useRestoreFocus';
import { Alert } from './Alert';

export interface LeadListProps {
  db: LeadlineDatabase;
  query: string;
  onQueryChange: (query: string) => void;
  /** Highest score first instead of newest first. */
  sortByScore: boolean;
  onSortByScoreChange: (sortByScore: boolean) => void;
  onOpenLead: (id: string) => void;
  /** The lead the rep just came back from: the list scrolls to it and keyboard focus returns to it. */
  focusLeadId?: string | null;
  now?: () => number;
  /** After leads were deleted (their reminders went with them, so alarms and the badge must follow). */
  onDeleted?: () => void;
}

/** Every row is this tall (style.css keeps a lead's button to it), so row n starts at n × ROW_HEIGHT. */
export const ROW_HEIGHT = 54;
/** The list's height in style.css, used until it is measured (and where nothing is laid out, as in tests). */
const FALLBACK_VIEWPORT_HEIGHT = 360;
const FALLBACK_RECT: Rect = { width: 356, height: FALLBACK_VIEWPORT_HEIGHT };
/** Rows drawn beyond the view either side, so Tab and a quick scroll find rows there. */
const OVERSCAN = 10;
/** Rows are read in blocks, so scrolling queries the database once per block rather than once per row. */
const BLOCK_ROWS = 10;

/** The rows to read: those in view and at least a block either side, so a quick scroll finds them read. */
function rowsAround(firstVisible: number, viewportHeight: number): { offset: number; limit: number } {
  const lastVisible = firstVisible + Math.ceil(viewportHeight / ROW_HEIGHT);
  const offset = Math.max(0, (Math.floor(firstVisible / BLOCK_ROWS) - 1) * BLOCK_ROWS);
  const end = (Math.floor(lastVisible / BLOCK_ROWS) + 2) * BLOCK_ROWS;
  return { offset, limit: end - offset };
}

/** The line above the list, read out as it changes: how many leads there are, or why there are none. */
function summary(size: ListSize | undefined, query: string, anyShown: boolean): string {
  if (!size) return anyShown ? t('popup.list.counting') : t('popup.list.loading');
  const count: [string] = [uiFormats().count(size.total)];
  if (size.indexing) return t('popup.list.indexing', size.total, count);
  if (size.total > 0) return size.isSearch ? t('popup.list.matches', size.total, count) : t('popup.list.leads', size.total, count);
  // With no lead at all, the getting-started guide below says so.
  return size.isSearch ? t('popup.list.noMatch', { query: query.trim() }) : '';
}

/**
 * Every lead (or a search's matches), newest or highest score first, in a scrolling box that renders
 * only the rows in view (@tanstack/react-virtual): the popup opens as fast with 100,000 leads as with
 * ten. Rows are read from the database a block at a time around the view.
 */
export function LeadList({
  db,
  query,
  onQueryChange,
  sortByScore,
  onSortByScoreChange,
  onOpenLead,
  focusLeadId,
  now = Date.now,
  onDeleted,
}: LeadListProps) {
  const searchId = useId();
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState('');
  const order: LeadOrder = sortByScore ? 'score' : 'newest';
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // A scroll position belongs to one search in one order; another search or order starts at the top.
  const listing = `${order}\n${query}`;
  // Where the list is scrolled and how tall it is, as the virtualiser last saw them: the rows around
  // that are read before the virtualiser is told how many rows there are (which the read decides).
  const seen = useRef({ offset: 0, height: FALLBACK_VIEWPORT_HEIGHT });
  const rows = rowsAround(Math.floor(seen.current.offset / ROW_HEIGHT), seen.current.height);
  const { size, shown } = useLeadListing(db, query, order, rows);
  // Until the rows of a newly chosen order arrive, show those at hand in it: a short list is then already right.
  const leads = !shown ? [] : shown.order === order ? shown.leads : sortLeads(shown.leads, order);
  // Rows do not wait for the count (~200 ms at 100,000 leads): until it comes, the list is as long as
  // what is known, one more row when the window came back full, and screen readers hear "size unknown".
  const total = size?.total ?? (shown ? shown.offset + shown.leads.length + (shown.leads.length === rows.limit ? 1 : 0) : 0);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT)),
    // Called as the list scrolls or resizes, just before the virtualiser draws again.
    onChange: (instance) => {
      seen.current = { offset: instance.scrollOffset ?? 0, height: instance.scrollRect?.height || FALLBACK_VIEWPORT_HEIGHT };
    },
  });
  const viewportHeight = seen.current.height;

  function scrollListTo(top: number) {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    scroller.scrollTop = top;
    // The virtualiser follows scroll events; announce this one now (where nothing is laid out, none comes).
    scroller.dispatchEvent(new Event('scroll'));
  }

  useEffect(() => scrollListTo(0), [listing]);

  // Back from a lead, scroll to where it stands now (its score may have changed) once the list has its
  // height; only on arrival, in the search and order the rep came back to.
  const loaded = size !== undefined && shown !== undefined;
  const [locating, setLocating] = useState(Boolean(focusLeadId));
  useEffect(() => {
    if (!focusLeadId || !loaded) return;
    let current = true;
    void leadPosition(db, query, order, focusLeadId).then((position) => {
      if (!current) return;
      if (position !== undefined) scrollListTo(Math.max(0, position * ROW_HEIGHT - (viewportHeight - ROW_HEIGHT) / 2));
      setLocating(false);
    });
    return () => {
      current = false;
    };
  }, [db, focusLeadId, loaded]);
  const rowsInPlace = shown?.offset === rows.offset;
  useRestoreFocus(listRef, focusLeadId, !locating && rowsInPlace);

  function toggle(id: string, on: boolean) {
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function stopSelecting() {
    setSelecting(false);
    setSelected(new Set());
  }

  async function deleteSelected() {
    const ids = [...selected];
    if (ids.length === 0) return;
    if (await saveWithReport(() => deleteLeads(db, ids, now()), setError)) {
      stopSelecting();
      onDeleted?.();
    }
  }

  // The rows the virtualiser wants drawn, of those read so far.
  const drawn = virtualizer.getVirtualItems().flatMap((item) => {
    const lead = shown ? leads[item.index - shown.offset] : undefined;
    return lead ? [{ item, lead }] : [];
  });

  return (
    <section className="lead-list" aria-label={t('popup.list.region')}>
      <div className="row search-row">
        <label htmlFor={searchId} className="visually-hidden">
          {t('popup.list.searchLabel')}
        </label>
        <input
          id={searchId}
          type="search"
          className="search"
          placeholder={t('popup.list.searchPlaceholder')}
          autoComplete="off"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
        />
        <button
          type="button"
          className="secondary toggle"
          aria-pressed={sortByScore}
          onClick={() => onSortByScoreChange(!sortByScore)}
        >
          {t('popup.list.sortByScore')}
        </button>
        <button type="button" className="secondary toggle" aria-pressed={selecting} onClick={() => (selecting ? stopSelecting() : setSelecting(true))}>
          {t('popup.list.select')}
        </button>
      </div>
      {selecting && (
        <div className="row selection-bar" role="group" aria-label={t('popup.list.selectedGroup')}>
          <span className="muted">{t('popup.list.selected', selected.size, [uiFormats().count(selected.size)])}</span>
          <button type="button" className="danger" disabled={selected.size === 0} onClick={() => void deleteSelected()}>
            {t('popup.list.deleteSelected', { count: uiFormats().count(selected.size) })}
          </button>
        </div>
      )}
      <Alert message={error} />
      <p className={size?.total === 0 ? 'empty' : 'muted lead-count'} aria-live="polite" aria-atomic="true">
        {summary(size, query, leads.length > 0)}
      </p>
      {size?.total === 0 && !size.isSearch && <GettingStarted />}
      <div ref={scrollerRef} className="lead-scroll">
        {total > 0 && shown !== undefined && (
          <ul
            ref={listRef}
            className="leads"
            aria-label={sortByScore ? t('popup.list.scoreFirst') : t('popup.list.newestFirst')}
            // The list is as tall as every row would be, so the scrollbar is right; each drawn row sits at its place.
            style={{ height: total * ROW_HEIGHT, position: 'relative' }}
          >
            {drawn.map(({ item, lead }) => (
              <li
                key={lead.id}
                className={selecting ? 'selectable' : undefined}
                aria-setsize={size?.total ?? -1}
                aria-posinset={item.index + 1}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {selecting && (
                  <input
                    type="checkbox"
                    aria-label={t('popup.list.selectLead', { name: lead.fullName })}
                    checked={selected.has(lead.id)}
                    onChange={(event) => toggle(lead.id, event.target.checked)}
                  />
                )}
                <LeadButton lead={lead} onOpen={() => onOpenLead(lead.id)} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
