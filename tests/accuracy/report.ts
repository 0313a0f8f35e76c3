import { extractorFor } from '@/lib/capture/registry';
import { normaliseDraft } from '@/lib/model/normalise';
import type { Source } from '@/lib/model/prospect';
import type { Page } from './corpus';
import { ratio, scorePage, type Person, type ScoredField, type Tally } from './score';

export type Totals = Record<ScoredField, Tally>;
export type Report = { bySource: Map<Source, Totals>; overall: Totals; lines: string[] };

const empty = (fields: readonly ScoredField[]) => Object.fromEntries(fields.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Totals;

function add(into: Tally, from: Tally) {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
}

const format = (value: number | undefined) => (value === undefined ? '   —' : value.toFixed(2));

export const precisionOf = (t: Tally) => ratio(t.tp, t.tp + t.fp);
export const recallOf = (t: Tally) => ratio(t.tp, t.tp + t.fn);

/**
 * Runs every page through the extractor its URL selects, then `finish` (what happens to a draft after
 * the page: the background's normalisation, for the blind corpus), and scores `fields` per source,
 * overall and per page.
 */
export function accuracyReport(
  title: string,
  pages: readonly Page[],
  fields: readonly ScoredField[],
  finish: (drafts: Person[], page: Page) => Person[] = (drafts) => drafts,
): Report {
  const bySource = new Map<Source, Totals>();
  const overall = empty(fields);
  const perPage: string[] = [];
  for (const page of pages) {
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    const entry = extractorFor(page.url);
    const actual = finish(entry.extract(doc, page.url) as Person[], page);
    const tally = scorePage(page.expected, actual, fields);
    const totals = bySource.get(entry.source) ?? empty(fields);
    for (const field of fields) {
      add(totals[field], tally[field]);
      add(overall[field], tally[field]);
    }
    bySource.set(entry.source, totals);
    const errors = fields.filter((f) => tally[f].fp || tally[f].fn).map((f) => `${f} fp${tally[f].fp} fn${tally[f].fn}`);
    perPage.push(`${page.file.padEnd(58)} ${entry.name.padEnd(22)} ${errors.length ? errors.join(', ') : 'exact'}`);
  }
  const row = (label: string, totals: Totals) =>
    `${label.padEnd(10)}${fields.map((f) => `${format(precisionOf(totals[f]))}/${format(recallOf(totals[f]))}`.padEnd(12)).join('')}`;
  const lines = [
    `${title}: ${pages.length} pages (precision / recall)`,
    '',
    `${''.padEnd(10)}${fields.map((f) => f.padEnd(12)).join('')}`,
    ...[...bySource].map(([source, totals]) => row(source, totals)),
    row('overall', overall),
    '',
    ...perPage,
  ];
  return { bySource, overall, lines };
}

/**
 * A page's drafts as they would be stored: through what the background does with each draft
 * (normaliseDraft: name split, phone to E.164), because a rep judges the lead they get, not the raw
 * draft. Phones score as E.164 where the page makes the country clear, as written where it does not.
 */
export function asStored(drafts: Person[]): Person[] {

  return drafts.flatMap((draft) => {
    const result = normaliseDraft(draft);
    if (!result.ok) return [];
    const { phone, phoneE164, ...fields } = result.draft;
    return [{ ...fields, phone: phoneE164 ?? phone } as Person];
  });
}

