import { describe, expect, it } from 'vitest';
import {
  NO_FILTER,
  activeConditions,
  compileLeadFilter,
  filterFromParams,
  filterProblem,
  filterToParams,
  importedTodayFilter,
  type LeadFilter,
} from '@/lib/model/lead-filter';
import type { LeadRow } from '@/lib/model/lead-row';

/** Friday 7 March 2025, 10:30 local time. */
const NOW = new Date(2025, 2, 7, 10, 30).getTime();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function row(fields: Partial<LeadRow> & { id: string }): LeadRow {
  return {
    fullName: fields.id,
    company: undefined,
    title: undefined,
    stage: 'new',
    score: 50,
    frameworkId: 'bant',
    criteriaMet: 0,
    criteriaTotal: 4,
    checklistRuleMet: false,
    source: 'linkedin',
    sourceList: undefined,
    channel: undefined,
    nextFollowUpAt: undefined,
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    searchWords: [],
    ...fields,
  };
}

const pass = (filter: Partial<LeadFilter>, rows: LeadRow[]) => rows.filter(compileLeadFilter({ ...NO_FILTER, ...filter }, NOW)).map((r) => r.id);

describe('compiling a filter', () => {
  it('lets every lead through when nothing is set', () => {
    expect(pass({}, [row({ id: 'a' }), row({ id: 'b', stage: 'disqualified' })])).toEqual(['a', 'b']);
  });

  it('keeps the leads in any of the stages listed', () => {
    const rows = [row({ id: 'new' }), row({ id: 'q', stage: 'qualified' }), row({ id: 'c', stage: 'customer' })];
    expect(pass({ stages: ['qualified', 'customer'] }, rows)).toEqual(['q', 'c']);
  });

  it('tells a source from one imported list', () => {
    const rows = [row({ id: 'li' }), row({ id: 'saastr', source: 'import', sourceList: 'SaaStr' }), row({ id: 'webinar', source: 'import', sourceList: 'Webinar' })];
    expect(pass({ source: { kind: 'source', source: 'import' } }, rows)).toEqual(['saastr', 'webinar']);
    expect(pass({ source: { kind: 'list', list: 'SaaStr' } }, rows)).toEqual(['saastr']);
  });

  it('matches a channel, or leads with none', () => {
    const rows = [row({ id: 'ad', channel: 'ad' }), row({ id: 'none' })];
    expect(pass({ channel: 'ad' }, rows)).toEqual(['ad']);
    expect(pass({ channel: 'none' }, rows)).toEqual(['none']);
  });

  it('includes both ends of a score range', () => {
    const rows = [row({ id: '39', score: 39 }), row({ id: '40', score: 40 }), row({ id: '80', score: 80 }), row({ id: '81', score: 81 })];
    expect(pass({ scoreMin: 40, scoreMax: 80 }, rows)).toEqual(['40', '80']);
    expect(pass({ scoreMin: 81 }, rows)).toEqual(['81']);
  });

  it('reads "qualified" as the stage, whatever the checklist', () => {
    const rows = [row({ id: 'met', checklistRuleMet: true }), row({ id: 'q', stage: 'qualified' }), row({ id: 'c', stage: 'customer' })];
    expect(pass({ qualified: 'yes' }, rows)).toEqual(['q', 'c']);
    expect(pass({ qualified: 'no' }, rows)).toEqual(['met']);
  });

  it('sorts follow-ups into overdue, due by midnight, later days and none', () => {
    const midnight = new Date(2025, 2, 8).getTime();
    const rows = [
      row({ id: 'overdue', nextFollowUpAt: NOW - HOUR }),
      row({ id: 'now', nextFollowUpAt: NOW }),
      row({ id: 'tonight', nextFollowUpAt: midnight - 1 }),
      row({ id: 'tomorrow', nextFollowUpAt: midnight }),
      row({ id: 'none' }),
    ];
    expect(pass({ followUp: 'overdue' }, rows)).toEqual(['overdue', 'now']);
    expect(pass({ followUp: 'due' }, rows)).toEqual(['overdue', 'now', 'tonight']);
    expect(pass({ followUp: 'upcoming' }, rows)).toEqual(['tomorrow']);
    expect(pass({ followUp: 'none' }, rows)).toEqual(['none']);
  });

  it('counts periods in calendar days ending today, in local time', () => {
    const rows = [
      row({ id: 'this-morning', createdAt: new Date(2025, 2, 7, 0, 0).getTime() }),
      row({ id: 'last-night', createdAt: new Date(2025, 2, 6, 23, 59).getTime() }),
      row({ id: 'six-days-back', createdAt: new Date(2025, 2, 1, 0, 0).getTime() }),
      row({ id: 'seven-days-back', createdAt: new Date(2025, 1, 28, 23, 59).getTime() }),
    ];
    expect(pass({ captured: 'today' }, rows)).toEqual(['this-morning']);
    expect(pass({ captured: '7d' }, rows)).toEqual(['this-morning', 'last-night', 'six-days-back']);
  });

  it('includes both days of a date range, the last one to its end', () => {
    const rows = [
      row({ id: 'before', createdAt: new Date(2025, 1, 19, 23, 59).getTime() }),
      row({ id: 'first', createdAt: new Date(2025, 1, 20, 0, 0).getTime() }),
      row({ id: 'last', createdAt: new Date(2025, 1, 25, 23, 59).getTime() }),
      row({ id: 'after', createdAt: new Date(2025, 1, 26, 0, 0).getTime() }),
    ];
    expect(pass({ capturedFrom: '2025-02-20', capturedTo: '2025-02-25' }, rows)).toEqual(['first', 'last']);
    expect(pass({ capturedTo: '2025-02-25' }, rows)).toEqual(['before', 'first', 'last']);
  });

  it('finds leads by the start of their words, every word typed', () => {
    const rows = [row({ id: 'ana', searchWords: ['ana', 'souza', 'acme'] }), row({ id: 'anna', searchWords: ['anna', 'globex'] })];
    expect(pass({ search: 'an' }, rows)).toEqual(['ana', 'anna']);
    expect(pass({ search: 'Ana Acme' }, rows)).toEqual(['ana']);
    expect(pass({ search: '  ' }, rows)).toEqual(['ana', 'anna']);
  });

  it('requires every condition at once', () => {
    const rows = [
      row({ id: 'yes', stage: 'qualified', source: 'import', sourceList: 'SaaStr' }),
      row({ id: 'other-list', stage: 'qualified', source: 'import', sourceList: 'Webinar' }),
      row({ id: 'not-qualified', source: 'import', sourceList: 'SaaStr' }),
    ];
    expect(pass({ qualified: 'yes', source: { kind: 'list', list: 'SaaStr' } }, rows)).toEqual(['yes']);
  });
});

