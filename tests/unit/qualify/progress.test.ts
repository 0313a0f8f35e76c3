import { describe, expect, it } from 'vitest';
import { FrameworkSchema, type Framework } from '@/lib/model/framework';
import { ChecklistSchema, type Checklist, type CriterionStatus } from '@/lib/model/lead';
import { FRAMEWORKS, getFramework } from '@/lib/qualify/frameworks';
import { checklistProgress, setAnswer } from '@/lib/qualify/progress';

const bant = getFramework('bant');

function checklist(answers: Record<string, CriterionStatus>): Checklist {
  return ChecklistSchema.parse({
    frameworkId: 'bant',
    answers: Object.fromEntries(Object.entries(answers).map(([id, status]) => [id, { status }])),
  });
}

describe('framework registry', () => {
  it('lists BANT with its four criteria and a 3-of-4 rule', () => {
    expect(FRAMEWORKS.map((f) => f.id)).toContain('bant');
    expect(bant.criteria.map((c) => c.id)).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(bant.rule.minMet).toBe(3);
  });

  it('gives every BANT criterion a label and at least one discovery question', () => {
    for (const criterion of bant.criteria) {
      expect(criterion.label).not.toBe('');
      expect(criterion.questions.length).toBeGreaterThan(0);
    }
  });

  it('falls back to BANT for an unknown framework id', () => {
    expect(getFramework('no-such-framework').id).toBe('bant');
  });
});

describe('BANT progress', () => {
  it('does not qualify a lead with 2 of 4 met', () => {
    const progress = checklistProgress(bant, checklist({ budget: 'met', need: 'met', authority: 'not_met' }));
    expect(progress.ruleMet).toBe(false);
    expect(progress.summary).toBe('2 of 4 met');
  });

  it('qualifies a lead with 3 of 4 met', () => {
    const progress = checklistProgress(bant, checklist({ budget: 'met', authority: 'met', need: 'met', timeline: 'not_met' }));
    expect(progress.ruleMet).toBe(true);
    expect(progress.summary).toBe('3 of 4 met');
  });

  it('counts unanswered criteria as unknown', () => {
    const progress = checklistProgress(bant, checklist({ budget: 'met', authority: 'not_met' }));
    expect(progress).toMatchObject({ met: 1, notMet: 1, unknown: 2, total: 4 });
  });

  it('does not qualify an empty checklist', () => {
    const progress = checklistProgress(bant, checklist({}));
    expect(progress).toMatchObject({ met: 0, unknown: 4, ruleMet: false, summary: '0 of 4 met' });
  });

  it('ignores answers for criteria the framework does not have', () => {
    const progress = checklistProgress(bant, checklist({ budget: 'met', authority: 'met', champion: 'met' }));
    expect(progress.met).toBe(2);
    expect(progress.ruleMet).toBe(false);
  });
});

describe('required criteria', () => {
  const needRequired: Framework = FrameworkSchema.parse({
    id: 'need-first',
    name: 'Need first',
    criteria: [
      { id: 'budget', label: 'Budget', questions: ['Budget?'] },
      { id: 'authority', label: 'Authority', questions: ['Authority?'] },
      { id: 'need', label: 'Need', questions: ['Need?'], required: true },
      { id: 'timeline', label: 'Timeline', questions: ['Timeline?'] },
    ],
    rule: { minMet: 3 },
  });

  it('does not qualify a lead with enough criteria met but a required one missing', () => {
    const progress = checklistProgress(needRequired, checklist({ budget: 'met', authority: 'met', timeline: 'met' }));
    expect(progress.ruleMet).toBe(false);
    expect(progress.missingRequired).toEqual(['need']);
  });

  it('qualifies a lead once the required criterion is met too', () => {
    const progress = checklistProgress(needRequired, checklist({ budget: 'met', authority: 'met', need: 'met' }));
    expect(progress.ruleMet).toBe(true);
    expect(progress.missingRequired).toEqual([]);
  });
});

describe('setAnswer', () => {
  it('returns a new checklist and leaves the original untouched', () => {
    const before = checklist({ budget: 'unknown' });
    const after = setAnswer(before, 'budget', { status: 'met', note: '50k approved for Q3' });
    expect(after.answers.budget).toEqual({ status: 'met', note: '50k approved for Q3' });
    expect(before.answers.budget).toEqual({ status: 'unknown', note: '' });
  });

  it('keeps the existing note when only the status changes', () => {
    const withNote = setAnswer(checklist({}), 'timeline', { status: 'unknown', note: 'Ask after the board meeting' });
    const after = setAnswer(withNote, 'timeline', { status: 'met' });
    expect(after.answers.timeline).toEqual({ status: 'met', note: 'Ask after the board meeting' });
  });
});
