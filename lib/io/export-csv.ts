import type { Lead } from '@/lib/model/lead';
import { isQualified } from '@/lib/model/qualified';
import { encodeCsv } from './csv';
import { GENERIC_COLUMNS, exportContext, type ExportColumn } from './export-columns';

/** A header row, then one row per lead, in the columns' order. */
export function leadsToCsv(leads: readonly Lead[], columns: readonly ExportColumn[] = GENERIC_COLUMNS): string {
  const header = columns.map((c) => c.header);
  const rows = leads.map((lead) => {
    const ctx = exportContext(lead);
    return columns.map((c) => c.value(lead, ctx));
  });
  return encodeCsv([header, ...rows]);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** e.g. "leadline-qualified-2025-03-07.csv", dated in the rep's own time zone. */
export function exportFileName(kind: string, now: Date): string {
  const slug = kind.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'leads';
  const date = `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
  return `leadline-${slug}-${date}.csv`;
}

/**
 * The qualified leads (lib/model/qualified.ts: in the Qualified or Customer stage), most recently
 * updated first. A lead whose checklist meets its rule is not among them until the rep moves it.
 */
export function selectQualified(leads: readonly Lead[]): Lead[] {
  return leads.filter(isQualified).sort((a, b) => b.updatedAt - a.updatedAt);
}
