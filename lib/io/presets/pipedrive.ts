import type { Lead } from '@/lib/model/lead';
import type { Stage } from '@/lib/model/stage';
import type { ExportColumn } from '../export-columns';
import { dialablePhone, jobTitle, qualificationAndNotes } from './describe';

/**
 * Pipedrive's spreadsheet import names fields "<Item> - <Field>" (Person, Organization, Lead, Note),
 * the same form its own exports use, so these headers are matched on the mapping screen. A lead
 * needs a title plus a person or an organization.
 *
 * Lead source is set by Pipedrive itself ("Import") and cannot be imported, so the stage travels as
 * a lead label instead: Hot, Warm and Cold are the labels every Pipedrive account starts with.
 */
export const PIPEDRIVE_LEAD_LABEL: Readonly<Record<Stage, string>> = {
  new: 'Cold',
  contacted: 'Warm',
  nurturing: 'Warm',
  qualified: 'Hot',
  customer: 'Hot',
  disqualified: 'Cold',
};

/** Pipedrive names a new lead "<organization or person> lead" when it is added by hand; imports read the same way. */
export const pipedriveLeadTitle = (lead: Lead): string => `${lead.company ?? lead.fullName} lead`;

export const PIPEDRIVE_COLUMNS: readonly ExportColumn[] = [
  { header: 'Person - Name', value: (lead) => lead.fullName },
  { header: 'Person - Email', value: (lead) => lead.email ?? '' },
  { header: 'Person - Phone', value: dialablePhone },
  { header: 'Person - Job title', value: jobTitle },
  { header: 'Organization - Name', value: (lead) => lead.company ?? '' },
  { header: 'Lead - Title', value: pipedriveLeadTitle },
  { header: 'Lead - Labels', value: (lead) => PIPEDRIVE_LEAD_LABEL[lead.stage] },
  { header: 'Note - Content', value: qualificationAndNotes },
];
