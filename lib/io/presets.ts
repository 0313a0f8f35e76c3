import type { Lead } from '@/lib/model/lead';
import { GENERIC_COLUMNS, type ExportColumn } from './export-columns';
import { leadsToCsv } from './export-csv';
import { HUBSPOT_COLUMNS } from './presets/hubspot';
import { PIPEDRIVE_COLUMNS } from './presets/pipedrive';
import { SALESFORCE_COLUMNS } from './presets/salesforce';

export interface ExportPreset {
  id: ExportPresetId;
  label: string;
  /** One line for the export menu: what the file is for. */
  description: string;
  columns: readonly ExportColumn[];
}

export type ExportPresetId = 'generic' | 'hubspot' | 'salesforce' | 'pipedrive';

/** Every CSV layout Leadline can write, in menu order. Adding a CRM is a file in presets/ and a line here. */
export const EXPORT_PRESETS: readonly ExportPreset[] = [
  { id: 'generic', label: 'Spreadsheet (all fields)', description: 'Every field, for Excel, Sheets or any CRM.', columns: GENERIC_COLUMNS },
  { id: 'hubspot', label: 'HubSpot', description: 'Contacts import with lifecycle stage and lead status.', columns: HUBSPOT_COLUMNS },
  { id: 'salesforce', label: 'Salesforce', description: 'Leads for the Data Import Wizard.', columns: SALESFORCE_COLUMNS },
  { id: 'pipedrive', label: 'Pipedrive', description: 'People, organizations and leads in one file.', columns: PIPEDRIVE_COLUMNS },
];

export function getExportPreset(id: ExportPresetId): ExportPreset {
  return EXPORT_PRESETS.find((p) => p.id === id) ?? EXPORT_PRESETS[0]!;
}

export function leadsToPresetCsv(leads: readonly Lead[], id: ExportPresetId): string {
  return leadsToCsv(leads, getExportPreset(id).columns);
}
