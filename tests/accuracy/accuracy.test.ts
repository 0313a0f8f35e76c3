import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractorFor } from '@/lib/capture/registry';
import type { Source } from '@/lib/model/prospect';
import { ratio, scorePage, SCORED_FIELDS, type Person, type ScoredField, type Tally } from './score';

/**
 * `npm run accuracy`: every fixture page with an `.expected.json` array, through the extractor its URL
 * selects, scored per source and per field. The floor is the target: no field below 0.95 precision.
 */
const FIXTURES = path.join(__dirname, '../fixtures');
const PRECISION_FLOOR = 0.95;

type Page = { file: string; url: URL; html: string; expected: Person[] };

function corpus(): Page[] {
  const pages: Page[] = [];
  for (const dir of readdirSync(FIXTURES)) {
    const folder = path.join(FIXTURES, dir);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.html'))) {
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

function add(into: Tally, from: Tally) {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
}

const format = (value: number | undefined) => (value === undefined ? '   —' : value.toFixed(2));

describe('capture accuracy over the fixture corpus', () => {
  const pages = corpus();
  const bySource = new Map<Source, Record<ScoredField, Tally>>();
  const perPage: string[] = [];
  for (const page of pages) {
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    const entry = extractorFor(page.url);
    const actual = entry.extract(doc, page.url) as Person[];
    const tally = scorePage(page.expected, actual);
    const totals = bySource.get(entry.source) ?? (Object.fromEntries(SCORED_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredField, Tally>);
    for (const field of SCORED_FIELDS) add(totals[field], tally[field]);
    bySource.set(entry.source, totals);
    const errors = SCORED_FIELDS.filter((f) => tally[f].fp || tally[f].fn).map((f) => `${f} fp${tally[f].fp} fn${tally[f].fn}`);
    perPage.push(`${page.file.padEnd(44)} ${entry.name.padEnd(22)} ${errors.length ? errors.join(', ') : 'exact'}`);
  }

  const lines = [`Accuracy over ${pages.length} fixture pages (precision / recall)`, '', `${'source'.padEnd(10)}${SCORED_FIELDS.map((f) => f.padEnd(13)).join('')}`];
  for (const [source, totals] of bySource) {
    const cells = SCORED_FIELDS.map((f) => `${format(ratio(totals[f].tp, totals[f].tp + totals[f].fp))}/${format(ratio(totals[f].tp, totals[f].tp + totals[f].fn))}`.padEnd(13));
    lines.push(`${source.padEnd(10)}${cells.join('')}`);
  }
  console.log([...lines, '', ...perPage].join('\n'));

  it('covers at least 25 realistic pages across every source', () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
    expect([...bySource.keys()].sort()).toEqual(['gmail', 'linkedin', 'outlook', 'web']);
  });

  for (const field of SCORED_FIELDS) {
    it(`keeps ${field} precision at or above ${PRECISION_FLOOR} in every source`, () => {
      for (const [source, totals] of bySource) {
        const precision = ratio(totals[field].tp, totals[field].tp + totals[field].fp);
        if (precision !== undefined) expect(precision, `${source} ${field} precision`).toBeGreaterThanOrEqual(PRECISION_FLOOR);
      }
    });
  }
});
