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
    return { ok: false, errors: ['This template could not be read. It needs a name and a list of criteria.'] };
  }
  const errors: string[] = [];

  const name = text(input.name);
  if (!name) errors.push('A template needs a name.');
  else if (name.length > LIMITS.name) errors.push(`The name is longer than ${LIMITS.name} characters. Shorten it.`);

  const description = text(input.description);
  if (description.length > LIMITS.description) {
    errors.push(`The description is longer than ${LIMITS.description} characters. Shorten it.`);
  }

  const givenId = text(input.id);
  const id = givenId || slugify(name) || 'template';
  const builtIn = FRAMEWORKS.find((f) => f.id === id);
  const other = existing.find((f) => f.id === id);
  if (builtIn) {
    errors.push(
      givenId
        ? `The id "${id}" belongs to the built-in framework ${builtIn.name}. Choose another id.`
        : `A template called "${name}" would clash with the built-in framework ${builtIn.name}. Choose another name.`,
    );
  } else if (other) {
    errors.push(
      givenId
        ? `The id "${id}" is already used by your template "${other.name}". Choose another id.`
        : `A template called "${name}" clashes with your template "${other.name}". Choose another name.`,
    );
  }

  const rawCriteria = Array.isArray(input.criteria) ? input.criteria : [];
  if (rawCriteria.length === 0) errors.push('A template needs at least one criterion.');

  const criteria = rawCriteria.map((raw, index) => {
    const entry = isRecord(raw) ? raw : {};
    const label = text(entry.label);
    const called = label ? `"${label}"` : `Criterion ${index + 1}`;
    if (!label) errors.push(`Criterion ${index + 1} has no label. Give it a short name, such as "Budget".`);
    else if (label.length > LIMITS.label) errors.push(`The label of ${called} is longer than ${LIMITS.label} characters.`);

    const rawQuestions = questionList(entry.questions);
    const questions = rawQuestions.map(text).filter((q) => q !== '');
    if (questions.length === 0) {
      errors.push(`${called} needs at least one discovery question to ask the prospect.`);
    } else if (questions.length < rawQuestions.length && Array.isArray(entry.questions)) {
      errors.push(`${called} has an empty question. Write it out or remove it.`);
    }
    if (questions.some((q) => q.length > LIMITS.question)) {
      errors.push(`A question of ${called} is longer than ${LIMITS.question} characters.`);
    }

    const weight = entry.weight ?? 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      errors.push(`The weight of ${called} must be a number above 0.`);
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
      errors.push(`Two criteria are both called '${criterion.label}'. Rename one of them.`);
    } else if (idsSeen.has(criterion.id)) {
      errors.push(`Two criteria have the same id '${criterion.id}'. Give one of them a different label.`);
    }
    if (key) labelsSeen.add(key);
    idsSeen.add(criterion.id);
  }

  const required = criteria.filter((c) => c.required).length;
  const rule = isRecord(input.rule) ? input.rule : {};
  // Without a rule, every criterion must be met: the strictest reading of a checklist.
  const minMet = rule.minMet ?? criteria.length;
  if (typeof minMet !== 'number' || !Number.isInteger(minMet) || minMet < 0) {
    errors.push('The number of criteria a lead must meet has to be a whole number, 0 or more.');
  } else if (criteria.length > 0 && minMet > criteria.length) {
    errors.push(
      `The rule asks for ${minMet} criteria met, but the template has only ${criteria.length}, so no lead could ever qualify. Lower the number or add criteria.`,
    );
  } else if (criteria.length > 0 && minMet === 0 && required === 0) {
    errors.push(
      'The rule would call every lead qualified before a single question is answered. Ask for at least one criterion met, or mark one as required.',
    );
  }

  if (errors.length > 0) return { ok: false, errors };
  const parsed = FrameworkSchema.safeParse({ id, name, description, criteria, rule: { minMet }, builtIn: false });
  if (!parsed.success) {
    console.error('Template passed validation but not the schema', parsed.error);
    return { ok: false, errors: ['This template could not be saved. Check its name, criteria and questions.'] };
  }
  return { ok: true, framework: parsed.data };
}

/** How many leads are qualified with this template. */
export function templateUsage(templateId: string, leads: readonly Pick<Lead, 'checklist'>[]): number {
  return leads.filter((lead) => lead.checklist.frameworkId === templateId).length;
}

/** The warning shown before a template is deleted; leads using it fall back to BANT. */
export function describeTemplateDeletion(count: number, fallback: string = DEFAULT_FRAMEWORK.name): string {
  if (count <= 0) return 'No leads use this template.';
  if (count === 1) return `1 lead uses this template. Its answers will be kept but it will be moved to ${fallback}.`;
  return `${count} leads use this template. Their answers will be kept but they will be moved to ${fallback}.`;
}
