import { t } from '@/lib/i18n';
import type { CsvRow, ParsedCsv } from './parse';

/** What a column can be imported as, in the mapping's order. Several columns may feed one field (see combineValues in validate.ts). */
export const IMPORT_FIELDS = [
  { id: 'fullName' },
  { id: 'firstName' },
  { id: 'lastName' },
  { id: 'email' },
  { id: 'phone' },
  { id: 'title' },
  { id: 'headline' },
  { id: 'company' },
  { id: 'website' },
  { id: 'profileUrl' },
  { id: 'location' },
  { id: 'city' },
  { id: 'region' },
  { id: 'country' },
  { id: 'industry' },
  { id: 'companySize' },
  { id: 'notes' },
  { id: 'stage' },
  { id: 'tags' },
  { id: 'channel' },
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]['id'];

/** For each column of the file, the field it goes into, or null to leave it out. */
export type ColumnMapping = readonly (ImportField | null)[];

/**
 * Header spellings, compared after headerKey(): lower case, accents and everything but letters and
 * digits removed, so "E-mail", "Email Address " and "EMAIL_ADDRESS" meet. Includes the headers of
 * Leadline's own presets and of HubSpot, Salesforce and Pipedrive exports.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  fullName: ['name', 'fullname', 'contactname', 'leadname', 'personname', 'contact', 'displayname'],
  firstName: ['firstname', 'givenname', 'forename', 'first', 'personfirstname'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'personlastname'],
  email: [
    'email', 'emailaddress', 'mail', 'workemail', 'businessemail', 'personemail', 'personemailwork',
    'personemailhome', 'personemailother', 'primaryemail', 'email1',
  ],
  phone: [
    'phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilephonenumber', 'mobilenumber', 'telephone', 'tel',
    'cell', 'cellphone', 'workphone', 'businessphone', 'directphone', 'personphone', 'personphonework',
    'personphonemobile', 'personphoneother',
  ],
  title: ['title', 'jobtitle', 'position', 'role', 'jobrole', 'personjobtitle', 'designation'],
  headline: ['headline', 'linkedinheadline'],
  company: [
    'company', 'companyname', 'organisation', 'organization', 'organisationname', 'organizationname', 'org',
    'account', 'accountname', 'companyaccount', 'employer', 'personorganization', 'personorganisation',
    'associatedcompany',
  ],
  website: ['website', 'websiteurl', 'web', 'homepage', 'companywebsite', 'companydomainname', 'domain', 'site'],
  profileUrl: [
    'linkedin', 'linkedinurl', 'linkedinprofile', 'linkedinprofileurl', 'profileurl', 'profile',
    'personlinkedin', 'linkedincom',
  ],
  location: ['location', 'personlocation'],
  city: ['city', 'town', 'personcity'],
  region: ['state', 'stateprovince', 'province', 'region', 'stateregion', 'county'],
  country: ['country', 'countryregion', 'nation', 'personcountry'],
  industry: ['industry', 'sector'],
  companySize: ['companysize', 'employees', 'numberofemployees', 'headcount'],
  notes: ['notes', 'note', 'description', 'comments', 'comment', 'notecontent', 'personnotes', 'leadnote'],
  stage: ['stage', 'lifecyclestage', 'leadstatus', 'status', 'leadstage', 'pipelinestage', 'dealstage'],
  tags: ['tags', 'tag', 'labels', 'label', 'leadlabels', 'personlabels', 'personlabel', 'lists', 'list'],
  channel: ['channel', 'leadchannel', 'acquisitionchannel', 'originalsource', 'leadsource'],
};

const FIELD_BY_KEY = new Map<string, ImportField>(
  (Object.entries(SYNONYMS) as [ImportField, readonly string[]][]).flatMap(([field, keys]) =>
    keys.map((key) => [key, field] as const),
  ),
);

export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Fields that hold one value: a second column for them is a fallback, used when the first is empty. */
export function autoMapHeaders(headers: readonly string[]): ColumnMapping {
  return headers.map((header) => FIELD_BY_KEY.get(headerKey(header)) ?? null);
}

/** The rep's choice for one column, in a new mapping. */
export function applyMappingOverride(mapping: ColumnMapping, column: number, field: ImportField | null): ColumnMapping {
  if (column < 0 || column >= mapping.length) return mapping;
  return mapping.map((current, index) => (index === column ? field : current));
}

export function importFieldLabel(field: ImportField): string {
  return t(`data.import.field.${field}`);
}

/** A row's values by field, in column order; empty cells are left out. */
export function mapRow(cells: readonly string[], mapping: ColumnMapping): Partial<Record<ImportField, string[]>> {
  const values: Partial<Record<ImportField, string[]>> = {};
  mapping.forEach((field, column) => {
    const cell = cells[column]?.trim();
    if (!field || !cell) return;
    (values[field] ??= []).push(cell);
  });
  return values;
}

export interface MappedPreviewRow {
  line: number;
  /** What the rep will get in each field, several columns joined with " · ". */
  values: Partial<Record<ImportField, string>>;
}

/** The first `count` rows as they will be read, for the mapping screen. */
export function previewMappedRows(csv: Pick<ParsedCsv, 'rows'>, mapping: ColumnMapping, count = 5): MappedPreviewRow[] {
  return csv.rows.slice(0, count).map((row: CsvRow) => {
    const mapped = mapRow(row.cells, mapping);
    const values: Partial<Record<ImportField, string>> = {};
    for (const [field, list] of Object.entries(mapped) as [ImportField, string[]][]) values[field] = list.join(' · ');
    return { line: row.line, values };
  });
}
