import { useFreshDatabase } from '../fake-database';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataView } from '@/components/data/DataView';
import { LeadlineDatabase } from '@/lib/db/database';

vi.mock('@/components/download', () => ({ downloadCsv: vi.fn(), downloadFile: vi.fn() }));

const MARCH_7 = new Date(2025, 2, 7, 10, 30).getTime();
const FIXTURES = join(__dirname, '../fixtures/csv');
const HUBSPOT_REPORT =
  '6 imported, 1 merged, 1 skipped: line 5 — no name or email; line 6 — "lukas.becker(at)fabrik.example" is not a valid email address; imported without it';
let db: LeadlineDatabase;

useFreshDatabase((fresh) => (db = fresh));

function fixtureFile(name: string): File {
  return new File([readFileSync(join(FIXTURES, name))], name, { type: 'text/csv' });
}

const csvFile = (text: string, name = 'badge-scans.csv') => new File([text], name, { type: 'text/csv' });

function renderImport() {
  render(<DataView db={db} now={() => MARCH_7} />);
  return within(screen.getByRole('region', { name: 'Import CSV' }));
}

async function choose(view: ReturnType<typeof renderImport>, file: File) {
  const user = userEvent.setup();
  await user.upload(view.getByLabelText('CSV file to import'), file);
  return user;
}

/** The import buttons wait for the rows to be checked. */
async function rowsChecked(view: ReturnType<typeof renderImport>) {
  await view.findByText(/can be imported\.$/);
}

const selectedLabel = (select: HTMLElement) => (select as HTMLSelectElement).selectedOptions[0]?.textContent;
const factOf = (view: ReturnType<typeof renderImport>, term: string) => view.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

test('a HubSpot export shows its separator, encoding, column mapping and list name', async () => {
  const view = renderImport();
  await choose(view, fixtureFile('hubspot-contacts.csv'));

  await rowsChecked(view);
  expect(factOf(view, 'Separator')).toBe('Comma (,)');
  expect(factOf(view, 'Encoding')).toBe('UTF-8');
  expect(factOf(view, 'Rows')).toBe('8');
  expect(selectedLabel(view.getByRole('combobox', { name: 'Field for "Email"' }))).toBe('Email');
  expect(selectedLabel(view.getByRole('combobox', { name: 'Field for "Company Name"' }))).toBe('Company');
  expect(selectedLabel(view.getByRole('combobox', { name: 'Field for "Record ID"' }))).toBe('Ignore');
  expect((view.getByRole('textbox', { name: 'List name' }) as HTMLInputElement).value).toBe('hubspot-contacts');
});

test('the preview shows the first five rows as they will be imported, as plain text', async () => {
  const view = renderImport();
  await choose(view, fixtureFile('hubspot-contacts.csv'));

  const preview = await view.findByRole('table', { name: 'Preview of the first 5 rows as they will be imported' });
  const rows = within(preview).getAllByRole('row');
  expect(rows).toHaveLength(6);
  expect(rows[1]!.textContent).toContain('priya.raman@northwind.example');
  expect(rows[1]!.textContent).toContain('Northwind Traders');
  expect(within(preview).getAllByRole('columnheader').map((th) => th.textContent)).toContain('Stage');
  expect(within(preview).getByText('Sales Qualified Lead · Open deal')).toBeTruthy();
});

test('a HubSpot export imports its valid rows, tagged with the list name, and reports the rest', async () => {
  const view = renderImport();
  const user = await choose(view, fixtureFile('hubspot-contacts.csv'));
  await rowsChecked(view);

  const listName = view.getByRole('textbox', { name: 'List name' });
  await user.clear(listName);
  await user.type(listName, 'HubSpot Feb 2025');
  await user.click(view.getByRole('button', { name: 'Import valid rows' }));

  await waitFor(() => expect(view.getByRole('status').textContent).toBe(HUBSPOT_REPORT));
  const leads = await db.leads.toArray();
  expect(leads).toHaveLength(6);
  expect(leads.every((lead) => lead.tags.includes('HubSpot Feb 2025'))).toBe(true);
});

test('a column the rep sets to Ignore is left out of the import', async () => {
  const view = renderImport();
  const user = await choose(view, fixtureFile('hubspot-contacts.csv'));
  await rowsChecked(view);

  await user.selectOptions(view.getByRole('combobox', { name: 'Field for "Lifecycle Stage"' }), 'Ignore');
  await user.selectOptions(view.getByRole('combobox', { name: 'Field for "Lead Status"' }), 'Ignore');
  await user.selectOptions(view.getByRole('combobox', { name: 'Field for "Contact owner"' }), 'Notes');
  await rowsChecked(view);
  await user.click(view.getByRole('button', { name: 'Import valid rows' }));

  await waitFor(() => expect(view.getByRole('status').textContent).toMatch(/^6 imported/));
  const leads = await db.leads.toArray();
  expect(new Set(leads.map((lead) => lead.stage))).toEqual(new Set(['new']));
  expect(leads.find((lead) => lead.lastName === 'Chen')?.notes).toBe('Ravi Patel');
});

test('a row without a name or email is listed by its line number before importing', async () => {
  const view = renderImport();
  await choose(view, csvFile('Name,Email,Company\nAda Lovelace,ada@analytical.example,Analytical Engines\n,,Acme Corp\nGrace Hopper,grace@navy.example,US Navy\n'));

  expect(await view.findByText('2 of 3 rows can be imported.')).toBeTruthy();
  expect(view.getByText('1 row cannot be imported:')).toBeTruthy();
  expect(view.getByRole('listitem').textContent).toBe('Line 3 — no name or email');
  expect(await db.leads.count()).toBe(0);
});

