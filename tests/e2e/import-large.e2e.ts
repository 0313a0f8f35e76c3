import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedLeads, type Session } from './harness';
import { launchForEachTest } from './fresh-session';

const ROWS = 10_000;
const FIRST = ['Ana', 'Bo', 'Chen', 'Dara', 'Emeka', 'Fatima', 'Giulia', 'Hiro', 'Ines', 'Jonas', 'Kwame', 'Lena'];

/** A CRM export of 10,000 different people, written to a temporary file as a rep would have it. */
function bigCsv(dir: string): string {
  const lines = ['First Name,Last Name,Email,Company Name,Job Title'];
  for (let i = 0; i < ROWS; i++) lines.push(`${FIRST[i % FIRST.length]},Person${i},p${i}@company-${i % 500}.example,Company ${i % 500},VP Sales`);
  const file = path.join(dir, 'expo-badge-scans.csv');
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

describe('a large import through the file input', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('imports 10,000 rows parsed in a worker, counts them at once and finds them by search once indexed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadline-csv-'));
    try {
      const page = await session.context.newPage();
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      // The long-task observer is on for the whole import: its longest task is printed, never asserted.
      await page.addInitScript(() => {
        const state = window as unknown as { longestTaskMs: number };
        state.longestTaskMs = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) state.longestTaskMs = Math.max(state.longestTaskMs, entry.duration);
        }).observe({ type: 'longtask' });
      });
      await page.goto(`chrome-extension://${session.extensionId}/dashboard.html#data`);
      const section = page.getByRole('region', { name: 'Import CSV' });
      await section.getByLabel('CSV file to import').setInputFiles(bigCsv(dir));
      await expect.poll(() => section.getByText(/can be imported\.$/).textContent(), { timeout: 120_000 }).toBe('10,000 of 10,000 rows can be imported.');
      // Parsed by the extension's own worker file, not on the page and not from a blob: URL.
      expect(workers).toEqual([expect.stringMatching(new RegExp(`^chrome-extension://${session.extensionId}/assets/csv-parse\\.worker-.*\\.js$`))]);

      await section.getByRole('button', { name: 'Import valid rows' }).click();
      await expect.poll(() => section.getByRole('status').first().textContent(), { timeout: 180_000 }).toBe('10,000 imported, 0 merged, 0 skipped');
      const longestTaskMs = await page.evaluate(() => (window as unknown as { longestTaskMs: number }).longestTaskMs);
      console.log(`import of ${ROWS} rows through the file input: longest main-thread task ${longestTaskMs.toFixed(0)} ms`);
      expect(await storedLeads(session)).toHaveLength(ROWS);

      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await popup.getByRole('button', { name: 'All leads' }).click();
      await expect.poll(() => popup.getByText(/^[\d,]+ leads$/).textContent(), { timeout: 60_000 }).toBe('10,000 leads');
      await popup.getByRole('searchbox', { name: 'Search leads' }).fill('chen company 7');
      // Every twelfth row is a Chen; company numbers 7, 70–79 and 700+ do not exist beyond 499, so: 7 and 70–79.
      const expected = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 12 === 2 && [7, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79].includes(i % 500)).length;
      await expect.poll(() => popup.locator('.lead-count').textContent(), { timeout: 120_000 }).toBe(`${expected} matches`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 400_000);
});