describe('what is wrong with a filter', () => {
  it('explains a score range upside down and a date range upside down', () => {
    expect(filterProblem({ ...NO_FILTER, scoreMin: 80, scoreMax: 20 })).toBe('The lowest score (80) is above the highest (20). Swap them or clear one.');
    expect(filterProblem({ ...NO_FILTER, capturedFrom: '2025-03-07', capturedTo: '2025-03-01' })).toBe('The first day is after the last day. Swap them or clear one.');
    expect(filterProblem({ ...NO_FILTER, capturedFrom: '2025-02-30' })).toBe('"2025-02-30" is not a date. Pick the first day again.');
    expect(filterProblem({ ...NO_FILTER, scoreMin: 20, scoreMax: 20 })).toBeUndefined();
  });

  it('counts the conditions set', () => {
    expect(activeConditions(NO_FILTER)).toBe(0);
    expect(activeConditions({ ...NO_FILTER, search: 'ana', stages: ['new', 'contacted'], scoreMin: 3, scoreMax: 9 })).toBe(3);
  });
});

describe('a filter in a page address', () => {
  it('goes there and back unchanged', () => {
    const filter: LeadFilter = {
      search: 'ana acme',
      stages: ['qualified', 'customer'],
      source: { kind: 'list', list: 'SaaStr badge scans & more' },
      channel: 'none',
      scoreMin: 0,
      scoreMax: 70,
      qualified: 'yes',
      followUp: 'due',
      capturedFrom: '2025-02-01',
      capturedTo: '2025-02-28',
    };
    expect(filterFromParams(new URLSearchParams(filterToParams(filter).toString()))).toEqual(filter);
    expect(filterFromParams(filterToParams(importedTodayFilter('Trade show')))).toEqual({ ...NO_FILTER, source: { kind: 'list', list: 'Trade show' }, captured: 'today' });
  });

  it('leaves out what does not parse instead of failing', () => {
    const filter = filterFromParams(new URLSearchParams('stage=qualified&stage=vip&channel=carrier-pigeon&min=abc&max=101&captured=7d&source=linkedin'));
    expect(filter).toEqual({ ...NO_FILTER, stages: ['qualified'], captured: '7d', source: { kind: 'source', source: 'linkedin' } });
  });
});
