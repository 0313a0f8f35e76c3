import type { Lead } from '@/lib/model/lead';
import { t } from '@/lib/i18n';
import { GENERIC_COLUMNS, type ExportColumn } from './export-columns';
import { leadsToCsv } from './export-csv';
import { HUBSPOT_COLUMNS } from './presets/hubspot';
import { PIPEDRIVE_COLUMNS } from './presets/pipedrive';
import { SALESFORCE_COLUMNS } from './presets/salesforce';

export interface ExportPreset {
  id: ExportPresetId;
  /** The layout's name in the rep's language (a CRM's name as it is). */
  readonly label: string;
  /** One line for the export menu, in the rep's language: what the file is for. */
  readonly description: string;
  columns: readonly ExportColumn[];
}

export type ExportPresetId = 'generic' | 'hubspot' | 'salesforce' | 'pipedrive';

/**
 * Every CSV layout Leadline can write, in menu order. Adding a CRM is a file in presets/ and a line here.
 * Label and description are getters, so each read is in the language the browser speaks then. The
 * files' column headers stay English: they are what each CRM's importer (and Leadline's own) matches.
 */
export const EXPORT_PRESETS: readonly ExportPreset[] = [
  {
    id: 'generic',
    get label() { return t('data.presets.generic.label'); },
    get description() { return t('data.presets.generic.description'); },
    columns: GENERIC_COLUMNS,
  },
  {
    id: 'hubspot',
    label: 'HubSpot',
    get description() { return t('data.presets.hubspot.description'); },
    columns: HUBSPOT_COLUMNS,
  },
  {
    id: 'salesforce',
    label: 'Salesforce',
    get description() { return t('data.presets.salesforce.description'); },
    columns: SALESFORCE_COLUMNS,
  },
  {
    id: 'pipedrive',
    label: 'Pipedrive',
    get description() { return t('data.presets.pipedrive.description'); },
    columns: PIPEDRIVE_COLUMNS,
  },
];

export function getExportPreset(id: ExportPresetId): ExportPreset {
  return EXPORT_PRESETS.find((p) => p.id === id) ?? EXPORT_PRESETS[0]!;
}

export function leadsToPresetCsv(leads: readonly Lead[], id: ExportPresetId): string {
  return leadsToCsv(leads, getExportPreset(id).columns);
}
