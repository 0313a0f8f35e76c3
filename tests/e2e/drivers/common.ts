import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import type { AxeViolation } from './types';

/** The project folder: the nearest one up from here with wxt.config.ts (the benchmark bundles this file elsewhere). */
export const ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'wxt.config.ts'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project folder (no wxt.config.ts above the tests)');
    dir = parent;
  }
  return dir;
})();

export function fixture(relativePath: string): string {
  return readFileSync(path.join(ROOT, 'tests/fixtures', relativePath), 'utf8');
}

/** The URL a fixture declares in its first line, `<!-- url: … -->`: where the test serves it. */
export function fixtureUrl(relativePath: string): string {
  const match = /<!--\s*url:\s*(\S+)\s*-->/.exec(fixture(relativePath));
  if (!match?.[1]) throw new Error(`${relativePath} does not declare its URL`);
  return match[1];
}

/** The fragment (Gmail's #inbox/…) never reaches the network, so it is not part of what is served. */
export function requestedUrl(url: string): string {
  return url.split('#')[0] ?? url;
}

/** The in-page widget's element, as `lib/page-ui/save-button.ts` names it. */
export const WIDGET_TAG = 'leadline-capture';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries `attempt` until it returns a value other than undefined, or fails with `what` after `timeout`. */
export async function waitFor<T>(what: string, attempt: () => Promise<T | undefined>, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${reason}`);
    }
    await sleep(100);
  }
}

/** Reads every row of a table straight from the extension's IndexedDB. Runs inside the extension. */
export function readTable(name: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('leadline');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/**
 * What an attempt to run a script in a tab says about access: read (and it was that tab), refused
 * for want of permission, or neither — a broken attempt, which must fail the test, not pass it.
 */
export function judgeReadAttempt(outcome: { read?: string; refused?: string }, url: string): boolean {
  if (outcome.read !== undefined) {
    if (outcome.read !== url) throw new Error(`The script ran in ${outcome.read}, not in ${url}`);
    return true;
  }
  if (/permission|cannot access/i.test(outcome.refused ?? '')) return false;
  throw new Error(`Running a script in ${url} failed for another reason: ${outcome.refused}`);
}

/**
 * The WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices (one main landmark, content in
 * landmarks, an h1 per page): what issue 13 asks every view to pass.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core's own build, the same version in both browsers (@axe-core/playwright bundles an older
 * one of its own; Chromium is handed this one instead).
 */
let axeScript: string | undefined;
export function axeSource(): string {
  axeScript ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeScript;
}

/** axe's results, cut down to what a failing test prints. */
export function violationsOf(results: Pick<AxeResults, 'violations'>): AxeViolation[] {
  return results.violations.map((rule) => ({
    id: rule.id,
    impact: rule.impact ?? null,
    help: rule.help,
    helpUrl: rule.helpUrl,
    targets: rule.nodes.map((node) => node.target.map(String).join(' >>> ')),
  }));
}
