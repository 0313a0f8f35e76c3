import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Person } from './score';

export const FIXTURES = path.join(__dirname, '../fixtures');

export type Page = { file: string; url: URL; html: string; expected: Person[] };

/**
 * The fixture pages under `folders` (relative to tests/fixtures) that have an `.expected.json` array
 * beside them, each served at the URL its first line declares.
 */
export function corpus(folders: readonly string[]): Page[] {
  const pages: Page[] = [];
  for (const dir of folders) {
    const folder = path.join(FIXTURES, dir);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.html')).sort()) {
      const expectedFile = path.join(folder, file.replace(/\.html$/, '.expected.json'));
      let expected: unknown;
      try {
        expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
      } catch {
        continue;
      }
      if (!Array.isArray(expected)) continue; // company pages expect a company, not people
      const html = readFileSync(path.join(folder, file), 'utf8');
      const declared = /<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
      if (!declared) throw new Error(`${dir}/${file} does not declare its URL`);
      pages.push({ file: `${dir}/${file}`, url: new URL(declared), html, expected: expected as Person[] });
    }
  }
  return pages;
}

/** The regression corpus: pages written beside the extractors, one folder per source. */
export const REGRESSION_FOLDERS = ['linkedin', 'gmail', 'outlook', 'web'] as const;

/** The blind corpus: pages written by someone who never read the extractors (tests/fixtures/blind/README.md). */
export const BLIND_FOLDERS = REGRESSION_FOLDERS.map((source) => `blind/${source}`);

/**
 * The held-out corpus: written blind too, by another author, after the extractors had been improved
 * against the blind corpus, and measured once (tests/fixtures/holdout/README.md). Its figures are the
 * honest ones for pages nobody here wrote.
 */
export const HOLDOUT_FOLDERS = REGRESSION_FOLDERS.map((source) => `holdout/${source}`);
