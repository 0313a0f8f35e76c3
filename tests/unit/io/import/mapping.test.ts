import { describe, expect, it } from 'vitest';
import { applyMappingOverride, autoMapHeaders, previewMappedRows } from '@/lib/io/import/mapping';
import { parseCsv, parseCsvText } from '@/lib/io/import/parse';
import { fixtureBytes } from './fixtures';

describe('mapping columns to lead fields', () => {
  it('maps the common header spellings whatever their case, spacing or punctuation', () => {
    const headers = [
      'E-mail', 'Email Address', 'Mobile', 'Job Title', 'Organisation', 'Company Name', 'LinkedIn', 'LinkedIn URL',
      'Full name', 'Name', 'Website URL', 'City', 'Country', 'Notes', 'Stage', 'Lifecycle stage', 'Lead status', 'Tags',
    ];
    expect(autoMapHeaders(headers)).toEqual([
      'email', 'email', 'phone', 'title', 'company', 'company', 'profileUrl', 'profileUrl',
      'fullName', 'fullName', 'website', 'city', 'country', 'notes', 'stage', 'stage', 'stage', 'tags',
    ]);
  });

  it('ignores surrounding spaces and capitals', () => {
    expect(autoMapHeaders(['  EMAIL_ADDRESS ', 'first name', 'LAST-NAME'])).toEqual(['email', 'firstName', 'lastName']);
  });

  it('maps a HubSpot contacts export and leaves its bookkeeping columns out', async () => {
    const parsed = await parseCsv(fixtureBytes('hubspot-contacts.csv'));
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    expect(autoMapHeaders(parsed.csv.headers)).toEqual([
      null, 'firstName', 'lastName', 'email', 'phone', 'title', 'company', 'website', 'stage', 'stage', 'city', 'country',
      'channel', null, null,
    ]);
  });

  it('maps a Salesforce leads report', async () => {
    const parsed = await parseCsv(fixtureBytes('salesforce-leads-windows-1252.csv'));
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    expect(autoMapHeaders(parsed.csv.headers)).toEqual([
      null, 'firstName', 'lastName', 'title', 'company', 'email', 'phone', 'channel', 'stage', 'city', 'country', 'notes',
    ]);
  });

  it('maps a Pipedrive people export', async () => {
    const parsed = await parseCsv(fixtureBytes('pipedrive-people.csv'));
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    expect(autoMapHeaders(parsed.csv.headers)).toEqual(['fullName', 'company', 'email', 'phone', 'title', 'tags', null, null]);
  });

  it("maps the headers of Leadline's own HubSpot, Salesforce and Pipedrive presets", () => {
    expect(autoMapHeaders(['First name', 'Last name', 'Email', 'Phone number', 'Job title', 'Company name', 'Website URL'])).toEqual([
      'firstName', 'lastName', 'email', 'phone', 'title', 'company', 'website',
    ]);
    expect(autoMapHeaders(['Company', 'Title', 'Phone', 'Website', 'Lead Source', 'Lead Status', 'Description'])).toEqual([
      'company', 'title', 'phone', 'website', 'channel', 'stage', 'notes',
    ]);
    expect(
      autoMapHeaders(['Person - Name', 'Person - Email', 'Person - Phone', 'Person - Job title', 'Organization - Name', 'Lead - Title', 'Lead - Labels', 'Note - Content']),
    ).toEqual(['fullName', 'email', 'phone', 'title', 'company', null, 'tags', 'notes']);
  });

  it('leaves an unknown column unmapped', () => {
    expect(autoMapHeaders(['Favourite colour'])).toEqual([null]);
  });

  it('applies the rep\'s choice for one column without changing the others', () => {
    const mapping = autoMapHeaders(['Name', 'Mail', 'Favourite colour']);
    const overridden = applyMappingOverride(mapping, 2, 'notes');
    expect(overridden).toEqual(['fullName', 'email', 'notes']);
    expect(mapping).toEqual(['fullName', 'email', null]);
  });

  it('lets the rep leave a column out', () => {
    expect(applyMappingOverride(['fullName', 'email'], 1, null)).toEqual(['fullName', null]);
  });

  it('previews the first rows as they will be imported', () => {
    const parsed = parseCsvText('Name,E-mail,City,Country,Shoe size\nAda,ada@example.com,London,UK,38\nGrace,,Arlington,USA,37\nLinus,linus@example.com,,,44\n');
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    expect(previewMappedRows(parsed.csv, autoMapHeaders(parsed.csv.headers), 2)).toEqual([
      { line: 2, values: { fullName: 'Ada', email: 'ada@example.com', city: 'London', country: 'UK' } },
      { line: 3, values: { fullName: 'Grace', city: 'Arlington', country: 'USA' } },
    ]);
  });
});
