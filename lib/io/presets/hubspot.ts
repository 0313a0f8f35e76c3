import type { Stage } from '@/lib/model/stage';
import type { ExportColumn } from '../export-columns';
import { dialablePhone, jobTitle } from './describe';

/**
 * HubSpot's contact import matches enumeration properties on their internal values, which stay the
 * same whatever language the portal uses. Lifecycle stage values are HubSpot's defaults (subscriber,
 * lead, marketingqualifiedlead, salesqualifiedlead, opportunity, customer, evangelist, other); lead
 * status values are the default hs_lead_status options. A customer has no lead status: HubSpot uses
 * lead status for contacts still being worked.
 */
export const HUBSPOT_STAGE_VALUES: Readonly<Record<Stage, { lifecycleStage: string; leadStatus: string }>> = {
  new: { lifecycleStage: 'lead', leadStatus: 'NEW' },
  contacted: { lifecycleStage: 'lead', leadStatus: 'ATTEMPTED_TO_CONTACT' },
  nurturing: { lifecycleStage: 'marketingqualifiedlead', leadStatus: 'IN_PROGRESS' },
  qualified: { lifecycleStage: 'salesqualifiedlead', leadStatus: 'OPEN_DEAL' },
  customer: { lifecycleStage: 'customer', leadStatus: '' },
  disqualified: { lifecycleStage: 'other', leadStatus: 'UNQUALIFIED' },
};

/** Headers are the labels of HubSpot's default contact properties, so the import maps them without help. */
export const HUBSPOT_COLUMNS: readonly ExportColumn[] = [
  { header: 'First name', value: (lead) => lead.firstName ?? '' },
  { header: 'Last name', value: (lead) => lead.lastName ?? '' },
  { header: 'Email', value: (lead) => lead.email ?? '' },
  { header: 'Phone number', value: dialablePhone },
  { header: 'Job title', value: jobTitle },
  { header: 'Company name', value: (lead) => lead.company ?? '' },
  { header: 'Website URL', value: (lead) => lead.website ?? '' },
  { header: 'Lifecycle stage', value: (lead) => HUBSPOT_STAGE_VALUES[lead.stage].lifecycleStage },
  { header: 'Lead status', value: (lead) => HUBSPOT_STAGE_VALUES[lead.stage].leadStatus },
];
