import type { Channel, Lead } from '@/lib/model/lead';
import type { Stage } from '@/lib/model/stage';
import type { ExportColumn } from '../export-columns';
import { dialablePhone, jobTitle, qualificationAndNotes } from './describe';

/**
 * Lead Status values of a default Salesforce org. "Closed - Converted" is what Salesforce itself
 * sets when a lead becomes an account; it is the nearest match for a Leadline customer.
 */
export const SALESFORCE_LEAD_STATUS: Readonly<Record<Stage, string>> = {
  new: 'Open - Not Contacted',
  contacted: 'Working - Contacted',
  nurturing: 'Working - Contacted',
  qualified: 'Working - Contacted',
  customer: 'Closed - Converted',
  disqualified: 'Closed - Not Converted',
};

/** Lead Source picklist of a default org: Web, Phone Inquiry, Partner Referral, Purchased List, Other. */
export const SALESFORCE_LEAD_SOURCE: Readonly<Record<Channel, string>> = {
  ad: 'Web',
  content: 'Web',
  seo: 'Web',
  social: 'Web',
  landing_page: 'Web',
  referral: 'Partner Referral',
  outbound: 'Other',
  event: 'Other',
};

/** Without a channel, only a capture from a web page is a "Web" lead; LinkedIn, inboxes and imports are "Other". */
export function salesforceLeadSource(lead: Lead): string {
  if (lead.channel) return SALESFORCE_LEAD_SOURCE[lead.channel];
  return lead.source === 'web' ? 'Web' : 'Other';
}

/** Salesforce refuses a lead without a company; this is the placeholder Salesforce itself uses. */
export const SALESFORCE_NO_COMPANY = '[not provided]';

/** Salesforce also refuses a lead without a last name, so a one-word name goes there rather than in First Name. */
const lastName = (lead: Lead): string => lead.lastName ?? lead.fullName;
const firstName = (lead: Lead): string => (lead.lastName ? (lead.firstName ?? '') : '');

/** Headers are the field labels of Salesforce's Lead object, which the Data Import Wizard maps automatically. */
export const SALESFORCE_COLUMNS: readonly ExportColumn[] = [
  { header: 'First Name', value: firstName },
  { header: 'Last Name', value: lastName },
  { header: 'Company', value: (lead) => lead.company ?? SALESFORCE_NO_COMPANY },
  { header: 'Title', value: jobTitle },
  { header: 'Email', value: (lead) => lead.email ?? '' },
  { header: 'Phone', value: dialablePhone },
  { header: 'Website', value: (lead) => lead.website ?? '' },
  { header: 'Lead Source', value: salesforceLeadSource },
  { header: 'Lead Status', value: (lead) => SALESFORCE_LEAD_STATUS[lead.stage] },
  { header: 'Description', value: qualificationAndNotes },
];
