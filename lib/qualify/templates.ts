import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { FrameworkSchema, type Framework } from '@/lib/model/framework';
import type { Lead } from '@/lib/model/lead';
import { DEFAULT_FRAMEWORK, FRAMEWORKS } from './frameworks';

const LIMITS = { name: 80, description: 300, label: 80, question: 300 } as const;

export type TemplateValidation = { ok: true; framework: Framework } | { ok: false; errors: string[] };

/** "Decision-maker (Ops)" → "decision-maker-ops": lower case, accents dropped, anything else a separator. */
export function slugify(text: string, separator = '-'): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^${separator}+|${separator}+$`, 'g'), '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Questions may come as a list or, from a single text field, one per line. */
function questionList(value: unknown): unknown[] {
  if (typeof value === 'string') return value.split('\n');
  return Array.isArray(value) ? value : [];
}

/**
 * Checks a template the rep built (or imported) and returns it as a framework, or every problem
 * found, each in words that say what to fix. `existing` is the rep's other templates: when editing
 * one, leave it out so it does not clash with itself.
 */
export function validateTemplate(input: unknown, existing: readonly Framework[]): TemplateValidation {
  if (!isRecord(input)) {
    return { ok: false, errors: [t('lead.template.unreadable')] };
  }
  const errors: string[] = [];
  const count = uiFormats().count;

  const name = text(input.name);
  if (!name) errors.push(t('lead.template.needsName'));
  else if (name.length > LIMITS.name) errors.push(t('lead.template.nameTooLong', { max: count(LIMITS.name) }));

  const description = text(input.description);
  if (description.length > LIMITS.description) {
    errors.push(t('lead.template.descriptionTooLong', { max: count(LIMITS.description) }));
  }

  const givenId = text(input.id);
  const id = givenId || slugify(name) || 'template';
  const builtIn = FRAMEWORKS.find((f) => f.id === id);
  const other = existing.find((f) => f.id === id);
  if (builtIn) {
    errors.push(
      givenId
        ? t('lead.template.idIsBuiltIn', { id, framework: builtIn.name })
        : t('lead.template.nameIsBuiltIn', { name, framework: builtIn.name }),
    );
  } else if (other) {
    errors.push(
      givenId
        ? t('lead.template.idTaken', { id, other: other.name })
        : t('lead.template.nameTaken', { name, other: other.name }),
    );
  }

  const rawCriteria = Array.isArray(input.criteria) ? input.criteria : [];
  if (rawCriteria.length === 0) errors.push(t('lead.template.noCriteria'));

  const criteria = rawCriteria.map((raw, index) => {
    const entry = isRecord(raw) ? raw : {};
    const label = text(entry.label);
    const number = count(index + 1);
    const called = label ? t('lead.template.criterionCalled', { label }) : t('lead.template.criterionNumber', { number });
    if (!label) errors.push(t('lead.template.noLabel', { number }));
    else if (label.length > LIMITS.label) {
      errors.push(t('lead.template.labelTooLong', { criterion: called, max: count(LIMITS.label) }));
    }

    const rawQuestions = questionList(entry.questions);
    const questions = rawQuestions.map(text).filter((q) => q !== '');
    if (questions.length === 0) {
      errors.push(t('lead.template.noQuestion', { criterion: called }));
    } else if (questions.length < rawQuestions.length && Array.isArray(entry.questions)) {
      errors.push(t('lead.template.emptyQuestion', { criterion: called }));
    }
    if (questions.some((q) => q.length > LIMITS.question)) {
      errors.push(t('lead.template.questionTooLong', { criterion: called, max: count(LIMITS.question) }));
    }

    const weight = entry.weight ?? 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      errors.push(t('lead.template.badWeight', { criterion: called }));
    }
    return {
      id: text(entry.id) || slugify(label, '_') || `criterion_${index + 1}`,
      label,
      questions,
      weight,
      required: entry.required === true,
    };
  });

  const labelsSeen = new Set<string>();
  const idsSeen = new Set<string>();
  for (const criterion of criteria) {
    const key = criterion.label.toLowerCase();
    if (key && labelsSeen.has(key)) {
      errors.push(t('lead.template.sameLabel', { label: criterion.label }));
    } else if (idsSeen.has(criterion.id)) {
      errors.push(t('lead.template.sameId', { id: criterion.id }));
    }
    if (key) labelsSeen.add(key);
    idsSeen.add(criterion.id);
  }

  const required = criteria.filter((c) => c.required).length;
  const rule = isRecord(input.rule) ? input.rule : {};
  // Without a rule, every criterion must be met: the strictest reading of a checklist.
  const minMet = rule.minMet ?? criteria.length;
  if (typeof minMet !== 'number' || !Number.isInteger(minMet) || minMet < 0) {
    errors.push(t('lead.template.badMinMet'));
  } else if (criteria.length > 0 && minMet > criteria.length) {
    errors.push(t('lead.template.minMetTooHigh', { min: count(minMet), count: count(criteria.length) }));
  } else if (criteria.length > 0 && minMet === 0 && required === 0) {
    errors.push(t('lead.template.ruleTooLoose'));
  }

  if (errors.length > 0) return { ok: false, errors };
  const parsed = FrameworkSchema.safeParse({ id, name, description, criteria, rule: { minMet }, builtIn: false });
  if (!parsed.success) {
    console.error('Template passed validation but not the schema', parsed.error);
    return { ok: false, errors: [t('lead.template.unsaved')] };
  }
  return { ok: true, framework: parsed.data };
}

/** How many leads are qualified with this template. */
export function templateUsage(templateId: string, leads: readonly Pick<Lead, 'checklist'>[]): number {
  return leads.filter((lead) => lead.checklist.frameworkId === templateId).length;
}

/** The warning shown before a template is deleted; leads using it fall back to BANT. */
export function describeTemplateDeletion(count: number, fallback: string = DEFAULT_FRAMEWORK.name): string {
  const shown = Math.max(0, count);
  return t('lead.template.deletion', shown, [uiFormats().count(shown)], { fallback });
}
