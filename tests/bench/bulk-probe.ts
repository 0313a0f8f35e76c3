// A probe for bulk stage changes at 100,000 leads (issue 14), quicker to iterate on than the whole
// data bench. After `npm run build`, under the browser lock:
//   node tests/bench/bulk-probe.mjs seed                   imports 100,000 leads once into a kept profile (~5 min)
//   node tests/bench/bulk-probe.mjs ab 10000 4             before/after setStageOfLeads in turn, with longest tasks
//   node tests/bench/bulk-probe.mjs bulk 10000             this branch's move and its undo
//   node tests/bench/bulk-probe.mjs breakdown 10000 250    the earlier algorithm, phase by phase
//   node tests/bench/bulk-probe.mjs parts|floor ...        single parts of the writes; raw IndexedDB floors
//   node tests/bench/bulk-probe.mjs engagement 10000 250 3 per-lead lookups against one range read per batch
// The seeded profile is kept in /tmp/leadline-bulk-seed and copied afresh for every run, so each run
// starts from the same 100,000 leads. Prints JSON; asserts nothing.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../e2e/drivers/common';
import { launchChromium } from '../e2e/drivers/chromium';

const SEED = '/tmp/leadline-bulk-seed';
const [what = 'bulk', ...args] = process.argv.slice(2);
const script = (await build({ entryPoints: [path.join(ROOT, 'tests/bench/bulk-probe-entry.ts')], bundle: true, format: 'iife', write: false, alias: { '@': ROOT }, logLevel: 'warning' })).outputFiles[0]!.text;
let profileDir = SEED;
if (what !== 'seed') {
  if (!existsSync(SEED)) throw new Error('seed first');
  profileDir = mkdtempSync(path.join(tmpdir(), 'leadline-bulk-run-'));
  cpSync(SEED, profileDir, { recursive: true });
  for (const lock of ['SingletonLock', 'SingletonSocket', 'SingletonCookie', 'DevToolsActivePort']) rmSync(path.join(profileDir, lock), { force: true });
}
const session = await launchChromium({ profileDir });
try {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html#data`);
  await page.evaluate(script);
  const result = await page.evaluate(({ what, args }) => (window as any).bulkProbe[what](...args.map((a: string) => (/^\d+$/.test(a) ? Number(a) : a))), { what, args });
  console.log(JSON.stringify(result, (_, v) => (typeof v === 'number' ? Math.round(v) : v)));
  await page.close();
} finally {
  await session.close();
  if (what !== 'seed') rmSync(profileDir, { recursive: true, force: true });
}
