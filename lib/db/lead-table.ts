import type { LeadlineDatabase } from './database';
import { rowOfLead } from './lead-rows';
import { readTemplates } from './templates';
import type { Lead } from '@/lib/model/lead';
import { compileLeadFilter } from '@/lib/model/lead-filter';
import type { LeadQuery } from '@/lib/model/lead-query';
import type { LeadRow } from '@/lib/model/lead-row';
import type { TableColumn } from '@/lib/model/lead-sort';

/** The columns an index of the database already lists in order, so their first rows need no full read. */
const INDEXED_ORDER: Partial<Record<TableColumn, string>> = { captured: 'createdAt', score: '[score+createdAt]' };

/**
 * Leads read from the front of an index to find the first rows that pass a filter before every lead
 * is read: a first read of a few (all a filter-less table needs), then up to 2,000 (~60 ms). A filter
 * that few of them pass shows what these gave until the full read is done.
 */
const PREVIEW_READS = [100, 1_900];

export interface PreviewRows {
  rows: LeadRow[];
  /** True when the rows are all there are (the index was read to its end). */
  complete: boolean;
}

/**
 * The first rows of a query, read straight from an index in the query's order, while the table is
 * still reading every lead (~3 s at 100,000): the newest leads, or the highest scores, show at once.
 * Undefined for an order no index holds; those wait for the full read.
 */
export async function previewRows(db: LeadlineDatabase, query: LeadQuery, now: number, limit: number): Promise<PreviewRows | undefined> {
  const index = INDEXED_ORDER[query.sort.column];
  if (!index) return undefined;
  const templates = await readTemplates(db);
  const passes = compileLeadFilter(query.filter, now);
  const rows: LeadRow[] = [];
  let offset = 0;
  for (const read of PREVIEW_READS) {
    const ordered = db.leads.orderBy(index);
    const scanned = await (query.sort.direction === 'desc' ? ordered.reverse() : ordered).offset(offset).limit(read).toArray();
    offset += scanned.length;
    for (const lead of scanned) {
      const row = rowOfLead(lead, templates);
      if (passes(row)) rows.push(row);
      if (rows.length >= limit) return { rows, complete: false };
    }
    if (scanned.length < read) return { rows, complete: true };
  }
  return { rows, complete: false };
}

/** Leads read per transaction when fetching a selection: a bounded pause for the page each time. */
const FETCH_CHUNK = 2_000;

/**
 * The whole leads behind a selection of rows, in the order given (the table's order), for an export.
 * Leads deleted meanwhile are left out.
 */
export async function leadsInOrder(db: LeadlineDatabase, ids: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Lead[]> {
  const leads: Lead[] = [];
  for (let start = 0; start < ids.length; start += FETCH_CHUNK) {
    const chunk = await db.leads.bulkGet(ids.slice(start, start + FETCH_CHUNK));
    for (const lead of chunk) if (lead) leads.push(lead);
    onProgress?.(Math.min(start + FETCH_CHUNK, ids.length), ids.length);
  }
  return leads;
}
