// `npm start`: opens Debian's Chromium (or CHROMIUM_PATH) with the freshly built extension loaded,
// on a throwaway profile, so a rep or a reviewer can try Leadline without touching their own browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const browser = candidates.find((candidate) => candidate && existsSync(candidate));
if (!browser) {
  console.error('No Chromium found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH, or load .output/chrome-mv3 unpacked as the README says.');
  process.exit(1);
}
const profile = mkdtempSync(path.join(tmpdir(), 'leadline-'));
console.log(`Starting ${browser} with Leadline loaded from ${extension} (profile ${profile})`);
spawn(
  browser,
  [`--user-data-dir=${profile}`, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run', 'https://www.linkedin.com/'],
  { stdio: 'inherit' },
).on('exit', (code) => process.exit(code ?? 0));
