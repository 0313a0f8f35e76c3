import { describe, expect, it } from 'vitest';
import { compileLeadFilter, NO_FILTER, type LeadFilter } from '@/lib/model/lead-filter';
import { LeadRowSet, type LeadQuery } from '@/lib/model/lead-query';
import type { LeadRow } from '@/lib/model/lead-row';
import { ascendingOrder, ascendingOrderInSlices, TABLE_COLUMNS, type LeadSort } from '@/lib/model/lead-sort';
import { CHANNELS } from '@/lib/model/lead';
import { STAGES } from '@/lib/model/stage';
import { createSlicer, filterInSlices, SlicesCancelled, sortInSlices } from '@/lib/model/time-slices';
import { pick, seededRandom } from '../db/seeded-random';

const T = Date.UTC(2025, 2, 3);
const DAY = 86_400_000;
const FIRST = ['Ana', 'ana', 'Émile', 'Zoë', 'Bo', 'chen', 'Chen', 'Øyvind', 'Dara', ''];
const LAST = ['Souza', 'García', 'müller', 'Müller', 'Okafor', "O'Neil", 'van Berg'];
const COMPANIES = [undefined, '', 'Acme', 'acme', 'Globex', 'Initech', 'Ünited'];

/** Rows as an import and some captures make them: many equal creation times, names that differ only in case or accents. */
function generatedRows(count: number, seed: number): LeadRow[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, n) => {
    const fullName = `${pick(random, FIRST)} ${pick(random, LAST)}`.trim();
    const company = pick(random, COMPANIES);
    const createdAt = T - Math.floor(random() * 20) * DAY - (random() < 0.5 ? 0 : Math.floor(random() * 1000));
    const total = pick(random, [0, 4, 8]);
    return {
      id: `lead-${Math.floor(random() * 1e9).toString(36)}-${n}`,
      fullName,
      company,
      title: random() < 0.3 ? undefined : pick(random, ['CTO', 'VP Sales', 'cto', 'Head of Data']),
      stage: pick(random, STAGES).id,
      score: Math.floor(random() * 101),
      frameworkId: 'bant',
      criteriaMet: Math.floor(random() * (total + 1)),
      criteriaTotal: total,
      checklistRuleMet: random() < 0.2,
      source: pick(random, ['linkedin', 'gmail', 'import', 'web'] as const),
      sourceList: random() < 0.3 ? pick(random, ['SaaStr', 'Webinar']) : undefined,
      channel: random() < 0.3 ? undefined : pick(random, CHANNELS).id,
      nextFollowUpAt: random() < 0.5 ? undefined : T + Math.floor((random() - 0.5) * 10) * DAY,
      createdAt,
      updatedAt: createdAt + Math.floor(random() * 5) * DAY,
      searchWords: [...fullName.toLowerCase().split(' '), ...(company ? [company.toLowerCase()] : [])],
    } satisfies LeadRow;
  });
}

/** A slicer that yields at every check (budget 0), counting the yields. */
function everyCheckYields() {
  let yields = 0;
  const slicer = createSlicer({
    budgetMs: 0,
    yieldTo: () => {
      yields++;
      return Promise.resolve();
    },
  });
  return { slicer, yields: () => yields };
}

const ids = (rows: readonly LeadRow[]) => rows.map((row) => row.id);
const collator = new Intl.Collator();

/** A brute-force reference for a numeric or text column, written from the table's rules rather than from lead-sort.ts. */
function bruteForce(rows: readonly LeadRow[], filter: LeadFilter, sort: LeadSort, key: (row: LeadRow) => string | number | undefined, now: number): string[] {
  const passes = compileLeadFilter(filter, now);
  const kept = rows.filter(passes);
  const creation = (a: LeadRow, b: LeadRow) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const filled = kept.filter((row) => key(row) !== undefined && key(row) !== '');
  const empty = kept.filter((row) => key(row) === undefined || key(row) === '');
  filled.sort((a, b) => {
    const x = key(a)!;
    const y = key(b)!;
    const byKey = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return byKey || creation(a, b);
  });
  if (sort.direction === 'desc') filled.reverse();
  empty.sort((a, b) => creation(b, a));
  return ids([...filled, ...empty]);
}

