import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ROOT, type Session, type Tab } from './harness';
import { launchForEachTest } from './fresh-session';

const HUBSPOT_CSV = path.join(ROOT, 'tests/fixtures/csv/hubspot-contacts.csv');
const PIPEDRIVE_CSV = path.join(ROOT, 'tests/fixtures/csv/pipedrive-people.csv');
const HUBSPOT_REPORT =
  '6 imported, 1 merged, 1 skipped: line 5 — no name or email; line 6 — "lukas.becker(at)fabrik.example" is not a valid email address; imported without it';

async function openDataTab(session: Session): Promise<Tab> {
  const page = await session.openExtensionPage('dashboard.html#data');
  await expect.poll(() => page.getByRole('tab', { name: 'Import & export', selected: true }).count()).toBe(1);
  return page;
}

const region = (page: Tab, name: string) => page.getByRole('region', { name });

async function importCsv(page: Tab, file: string): Promise<string> {
  const section = region(page, 'Import CSV');
  await section.getByLabel('CSV file to import').setInputFiles(file);
  await expect.poll(() => section.getByText(/can be imported\.$/).count()).toBe(1);
  await section.getByRole('button', { name: 'Import valid rows' }).click();
  await expect.poll(() => section.getByRole('status').textContent()).toMatch(/imported/);
  return (await section.getByRole('status').textContent()) ?? '';
}

const byId = (leads: Array<Record<string, unknown>>) => [...leads].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('importing and exporting on the full page', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('imports a HubSpot export through the file input, then exports the qualified leads for HubSpot', async () => {
    const page = await openDataTab(session);

    expect(await importCsv(page, HUBSPOT_CSV)).toBe(HUBSPOT_REPORT);
    const leads = await session.storedRows('leads');
    expect(leads).toHaveLength(6);
    expect(leads.every((lead) => (lead.tags as string[]).includes('hubspot-contacts'))).toBe(true);

    const exportSection = region(page, 'Export');
    await exportSection.getByRole('radio', { name: 'HubSpot' }).check();
    const csv = await session.download(page, () => exportSection.getByRole('button', { name: 'Export CSV' }).click());
    await expect.poll(() => exportSection.getByRole('status').textContent()).toBe('Exported 2 leads.');

    expect(csv.name).toMatch(/^leadline-qualified-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(header).toEqual([
      'First name',
      'Last name',
      'Email',
      'Phone number',
      'Job title',
      'Company name',
      'Website URL',
      'Lifecycle stage',
      'Lead status',
    ]);
    const records = rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]])));
    expect(records.sort((a, b) => String(a['Last name']).localeCompare(String(b['Last name'])))).toEqual([
      expect.objectContaining({ 'Last name': 'Becker', Email: '', 'Company name': 'Fabrik Digital GmbH', 'Lifecycle stage': 'customer' }),
      expect.objectContaining({
        'Last name': 'Raman',
        Email: 'priya.raman@northwind.example',
        'Company name': 'Northwind Traders',
        'Lifecycle stage': 'salesqualifiedlead',
        'Lead status': 'OPEN_DEAL',
      }),
    ]);

    // Where an imported lead came from: its timeline in the popup, and the list's own row on the dashboard.
    const raman = leads.find((lead) => lead.email === 'priya.raman@northwind.example');
    const popup = await session.openExtensionPage(`popup.html#lead=${encodeURIComponent(String(raman?.id))}`);
    await expect.poll(() => popup.getByRole('list', { name: 'Recent activity' }).textContent()).toContain('Imported from "hubspot-contacts"');
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByRole('table', { name: /Conversion by source/ }).textContent()).toContain('Import: hubspot-contacts');
  });

  it('refuses a damaged backup and leaves the stored leads exactly as they were', async () => {
    const page = await openDataTab(session);
    expect(await importCsv(page, PIPEDRIVE_CSV)).toBe('3 imported, 0 merged, 0 skipped');
    const backupSection = region(page, 'Backup and restore');
    const backup = await session.download(page, () => backupSection.getByRole('button', { name: 'Download backup' }).click());
    expect(backup.name).toMatch(/^leadline-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const damaged = JSON.parse(backup.text) as { leads: Array<Record<string, unknown>> };
    delete damaged.leads[1]!.fullName;
    const before = byId(await session.storedRows('leads'));

    await backupSection.getByLabel('Restore from backup').setInputFiles({
      name: backup.name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(damaged)),
    });

    await expect.poll(() => backupSection.getByRole('alert').textContent()).toContain('Lead 2: A lead needs a name');
    expect(await backupSection.getByRole('button', { name: 'Replace everything' }).count()).toBe(0);
    expect(byId(await session.storedRows('leads'))).toEqual(before);
  });

  it('restores a backup with Replace everything, dropping the leads imported since', async () => {
    const page = await openDataTab(session);
    await importCsv(page, PIPEDRIVE_CSV);
    const backupSection = region(page, 'Backup and restore');
    const backup = await session.download(page, () => backupSection.getByRole('button', { name: 'Download backup' }).click());
    const before = byId(await session.storedRows('leads'));
    await importCsv(page, HUBSPOT_CSV);
    expect(await session.storedRows('leads')).toHaveLength(9);

    await backupSection.getByLabel('Restore from backup').setInputFiles({
      name: backup.name,
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    });
    await backupSection.getByRole('button', { name: 'Replace everything' }).click();

    await expect.poll(() => backupSection.getByRole('status').textContent()).toMatch(/^Restored leadline-backup-.*: 3 leads, 0 activities/);
    expect(byId(await session.storedRows('leads'))).toEqual(before);
  });
});