test('all or nothing with one bad row imports nothing and says why', async () => {
  const view = renderImport();
  const user = await choose(
    view,
    csvFile('Name,Email,Company\nAda Lovelace,ada@analytical.example,Analytical Engines\n,,Acme Corp\nGrace Hopper,grace@navy.example,US Navy\n'),
  );
  await rowsChecked(view);

  await user.click(view.getByRole('button', { name: 'Import only if all rows are valid' }));

  await waitFor(() =>
    expect(view.getByRole('status').textContent).toBe(
      'Nothing imported (all or nothing was chosen and some rows have problems): line 3 — no name or email',
    ),
  );
  expect(await db.leads.count()).toBe(0);
  expect(await db.activities.count()).toBe(0);
});

test('all or nothing imports every row when all of them are valid', async () => {
  const view = renderImport();
  const user = await choose(view, fixtureFile('pipedrive-people.csv'));
  await rowsChecked(view);
  expect(factOf(view, 'Separator')).toBe('Semicolon (;)');

  await user.click(view.getByRole('button', { name: 'Import only if all rows are valid' }));

  await waitFor(() => expect(view.getByRole('status').textContent).toBe('3 imported, 0 merged, 0 skipped'));
  expect(await db.leads.count()).toBe(3);
});

test('a Windows-1252 Salesforce report is detected as such and its accents read correctly', async () => {
  const view = renderImport();
  await choose(view, fixtureFile('salesforce-leads-windows-1252.csv'));

  await rowsChecked(view);
  expect(factOf(view, 'Encoding')).toMatch(/^Windows-1252/);
  expect(view.getByRole('table', { name: /^Preview/ }).textContent).toContain('Ångström');
});

test('binary junk saved as .csv is refused in plain words and nothing is written', async () => {
  const view = renderImport();
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  await choose(view, new File([png], 'leads.csv', { type: 'text/csv' }));

  expect((await view.findByRole('alert')).textContent).toContain('This file does not look like a CSV file.');
  expect(view.queryByRole('button', { name: 'Import valid rows' })).toBeNull();
  expect(await db.leads.count()).toBe(0);
});

test('a file over the size limit is refused before it is read', async () => {
  const view = renderImport();
  const huge = csvFile('Name,Email\nAda,ada@example.com\n', 'everything.csv');
  Object.defineProperty(huge, 'size', { value: 60 * 1024 * 1024 });
  await choose(view, huge);

  expect((await view.findByRole('alert')).textContent).toMatch(/^This file is larger than 50 MB\. Split it into smaller files/);
  expect(view.queryByRole('table')).toBeNull();
});

test('a header with an unclosed quote is refused with the line it is on', async () => {
  const view = renderImport();
  await choose(view, csvFile('"Name,Email\nAda Lovelace,ada@analytical.example\n'));

  expect((await view.findByRole('alert')).textContent).toMatch(/^The header row \(line 1\) could not be read: a quoted value is never closed/);
  expect(await db.leads.count()).toBe(0);
});

test('markup in a file is shown as text, never as elements', async () => {
  const view = renderImport();
  await choose(view, csvFile('Name,Email\n<img src=x onerror=alert(1)>Eve,eve@example.com\n'));

  await rowsChecked(view);
  expect(view.getAllByText('<img src=x onerror=alert(1)>Eve').length).toBeGreaterThan(0);
  expect(document.querySelector('img')).toBeNull();
});

test('while a large file is read, it says how much is read and how many rows so far, and Cancel stops reading with nothing imported', async () => {
  const lines = ['Name,Email,Company'];
  for (let i = 0, length = 0; length < 2.5 * 1024 * 1024; i++) {
    lines.push(`Person ${i},p${i}@globex.example,Globex ${i % 50}`);
    length += lines[lines.length - 1]!.length + 1;
  }
  const text = lines.join('\n');
  // A slow disk: the first megabyte comes at once, the rest only when the test lets it.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  class SlowFile extends File {
    override slice(start?: number, end?: number, type?: string): Blob {
      const part = super.slice(start, end, type);
      if ((start ?? 0) < 1024 * 1024) return part;
      return Object.assign(Object.create(part) as Blob, { arrayBuffer: async () => (await held, part.arrayBuffer()) });
    }
  }
  const view = renderImport();
  const user = await choose(view, new SlowFile([text], 'expo.csv', { type: 'text/csv' }));

  const rowsInFirstMegabyte = text.slice(0, 1024 * 1024).split('\n').length - 2;
  const percent = Math.round(((1024 * 1024) / text.length) * 100);
  expect(await view.findByText(`${percent}% of the file read, ${rowsInFirstMegabyte.toLocaleString('en-US')} rows so far`)).toBeTruthy();
  expect(view.getByRole('progressbar', { name: 'Reading the file' })).toBeTruthy();

  await user.click(view.getByRole('button', { name: 'Cancel' }));
  release();
  expect(await view.findByText('Reading the file was cancelled. Nothing was imported.')).toBeTruthy();
  expect(view.queryByRole('progressbar')).toBeNull();
  expect(view.queryByText(/can be imported\.$/)).toBeNull();
  expect(await db.leads.count()).toBe(0);
});
