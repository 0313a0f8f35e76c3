import type { Criterion, Framework } from '@/lib/model/framework';
import type { Checklist, CriterionStatus } from '@/lib/model/lead';
import { setAnswer } from './progress';

/**
 * The guided walk-through: one criterion at a time, answered from the keyboard.
 * '1' met, '2' not met, '3' unknown (each records the answer and moves on), Enter or → skips to
 * the next criterion, ← goes back, Escape leaves. Enter on the last criterion finishes.
 */
export interface WalkthroughState {
  framework: Framework;
  checklist: Checklist;
  /** Index into `framework.criteria` of the criterion on screen. */
  index: number;
  status: 'active' | 'finished' | 'left';
}

export interface WalkthroughStep {
  state: WalkthroughState;
  /** The answer to save, when the key changed one. */
  answer?: { criterionId: string; status: CriterionStatus };
  /** False for keys the walk-through ignores, so the component can let them through. */
  handled: boolean;
}

const ANSWER_KEYS: ReadonlyMap<string, CriterionStatus> = new Map([
  ['1', 'met'],
  ['2', 'not_met'],
  ['3', 'unknown'],
]);

/** Starts at the first criterion without a met/not met answer, or at the first one when all are answered. */
export function startWalkthrough(framework: Framework, checklist: Checklist): WalkthroughState {
  const firstOpen = framework.criteria.findIndex((c) => (checklist.answers[c.id]?.status ?? 'unknown') === 'unknown');
  return { framework, checklist, index: Math.max(0, firstOpen), status: 'active' };
}

export function currentCriterion(state: WalkthroughState): Criterion | undefined {
  return state.status === 'active' ? state.framework.criteria[state.index] : undefined;
}

function moveOn(state: WalkthroughState): WalkthroughState {
  const last = state.framework.criteria.length - 1;
  return state.index >= last ? { ...state, status: 'finished' } : { ...state, index: state.index + 1 };
}

export function walkthroughKey(state: WalkthroughState, key: string): WalkthroughStep {
  const criterion = currentCriterion(state);
  if (!criterion) return { state, handled: false };

  const status = ANSWER_KEYS.get(key);
  if (status) {
    // Pressing the answer already given (unanswered counts as unknown) just moves on.
    if ((state.checklist.answers[criterion.id]?.status ?? 'unknown') === status) {
      return { state: moveOn(state), handled: true };
    }
    const answered = { ...state, checklist: setAnswer(state.checklist, criterion.id, { status }) };
    return { state: moveOn(answered), answer: { criterionId: criterion.id, status }, handled: true };
  }

  switch (key) {
    case 'Enter':
      return { state: moveOn(state), handled: true };
    case 'ArrowRight':
      return { state: { ...state, index: Math.min(state.index + 1, state.framework.criteria.length - 1) }, handled: true };
    case 'ArrowLeft':
      return { state: { ...state, index: Math.max(state.index - 1, 0) }, handled: true };
    case 'Escape':
      return { state: { ...state, status: 'left' }, handled: true };
    default:
      return { state, handled: false };
  }
}
