import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { leadsToCsv, selectQualified } from '@/lib/io/export-csv';
import { countQualified, conversion } from '@/lib/metrics/funnel';
import { compileLeadFilter, NO_FILTER } from '@/lib/model/lead-filter';
import { leadRowOf } from '@/lib/model/lead-row';
import { isQualified, offersMoveToQualified, reachedQualified } from '@/lib/model/qualified';
import { bantAnswers, makeLead } from '../io/lead-factory';

const T = Date.UTC(2025, 2, 3, 9, 0);
const DAY = 86_400_000;
const fullChecklist = bantAnswers({ budget: 'met', authority: 'met', need: 'met' });

/**
 * The book the issue found telling two stories: two leads the rep moved to Qualified (one of them on
 * to Customer), one whose checklist meets BANT's rule but whose stage was never moved, one qualified
 * and later disqualified, and one new lead.
 */
const BOOK = [
  makeLead({ id: 'qualified', stage: 'qualified', stageHistory: [{ stage: 'new', at: T }, { stage: 'qualified', at: T + DAY }] }),
  makeLead({ id: 'customer', stage: 'customer', stageHistory: [{ stage: 'new', at: T }, { stage: 'customer', at: T + DAY }] }),
  makeLead({ id: 'checklist-met', stage: 'contacted', checklist: fullChecklist }),
  makeLead({
    id: 'lost',
    stage: 'disqualified',
    stageHistory: [{ stage: 'new', at: T }, { stage: 'qualified', at: T + DAY }, { stage: 'disqualified', at: T + 2 * DAY }],
  }),
  makeLead({ id: 'new' }),
];

describe('what "qualified" means', () => {
  it('is the Qualified stage or Customer', () => {
    expect(BOOK.filter(isQualified).map((lead) => lead.id)).toEqual(['qualified', 'customer']);
  });

  it('is not a checklist that meets its rule: that offers the move, and only while the lead is not qualified', () => {
    const met = BOOK.find((lead) => lead.id === 'checklist-met')!;
    expect(isQualified(met)).toBe(false);
    expect(offersMoveToQualified(met, true)).toBe(true);
    expect(offersMoveToQualified(met, false)).toBe(false);
    expect(offersMoveToQualified({ stage: 'qualified' }, true)).toBe(false);
    expect(offersMoveToQualified({ stage: 'customer' }, true)).toBe(false);
  });

  it('counts a lead qualified and later disqualified as having reached Qualified, for conversion rates', () => {
    expect(BOOK.filter(reachedQualified).map((lead) => lead.id)).toEqual(['qualified', 'customer', 'lost']);
  });

  it('gives the same leads in the popup export, the CSV column, the dashboard and the table filter', () => {
    const exported = selectQualified(BOOK).map((lead) => lead.id).sort();
    const rows = Papa.parse<Record<string, string>>(leadsToCsv(BOOK).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const markedYes = BOOK.filter((_, index) => rows[index]!.Qualified === 'Yes').map((lead) => lead.id).sort();
    const passes = compileLeadFilter({ ...NO_FILTER, qualified: 'yes' }, T);
    const filtered = BOOK.filter((lead) => passes(leadRowOf(lead, { met: 0, total: 4, ruleMet: false }))).map((lead) => lead.id).sort();

    expect(exported).toEqual(['customer', 'qualified']);
    expect(markedYes).toEqual(exported);
    expect(filtered).toEqual(exported);
    expect(countQualified(BOOK)).toBe(exported.length);
    // The conversion rate counts every lead that got there, the lost one too, and says so on the dashboard.
    expect(conversion(BOOK).qualified).toBe(3);
  });
});
