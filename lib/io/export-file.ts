import type { LeadlineDatabase } from '@/lib/db/database';
import { countLeads, everyLead } from '@/lib/db/lead-pages';
import { matchesSearch, searchTerms, searchWords } from '@/lib/model/keys';
import type { Lead } from '@/lib/model/lead';
import type { Stage } from '@/lib/model/stage';
import { leadsToCsvChunked, processInChunks, type OnProgress } from './chunked';
import { selectForExport, type ExportScope } from './export-scopes';
import { getExportPreset, type ExportPresetId } from './presets';
import { leadsToVCard } from './vcard';

/**
 * Which leads an export takes, as plain data that can be sent to a Worker: the search typed on the
 * export form rather than a predicate.
 */
export type ExportScopeRequest = { kind: 'qualified' } | { kind: 'stage'; stage: Stage } | { kind: 'search'; search: string } | { kind: 'all' };

export interface ExportRequest {
  scope: ExportScopeRequest;
  format: 'csv' | 'vcard';
  /** The CSV's layout (ignored for vCard). */
  presetId: ExportPresetId;
}

export interface ExportFile {
  /** The file to download; absent when no lead is in scope. */
  blob?: Blob;
  /** How many leads it holds. */
  count: number;
}

const VCARD_CHUNK = 2_000;

/** The same word-prefix match as the lead list's search box. */
export function searchFilter(query: string): (lead: Lead) => boolean {
  const terms = searchTerms(query);
  return (lead) => matchesSearch(searchWords(lead), terms);
}

export function exportScopeOf(request: ExportScopeRequest): ExportScope {
  return request.kind === 'search' ? { kind: 'filter', matches: searchFilter(request.search) } : request;
}

/**
 * An export, read and written out as a file: every lead read a page at a time, those in scope
 * written as CSV (in the preset's layout) or vCard. Run in the export worker, so reading 100,000
 * leads and writing 22 MB of CSV never holds the page (a Blob crosses back without a copy).
 */
/** Progress goes from 0 to every lead while reading, then from 0 to the leads in scope while writing. */
export async function buildExportFile(db: LeadlineDatabase, request: ExportRequest, onProgress?: OnProgress): Promise<ExportFile> {
  const total = await countLeads(db);
  const all = await everyLead(db, { onProgress: (read) => onProgress?.(read, Math.max(total, read)) });
  const leads = selectForExport(all, exportScopeOf(request.scope));
  if (leads.length === 0) return { count: 0 };
  if (request.format === 'vcard') {
    const cards = await processInChunks(leads, VCARD_CHUNK, (chunk) => leadsToVCard(chunk), onProgress);
    return { blob: new Blob(cards, { type: 'text/vcard;charset=utf-8' }), count: leads.length };
  }
  const csv = await leadsToCsvChunked(leads, getExportPreset(request.presetId).columns, onProgress);
  return { blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }), count: leads.length };
}
