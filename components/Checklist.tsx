import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { answerCriterion, setStage, switchLeadFramework } from '@/lib/db/leads';
import type { Criterion, Framework } from '@/lib/model/framework';
import type { CriterionStatus, Lead } from '@/lib/model/lead';
import { isQualified, offersMoveToQualified } from '@/lib/model/qualified';
import { LIMITS } from '@/lib/model/text';
import { FRAMEWORKS, getFramework } from '@/lib/qualify/frameworks';
import { inUiLanguage } from '@/lib/qualify/frameworks/text';
import { checklistProgress, checklistReason } from '@/lib/qualify/progress';
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

/** Worded when rendered, so the labels follow the UI language. */
const STATUS_OPTIONS: readonly { status: CriterionStatus; label: () => string }[] = [
  { status: 'met', label: () => t('lead.checklist.met') },
  { status: 'not_met', label: () => t('lead.checklist.notMet') },
  { status: 'unknown', label: () => t('lead.checklist.unknown') },
];

const STATUS_WORDS: Record<CriterionStatus, () => string> = {
  met: () => t('lead.checklist.said.met'),
  not_met: () => t('lead.checklist.said.not_met'),
  unknown: () => t('lead.checklist.said.unknown'),
};

export function Checklist({ db, now, lead, templates, onError }: ChecklistProps) {
  const headingId = useId();
  const frameworkId = useId();
  const [switchStatus, setSwitchStatus] = useState('');
  const framework = inUiLanguage(getFramework(lead.checklist.frameworkId, templates));
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
      <h3 id={headingId}>{t('lead.checklist.heading', { framework: framework.name })}</h3>
      <div className="row">
        <label htmlFor={frameworkId}>{t('lead.checklist.framework')}</label>
        <select id={frameworkId} value={framework.id} onChange={(event) => void switchTo(event.target.value)}>
          {FRAMEWORKS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
          {templates.length > 0 && (
            <optgroup label={t('lead.checklist.yourTemplates')}>
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
          <p role="status">{t('lead.checklist.ruleMet', { framework: framework.name, progress: progress.summary })}</p>
          <button
            type="button"
            onClick={() =>
              void save(() =>
                setStage(
                  db,
                  lead.id,
                  'qualified',
                  now(),
                  checklistReason(framework, progress),
                ),
              )
            }
          >
            {t('lead.checklist.moveToQualified')}
          </button>
        </div>
      )}
      {alreadyQualified && (
        <p className="muted">
          {lead.stage === 'customer' ? t('lead.checklist.alreadyCustomer') : t('lead.checklist.alreadyQualified')}
        </p>
      )}
      {!progress.ruleMet && !alreadyQualified && (
        <p className="muted">{t('lead.checklist.notYet', { rule: describeRule(framework, progress.missingRequired) })}</p>
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
      <legend>{criterion.required ? t('lead.checklist.required', { criterion: criterion.label }) : criterion.label}</legend>
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
            {option.label()}
          </label>
        ))}
      </div>
      <label htmlFor={`${ids}-note`} className="visually-hidden">
        {t('lead.checklist.noteLabel', { criterion: criterion.label })}
      </label>
      <input
        id={`${ids}-note`}
        type="text"
        className="note"
        placeholder={t('lead.checklist.note')}
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
  if (dropped.length === 0) return t('lead.checklist.switched', { framework: to.name });
  const lost = from.criteria
    .filter((criterion) => dropped.includes(criterion.id))
    .map((criterion) => {
      const answer = before.answers[criterion.id];
      const said = [answer ? STATUS_WORDS[answer.status]() : '', answer?.note ? `"${answer.note}"` : ''].filter(Boolean);
      return said.length > 0 ? t('lead.checklist.lostAnswer', { criterion: criterion.label, said: said.join(', ') }) : criterion.label;
    });
  const answers = lost.join('; ');
  return lost.length === 1
    ? t('lead.checklist.lostOne', { framework: to.name, answers })
    : t('lead.checklist.lostMany', { framework: to.name, answers });
}
