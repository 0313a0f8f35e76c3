import { useFreshDatabase } from '../fake-database';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { DataView } from '@/components/data/DataView';
import { downloadCsv, downloadFile } from '@/components/download';
import type { NormalisedDraft } from '@/lib/model/normalise';
import { LeadlineDatabase } from '@/lib/db/database';
import { saveOrMergeProspect, setStage } from '@/lib/db/leads';
import { getExportPreset } from '@/lib/io/presets';
import type { Stage } from '@/lib/model/stage';

vi.mock('@/components/download', () => ({ downloadCsv: vi.fn(), downloadFile: vi.fn() }));

const MARCH_7 = new Date(2025, 2, 7, 10, 30).getTime();
let db: LeadlineDatabase;

useFreshDatabase((fresh) => (db = fresh));
beforeEach(() => {
  vi.mocked(downloadCsv).mockClear();
  vi.mocked(downloadFile).mockClear();
});

function draft(first: string, last: string, company: string, fields: Partial<NormalisedDraft> = {}): NormalisedDraft {
  return {
    source: 'linkedin',
    fullName: `${first} ${last}`,
    firstName: first,
    lastName: last,
    company,
    email: `${first}.${last}@${company.toLowerCase().replace(/\W+/g, '')}.example`.toLowerCase(),
    confidence: 0.9,
    ...fields,
  };
}

async function addLead(first: string, last: string, company: string, stage: Stage, at: number) {
  const { lead } = await saveOrMergeProspect(db, draft(first, last, company, { title: 'Head of Sales' }), at);
  if (stage !== 'new') await setStage(db, lead.id, stage, at);
}

async function seedThreeLeads() {
  await addLead('Ada', 'Lovelace', 'Analytical Engines', 'qualified', MARCH_7 - 3000);
  await addLead('Grace', 'Hopper', 'US Navy', 'nurturing', MARCH_7 - 2000);
  await addLead('Alan', 'Turing', 'NPL', 'new', MARCH_7 - 1000);
}

function renderDataView() {
  render(<DataView db={db} now={() => MARCH_7} />);
  return within(screen.getByRole('region', { name: 'Export' }));
}

/** A file handed to the download helper, as its text: byte order mark kept (Blob.text() would drop it). */
async function textOf(content: string | Blob): Promise<string> {
  return typeof content === 'string' ? content : new TextDecoder('utf-8', { ignoreBOM: true }).decode(await content.arrayBuffer());
}

/** The file the export handed to the download helper, as rows; it starts with a UTF-8 byte order mark, for Excel. */
async function downloadedCsv(): Promise<{ name: string; rows: string[][] }> {
  expect(downloadCsv).toHaveBeenCalledTimes(1);
  const [name, content] = vi.mocked(downloadCsv).mock.calls[0]!;
  const text = await textOf(content);
  expect(text.startsWith('\uFEFF')).toBe(true);
  return { name, rows: Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data };
}

const headersOf = (preset: Parameters<typeof getExportPreset>[0]) => getExportPreset(preset).columns.map((c) => c.header);

test('qualified leads, the default scope, export in HubSpot layout with its headers and one row per lead', async () => {
  await seedThreeLeads();
  const user = userEvent.setup();
  const view = renderDataView();

  expect((view.getByRole('radio', { name: 'Qualified leads' }) as HTMLInputElement).checked).toBe(true);
  await user.click(view.getByRole('radio', { name: 'HubSpot' }));
  await user.click(view.getByRole('button', { name: 'Export CSV' }));

  expect((await view.findByText('Exported 1 lead.')).getAttribute('role')).toBe('status');
  const { name, rows } = await downloadedCsv();
  expect(name).toBe('leadline-qualified-2025-03-07.csv');
  const [header, ...body] = rows;
  expect(header).toEqual(headersOf('hubspot'));
  expect(body).toHaveLength(1);
  const record = Object.fromEntries(header!.map((h, i) => [h, body[0]![i]]));
  expect(record).toMatchObject({
    'First name': 'Ada',
    'Last name': 'Lovelace',
    'Company name': 'Analytical Engines',
    'Lifecycle stage': 'salesqualifiedlead',
  });
});

