import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { answerCriterion, setStage } from '@/lib/db/leads';
import type { Framework } from '@/lib/model/framework';
import type { CriterionStatus, Lead } from '@/lib/model/lead';
import { isQualified, offersMoveToQualified } from '@/lib/model/qualified';
import { LIMITS } from '@/lib/model/text';
import { uiFormats } from '@/lib/i18n/format';
import { checklistProgress, checklistReason, setAnswer } from '@/lib/qualify/progress';
import {
  currentCriterion,
  startWalkthrough,
  walkthroughKey,
  type WalkthroughState,
} from '@/lib/qualify/walkthrough';
import { Disqualify } from './Disqualify';
import { describeRule } from './rule-text';
import { saveWithReport } from './save-with-report';
import { Alert } from './Alert';

export interface WalkthroughProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  framework: Framework;
  /** Back to the lead's detail (Esc, or the button). */
  onLeave: () => void;
}

/** Each answer button is the same as pressing its key, so mouse and keyboard go through one path. */
const ANSWERS: readonly { status: CriterionStatus; label: () => string; key: string }[] = [
  { status: 'met', label: () => t('lead.checklist.met'), key: '1' },
  { status: 'not_met', label: () => t('lead.checklist.notMet'), key: '2' },
  { status: 'unknown', label: () => t('lead.checklist.unknown'), key: '3' },
];

/** The arrow keys' caps, the same in every language. */
const ARROW_LEFT = '\u2190';
const ARROW_RIGHT = '\u2192';

/** Keys that stay with a focused button or link: they press it. */
const ACTIVATION_KEYS = new Set(['Enter', ' ']);

function noteOf(state: WalkthroughState): string {
  const criterion = currentCriterion(state);
  return criterion ? (state.checklist.answers[criterion.id]?.note ?? '') : '';
}

/**
 * The guided walk-through: one criterion at a time, answered from the keyboard. The keys are
 * lib/qualify/walkthrough.ts's: 1 Met, 2 Not met, 3 Unknown, Enter next, ← → move, Esc back.
 *
 * Inside the note field typing is typing: digits and arrows are text there. Only Enter (save the
 * note and go to the next criterion; the field is one line, so Enter has no other use) and Esc
 * (save the note and leave the field, so a second Esc leaves the walk-through) act. On a focused
 * button, Enter and Space press that button; the other shortcuts still work.
 */
