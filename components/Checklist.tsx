import { useId, useState } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { answerCriterion, setStage } from '@/lib/db/leads';
import type { Criterion } from '@/lib/model/framework';
import type { CriterionStatus, Lead } from '@/lib/model/lead';
import { LIMITS } from '@/lib/model/text';
import { getFramework } from '@/lib/qualify/frameworks';
import { checklistProgress } from '@/lib/qualify/progress';

export interface ChecklistProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  /** Receives a readable message when a write fails (the raw error goes to the console), '' after a success. */
  onError: (message: string) => void;
}

const STATUS_OPTIONS: readonly { status: CriterionStatus; label: string }[] = [
  { status: 'met', label: 'Met' },
  { status: 'not_met', label: 'Not met' },
  { status: 'unknown', label: 'Unknown' },
];

export function Checklist({ db, now, lead, onError }: ChecklistProps) {
  const headingId = useId();
  const framework = getFramework(lead.checklist.frameworkId);
  const progress = checklistProgress(framework, lead.checklist);
  const alreadyQualified = lead.stage === 'qualified' || lead.stage === 'customer';

  async function save(action: () => Promise<unknown>) {
    try {
      await action();
      onError('');
    } catch (error) {
      console.error(error);
      onError(describeStorageError(error));
    }
  }

  const requiredLabels = framework.criteria
    .filter((criterion) => progress.missingRequired.includes(criterion.id))
    .map((criterion) => criterion.label);

  return (
    <section className="checklist" aria-labelledby={headingId}>
      <h3 id={headingId}>{framework.name} checklist</h3>
      <p className="progress">{progress.summary}</p>
      {progress.qualified && !alreadyQualified && (
        <div className="qualified">
          <p role="status">
            Qualified by {framework.name}: {progress.summary}
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
      {!progress.qualified && !alreadyQualified && (
        <p className="muted">
          Qualifies when {framework.rule.minMet} of {progress.total} are met
          {requiredLabels.length > 0 ? `, including ${requiredLabels.join(', ')}` : ''}.
        </p>
      )}
      {framework.criteria.map((criterion) => (
        <CriterionFields
          key={criterion.id}
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
