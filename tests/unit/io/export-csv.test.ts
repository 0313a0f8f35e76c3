import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { LeadSchema, type Lead } from '@/lib/model/lead';
import { GENERIC_COLUMNS } from '@/lib/io/export-columns';
import { exportFileName, leadsToCsv, selectQualified } from '@/lib/io/export-csv';

const CAPTURED = Date.UTC(2025, 2, 3, 9, 15, 0);
const UPDATED = Date.UTC(2025, 2, 6, 16, 40, 0);
const FOLLOW_UP = Date.UTC(2025, 2, 12, 8, 0, 0);

const HEADER =
  'First Name,Last Name,Full Name,Title,Company,Email,Phone,Location,Website,Profile URL,Source,Source URL,Stage,Qualified,Framework,Criteria Met,Score,Next Follow-up,Notes,Captured At,Updated At';

function lead(fields: Record<string, unknown> = {}): Lead {
  return LeadSchema.parse({
    id: 'lead-1',
    fullName: 'Maria Gonzalez',
    source: 'linkedin',
    capturedAt: CAPTURED,
    createdAt: CAPTURED,
    updatedAt: UPDATED,
    ...fields,
  });
}

const bantAnswers = (statuses: Record<string, 'met' | 'not_met' | 'unknown'>) => ({
  frameworkId: 'bant',
  answers: Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status }])),
});

