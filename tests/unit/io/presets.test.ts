import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Stage } from '@/lib/model/stage';
import { EXPORT_PRESETS, getExportPreset, leadsToPresetCsv } from '@/lib/io/presets';
import { selectForExport, exportScopeName } from '@/lib/io/export-scopes';
import { GENERIC_COLUMNS } from '@/lib/io/export-columns';
import { bantAnswers, makeLead, UPDATED } from './lead-factory';

const STAGES: Stage[] = ['new', 'contacted', 'nurturing', 'qualified', 'customer', 'disqualified'];

function rows(csv: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

const headerLine = (csv: string) => csv.slice(1).split('\r\n')[0];

const maria = makeLead({
  title: 'VP Sales, EMEA',
  company: 'Acme Rockets GmbH',
  email: 'mj.gonzalez@acme.example',
  phone: '+49 (30) 1234-5678',
  phoneE164: '+493012345678',
  website: 'https://acme.example/',
  stage: 'qualified',
  channel: 'referral',
  checklist: bantAnswers({ budget: 'met', authority: 'met', need: 'met' }),
  notes: 'Met at SaaStr; wants a demo next week',
});

describe('the preset registry', () => {
  it('lists generic, HubSpot, Salesforce and Pipedrive with labels, generic first', () => {
    expect(EXPORT_PRESETS.map((p) => [p.id, p.label])).toEqual([
      ['generic', 'Spreadsheet (all fields)'],
      ['hubspot', 'HubSpot'],
      ['salesforce', 'Salesforce'],
      ['pipedrive', 'Pipedrive'],
    ]);
  });

  it('uses the generic columns for the generic preset', () => {
    expect(getExportPreset('generic').columns).toBe(GENERIC_COLUMNS);
  });
});

describe('HubSpot preset', () => {
  it('writes exactly the HubSpot header row', () => {
    expect(headerLine(leadsToPresetCsv([], 'hubspot'))).toBe(
      'First name,Last name,Email,Phone number,Job title,Company name,Website URL,Lifecycle stage,Lead status',
    );
  });

  it('maps every stage to HubSpot internal lifecycle stage and lead status values', () => {
    const csv = leadsToPresetCsv(STAGES.map((stage, i) => makeLead({ id: `l${i}`, stage })), 'hubspot');
    expect(rows(csv).map((r) => [r['Lifecycle stage'], r['Lead status']])).toEqual([
      ['lead', 'NEW'],
      ['lead', 'ATTEMPTED_TO_CONTACT'],
      ['marketingqualifiedlead', 'IN_PROGRESS'],
      ['salesqualifiedlead', 'OPEN_DEAL'],
      ['customer', ''],
      ['other', 'UNQUALIFIED'],
    ]);
  });

  it('fills the contact fields with the E.164 phone number', () => {
    expect(rows(leadsToPresetCsv([maria], 'hubspot'))[0]).toMatchObject({
      'First name': 'Maria',
      'Last name': 'Gonzalez',
      Email: 'mj.gonzalez@acme.example',
      'Phone number': '+493012345678',
      'Job title': 'VP Sales, EMEA',
      'Company name': 'Acme Rockets GmbH',
      'Website URL': 'https://acme.example/',
    });
  });
});

describe('Salesforce preset', () => {
  it('writes exactly the Salesforce header row', () => {
    expect(headerLine(leadsToPresetCsv([], 'salesforce'))).toBe(
      'First Name,Last Name,Company,Title,Email,Phone,Website,Lead Source,Lead Status,Description',
    );
  });

  it('maps every stage to a default-org Lead Status', () => {
    const csv = leadsToPresetCsv(STAGES.map((stage, i) => makeLead({ id: `l${i}`, stage })), 'salesforce');
    expect(rows(csv).map((r) => r['Lead Status'])).toEqual([
      'Open - Not Contacted',
      'Working - Contacted',
      'Working - Contacted',
      'Working - Contacted',
      'Closed - Converted',
      'Closed - Not Converted',
    ]);
  });

  it('exports an empty company as "[not provided]" because Salesforce requires one', () => {
    expect(rows(leadsToPresetCsv([makeLead()], 'salesforce'))[0]?.Company).toBe('[not provided]');
  });

  it('takes Lead Source from the channel: a referral is a Partner Referral', () => {
    expect(rows(leadsToPresetCsv([maria], 'salesforce'))[0]?.['Lead Source']).toBe('Partner Referral');
  });

  it('takes Lead Source from the capture source when there is no channel', () => {
    const csv = leadsToPresetCsv([makeLead({ source: 'web' }), makeLead({ id: 'l2', source: 'linkedin' })], 'salesforce');
    expect(rows(csv).map((r) => r['Lead Source'])).toEqual(['Web', 'Other']);
  });

  it('puts a one-word name in Last Name, which Salesforce requires', () => {
    const cher = makeLead({ fullName: 'Cher', firstName: 'Cher', lastName: undefined });
    expect(rows(leadsToPresetCsv([cher], 'salesforce'))[0]).toMatchObject({ 'First Name': '', 'Last Name': 'Cher' });
  });

  it('describes the qualification above the notes', () => {
    expect(rows(leadsToPresetCsv([maria], 'salesforce'))[0]?.Description).toBe(
      'BANT: 3 of 4 met (Budget, Authority, Need)\n\nMet at SaaStr; wants a demo next week',
    );
  });
});

describe('Pipedrive preset', () => {
  it('writes exactly the Pipedrive header row', () => {
    expect(headerLine(leadsToPresetCsv([], 'pipedrive'))).toBe(
      'Person - Name,Person - Email,Person - Phone,Person - Job title,Organization - Name,Lead - Title,Lead - Labels,Note - Content',
    );
  });

  it('maps stages to the Hot, Warm and Cold labels every Pipedrive account has', () => {
    const csv = leadsToPresetCsv(STAGES.map((stage, i) => makeLead({ id: `l${i}`, stage })), 'pipedrive');
    expect(rows(csv).map((r) => r['Lead - Labels'])).toEqual(['Cold', 'Warm', 'Warm', 'Hot', 'Hot', 'Cold']);
  });

  it('titles the lead after the organization', () => {
    expect(rows(leadsToPresetCsv([maria], 'pipedrive'))[0]?.['Lead - Title']).toBe('Acme Rockets GmbH lead');
  });
});

describe('export scopes', () => {
  const newLead = makeLead({ id: 'new', stage: 'new', updatedAt: UPDATED - 3000 });
  const nurturing = makeLead({ id: 'nurturing', stage: 'nurturing', company: 'Globex', updatedAt: UPDATED - 2000 });
  const qualified = makeLead({ id: 'qualified', stage: 'qualified', updatedAt: UPDATED - 1000 });
  const all = [newLead, nurturing, qualified];

  it('exports qualified leads by default', () => {
    expect(selectForExport(all).map((l) => l.id)).toEqual(['qualified']);
  });

  it('exports one stage', () => {
    expect(selectForExport(all, { kind: 'stage', stage: 'nurturing' }).map((l) => l.id)).toEqual(['nurturing']);
  });

  it('exports what the current filter matches', () => {
    const scope = { kind: 'filter', matches: (l: { company?: string }) => l.company === 'Globex' } as const;
    expect(selectForExport(all, scope).map((l) => l.id)).toEqual(['nurturing']);
  });

  it('exports everything, most recently updated first, without reordering the input', () => {
    expect(selectForExport(all, { kind: 'all' }).map((l) => l.id)).toEqual(['qualified', 'nurturing', 'new']);
    expect(all.map((l) => l.id)).toEqual(['new', 'nurturing', 'qualified']);
  });

  it('names the file after the scope', () => {
    expect(exportScopeName({ kind: 'stage', stage: 'nurturing' })).toBe('Nurturing');
  });
});
