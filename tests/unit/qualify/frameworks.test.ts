import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '@/lib/model/framework';
import { ChecklistSchema, type Checklist } from '@/lib/model/lead';
import { FRAMEWORKS, getFramework } from '@/lib/qualify/frameworks';
import { checklistProgress } from '@/lib/qualify/progress';

function metOnly(frameworkId: string, ...ids: string[]): Checklist {
  return ChecklistSchema.parse({
    frameworkId,
    answers: Object.fromEntries(ids.map((id) => [id, { status: 'met' }])),
  });
}

/** For each framework: a realistic qualified checklist and one just short of it. */
const RULES = [
  { id: 'bant', qualified: ['budget', 'need', 'timeline'], notQualified: ['budget', 'need'] },
  { id: 'champ', qualified: ['challenges', 'authority', 'prioritization'], notQualified: ['challenges', 'authority', 'money'] },
  {
    id: 'meddic',
    qualified: ['economic_buyer', 'identify_pain', 'champion'],
    notQualified: ['metrics', 'decision_criteria', 'decision_process', 'identify_pain', 'champion'],
  },
  {
    id: 'meddpicc',
    qualified: ['economic_buyer', 'identify_pain', 'champion'],
    notQualified: ['metrics', 'economic_buyer', 'paper_process', 'identify_pain', 'competition'],
  },
  { id: 'anum', qualified: ['authority', 'need'], notQualified: ['need', 'urgency', 'money'] },
  {
    id: 'gpctba-ci',
    qualified: ['goals', 'challenges', 'timeline', 'authority'],
    notQualified: ['goals', 'plans', 'challenges', 'budget', 'authority', 'negative_consequences', 'positive_implications'],
  },
  { id: 'faint', qualified: ['funds', 'authority', 'interest'], notQualified: ['funds', 'authority', 'need', 'timing'] },
] as const;

describe('built-in frameworks', () => {
  it('lists the seven built-in frameworks in the order the UI shows them', () => {
    expect(FRAMEWORKS.map((f) => f.name)).toEqual(['BANT', 'CHAMP', 'MEDDIC', 'MEDDPICC', 'ANUM', 'GPCTBA/C&I', 'FAINT']);
  });

  it('gives every criterion of every framework a label and at least one discovery question', () => {
    for (const framework of FRAMEWORKS) {
      for (const criterion of framework.criteria) {
        expect(criterion.label.trim(), `${framework.id}.${criterion.id}`).not.toBe('');
        expect(criterion.questions.length, `${framework.id}.${criterion.id}`).toBeGreaterThan(0);
        for (const question of criterion.questions) expect(question).toMatch(/\?$/);
      }
    }
  });

  it('uses unique framework ids and unique criterion ids within each framework', () => {
    expect(new Set(FRAMEWORKS.map((f) => f.id)).size).toBe(FRAMEWORKS.length);
    for (const framework of FRAMEWORKS) {
      expect(new Set(framework.criteria.map((c) => c.id)).size, framework.id).toBe(framework.criteria.length);
    }
  });

  it('marks every framework as built in', () => {
    expect(FRAMEWORKS.every((f) => f.builtIn)).toBe(true);
  });

  it('asks for exactly the required criteria in every framework but BANT', () => {
    for (const framework of FRAMEWORKS.filter((f) => f.id !== 'bant')) {
      const required = framework.criteria.filter((c) => c.required).length;
      expect(required, framework.id).toBeGreaterThan(0);
      expect(framework.rule.minMet, framework.id).toBe(required);
    }
  });

  it('gives MEDDPICC the MEDDIC criteria plus paper process and competition, in acronym order', () => {
    expect(getFramework('meddpicc').criteria.map((c) => c.id)).toEqual([
      'metrics',
      'economic_buyer',
      'decision_criteria',
      'decision_process',
      'paper_process',
      'identify_pain',
      'champion',
      'competition',
    ]);
  });

  it('has a qualified and a not-qualified example for every framework', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(FRAMEWORKS.map((f) => f.id).sort());
  });

  describe.each(RULES)('$id rule', ({ id, qualified, notQualified }) => {
    it(`qualifies a lead with ${qualified.join(', ')} met`, () => {
      expect(checklistProgress(getFramework(id), metOnly(id, ...qualified)).ruleMet).toBe(true);
    });

    it(`does not qualify a lead with ${notQualified.join(', ')} met`, () => {
      expect(checklistProgress(getFramework(id), metOnly(id, ...notQualified)).ruleMet).toBe(false);
    });
  });
});

describe('getFramework', () => {
  const custom = FrameworkSchema.parse({
    id: 'fit-first',
    name: 'Fit first',
    criteria: [{ id: 'fit', label: 'Fit', questions: ['Does the company match our ideal customer profile?'] }],
    rule: { minMet: 1 },
  });

  it('finds a built-in framework by id', () => {
    expect(getFramework('meddic').name).toBe('MEDDIC');
  });

  it('finds one of the rep\'s own templates when given them', () => {
    expect(getFramework('fit-first', [custom])).toBe(custom);
  });

  it('prefers the built-in framework when a template reuses its id', () => {
    const impostor = { ...custom, id: 'champ' };
    expect(getFramework('champ', [impostor]).name).toBe('CHAMP');
  });

  it('falls back to BANT for a deleted template', () => {
    expect(getFramework('fit-first').id).toBe('bant');
  });
});