function parse(csv: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('generic CSV export', () => {
  it('writes exactly the generic header row', () => {
    expect(leadsToCsv([])).toBe(`\uFEFF${HEADER}\r\n`);
    expect(GENERIC_COLUMNS.map((c) => c.header).join(',')).toBe(HEADER);
  });

  it('round-trips a realistic lead through papaparse with every column as expected', () => {
    const maria = lead({
      firstName: 'María José',
      lastName: 'González-Núñez',
      fullName: 'María José González-Núñez',
      title: 'VP Sales, EMEA',
      company: 'Acme "Rockets" GmbH',
      email: 'mj.gonzalez@acme.example',
      phone: '+49 (30) 1234-5678',
      phoneE164: '+493012345678',
      location: 'Berlin, Germany',
      website: 'https://acme.example',
      profileUrl: 'https://www.linkedin.com/in/mjgonzalez/',
      sourceUrl: 'https://www.linkedin.com/in/mjgonzalez/',
      stage: 'qualified',
      checklist: bantAnswers({ budget: 'met', authority: 'met', need: 'met', timeline: 'unknown' }),
      score: 65,
      nextFollowUpAt: FOLLOW_UP,
      notes: 'Met at SaaStr 🚀\n=not a formula, just notes\nBudget: €50k, "approved"',
    });

    const [row, ...rest] = parse(leadsToCsv([maria]));
    expect(rest).toEqual([]);
    expect(row).toEqual({
      'First Name': 'María José',
      'Last Name': 'González-Núñez',
      'Full Name': 'María José González-Núñez',
      Title: 'VP Sales, EMEA',
      Company: 'Acme "Rockets" GmbH',
      Email: 'mj.gonzalez@acme.example',
      Phone: '+493012345678',
      Location: 'Berlin, Germany',
      Website: 'https://acme.example',
      'Profile URL': 'https://www.linkedin.com/in/mjgonzalez/',
      Source: 'LinkedIn',
      'Source URL': 'https://www.linkedin.com/in/mjgonzalez/',
      Stage: 'Qualified',
      Qualified: 'Yes',
      Framework: 'BANT',
      'Criteria Met': 'Budget; Authority; Need',
      Score: '65',
      'Next Follow-up': '2025-03-12T08:00:00.000Z',
      Notes: 'Met at SaaStr 🚀\n=not a formula, just notes\nBudget: €50k, "approved"',
      'Captured At': '2025-03-03T09:15:00.000Z',
      'Updated At': '2025-03-06T16:40:00.000Z',
    });
  });

  it('leaves absent fields and dates empty', () => {
    const [row] = parse(leadsToCsv([lead()]));
    expect(row).toMatchObject({ Title: '', Email: '', Phone: '', 'Next Follow-up': '', Notes: '', 'Criteria Met': '' });
  });

  it('falls back to the raw phone when there is no E.164 number', () => {
    const [row] = parse(leadsToCsv([lead({ phone: '030 1234 5678' })]));
    expect(row?.Phone).toBe('030 1234 5678');
  });

  // "Qualified" has one meaning (lib/model/qualified.ts): the stage, whatever the checklist says.
  it('says "Yes" in Qualified for a lead in the Qualified stage, even when its checklist falls short of the rule', () => {
    const [row] = parse(leadsToCsv([lead({ stage: 'qualified', checklist: bantAnswers({ budget: 'met', need: 'met' }) })]));
    expect(row?.Qualified).toBe('Yes');
    expect(row?.['Criteria Met']).toBe('Budget; Need');
  });

  it('says "No" in Qualified for a lead whose checklist meets the rule but whose stage was not moved', () => {
    const [row] = parse(leadsToCsv([lead({ stage: 'contacted', checklist: bantAnswers({ budget: 'met', authority: 'met', need: 'met' }) })]));
    expect(row?.Qualified).toBe('No');
  });

  it('neutralises a formula a page planted in a captured field', () => {
    const [row] = parse(leadsToCsv([lead({ company: '=HYPERLINK("http://evil.example","Acme")' })]));
    expect(row?.Company).toBe('\'=HYPERLINK("http://evil.example","Acme")');
  });

  it('uses the LinkedIn headline as the title when no position is known, neutralised', () => {
    const [row] = parse(leadsToCsv([lead({ title: undefined, headline: '=HYPERLINK("http://evil.example","click")' })]));
    expect(row?.Title).toBe('\'=HYPERLINK("http://evil.example","click")');
  });

  it('writes one row per lead in the given order', () => {
    const rows = parse(leadsToCsv([lead({ fullName: 'First' }), lead({ id: 'lead-2', fullName: 'Second' })]));
    expect(rows.map((r) => r['Full Name'])).toEqual(['First', 'Second']);
  });
});

describe('export file name', () => {
  it('names the qualified export after the local date, zero-padded', () => {
    expect(exportFileName('qualified', new Date(2025, 2, 7, 23, 59))).toBe('leadline-qualified-2025-03-07.csv');
  });

  it('uses the local date just after local midnight', () => {
    expect(exportFileName('qualified', new Date(2025, 0, 1, 0, 5))).toBe('leadline-qualified-2025-01-01.csv');
  });
});

describe('selecting qualified leads', () => {
  it('includes a lead in the qualified stage', () => {
    expect(selectQualified([lead({ stage: 'qualified' })])).toHaveLength(1);
  });

  it('leaves out a lead whose BANT checklist is 3 of 4 met until the rep moves it to Qualified', () => {
    const answered = lead({ stage: 'contacted', checklist: bantAnswers({ budget: 'met', authority: 'met', need: 'met' }) });
    expect(selectQualified([answered])).toEqual([]);
    expect(selectQualified([{ ...answered, stage: 'qualified' }])).toHaveLength(1);
  });

  it('includes a customer, who was qualified on the way', () => {
    expect(selectQualified([lead({ stage: 'customer' })])).toHaveLength(1);
  });

  it('leaves out a lead with only 2 of 4 met', () => {
    expect(selectQualified([lead({ stage: 'nurturing', checklist: bantAnswers({ budget: 'met', need: 'met' }) })])).toEqual([]);
  });

  it('leaves out a disqualified lead even with a full checklist', () => {
    const full = bantAnswers({ budget: 'met', authority: 'met', need: 'met', timeline: 'met' });
    expect(selectQualified([lead({ stage: 'disqualified', checklist: full })])).toEqual([]);
  });

  it('puts the most recently updated lead first without reordering the input', () => {
    const older = lead({ id: 'older', stage: 'qualified', updatedAt: UPDATED - 1000 });
    const newer = lead({ id: 'newer', stage: 'qualified', updatedAt: UPDATED });
    const input = [older, newer];
    expect(selectQualified(input).map((l) => l.id)).toEqual(['newer', 'older']);
    expect(input.map((l) => l.id)).toEqual(['older', 'newer']);
  });
});
