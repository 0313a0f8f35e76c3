import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '@/lib/model/framework';
import { ChecklistSchema, type Checklist } from '@/lib/model/lead';
import { switchFramework } from '@/lib/qualify/equivalence';
import { getFramework } from '@/lib/qualify/frameworks';

const bant = getFramework('bant');
const champ = getFramework('champ');
const meddic = getFramework('meddic');
const meddpicc = getFramework('meddpicc');
const faint = getFramework('faint');

function checklist(frameworkId: string, answers: Record<string, { status: string; note?: string }>): Checklist {
  return ChecklistSchema.parse({ frameworkId, answers });
}

describe('switching frameworks', () => {
  it('keeps a BANT budget answer, with its note, as CHAMP money', () => {
    const before = checklist('bant', { budget: { status: 'met', note: '40k approved for Q3' } });
    const { checklist: after, kept } = switchFramework(before, bant, champ);
    expect(after.frameworkId).toBe('champ');
    expect(after.answers.money).toEqual({ status: 'met', note: '40k approved for Q3' });
    expect(kept).toEqual(['budget']);
  });

  it('moves BANT need to CHAMP challenges and BANT authority to CHAMP authority', () => {
    const before = checklist('bant', { authority: { status: 'not_met', note: 'Only an analyst so far' }, need: { status: 'met' } });
    const { checklist: after } = switchFramework(before, bant, champ);
    expect(after.answers.authority).toEqual({ status: 'not_met', note: 'Only an analyst so far' });
    expect(after.answers.challenges).toEqual({ status: 'met', note: '' });
  });

  it('lists the BANT timeline as dropped when moving to CHAMP, which has no timeline', () => {
    const before = checklist('bant', { budget: { status: 'met' }, timeline: { status: 'met', note: 'Go-live in May' } });
    const result = switchFramework(before, bant, champ);
    expect(result.dropped).toEqual(['timeline']);
    expect(result.checklist.answers.prioritization).toBeUndefined();
  });

  it('keeps every answer when moving from MEDDIC to MEDDPICC', () => {
    const answers = Object.fromEntries(meddic.criteria.map((c, i) => [c.id, { status: i % 2 ? 'met' : 'not_met', note: `note ${i}` }]));
    const before = checklist('meddic', answers);
    const result = switchFramework(before, meddic, meddpicc);
    expect(result.kept).toEqual(meddic.criteria.map((c) => c.id));
    expect(result.dropped).toEqual([]);
    expect(result.checklist.answers).toEqual(before.answers);
  });

  it('drops MEDDPICC paper process and competition when moving back to MEDDIC', () => {
    const before = checklist('meddpicc', {
      champion: { status: 'met' },
      paper_process: { status: 'met', note: 'Legal review takes 3 weeks' },
      competition: { status: 'unknown', note: 'Maybe Salesforce' },
    });
    const result = switchFramework(before, meddpicc, meddic);
    expect(result.kept).toEqual(['champion']);
    expect(result.dropped).toEqual(['paper_process', 'competition']);
  });

  it('maps the MEDDIC economic buyer to BANT authority but not MEDDIC metrics to budget', () => {
    const before = checklist('meddic', { metrics: { status: 'met' }, economic_buyer: { status: 'met' } });
    const result = switchFramework(before, meddic, bant);
    expect(result.checklist.answers).toEqual({ authority: { status: 'met', note: '' } });
    expect(result.dropped).toEqual(['metrics']);
  });

  it('maps FAINT funds to BANT budget and leaves FAINT interest behind', () => {
    const before = checklist('faint', { funds: { status: 'met' }, interest: { status: 'met' } });
    const result = switchFramework(before, faint, bant);
    expect(result.checklist.answers.budget?.status).toBe('met');
    expect(result.dropped).toEqual(['interest']);
  });

  it('does not list criteria that were never answered', () => {
    const before = checklist('bant', { budget: { status: 'unknown' } });
    expect(switchFramework(before, bant, champ)).toMatchObject({ kept: [], dropped: [] });
  });

  it('keeps a note written on a criterion still marked unknown', () => {
    const before = checklist('bant', { timeline: { status: 'unknown', note: 'Ask after the board meeting' } });
    const result = switchFramework(before, bant, getFramework('anum'));
    expect(result.checklist.answers.urgency).toEqual({ status: 'unknown', note: 'Ask after the board meeting' });
  });

  it('leaves the original checklist untouched', () => {
    const before = checklist('bant', { budget: { status: 'met' } });
    switchFramework(before, bant, champ);
    expect(before).toEqual(checklist('bant', { budget: { status: 'met' } }));
  });

  it('matches the criteria of a rep\'s own template by the words of their labels', () => {
    const custom = FrameworkSchema.parse({
      id: 'quick-check',
      name: 'Quick check',
      criteria: [
        { id: 'money_ok', label: 'Budget approved', questions: ['Is the budget approved?'] },
        { id: 'pain', label: 'Pain points', questions: ['What hurts?'] },
        { id: 'fit', label: 'Company fit', questions: ['Do they match our customer profile?'] },
      ],
      rule: { minMet: 2 },
    });
    const before = checklist('quick-check', {
      money_ok: { status: 'met', note: 'Signed off by the CFO' },
      pain: { status: 'met' },
      fit: { status: 'not_met' },
    });
    const result = switchFramework(before, custom, bant);
    expect(result.checklist.answers).toEqual({
      budget: { status: 'met', note: 'Signed off by the CFO' },
      need: { status: 'met', note: '' },
    });
    expect(result.dropped).toEqual(['fit']);
  });

  it('keeps the answer that says something when two criteria of a template mean the same', () => {
    const custom = FrameworkSchema.parse({
      id: 'double-money',
      name: 'Double money',
      criteria: [
        { id: 'funding', label: 'Funding', questions: ['Where does the money come from?'] },
        { id: 'budget', label: 'Budget', questions: ['Is there a budget?'] },
      ],
      rule: { minMet: 1 },
    });
    const before = checklist('double-money', { funding: { status: 'unknown', note: 'ask' }, budget: { status: 'not_met' } });
    const result = switchFramework(before, custom, bant);
    expect(result.checklist.answers.budget).toEqual({ status: 'not_met', note: '' });
    expect(result.kept).toEqual(['budget']);
    expect(result.dropped).toEqual(['funding']);
  });
});