describe('work in slices', () => {
  it('sorts like Array.prototype.sort, stably, across many merges', async () => {
    const random = seededRandom(7);
    const items = Array.from({ length: 10_000 }, (_, n) => ({ key: Math.floor(random() * 50), n }));
    const { slicer, yields } = everyCheckYields();
    const sorted = await sortInSlices(items, (a, b) => a.key - b.key, slicer);
    expect(sorted).toEqual([...items].sort((a, b) => a.key - b.key));
    expect(yields()).toBeGreaterThan(10);
    expect(await sortInSlices([], (a: number, b: number) => a - b, slicer)).toEqual([]);
    expect(await sortInSlices([3, 1, 2], (a, b) => a - b, slicer)).toEqual([1, 2, 3]);
  });

  it('filters in order, yielding between slices', async () => {
    const { slicer, yields } = everyCheckYields();
    const numbers = Array.from({ length: 5_000 }, (_, n) => n);
    expect(await filterInSlices(numbers, (n) => n % 7 === 3, slicer)).toEqual(numbers.filter((n) => n % 7 === 3));
    expect(yields()).toBeGreaterThan(5);
  });

  it('yields only once a slice has used its budget', async () => {
    let now = 0;
    let yields = 0;
    const slicer = createSlicer({ budgetMs: 25, clock: () => now, yieldTo: async () => void yields++ });
    now = 10;
    expect(slicer.pause()).toBeUndefined();
    now = 30;
    await slicer.pause();
    expect(yields).toBe(1);
    // The budget starts again after the yield.
    now = 40;
    expect(slicer.pause()).toBeUndefined();
  });

  it('stops with SlicesCancelled once cancelled, at the next check', async () => {
    const { slicer } = everyCheckYields();
    const items = Array.from({ length: 20_000 }, (_, n) => 20_000 - n);
    const sorting = sortInSlices(items, (a, b) => a - b, slicer);
    slicer.cancel();
    await expect(sorting).rejects.toBeInstanceOf(SlicesCancelled);
  });

  it('every column, both ways: a column order in slices equals the order worked out at once', async () => {
    const rows = generatedRows(4_000, 11);
    for (const { id: column } of TABLE_COLUMNS) {
      const { slicer } = everyCheckYields();
      const sliced = await ascendingOrderInSlices(rows, column, slicer);
      const atOnce = ascendingOrder(rows, column);
      expect(ids(sliced.filled), column).toEqual(ids(atOnce.filled));
      expect(ids(sliced.empty), column).toEqual(ids(atOnce.empty));
    }
  });

  it('a query in slices finds exactly what a brute-force filter and sort find, for every column and filter', async () => {
    const rows = generatedRows(3_000, 23);
    const set = new LeadRowSet(rows);
    const now = T;
    const filters: LeadFilter[] = [
      NO_FILTER,
      { ...NO_FILTER, scoreMin: 30 },
      { ...NO_FILTER, stages: ['new', 'qualified'], channel: 'none' },
      { ...NO_FILTER, search: 'chen', followUp: 'overdue' },
      { ...NO_FILTER, source: { kind: 'list', list: 'SaaStr' }, captured: '7d', qualified: 'no' },
    ];
    const keys: Partial<Record<LeadSort['column'], (row: LeadRow) => string | number | undefined>> = {
      name: (row) => row.fullName,
      company: (row) => row.company,
      score: (row) => row.score,
      followUp: (row) => row.nextFollowUpAt,
      captured: (row) => row.createdAt,
      updated: (row) => row.updatedAt,
    };
    for (const filter of filters) {
      for (const { id: column } of TABLE_COLUMNS) {
        for (const direction of ['asc', 'desc'] as const) {
          const query: LeadQuery = { filter, sort: { column, direction } };
          const found = ids(await set.queryInSlices(query, now, everyCheckYields().slicer));
          expect(found, `${column} ${direction} ${JSON.stringify(filter)}`).toEqual(ids(new LeadRowSet(rows).query(query, now)));
          const key = keys[column];
          if (key) expect(found, `${column} ${direction}`).toEqual(bruteForce(rows, filter, query.sort, key, now));
        }
      }
    }
    expect(set.hasOrder('name')).toBe(true);
  });
});
