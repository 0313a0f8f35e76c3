import type { Framework } from '@/lib/model/framework';

/** A criterion as the editor holds it: text fields as typed, questions one per line. */
export interface CriterionDraft {
  /** Stable React key; a row keeps it when it moves. */
  key: string;
  /** Kept from the saved template so leads' answers stay attached when a label is reworded. */
  id?: string;
  label: string;
  questions: string;
  weight: string;
  required: boolean;
}

export interface TemplateDraft {
  id?: string;
  name: string;
  description: string;
  criteria: CriterionDraft[];
  /** Empty means every criterion must be met. */
  minMet: string;
}

let keys = 0;
const nextKey = () => `criterion-${++keys}`;

export function emptyCriterion(): CriterionDraft {
  return { key: nextKey(), label: '', questions: '', weight: '1', required: false };
}

export function newTemplateDraft(): TemplateDraft {
  return { name: '', description: '', criteria: [emptyCriterion()], minMet: '' };
}

export function draftFromTemplate(template: Framework): TemplateDraft {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    criteria: template.criteria.map((c) => ({
      key: nextKey(),
      id: c.id,
      label: c.label,
      questions: c.questions.join('\n'),
      weight: String(c.weight),
      required: c.required,
    })),
    minMet: String(template.rule.minMet),
  };
}

const numberOrNaN = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The draft in the shape validateTemplate reads; anything mistyped is passed on for it to name. */
export function templateInput(draft: TemplateDraft): Record<string, unknown> {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name,
    description: draft.description,
    criteria: draft.criteria.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      label: c.label,
      questions: c.questions,
      weight: numberOrNaN(c.weight),
      required: c.required,
    })),
    rule: draft.minMet.trim() === '' ? {} : { minMet: numberOrNaN(draft.minMet) },
  };
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