export function Walkthrough({ db, now, lead, framework, onLeave }: WalkthroughProps) {
  const ids = useId();
  const [state, setState] = useState(() => startWalkthrough(framework, lead.checklist));
  const [note, setNote] = useState(() => noteOf(state));
  const [error, setError] = useState('');
  const [moved, setMoved] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  // The newest stored lead, to fall back on when a write fails.
  const latest = useRef(lead);
  latest.current = lead;

  const criterion = currentCriterion(state);
  const progress = checklistProgress(framework, state.checklist);
  const alreadyQualified = isQualified(lead);
  const total = framework.criteria.length;
  const formats = uiFormats();

  // Each new criterion (and the end) is announced by moving focus to its heading.
  useEffect(() => headingRef.current?.focus(), [state.index, state.status]);

  async function write(action: () => Promise<unknown>): Promise<boolean> {
    const saved = await saveWithReport(action, setError);
    // Show what is really stored rather than the answer that failed to save.
    if (!saved) setState((current) => ({ ...current, checklist: latest.current.checklist }));
    return saved;
  }

  /** Saves the note typed so far (with the criterion's current status) when it changed. */
  function withNote(current: WalkthroughState): WalkthroughState {
    const on = currentCriterion(current);
    if (!on) return current;
    const saved = current.checklist.answers[on.id];
    if (note === (saved?.note ?? '')) return current;
    const answer = { status: saved?.status ?? 'unknown', note } as const;
    void write(() => answerCriterion(db, lead.id, on.id, answer, now()));
    return { ...current, checklist: setAnswer(current.checklist, on.id, answer) };
  }

  /** One key through the state machine; false when it is not a walk-through key. */
  function press(key: string): boolean {
    const on = currentCriterion(state);
    if (!on) {
      if (key !== 'Escape') return false;
      onLeave();
      return true;
    }
    const step = walkthroughKey(state, key);
    if (!step.handled) return false;
    let next = step.state;
    const saved = state.checklist.answers[on.id];
    if (step.answer) {
      // The note typed so far goes along with the answer, so answering never drops it.
      const answer = { status: step.answer.status, note };
      void write(() => answerCriterion(db, lead.id, on.id, answer, now()));
      next = { ...next, checklist: setAnswer(next.checklist, on.id, answer) };
    } else if (note !== (saved?.note ?? '')) {
      const answer = { status: saved?.status ?? 'unknown', note };
      void write(() => answerCriterion(db, lead.id, on.id, answer, now()));
      next = { ...next, checklist: setAnswer(next.checklist, on.id, answer) };
    }
    setState(next);
    setNote(noteOf(next));
    if (next.status === 'left') onLeave();
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target === noteRef.current) {
      if (event.key === 'Enter') {
        event.preventDefault();
        press('Enter');
      } else if (event.key === 'Escape') {
        // Leaving the field saves the note (onBlur); the walk-through itself stays open.
        event.preventDefault();
        headingRef.current?.focus();
      }
      return;
    }
    if (target.matches('input, select, textarea, [contenteditable="true"]')) return;
    if (target.matches('button, a[href]') && ACTIVATION_KEYS.has(event.key)) return;
    if (press(event.key)) event.preventDefault();
  }

  async function moveToQualified() {
    const done = await write(() =>
      setStage(
        db,
        lead.id,
        'qualified',
        now(),
        checklistReason(framework, progress),
      ),
    );
    if (done) {
      setMoved(t('lead.walkthrough.moved'));
      headingRef.current?.focus();
    }
  }

  const status = criterion ? (state.checklist.answers[criterion.id]?.status ?? 'unknown') : undefined;

  return (
    <section className="walkthrough" aria-labelledby={`${ids}-title`} onKeyDown={onKeyDown}>
      <div className="bar">
        <p id={`${ids}-title`} className="walkthrough-title">
          {t('lead.walkthrough.title', { framework: framework.name, name: lead.fullName })}
        </p>
        <button type="button" className="back" onClick={() => press('Escape')}>
          {t('lead.walkthrough.back')}
        </button>
      </div>

      <Alert message={error} />

      <p className="progress" aria-live="polite">
        {criterion
          ? t('lead.walkthrough.position', {
              index: formats.count(state.index + 1),
              total: formats.count(total),
              progress: progress.summary,
            })
          : t('lead.walkthrough.allSeen', { progress: progress.summary })}
      </p>

      {criterion ? (
        // A new element per criterion, so moving focus to its heading is announced each time.
        <div className="walkthrough-card" key={criterion.id}>
          <h2 ref={headingRef} tabIndex={-1} id={`${ids}-criterion`}>
            {criterion.required ? t('lead.checklist.required', { criterion: criterion.label }) : criterion.label}
          </h2>
          <ul className="questions" aria-label={t('lead.walkthrough.questions')}>
            {criterion.questions.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
          <div className="answers" role="group" aria-labelledby={`${ids}-criterion`}>
            {ANSWERS.map((option) => (
              <button
                key={option.status}
                type="button"
                className={status === option.status ? 'answer chosen' : 'answer secondary'}
                aria-pressed={status === option.status}
                aria-keyshortcuts={option.key}
                onClick={() => press(option.key)}
              >
                <kbd aria-hidden="true">{option.key}</kbd> {option.label()}
              </button>
            ))}
          </div>
          <label htmlFor={`${ids}-note`}>{t('lead.checklist.note')}</label>
          <input
            ref={noteRef}
            id={`${ids}-note`}
            type="text"
            className="note"
            maxLength={LIMITS.note}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            onBlur={() => setState(withNote(state))}
          />
        </div>
      ) : (
        <div className="walkthrough-card">
          <h2 ref={headingRef} tabIndex={-1}>
            {t('lead.walkthrough.complete')}
          </h2>
          <p>
            {progress.ruleMet
              ? t('lead.walkthrough.ruleMet', { framework: framework.name })
              : t('lead.walkthrough.notYet', {
                  framework: framework.name,
                  rule: describeRule(framework, progress.missingRequired),
                })}
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const again = startWalkthrough(framework, state.checklist);
              setState(again);
              setNote(noteOf(again));
            }}
          >
            {t('lead.walkthrough.again')}
          </button>
        </div>
      )}

      {offersMoveToQualified(lead, progress.ruleMet) && (
        <div className="qualified">
          <p role="status">{t('lead.checklist.ruleMet', { framework: framework.name, progress: progress.summary })}</p>
          <button type="button" onClick={() => void moveToQualified()}>
            {t('lead.checklist.moveToQualified')}
          </button>
        </div>
      )}
      {alreadyQualified && (
        <p className="muted" role={moved ? 'status' : undefined}>
          {moved ||
            (lead.stage === 'customer' ? t('lead.checklist.alreadyCustomer') : t('lead.checklist.alreadyQualified'))}
        </p>
      )}

      <div className="row">
        <Disqualify db={db} now={now} lead={lead} onDisqualified={onLeave} onError={setError} />
      </div>

      <p className="hint">
        {t('lead.walkthrough.keys')} <kbd>1</kbd> {t('lead.checklist.met')} · <kbd>2</kbd> {t('lead.checklist.notMet')} ·{' '}
        <kbd>3</kbd> {t('lead.checklist.unknown')} · <kbd>{t('lead.walkthrough.keyEnter')}</kbd> {t('lead.walkthrough.next')} ·{' '}
        <kbd>{ARROW_LEFT}</kbd> <kbd>{ARROW_RIGHT}</kbd> {t('lead.walkthrough.move')} · <kbd>{t('lead.walkthrough.keyEsc')}</kbd>{' '}
        {t('lead.walkthrough.backToLead')}. {t('lead.walkthrough.inNote')}
      </p>
    </section>
  );
}
