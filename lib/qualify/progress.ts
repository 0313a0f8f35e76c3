import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { Framework } from '@/lib/model/framework';
import type { Checklist, CriterionStatus } from '@/lib/model/lead';

export interface ChecklistProgress {
  met: number;
  notMet: number;
  unknown: number;
  total: number;
  /**
   * The framework's rule is met. This does not make the lead qualified (lib/model/qualified.ts): it
   * offers the rep the move to the Qualified stage.
   */
  ruleMet: boolean;
  /** Ids of required criteria that are not met yet. */
  missingRequired: string[];
  /** e.g. "3 of 4 met", in the UI language. */
  summary: string;
}

/** Count answers against the framework's criteria; answers for criteria the framework lacks are ignored. */
export function checklistProgress(framework: Framework, checklist: Checklist): ChecklistProgress {
  let met = 0;
  let notMet = 0;
  let unknown = 0;
  const missingRequired: string[] = [];
  for (const criterion of framework.criteria) {
    const status = checklist.answers[criterion.id]?.status ?? 'unknown';
    if (status === 'met') met++;
    else if (status === 'not_met') notMet++;
    else unknown++;
    if (criterion.required && status !== 'met') missingRequired.push(criterion.id);
  }
  const total = framework.criteria.length;
  return {
    met,
    notMet,
    unknown,
    total,
    ruleMet: met >= framework.rule.minMet && missingRequired.length === 0,
    missingRequired,
    // Worded only when read: the lead table measures every lead and never shows this.
    get summary() {
      return progressText(met, total);
    },
  };
}

/** A new checklist with one answer changed; leaving `note` out keeps the note already written. */
export function setAnswer(
  checklist: Checklist,
  criterionId: string,
  answer: { status: CriterionStatus; note?: string },
): Checklist {
  const previousNote = checklist.answers[criterionId]?.note ?? '';
  return {
    ...checklist,
    answers: {
      ...checklist.answers,
      [criterionId]: { status: answer.status, note: answer.note ?? previousNote },
    },
  };
}

/** "3 of 4 met", with the numbers as the rep's locale writes them. */
/**
 * Why a met checklist moved a lead to Qualified, as its stage history keeps it: "BANT 3 of 4 met".
 * lib/db/leads.ts recognises this same text to log the move as a checklist event, which the activity
 * log then words in whatever language the rep reads it in.
 */
export function checklistReason(framework: Pick<Framework, 'name'>, progress: Pick<ChecklistProgress, 'summary'>): string {
  return `${framework.name} ${progress.summary}`;
}

export function progressText(met: number, total: number): string {
  const formats = uiFormats();
  return t('lead.checklist.progress', { met: formats.count(met), total: formats.count(total) });
}
