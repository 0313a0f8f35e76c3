// Probe, not a test: how long a ~50 MB CSV takes through the dashboard's file input in real Chromium,
// from the file's choice to the worker's first rows and to its last message, read off the worker's
// messages. `npm run build && node tests/bench/csv-parse-probe.mjs [.output/chrome-mv3] [runs]`
// (any build of the extension, so two branches can be compared; wrap it in the browser lock).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const extension = path.resolve(process.argv[2] ?? '.output/chrome-mv3');
const runs = Number(process.argv[3] ?? 3);
// Written once and kept in the temp folder, so runs compare the same file.
const csvPath = path.join(tmpdir(), 'leadline-probe-leads-49mb.csv');
if (!existsSync(csvPath)) {
  const header = 'First Name,Last Name,Email,Company,Job Title,Phone,City,Notes\r\n';
  const parts = [header];
  let size = header.length;
  const FIRST = ['Ana', 'Bo', 'Chen', 'Dara', 'Emeka', 'Fatima', 'Giulia', 'Hiro', 'Ines', 'Jonas', 'Zoë', 'José'];
  for (let i = 0; size < 49.5 * 1024 * 1024; i++) {
    const row = `${FIRST[i % 12]},Person${i},p${i}@company-${i % 500}.example,"Company ${i % 500}, Inc.",VP Sales,+1 415 555 ${String(i % 10000).padStart(4, '0')},Lisbon,"met at the booth; wants a demo in ${i % 12 + 1} weeks"\r\n`;
    parts.push(row);
    size += Buffer.byteLength(row);
  }
  writeFileSync(csvPath, parts.join(''));
}
console.log(`file ${(statSync(csvPath).size / 1024 / 1024).toFixed(1)} MB`);

const profile = mkdtempSync(path.join(tmpdir(), 'leadline-probe-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: false,
  args: ['--headless=new', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/dashboard.html#data`);
    const input = page.getByLabel('CSV file to import');
    await input.waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const w = { t0: 0, firstRows: -1, end: -1, messages: 0, rows: 0, progress: 0, longest: 0, outcome: '' };
      window.__probe = w;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (w.t0 && w.end < 0) w.longest = Math.max(w.longest, e.duration); }).observe({ type: 'longtask' });
      document.addEventListener('change', () => (w.t0 = performance.now()), true);
      const PageWorker = window.Worker;
      window.Worker = class extends PageWorker {
        constructor(url, options) {
          super(url, options);
          this.addEventListener('message', (event) => {
            const m = event.data;
            w.messages++;
            if (m.type === 'rows') { w.rows += m.rows.length; if (w.firstRows < 0) w.firstRows = performance.now() - w.t0; }
            if (m.type === 'progress') w.progress++;
            if (m.type === 'done' || m.type === 'failed') { w.end = performance.now() - w.t0; w.outcome = m.type; }
          });
        }
      };
    });
    await input.setInputFiles(csvPath);
    await page.waitForFunction(() => window.__probe.end >= 0, undefined, { timeout: 300_000, polling: 100 });
    const r = await page.evaluate(() => window.__probe);
    console.log(`run ${run + 1}: first rows ${r.firstRows.toFixed(0)} ms, parse done ${r.end.toFixed(0)} ms (${r.outcome}), ${r.rows} rows in ${r.messages} messages (${r.progress} progress), longest main-thread task while parsing ${r.longest.toFixed(0)} ms`);
    await page.close();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
