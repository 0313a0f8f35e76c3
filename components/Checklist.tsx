import { useId, useState } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { answerCriterion, setStage, switchLeadFramework } from '@/lib/db/leads';
import type { Criterion, Framework } from '@/lib/model/framework';
import type { CriterionStatus, Lead } from '@/lib/model/lead';
import { isQualified, offersMoveToQualified } from '@/lib/model/qualified';
import { LIMITS } from '@/lib/model/text';
import { FRAMEWORKS, getFramework } from '@/lib/qualify/frameworks';
import { checklistProgress } from '@/lib/qualify/progress';
import { describeRule } from './rule-text';
import { saveWithReport } from './save-with-report';

export interface ChecklistProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  /** The rep's own templates, offered next to the built-in frameworks. */
  templates: readonly Framework[];
  /** Receives a readable message when a write fails (the raw error goes to the console), '' after a success. */
  onError: (message: string) => void;
}

const STATUS_OPTIONS: readonly { status: CriterionStatus; label: string }[] = [
  { status: 'met', label: 'Met' },
  { status: 'not_met', label: 'Not met' },
  { status: 'unknown', label: 'Unknown' },
];

const STATUS_WORDS: Record<CriterionStatus, string> = { met: 'met', not_met: 'not met', unknown: 'unknown' };

export function Checklist({ db, now, lead, templates, onError }: ChecklistProps) {
  const headingId = useId();
  const frameworkId = useId();
  const [switchStatus, setSwitchStatus] = useState('');
  const framework = getFramework(lead.checklist.frameworkId, templates);
  const progress = checklistProgress(framework, lead.checklist);
  const alreadyQualified = isQualified(lead);

  async function save(action: () => Promise<unknown>): Promise<void> {
    await saveWithReport(action, onError);
  }

  async function switchTo(id: string) {
    if (id === framework.id) return;
    const before = lead.checklist;
    const from = framework;
    setSwitchStatus('');
    try {
      const { lead: after, dropped } = await switchLeadFramework(db, lead.id, id, now());
      onError('');
      setSwitchStatus(describeSwitch(from, getFramework(after.checklist.frameworkId, templates), before, dropped));
    } catch (error) {
      console.error(error);
      onError(describeStorageError(error));
    }
  }

  return (
    <section className="checklist" aria-labelledby={headingId}>
      <h3 id={headingId}>{framework.name} checklist</h3>
      <div className="row">
        <label htmlFor={frameworkId}>Framework</label>
        <select id={frameworkId} value={framework.id} onChange={(event) => void switchTo(event.target.value)}>
          {FRAMEWORKS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
          {templates.length > 0 && (
            <optgroup label="Your templates">
              {templates
                .filter((template) => !FRAMEWORKS.some((builtIn) => builtIn.id === template.id))
                .map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.name}
                  </option>
                ))}
            </optgroup>
          )}
        </select>
      </div>
      <p role="status" className="status">
        {switchStatus}
      </p>
      <p className="progress">{progress.summary}</p>
      {offersMoveToQualified(lead, progress.ruleMet) && (
        <div className="qualified">
          <p role="status">
            {framework.name} rule met: {progress.summary}
          </p>
          <button
            type="button"
            onClick={() =>
              void save(() => setStage(db, lead.id, 'qualified', now(), `${framework.name} ${progress.summary}`))
            }
          >
            Move to qualified
          </button>
        </div>
      )}
      {alreadyQualified && (
        <p className="muted">
          {lead.stage === 'customer' ? 'This lead is already a customer.' : 'This lead is already qualified.'}
        </p>
      )}
      {!progress.ruleMet && !alreadyQualified && (
        <p className="muted">Not qualified yet: {describeRule(framework, progress.missingRequired)}</p>
      )}
      {framework.criteria.map((criterion) => (
        <CriterionFields
          key={`${framework.id}:${criterion.id}`}
          criterion={criterion}
          lead={lead}
          onAnswer={(status, note) =>
            save(() => answerCriterion(db, lead.id, criterion.id, { status, note }, now()))
          }
        />
      ))}
    </section>
  );
}

function CriterionFields({
  criterion,
  lead,
  onAnswer,
}: {
  criterion: Criterion;
  lead: Lead;
  onAnswer: (status: CriterionStatus, note: string) => Promise<void>;
}) {
  const ids = useId();
  const saved = lead.checklist.answers[criterion.id];
  const status = saved?.status ?? 'unknown';
  const [note, setNote] = useState(saved?.note ?? '');

  return (
    <fieldset className="criterion">
      <legend>
        {criterion.label}
        {criterion.required ? ' (required)' : ''}
      </legend>
      <ul className="questions">
        {criterion.questions.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ul>
      <div className="choices">
        {STATUS_OPTIONS.map((option) => (
          <label key={option.status}>
            <input
              type="radio"
              name={`${ids}-status`}
              value={option.status}
              checked={status === option.status}
              // The note typed so far goes along, so a change of status never drops an unsaved note.
              onChange={() => void onAnswer(option.status, note)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <label htmlFor={`${ids}-note`} className="visually-hidden">
        {criterion.label} note
      </label>
      <input
        id={`${ids}-note`}
        type="text"
        className="note"
        placeholder="Note"
        maxLength={LIMITS.note}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onBlur={() => {
          if (note !== (saved?.note ?? '')) void onAnswer(status, note);
        }}
      />
    </fieldset>
  );
}

/** After a switch: which answers had no place in the new framework, with what they said, so the rep can re-enter them. */
function describeSwitch(from: Framework, to: Framework, before: Lead['checklist'], dropped: readonly string[]): string {
  const now = `Now qualifying with ${to.name}.`;
  if (dropped.length === 0) return now;
  const lost = from.criteria
    .filter((criterion) => dropped.includes(criterion.id))
    .map((criterion) => {
      const answer = before.answers[criterion.id];
      const said = [answer ? STATUS_WORDS[answer.status] : '', answer?.note ? `"${answer.note}"` : ''].filter(Boolean);
      return said.length > 0 ? `${criterion.label} (${said.join(', ')})` : criterion.label;
    });
  return `${now} ${lost.length === 1 ? 'This answer' : 'These answers'} did not carry over: ${lost.join('; ')}.`;
}
