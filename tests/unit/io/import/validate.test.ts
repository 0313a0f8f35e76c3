import { describe, expect, it } from 'vitest';
import { autoMapHeaders, type ColumnMapping } from '@/lib/io/import/mapping';
import { parseCsv, parseCsvText } from '@/lib/io/import/parse';
import {
  restoreNeutralisedFormula,
  validateRow,
  validateRows,
  validateRowsInChunks,
  type ValidatedRow,
} from '@/lib/io/import/validate';
import { fixtureBytes } from './fixtures';

function validate(csvText: string): ValidatedRow[] {
  const parsed = parseCsvText(csvText);
  if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
  return validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers), { defaultCountry: 'US' });
}

function only(rows: ValidatedRow[]) {
  const [row] = rows;
  if (!row?.ok) throw new Error(row ? row.message : 'no row');
  return row;
}

describe('checking imported rows', () => {
  it('turns a row into an import draft with a split name and an E.164 phone', () => {
    const row = only(validate('Full name,Email,Phone,Company\nDr. Ada Lovelace,ADA@Analytical.example,(415) 555-2671,Analytical Engines\n'));
    expect(row.draft).toMatchObject({
      source: 'import',
      fullName: 'Dr. Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@analytical.example',
      phoneE164: '+14155552671',
      company: 'Analytical Engines',
    });
  });

  it('refuses a row with no name and no email', () => {
    expect(validate('Name,Email,Company\n,,Acme\n')).toEqual([{ ok: false, line: 2, message: 'no name or email' }]);
  });

  it('keeps a row with a bad email without the email and warns', () => {
    const row = only(validate('Name,Email\nLukas Becker,lukas.becker(at)fabrik.example\n'));
    expect(row.draft.email).toBeUndefined();
    expect(row.warnings).toEqual(['"lukas.becker(at)fabrik.example" is not a valid email address; imported without it']);
  });

  it('refuses a row whose only contact detail is a bad email', () => {
    expect(validate('Name,Email\n,not-an-email\n')).toEqual([
      { ok: false, line: 2, message: 'no name, and "not-an-email" is not a valid email address' },
    ]);
  });

  it('takes an email alone as enough', () => {
    expect(only(validate('Email\nada@example.com\n')).draft.email).toBe('ada@example.com');
  });

  it('reads HubSpot lifecycle stage and lead status together, the furthest stage winning', () => {
    const rows = validate(
      'Name,Lifecycle Stage,Lead Status\nA,Lead,Attempted to contact\nB,marketingqualifiedlead,IN_PROGRESS\nC,Sales Qualified Lead,Open deal\nD,Customer,\nE,Other,Unqualified\nF,lead,NEW\n',
    );
    expect(rows.map((r) => (r.ok ? r.stage : r.message))).toEqual(['contacted', 'nurturing', 'qualified', 'customer', 'disqualified', 'new']);
  });

  it('reads Salesforce lead statuses as stages', () => {
    const rows = validate('Name,Lead Status\nA,Open - Not Contacted\nB,Working - Contacted\nC,Closed - Converted\nD,Closed - Not Converted\n');
    expect(rows.map((r) => (r.ok ? r.stage : r.message))).toEqual(['new', 'contacted', 'customer', 'disqualified']);
  });

  it('warns about a stage it does not know and leaves the stage unset', () => {
    const row = only(validate('Name,Stage\nAda,Thinking about it\n'));
    expect(row.stage).toBeUndefined();
    expect(row.warnings).toEqual(['stage "Thinking about it" is not one Leadline knows; the lead starts as New']);
  });

  it('splits tags on semicolons and commas and drops duplicates', () => {
    expect(only(validate('Name,Tags\nAda,"SaaStr 2025; VIP, vip , VIP"\n')).tags).toEqual(['SaaStr 2025', 'VIP', 'vip']);
  });

  it('joins city, state and country into the location', () => {
    expect(only(validate('Name,City,State,Country\nAda,Austin,TX,United States\n')).draft.location).toBe('Austin, TX, United States');
  });

  it('reads a channel from its label or a CRM original source', () => {
    const rows = validate('Name,Original Source\nA,Organic Search\nB,Referrals\nC,Landing page\nD,Offline Sources\n');
    expect(rows.map((r) => (r.ok ? r.channel : r.message))).toEqual(['seo', 'referral', 'landing_page', undefined]);
  });

  it('stores a formula in a cell as plain text', () => {
    const row = only(validate('Name,Company\nAda,"=HYPERLINK(""http://evil.example"",""Acme"")"\n'));
    expect(row.draft.company).toBe('=HYPERLINK("http://evil.example","Acme")');
  });

  it('removes the quote a Leadline export put before a formula', () => {
    expect(restoreNeutralisedFormula("'=1+1")).toBe('=1+1');
    expect(restoreNeutralisedFormula("'@SUM(A1)")).toBe('@SUM(A1)');
  });

  it("keeps a leading quote that is part of the value, such as 'til Tuesday", () => {
    expect(restoreNeutralisedFormula("'til Tuesday")).toBe("'til Tuesday");
    expect(restoreNeutralisedFormula("'+14155552671")).toBe("'+14155552671");
  });

  it('keeps multi-line notes', () => {
    expect(only(validate('Name,Notes\nAda,"Met at SaaStr\nWants a demo"\n')).notes).toBe('Met at SaaStr\nWants a demo');
  });

  it('lists rows the parser could not read among the results, in line order', () => {
    const rows = validate('Name,Email\nAda,ada@example.com\nGrace,Hopper,grace@example.com\n,not-an-email\n');
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
    ]);
  });

  it('validates every row of the HubSpot sample', async () => {
    const parsed = await parseCsv(fixtureBytes('hubspot-contacts.csv'));
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    const rows = validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers));
    expect(rows.filter((r) => !r.ok)).toEqual([{ ok: false, line: 5, message: 'no name or email' }]);
  });

  it('uses only the mapped columns', () => {
    const mapping: ColumnMapping = ['fullName', null];
    const row = validateRow({ line: 2, cells: ['Ada', 'ada@example.com'] }, mapping);
    expect(row.ok && row.draft.email).toBeUndefined();
  });

  it('checks a big file in chunks with the same result as all at once', async () => {
    const parsed = parseCsvText(
      'Name,Email\n' + Array.from({ length: 250 }, (_, i) => (i % 50 === 7 ? ',' + 'x' : `Person ${i},p${i}@example.com`)).join('\n') + '\nA,B,C\n',
    );
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    const mapping = autoMapHeaders(parsed.csv.headers);
    const progress: number[] = [];
    const chunked = await validateRowsInChunks(parsed.csv, mapping, {}, (done) => progress.push(done), {
      chunkSize: 100,
      yieldToUi: () => Promise.resolve(),
    });
    expect(chunked).toEqual(validateRows(parsed.csv, mapping));
    expect(progress).toEqual([100, 200, 250]);
  });
});