test('one stage exports in Salesforce layout to a file named after the stage', async () => {
  await seedThreeLeads();
  const user = userEvent.setup();
  const view = renderDataView();

  await user.click(view.getByRole('radio', { name: 'Leads in one stage' }));
  await user.selectOptions(view.getByRole('combobox', { name: 'Stage' }), 'Nurturing');
  await user.click(view.getByRole('radio', { name: 'Salesforce' }));
  await user.click(view.getByRole('button', { name: 'Export CSV' }));

  await view.findByText('Exported 1 lead.');
  const { name, rows } = await downloadedCsv();
  expect(name).toBe('leadline-nurturing-2025-03-07.csv');
  expect(rows[0]).toEqual(headersOf('salesforce'));
  expect(rows.slice(1).map((row) => row.join(' '))).toEqual([expect.stringContaining('Hopper')]);
});

test('all leads export in the generic layout, most recently updated first', async () => {
  await seedThreeLeads();
  const user = userEvent.setup();
  const view = renderDataView();

  await user.click(view.getByRole('radio', { name: 'All leads' }));
  await user.click(view.getByRole('button', { name: 'Export CSV' }));

  await view.findByText('Exported 3 leads.');
  const { name, rows } = await downloadedCsv();
  expect(name).toBe('leadline-all-2025-03-07.csv');
  const [header, ...body] = rows;
  expect(header).toEqual(headersOf('generic'));
  const fullName = header!.indexOf('Full Name');
  expect(body.map((row) => row[fullName])).toEqual(['Alan Turing', 'Grace Hopper', 'Ada Lovelace']);
});

test('a search exports only the leads whose name, company or email match it', async () => {
  await seedThreeLeads();
  const user = userEvent.setup();
  const view = renderDataView();

  await user.click(view.getByRole('radio', { name: 'Leads matching a search' }));
  await user.type(view.getByRole('searchbox', { name: 'Name, company or email' }), 'navy');
  await user.click(view.getByRole('button', { name: 'Export CSV' }));

  await view.findByText('Exported 1 lead.');
  const { name, rows } = await downloadedCsv();
  expect(name).toBe('leadline-selection-2025-03-07.csv');
  expect(rows[1]).toContain('Grace Hopper');
});

test('with no qualified leads it says so and downloads no empty file', async () => {
  await addLead('Alan', 'Turing', 'NPL', 'new', MARCH_7);
  const user = userEvent.setup();
  const view = renderDataView();

  await user.click(view.getByRole('button', { name: 'Export CSV' }));

  expect((await view.findByText(/^No qualified leads/)).textContent).toBe('No qualified leads to export yet. Nothing was downloaded.');
  expect(view.getByRole('status').textContent).toBe('No qualified leads to export yet. Nothing was downloaded.');
  expect(downloadCsv).not.toHaveBeenCalled();
});

test('the same scope exports as vCard contact cards in a .vcf file', async () => {
  await seedThreeLeads();
  const user = userEvent.setup();
  const view = renderDataView();

  await user.click(view.getByRole('button', { name: 'Export vCard' }));

  await view.findByText('Exported 1 lead as a contact card.');
  expect(downloadFile).toHaveBeenCalledTimes(1);
  const [name, content, type] = vi.mocked(downloadFile).mock.calls[0]!;
  const text = await textOf(content);
  expect(name).toBe('leadline-qualified-2025-03-07.vcf');
  expect(type).toBe('text/vcard;charset=utf-8');
  expect(text).toContain('FN:Ada Lovelace\r\n');
  expect(String(text).match(/BEGIN:VCARD/g)).toHaveLength(1);
});

test('a large export shows its progress, then the count', async () => {
  const leads = Array.from({ length: 4500 }, (_, i) => ({ i }));
  await db.transaction('rw', db.leads, db.activities, db.templates, db.settings, async () => {
    for (const { i } of leads) {
      await saveOrMergeProspect(db, draft('Person', `N${i}`, `Company ${i}`), MARCH_7, () => `lead-${i}`);
    }
  });
  const user = userEvent.setup();
  const view = renderDataView();

  await user.click(view.getByRole('radio', { name: 'All leads' }));
  await user.click(view.getByRole('button', { name: 'Export CSV' }));

  expect(await view.findByRole('progressbar', { name: 'Export progress' })).toBeTruthy();
  await view.findByText('Exported 4,500 leads.', {}, { timeout: 10_000 });
  expect(view.queryByRole('progressbar')).toBeNull();
  expect((await downloadedCsv()).rows).toHaveLength(4501);
}, 30_000);
