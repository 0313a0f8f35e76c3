import { describe, expect, it } from 'vitest';
import { FrameworkSchema, type Framework } from '@/lib/model/framework';
import { describeTemplateDeletion, slugify, templateUsage, validateTemplate } from '@/lib/qualify/templates';
import { inBrowserLanguage } from '../../locale-messages';

const partnerFit = {
  name: 'Partner fit',
  description: 'For agencies that resell us.',
  criteria: [
    { label: 'Client base', questions: ['How many clients could use this?'] },
    { label: 'Budget', questions: ['Who pays for the licences: you or your clients?'], required: true },
    { label: 'Technical skills', questions: ['Who on your team would set it up?'], weight: 2 },
  ],
  rule: { minMet: 2 },
};

function errorsOf(input: unknown, existing: readonly Framework[] = []): string[] {
  const result = validateTemplate(input, existing);
  return result.ok ? [] : result.errors;
}

function withCriteria(criteria: unknown[], rule: unknown = { minMet: 1 }) {
  return { ...partnerFit, criteria, rule };
}

describe('validateTemplate', () => {
  it('accepts a well-formed template and derives ids from the name and labels', () => {
    const result = validateTemplate(partnerFit, []);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.framework.id).toBe('partner-fit');
    expect(result.framework.builtIn).toBe(false);
    expect(result.framework.criteria.map((c) => c.id)).toEqual(['client_base', 'budget', 'technical_skills']);
    expect(result.framework.criteria[2]?.weight).toBe(2);
    expect(result.framework.rule.minMet).toBe(2);
  });

  it('asks for every criterion to be met when no rule is given', () => {
    const { rule: _rule, ...noRule } = partnerFit;
    const result = validateTemplate(noRule, []);
    expect(result.ok && result.framework.rule.minMet).toBe(3);
  });

  it('accepts questions typed one per line in a single text box', () => {
    const result = validateTemplate(withCriteria([{ label: 'Need', questions: 'What hurts?\nSince when?\n' }]), []);
    expect(result.ok && result.framework.criteria[0]?.questions).toEqual(['What hurts?', 'Since when?']);
  });

  it('refuses something that is not a template at all', () => {
    expect(errorsOf('BANT but better')).toEqual(['This template could not be read. It needs a name and a list of criteria.']);
  });

  it('refuses a template without a name', () => {
    expect(errorsOf({ ...partnerFit, name: '  ' })).toContain('A template needs a name.');
  });

  it('refuses a template without criteria', () => {
    expect(errorsOf(withCriteria([]))).toEqual(['A template needs at least one criterion.']);
  });

  it('refuses two criteria with the same label, whatever their case', () => {
    const errors = errorsOf(
      withCriteria([
        { label: 'Budget', questions: ['Is there a budget?'] },
        { label: 'budget', questions: ['How much?'] },
      ]),
    );
    expect(errors).toEqual(["Two criteria are both called 'budget'. Rename one of them."]);
  });

  it('refuses two criteria whose ids collide', () => {
    const errors = errorsOf(
      withCriteria([
        { id: 'money', label: 'Budget', questions: ['Is there a budget?'] },
        { id: 'money', label: 'Funds', questions: ['Could funds be found?'] },
      ]),
    );
    expect(errors).toEqual(["Two criteria have the same id 'money'. Give one of them a different label."]);
  });

  it('refuses a name that would clash with a built-in framework', () => {
    expect(errorsOf({ ...partnerFit, name: 'Bant' })).toEqual([
      'A template called "Bant" would clash with the built-in framework BANT. Choose another name.',
    ]);
  });

  it('refuses a name already used by another of the rep\'s templates', () => {
    const existing = FrameworkSchema.parse({ ...partnerFit, id: 'partner-fit', criteria: [{ id: 'a', label: 'A', questions: ['A?'] }] });
    expect(errorsOf({ ...partnerFit, name: 'Partner Fit!' }, [existing])).toEqual([
      'A template called "Partner Fit!" clashes with your template "Partner fit". Choose another name.',
    ]);
  });

  it('refuses an explicit id that belongs to a built-in framework', () => {
    expect(errorsOf({ ...partnerFit, id: 'meddic' })).toEqual([
      'The id "meddic" belongs to the built-in framework MEDDIC. Choose another id.',
    ]);
  });

  it('refuses a rule asking for more criteria than the template has', () => {
    expect(errorsOf({ ...partnerFit, rule: { minMet: 4 } })).toEqual([
      'The rule asks for 4 criteria met, but the template has only 3, so no lead could ever qualify. Lower the number or add criteria.',
    ]);
  });

  it('accepts more required criteria than the rule\'s minimum', () => {
    const allRequired = withCriteria(
      partnerFit.criteria.map((c) => ({ ...c, required: true })),
      { minMet: 1 },
    );
    expect(validateTemplate(allRequired, []).ok).toBe(true);
  });

  it('refuses a rule that qualifies every lead before anything is answered', () => {
    expect(errorsOf({ ...partnerFit, criteria: partnerFit.criteria.map((c) => ({ ...c, required: false })), rule: { minMet: 0 } })).toEqual([
      'The rule would call every lead qualified before a single question is answered. Ask for at least one criterion met, or mark one as required.',
    ]);
  });

  it('accepts a minimum of 0 when a criterion is required', () => {
    expect(validateTemplate({ ...partnerFit, rule: { minMet: 0 } }, []).ok).toBe(true);
  });

  it('refuses a rule that is not a whole number', () => {
    expect(errorsOf({ ...partnerFit, rule: { minMet: 1.5 } })).toEqual([
      'The number of criteria a lead must meet has to be a whole number, 0 or more.',
    ]);
  });

  it('refuses a criterion without a label', () => {
    expect(errorsOf(withCriteria([{ label: '', questions: ['Is there a budget?'] }]))).toEqual([
      'Criterion 1 has no label. Give it a short name, such as "Budget".',
    ]);
  });

  it('refuses a criterion without a discovery question', () => {
    expect(errorsOf(withCriteria([{ label: 'Budget', questions: [] }]))).toEqual([
      '"Budget" needs at least one discovery question to ask the prospect.',
    ]);
  });

  it('refuses an empty question in the list', () => {
    expect(errorsOf(withCriteria([{ label: 'Budget', questions: ['Is there a budget?', ' '] }]))).toEqual([
      '"Budget" has an empty question. Write it out or remove it.',
    ]);
  });

  it('refuses a weight of 0', () => {
    expect(errorsOf(withCriteria([{ label: 'Budget', questions: ['Is there a budget?'], weight: 0 }]))).toEqual([
      'The weight of "Budget" must be a number above 0.',
    ]);
  });

  it('refuses a label longer than 80 characters', () => {
    const label = 'B'.repeat(81);
    expect(errorsOf(withCriteria([{ label, questions: ['Is there a budget?'] }]))).toEqual([
      `The label of "${label}" is longer than 80 characters.`,
    ]);
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ name: '', criteria: [] })).toEqual(['A template needs a name.', 'A template needs at least one criterion.']);
  });
});

