import { useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { deleteLead, getLead, setNotes, setStage, timelineFor } from '@/lib/db/leads';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { Framework } from '@/lib/model/framework';
import { LEAD_CHECKS, StageSchema, type Lead } from '@/lib/model/lead';
import { LEAD_FORM_FIELDS } from '@/lib/model/lead-edit';
import { STAGES } from '@/lib/model/stage';
import { LIMITS } from '@/lib/model/text';
import { getFramework } from '@/lib/qualify/frameworks';
import { inUiLanguage } from '@/lib/qualify/frameworks/text';
import { scoreReasonText } from '@/lib/qualify/score-text';
import { Checklist } from './Checklist';
import { Disqualify } from './Disqualify';
import { InterestFields } from './InterestFields';
import { LeadFields } from './LeadFields';
import { Proposals } from './Proposals';
import { RemindMe } from './RemindMe';
import { useEscapeToGoBack } from './useEscapeToGoBack';
import { useTemplates } from './useTemplates';
import { Walkthrough } from './Walkthrough';
import { saveWithReport } from './save-with-report';
import { Alert } from './Alert';
import { ActivityEntry } from './ActivityEntry';

export interface LeadDetailProps {
  db: LeadlineDatabase;
  now: () => number;
  leadId: string;
  onBack: () => void;
  /** After any reminder write, so the background can reschedule alarms and the badge. */
  onRemindersChanged?: () => void;
  /** After the lead was deleted (the undo bar offers to bring it back). */
  onDeleted?: () => void;
}

const RECENT_ACTIVITY = 20;

/** Every field the details list edits; the channel has its own control under Interest. */
const DETAIL_FIELDS = LEAD_FORM_FIELDS.filter((field) => field !== 'channel');

export function LeadDetail({ db, now, leadId, onBack, onRemindersChanged, onDeleted }: LeadDetailProps) {
  // null: no such lead (deleted elsewhere); undefined: still loading.
  const lead = useLiveQuery(async () => (await getLead(db, leadId)) ?? null, [db, leadId]);
  const templates = useTemplates(db);
  const [walkingThrough, setWalkingThrough] = useState(false);
  // Where focus lands when the detail shows: the name on arrival, the walk-through's button on return.
  const [focusOnShow, setFocusOnShow] = useState<'name' | 'walkthrough'>('name');
  // Esc goes back to the list; in the walk-through it leaves the walk-through instead (its own keys).
  useEscapeToGoBack(onBack, !walkingThrough);

  if (lead && templates && walkingThrough) {
    return (
      <Walkthrough
        key={lead.id}
        db={db}
        now={now}
        lead={lead}
        framework={inUiLanguage(getFramework(lead.checklist.frameworkId, templates))}
        onLeave={() => {
          setFocusOnShow('walkthrough');
          setWalkingThrough(false);
        }}
      />
    );
  }

  return (
    <section className="lead-detail">
      <button type="button" className="back" onClick={onBack}>
        {t('lead.back')}
      </button>
      {lead === undefined || templates === undefined ? (
        <p className="muted">{t('lead.loading')}</p>
      ) : lead === null ? (
        <p className="empty">{t('lead.gone')}</p>
      ) : (
        <LeadView
          key={lead.id}
          db={db}
          now={now}
          lead={lead}
          templates={templates}
          focusOnShow={focusOnShow}
          onWalkthrough={() => setWalkingThrough(true)}
          onRemindersChanged={onRemindersChanged}
          onDeleted={onDeleted}
        />
      )}
    </section>
  );
}

interface LeadViewProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  templates: readonly Framework[];
  focusOnShow: 'name' | 'walkthrough';
  onWalkthrough: () => void;
  onRemindersChanged?: (() => void) | undefined;
  onDeleted?: (() => void) | undefined;
}

/**
 * One lead, laid out for work beside the page: who and which stage at the top, any change a
 * re-capture found, the checklist next (in view at 400×600), then reminders, notes and the log.
 * The contact details are one click away and each is editable where it is shown.
 */
