import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Session, Tab } from './harness';
import { launchForEachTest } from './fresh-session';

const PEOPLE = 10_000;
const STAGES = ['Lead', 'Sales Qualified Lead', 'Customer', 'Attempted to contact'];
const TITLES = ['VP Sales', 'Head of Data', 'CTO', 'Procurement Manager', 'Founder'];

/** A trade-show scan of 10,000 people: a quarter each new, qualified, customers and contacted. */
function badgeScans(): string {
  const lines = ['First Name,Last Name,Email,Job Title,Company Name,Lifecycle Stage'];
  for (let i = 0; i < PEOPLE; i++) {
    lines.push(`Visitor,Number${i},visitor.${i}@company${i % 90}.example,${TITLES[i % TITLES.length]},Company ${i % 90},${STAGES[i % STAGES.length]}`);
  }
  return lines.join('\r\n');
}

async function importScans(page: Tab): Promise<void> {
  const section = page.getByRole('region', { name: 'Import CSV' });
  await section.getByLabel('CSV file to import').setInputFiles({ name: 'SaaStr badge scans.csv', mimeType: 'text/csv', buffer: Buffer.from(badgeScans()) });
  await expect.poll(() => section.getByText(/can be imported\.$/).count(), { timeout: 30_000 }).toBe(1);
  await section.getByRole('button', { name: 'Import valid rows' }).click();
  await expect.poll(() => section.getByRole('status').textContent(), { timeout: 90_000 }).toMatch(/^10,000 imported/);
}

const summary = (page: Tab) => page.locator('.leads-summary').textContent();

describe('the lead table with 10,000 leads', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  // Importing 10,000 rows and moving 2,500 leads take a while on two cores; the limit guards against a hang.
  it('filters to one list and stage, moves every match to another stage, and exports a selection for HubSpot', { timeout: 240_000 }, async () => {
    const page = await session.openExtensionPage('dashboard.html#data');
    await importScans(page);

    await page.getByRole('tab', { name: 'Leads' }).click();
    await expect.poll(() => summary(page), { timeout: 60_000 }).toBe('10,000 leads');
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(PEOPLE + 1));
    // Only the rows in view are drawn.
    expect(await page.getByRole('row').count()).toBeLessThan(80);

    await page.getByRole('combobox', { name: 'Source or list' }).selectOption('SaaStr badge scans (10,000 leads)');
    await page.getByRole('checkbox', { name: 'New', exact: true }).check();
    await expect.poll(() => summary(page)).toBe('2,500 leads of 10,000 match');

    await page.getByRole('checkbox', { name: 'Select all 2,500 matches' }).check();
    await page.getByRole('combobox', { name: 'Move to stage' }).selectOption('Contacted');
    await page.getByRole('button', { name: 'Change stage' }).click();
    const bulk = page.getByRole('region', { name: 'Selected leads' });
    await expect.poll(() => bulk.getByRole('status').textContent(), { timeout: 120_000 }).toBe('Moved 2,500 leads to Contacted.');
    await expect.poll(() => page.getByText('No leads match these filters.').count(), { timeout: 30_000 }).toBe(1);
    const stages: Record<string, number> = {};
    for (const lead of await session.storedRows('leads')) stages[String(lead.stage)] = (stages[String(lead.stage)] ?? 0) + 1;
    expect(stages).toEqual({ contacted: 5_000, qualified: 2_500, customer: 2_500 });

    await page.getByRole('checkbox', { name: 'New', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: 'Customer', exact: true }).check();
    await page.getByRole('button', { name: 'Score' }).click();
    await expect.poll(() => summary(page)).toBe('2,500 leads of 10,000 match');
    const firstThree = (await page.getByRole('grid').locator('[data-lead-id]').allTextContents()).slice(0, 3);
    for (const name of firstThree) await page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
    await expect.poll(() => bulk.getByText('3 leads selected').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Export as' }).selectOption('HubSpot');
    const csv = await session.download(page, () => page.getByRole('button', { name: 'Export selected' }).click());

    expect(csv.name).toMatch(/^leadline-selection-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => `${row['First name']} ${row['Last name']}`)).toEqual(firstThree);
    expect(rows.every((row) => row['Lifecycle stage'] === 'customer')).toBe(true);
    await expect.poll(() => bulk.getByRole('status').textContent()).toBe('Exported 3 leads (HubSpot).');
  });
});
