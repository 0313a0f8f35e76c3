import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_EXTENSION_DIR } from './drivers/chromium';
import { FIREFOX, FIREFOX_EXTENSION_DIR } from './drivers/firefox';

/**
 * Fails the run, loudly and before any test, when the browser a project drives or the build it
 * loads is missing or cannot work: a missing browser is never a reason to skip.
 */
export default function checkPrerequisites(project: TestProject): void {
  if (project.name === 'firefox') checkFirefox();
  else checkChromium();
}

function checkChromium(): void {
  if (!existsSync(path.join(CHROMIUM_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${CHROMIUM_EXTENSION_DIR}. Run "npm run build" first (npm test does it for you).`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
}

function checkFirefox(): void {
  const manifestPath = path.join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}. Run "npm run build:firefox" first (npm test does it for you).`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox not found at ${FIREFOX}. Install Debian's Firefox ESR (apt-get install firefox-esr) or set FIREFOX_PATH; the end-to-end tests run in Firefox too and are not skipped without it.`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { strict_min_version?: string } };
  };
  const needed = manifest.browser_specific_settings?.gecko?.strict_min_version ?? '0';
  const versionText = execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim();
  const installed = /(\d+(?:\.\d+)*)/.exec(versionText)?.[1] ?? '0';
  if (compareVersions(installed, needed) < 0) {
    throw new Error(
      `${versionText} at ${FIREFOX} is too old for Leadline: the manifest needs Firefox ${needed} or later (strict_min_version). Update firefox-esr or point FIREFOX_PATH at a newer Firefox.`,
    );
  }
}

/** Compares dotted version numbers ("153.8.0" against "142.0") part by part. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