function LeadView({ db, now, lead, templates, focusOnShow, onWalkthrough, onRemindersChanged, onDeleted }: LeadViewProps) {
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const walkthroughRef = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState('');
  const [notes, setNotesDraft] = useState(lead.notes);
  const [notesStatus, setNotesStatus] = useState('');
  const [detailsOpen, setDetailsOpen] = useState(false);
  const activities = useLiveQuery(() => timelineFor(db, lead), [db, lead.id, lead.source, lead.sourceList, lead.capturedAt]);

  // Arriving from the list, keyboard and screen-reader users start at the lead's name; back from
  // the walk-through, at the button that opened it.
  useEffect(() => (focusOnShow === 'walkthrough' ? walkthroughRef : headingRef).current?.focus(), []);

  function save(action: () => Promise<unknown>): Promise<boolean> {
    return saveWithReport(action, setError);
  }

  async function changeStage(value: string) {
    const stage = StageSchema.safeParse(value);
    if (!stage.success) return;
    await save(() => setStage(db, lead.id, stage.data, now()));
  }

  async function remove() {
    if (await save(() => deleteLead(db, lead.id, now()))) {
      onRemindersChanged?.();
      onDeleted?.();
    }
  }

  async function saveNotes() {
    setNotesStatus('');
    if (await save(() => setNotes(db, lead.id, notes, now()))) setNotesStatus(t('lead.notesSaved'));
  }

  const framework = getFramework(lead.checklist.frameworkId, templates);
  const role = [lead.title, lead.company].filter(Boolean).join(' · ');
  const reach = [lead.email, lead.phone ?? lead.phoneE164].filter(Boolean).join(' · ');

  return (
    <article className="lead-view" aria-labelledby={`${ids}-name`}>
      <div className="lead-head">
        <h2 id={`${ids}-name`} ref={headingRef} tabIndex={-1}>
          {lead.fullName}
        </h2>
        <button type="button" className="secondary danger" onClick={() => void remove()}>
          {t('lead.delete')}
        </button>
      </div>
      {role && <p className="lead-role">{role}</p>}
      {lead.headline && lead.headline !== lead.title && (
        <p className="lead-headline" title={lead.headline}>
          {lead.headline}
        </p>
      )}
      {reach && <p className="lead-reach">{reach}</p>}
      {lead.checks && lead.checks.length > 0 && (
        // What the capture could not settle; editing the field under Contact details clears it.
        <ul className="lead-checks" aria-label={t('lead.toCheck')}>
          {lead.checks.map((check) => (
            <li key={check}>{LEAD_CHECKS.find((known) => known.id === check)?.label}</li>
          ))}
        </ul>
      )}

      <Alert message={error} />

      <Proposals db={db} now={now} lead={lead} onError={setError} />

      <div className="row stage-row">
        <label htmlFor={`${ids}-stage`}>{t('lead.stage')}</label>
        <select id={`${ids}-stage`} value={lead.stage} onChange={(event) => void changeStage(event.target.value)}>
          {STAGES.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.label}
            </option>
          ))}
        </select>
        <Disqualify db={db} now={now} lead={lead} onError={setError} />
      </div>
      {lead.stage === 'disqualified' && disqualifiedReason(lead) && (
        <p className="muted">{t('lead.disqualifiedBecause', { reason: disqualifiedReason(lead) ?? '' })}</p>
      )}

      <details
        className="details"
        role="group"
        aria-labelledby={`${ids}-details`}
        open={detailsOpen}
        onToggle={(event) => setDetailsOpen(event.currentTarget.open)}
      >
        <summary id={`${ids}-details`}>{t('lead.contactDetails')}</summary>
        {detailsOpen && <LeadFields db={db} now={now} lead={lead} fields={DETAIL_FIELDS} />}
      </details>

      <div className="row">
        <button ref={walkthroughRef} type="button" onClick={onWalkthrough}>
          {t('lead.qualifyStepByStep')}
        </button>
      </div>
      <Checklist db={db} now={now} lead={lead} templates={templates} onError={setError} />

      <RemindMe db={db} now={now} lead={lead} onRemindersChanged={onRemindersChanged} />

      <div className="notes">
        <label htmlFor={`${ids}-notes`}>{t('lead.notes')}</label>
        <textarea
          id={`${ids}-notes`}
          rows={4}
          maxLength={LIMITS.note}
          value={notes}
          onChange={(event) => {
            setNotesDraft(event.target.value);
            setNotesStatus('');
          }}
        />
        <div className="row">
          <button type="button" onClick={() => void saveNotes()}>
            {t('lead.saveNotes')}
          </button>
          <span role="status" className="status">
            {notesStatus}
          </span>
        </div>
      </div>

      <InterestFields db={db} now={now} lead={lead} onError={setError} />

      <section aria-labelledby={`${ids}-score`}>
        <h3 id={`${ids}-score`}>{t('lead.score.heading', { score: uiFormats().count(lead.score) })}</h3>
        {lead.scoreReasons.length > 0 ? (
          <ul className="reasons" aria-label={t('lead.score.reasons')}>
            {lead.scoreReasons.map((reason, index) => (
              <li key={index}>{scoreReasonText(reason, framework)}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('lead.score.none')}</p>
        )}
      </section>

      <section aria-labelledby={`${ids}-activity`}>
        <h3 id={`${ids}-activity`}>{t('lead.recentActivity')}</h3>
        {activities === undefined ? null : activities.length === 0 ? (
          <p className="muted">{t('activity.none')}</p>
        ) : (
          <ul className="activity" aria-label={t('lead.recentActivity')}>
            {activities.slice(0, RECENT_ACTIVITY).map((activity) => (
              <li key={activity.id ?? `${activity.at}-${activity.text}`}>
                <ActivityEntry activity={activity} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** Why the lead was disqualified, from the latest stage change to Disqualified. */
function disqualifiedReason(lead: Lead): string | undefined {
  return lead.stageHistory.findLast((change) => change.stage === 'disqualified')?.reason;
}
