import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '@/lib/model/lead-filter';
import { LeadRowSet, sameQuery } from '@/lib/model/lead-query';
import type { LeadRow } from '@/lib/model/lead-row';
import { DEFAULT_SORT, firstDirection, sortRows, type LeadSort } from '@/lib/model/lead-sort';

const T = Date.UTC(2025, 2, 3);

function row(fields: Partial<LeadRow> & { id: string }): LeadRow {
  return {
    fullName: fields.id,
    company: undefined,
    title: undefined,
    stage: 'new',
    score: 0,
    frameworkId: 'bant',
    criteriaMet: 0,
    criteriaTotal: 4,
    checklistRuleMet: false,
    source: 'linkedin',
    sourceList: undefined,
    channel: undefined,
    nextFollowUpAt: undefined,
    createdAt: T,
    updatedAt: T,
    searchWords: [],
    ...fields,
  };
}

const ids = (rows: readonly LeadRow[]) => rows.map((r) => r.id);
const by = (column: LeadSort['column'], direction: LeadSort['direction'], rows: LeadRow[]) => ids(sortRows(rows, { column, direction }));

describe('sorting rows', () => {
  it('sorts names as people read them: case and accents do not put a name at the end', () => {
    const rows = [row({ id: 'zoe', fullName: 'Zoë' }), row({ id: 'emile', fullName: 'émile' }), row({ id: 'anna', fullName: 'anna' }), row({ id: 'bob', fullName: 'Bob' })];
    expect(by('name', 'asc', rows)).toEqual(['anna', 'bob', 'emile', 'zoe']);
    expect(by('name', 'desc', rows)).toEqual(['zoe', 'emile', 'bob', 'anna']);
  });

  it('puts leads without a value last in both directions, newest first among them', () => {
    const rows = [
      row({ id: 'acme', company: 'Acme' }),
      row({ id: 'none-old' }),
      row({ id: 'globex', company: 'Globex' }),
      row({ id: 'none-new', createdAt: T + 1 }),
    ];
    expect(by('company', 'asc', rows)).toEqual(['acme', 'globex', 'none-new', 'none-old']);
    expect(by('company', 'desc', rows)).toEqual(['globex', 'acme', 'none-new', 'none-old']);
  });

  it('orders stages along the pipeline, not alphabetically', () => {
    const rows = [row({ id: 'customer', stage: 'customer' }), row({ id: 'new' }), row({ id: 'qualified', stage: 'qualified' }), row({ id: 'contacted', stage: 'contacted' })];
    expect(by('stage', 'asc', rows)).toEqual(['new', 'contacted', 'qualified', 'customer']);
  });

  it('orders checklist progress by the share met, then by how many', () => {
    const rows = [
      row({ id: '2/4', criteriaMet: 2 }),
      row({ id: '4/8', criteriaMet: 4, criteriaTotal: 8 }),
      row({ id: '3/4', criteriaMet: 3 }),
      row({ id: '0/4' }),
    ];
    expect(by('progress', 'desc', rows)).toEqual(['3/4', '4/8', '2/4', '0/4']);
  });

  it('lists equal scores newest first when sorted highest first, as the popup does', () => {
    const rows = [row({ id: 'old-50', score: 50 }), row({ id: 'new-50', score: 50, createdAt: T + 5 }), row({ id: '90', score: 90 })];
    expect(by('score', 'desc', rows)).toEqual(['90', 'new-50', 'old-50']);
  });

  it('sorts the source by its name, each imported list on its own', () => {
    const rows = [row({ id: 'gmail', source: 'gmail' }), row({ id: 'saastr', source: 'import', sourceList: 'SaaStr' }), row({ id: 'aaa', source: 'import', sourceList: 'AAA' })];
    expect(by('source', 'asc', rows)).toEqual(['gmail', 'aaa', 'saastr']);
  });

  it('starts names, stages and follow-ups ascending; scores, progress and dates descending', () => {
    expect(['name', 'stage', 'followUp', 'score', 'progress', 'captured', 'updated'].map((c) => firstDirection(c as LeadSort['column']))).toEqual([
      'asc',
      'asc',
      'asc',
      'desc',
      'desc',
      'desc',
      'desc',
    ]);
  });
});

describe('a set of rows', () => {
  const rows = [
    row({ id: 'a', score: 10, stage: 'qualified' }),
    row({ id: 'b', score: 30, source: 'import', sourceList: 'SaaStr' }),
    row({ id: 'c', score: 20, stage: 'qualified', source: 'import', sourceList: 'SaaStr' }),
    row({ id: 'd', score: 40, source: 'import', sourceList: 'Webinar' }),
  ];

  it('filters and sorts, and gives the same order again from its kept column order', () => {
    const set = new LeadRowSet(rows);
    const query = { filter: { ...NO_FILTER, stages: ['qualified' as const] }, sort: { column: 'score' as const, direction: 'desc' as const } };
    expect(ids(set.query(query, T))).toEqual(['c', 'a']);
    expect(ids(set.query({ ...query, filter: NO_FILTER }, T))).toEqual(['d', 'b', 'c', 'a']);
    expect(ids(set.query({ ...query, sort: { column: 'score', direction: 'asc' } }, T))).toEqual(['a', 'c']);
  });

  it('after changes, lists the rows exactly as a set built afresh would, in every column it had sorted', () => {
    const many = Array.from({ length: 200 }, (_, n) =>
      row({ id: `r${String(n).padStart(3, '0')}`, fullName: `Name ${(n * 7919) % 200}`, company: n % 5 === 0 ? undefined : `Co ${n % 13}`, score: (n * 37) % 100, createdAt: T + (n % 17) }),
    );
    const sorts: LeadSort[] = [
      { column: 'name', direction: 'asc' },
      { column: 'company', direction: 'desc' },
      { column: 'score', direction: 'desc' },
    ];
    const before = new LeadRowSet(many);
    for (const sort of sorts) before.ordered(sort);
    const changed = [
      row({ id: 'r005', fullName: 'Aaron First', company: 'Zeta', score: 99, createdAt: T }),
      row({ id: 'r150', fullName: 'Zed Last', company: undefined, score: 0, createdAt: T + 3 }),
      row({ id: 'new', fullName: 'Newcomer', company: 'Co 4', score: 50, createdAt: T + 99 }),
    ];
    const after = before.withChanges(changed, ['r010', 'r011']);
    const fresh = new LeadRowSet([...many.filter((r) => !['r005', 'r150', 'r010', 'r011'].includes(r.id)), ...changed]);

    expect(after.size).toBe(199);
    expect(after.get('r010')).toBeUndefined();
    expect(after.get('r005')?.fullName).toBe('Aaron First');
    for (const sort of sorts) expect(ids(after.ordered(sort))).toEqual(ids(fresh.ordered(sort)));
  });

  it('lists the imported lists with how many leads each brought', () => {
    expect(new LeadRowSet(rows).importedLists()).toEqual([
      { list: 'SaaStr', leads: 2 },
      { list: 'Webinar', leads: 1 },
    ]);
  });

  it('knows two queries are the same however their filters were written', () => {
    const sort = DEFAULT_SORT;
    expect(sameQuery({ filter: { ...NO_FILTER, search: ' ana ' }, sort }, { filter: { search: 'ana', stages: [] }, sort })).toBe(true);
    expect(sameQuery({ filter: { ...NO_FILTER, qualified: 'yes' }, sort }, { filter: NO_FILTER, sort })).toBe(false);
    expect(sameQuery({ filter: NO_FILTER, sort }, { filter: NO_FILTER, sort: { column: 'captured', direction: 'asc' } })).toBe(false);
  });
});