describe('slugify', () => {
  it('turns a label into a readable id without accents or punctuation', () => {
    expect(slugify('Décision-maker (Ops)!')).toBe('decision-maker-ops');
  });

  it('uses the separator it is given', () => {
    expect(slugify('Economic buyer', '_')).toBe('economic_buyer');
  });
});

describe('template deletion', () => {
  const leads = [
    { checklist: { frameworkId: 'partner-fit', answers: {} } },
    { checklist: { frameworkId: 'bant', answers: {} } },
    { checklist: { frameworkId: 'partner-fit', answers: {} } },
  ];

  it('counts the leads that use a template', () => {
    expect(templateUsage('partner-fit', leads)).toBe(2);
  });

  it('warns that several leads will move to BANT', () => {
    expect(describeTemplateDeletion(3)).toBe('3 leads use this template. Their answers will be kept but they will be moved to BANT.');
  });

  it('warns in the singular for one lead', () => {
    expect(describeTemplateDeletion(1)).toBe('1 lead uses this template. Its answers will be kept but it will be moved to BANT.');
  });

  it('says so when no lead uses the template', () => {
    expect(describeTemplateDeletion(0)).toBe('No leads use this template.');
  });
});

describe('in the rep’s language', () => {
  it('says what to fix in German, with the criterion named as written and numbers written the German way', async () => {
    const result = await inBrowserLanguage('de', 'de-DE', () =>
      validateTemplate({ ...partnerFit, name: 'Partner-Eignung', criteria: [...partnerFit.criteria, { label: '', questions: [] }] }, []),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'Kriterium 4 hat keine Bezeichnung. Geben Sie ihm einen kurzen Namen, z. B. „Budget“.',
        'Kriterium 4 braucht mindestens eine Frage an den Interessenten.',
      ],
    });
  });

  it('counts the leads a deletion moves in the rep’s locale', async () => {
    expect(await inBrowserLanguage('fr', 'fr-FR', () => describeTemplateDeletion(1234, 'BANT'))).toBe(
      '1\u202f234 leads utilisent ce modèle. Leurs réponses seront conservées, mais ils passeront à BANT.',
    );
  });
});
