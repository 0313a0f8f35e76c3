import { describe, expect, it } from 'vitest';
import { ChecklistSchema, type Checklist } from '@/lib/model/lead';
import { getFramework } from '@/lib/qualify/frameworks';
import { currentCriterion, startWalkthrough, walkthroughKey, type WalkthroughState } from '@/lib/qualify/walkthrough';

const bant = getFramework('bant');

function checklist(answers: Record<string, { status: string; note?: string }> = {}): Checklist {
  return ChecklistSchema.parse({ frameworkId: 'bant', answers });
}

function press(state: WalkthroughState, ...keys: string[]): WalkthroughState {
  return keys.reduce((s, key) => walkthroughKey(s, key).state, state);
}

describe('guided walk-through', () => {
  it('starts at the first criterion not answered yet', () => {
    const state = startWalkthrough(bant, checklist({ budget: { status: 'met' }, authority: { status: 'not_met' } }));
    expect(currentCriterion(state)?.id).toBe('need');
  });

  it('starts at the first criterion when everything is answered', () => {
    const all = Object.fromEntries(bant.criteria.map((c) => [c.id, { status: 'met' }]));
    expect(startWalkthrough(bant, checklist(all)).index).toBe(0);
  });

  it('records "met" on 1 and moves to the next criterion', () => {
    const step = walkthroughKey(startWalkthrough(bant, checklist()), '1');
    expect(step.answer).toEqual({ criterionId: 'budget', status: 'met' });
    expect(step.state.checklist.answers.budget?.status).toBe('met');
    expect(currentCriterion(step.state)?.id).toBe('authority');
  });

  it('records "not met" on 2', () => {
    expect(walkthroughKey(startWalkthrough(bant, checklist()), '2').answer).toEqual({ criterionId: 'budget', status: 'not_met' });
  });

  it('records "unknown" on 3 over an earlier answer', () => {
    const state = { ...startWalkthrough(bant, checklist({ budget: { status: 'met' } })), index: 0 };
    expect(walkthroughKey(state, '3').answer).toEqual({ criterionId: 'budget', status: 'unknown' });
  });

  it('keeps the note when the status changes', () => {
    const state = startWalkthrough(bant, checklist({ budget: { status: 'unknown', note: 'CFO decides in June' } }));
    expect(walkthroughKey(state, '1').state.checklist.answers.budget).toEqual({ status: 'met', note: 'CFO decides in June' });
  });

  it('has nothing to save when the answer given is the one already there', () => {
    const step = walkthroughKey(startWalkthrough(bant, checklist()), '3');
    expect(step.answer).toBeUndefined();
    expect(currentCriterion(step.state)?.id).toBe('authority');
  });

  it('skips a criterion on Enter without answering it', () => {
    const step = walkthroughKey(startWalkthrough(bant, checklist()), 'Enter');
    expect(step.answer).toBeUndefined();
    expect(currentCriterion(step.state)?.id).toBe('authority');
  });

  it('finishes after the last criterion', () => {
    const state = press(startWalkthrough(bant, checklist()), '1', '1', '2', 'Enter');
    expect(state.status).toBe('finished');
    expect(currentCriterion(state)).toBeUndefined();
  });

  it('goes back with the left arrow and forward with the right arrow', () => {
    const start = startWalkthrough(bant, checklist({ budget: { status: 'met' } }));
    expect(currentCriterion(press(start, 'ArrowLeft'))?.id).toBe('budget');
    expect(currentCriterion(press(start, 'ArrowRight'))?.id).toBe('need');
  });

  it('stays on the first and last criterion at either end', () => {
    const start = startWalkthrough(bant, checklist());
    expect(press(start, 'ArrowLeft').index).toBe(0);
    expect(press(start, 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight')).toMatchObject({ index: 3, status: 'active' });
  });

  it('leaves on Escape and then ignores further keys', () => {
    const left = press(startWalkthrough(bant, checklist()), 'Escape');
    expect(left.status).toBe('left');
    expect(walkthroughKey(left, '1')).toEqual({ state: left, handled: false });
  });

  it('lets keys it does not use through', () => {
    const start = startWalkthrough(bant, checklist());
    expect(walkthroughKey(start, 'a')).toEqual({ state: start, handled: false });
  });
});
