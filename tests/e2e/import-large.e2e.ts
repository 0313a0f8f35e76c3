import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from './harness';
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

type Watched = { longestTaskMs: number; workers: string[] };

describe('a large import through the file input', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('imports 10,000 rows parsed in a worker, counts them at once and finds them by search once a worker has indexed them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadline-csv-'));
    try {
      const page = await session.openExtensionPage('dashboard.html#data');
      const section = page.getByRole('region', { name: 'Import CSV' });
      await expect.poll(() => section.getByLabel('CSV file to import').count()).toBe(1);
      // Before the file is chosen: a long-task observer (Chromium has one; its longest task is printed,
      // never asserted), and a note of every worker the page starts.
      await page.evaluate(() => {
        const watched = { longestTaskMs: -1, workers: [] as string[] };
        (window as unknown as { watched: Watched }).watched = watched;
        if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) watched.longestTaskMs = Math.max(watched.longestTaskMs, entry.duration);
          }).observe({ type: 'longtask' });
          watched.longestTaskMs = 0;
        }
        const PageWorker = window.Worker;
        window.Worker = class extends PageWorker {
          constructor(url: string | URL, options?: WorkerOptions) {
            watched.workers.push(new URL(url, location.href).href);
            super(url, options);
          }
        };
      }, undefined);

      await section.getByLabel('CSV file to import').setInputFiles(bigCsv(dir));
      await expect.poll(() => section.getByText(/can be imported\.$/).textContent(), { timeout: 120_000 }).toBe('10,000 of 10,000 rows can be imported.');
      const origin = await page.evaluate(() => location.origin, undefined);
      // Parsed by the extension's own worker file, not on the page and not from a blob: URL.
      expect((await page.evaluate(() => (window as unknown as { watched: Watched }).watched, undefined)).workers).toEqual([
        expect.stringMatching(new RegExp(`^${origin}/assets/csv-parse\\.worker-[\\w-]+\\.js$`)),
      ]);

      await section.getByRole('button', { name: 'Import valid rows' }).click();
      await expect.poll(() => section.getByRole('status').first().textContent(), { timeout: 240_000 }).toBe('10,000 imported, 0 merged, 0 skipped');
      const { longestTaskMs } = await page.evaluate(() => (window as unknown as { watched: Watched }).watched, undefined);
      const longest = longestTaskMs < 0 ? 'no long-task timing in this browser' : `longest main-thread task ${longestTaskMs.toFixed(0)} ms`;
      console.log(`${session.browserName}: import of ${ROWS} rows through the file input, ${longest}`);
      expect(await session.storedRows('leads')).toHaveLength(ROWS);

      const popup = await session.openPopup();
      await popup.getByRole('button', { name: 'All leads' }).click();
      await expect.poll(() => popup.getByText(/^[\d,]+ leads$/).textContent(), { timeout: 60_000 }).toBe('10,000 leads');
      await popup.getByRole('searchbox', { name: 'Search leads' }).fill('chen company 7');
      // Every twelfth row is a Chen; the companies whose number starts with 7 are 7 and 70–79 (there are 500).
      const expected = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 12 === 2 && [7, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79].includes(i % 500)).length;
      await expect.poll(() => popup.locator('.lead-count').textContent(), { timeout: 120_000 }).toBe(`${expected} matches`);
      // The search words were written by the extension's own worker as well, once the import was done.
      expect((await page.evaluate(() => (window as unknown as { watched: Watched }).watched, undefined)).workers).toEqual([
        expect.stringMatching(new RegExp(`^${origin}/assets/csv-parse\\.worker-[\\w-]+\\.js$`)),
        expect.stringMatching(new RegExp(`^${origin}/assets/search-words\\.worker-[\\w-]+\\.js$`)),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
