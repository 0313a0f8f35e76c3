import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { getLead, setNotes, setStage, timelineFor } from '@/lib/db/leads';
import type { Framework } from '@/lib/model/framework';
import { StageSchema, type Lead } from '@/lib/model/lead';
import { STAGES } from '@/lib/model/stage';
import { LIMITS } from '@/lib/model/text';
import { getFramework } from '@/lib/qualify/frameworks';
import { Checklist } from './Checklist';
import { Disqualify } from './Disqualify';
import { InterestFields } from './InterestFields';
import { RemindMe } from './RemindMe';
import { useTemplates } from './useTemplates';
import { Walkthrough } from './Walkthrough';
import { saveWithReport } from './save-with-report';

export interface LeadDetailProps {
  db: LeadlineDatabase;
  now: () => number;
  leadId: string;
  onBack: () => void;
  /** After any reminder write, so the background can reschedule alarms and the badge. */
  onRemindersChanged?: () => void;
}

const RECENT_ACTIVITY = 20;

export function LeadDetail({ db, now, leadId, onBack, onRemindersChanged }: LeadDetailProps) {
  // null: no such lead (deleted elsewhere); undefined: still loading.
  const lead = useLiveQuery(async () => (await getLead(db, leadId)) ?? null, [db, leadId]);
  const templates = useTemplates(db);
  const [walkingThrough, setWalkingThrough] = useState(false);
  // Where focus lands when the detail shows: the name on arrival, the walk-through's button on return.
  const [focusOnShow, setFocusOnShow] = useState<'name' | 'walkthrough'>('name');

  if (lead && templates && walkingThrough) {
    return (
      <Walkthrough
        key={lead.id}
        db={db}
        now={now}
        lead={lead}
        framework={getFramework(lead.checklist.frameworkId, templates)}
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
        Back to leads
      </button>
      {lead === undefined || templates === undefined ? (
        <p className="muted">Loading…</p>
      ) : lead === null ? (
        <p className="empty">This lead no longer exists. It may have been deleted in another window.</p>
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
}

function LeadView({ db, now, lead, templates, focusOnShow, onWalkthrough, onRemindersChanged }: LeadViewProps) {
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const walkthroughRef = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState('');
  const [notes, setNotesDraft] = useState(lead.notes);
  const [notesStatus, setNotesStatus] = useState('');
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

  async function saveNotes() {
    setNotesStatus('');
    if (await save(() => setNotes(db, lead.id, notes, now()))) setNotesStatus('Notes saved');
  }

  const role = [lead.title, lead.company].filter(Boolean).join(' · ');
  const profileHref = safeWebUrl(lead.profileUrl);
  const websiteHref = safeWebUrl(lead.website);

  return (
    <article className="lead-view" aria-labelledby={`${ids}-name`}>
      <h2 id={`${ids}-name`} ref={headingRef} tabIndex={-1}>
        {lead.fullName}
      </h2>
      {role && <p className="lead-role">{role}</p>}
      {lead.headline && lead.headline !== lead.title && <p className="lead-headline">{lead.headline}</p>}

      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}

      <dl className="fields">
        <Field label="Title" value={lead.title} />
        <Field label="Company" value={lead.company} />
        <Field label="Location" value={lead.location} />
        <Field label="Email" value={lead.email} />
        <Field label="Phone" value={lead.phone ?? lead.phoneE164} />
        {websiteHref ? (
          <Field label="Website">
            <ExternalLink href={websiteHref}>{lead.website}</ExternalLink>
          </Field>
        ) : (
          <Field label="Website" value={lead.website} />
        )}
        {profileHref ? (
          <Field label="Profile">
            <ExternalLink href={profileHref}>Open profile</ExternalLink>
          </Field>
        ) : (
          <Field label="Profile" value={lead.profileUrl} />
        )}
      </dl>

      <div className="row">
        <label htmlFor={`${ids}-stage`}>Stage</label>
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
        <p className="muted">Disqualified: {disqualifiedReason(lead)}</p>
      )}

      <RemindMe db={db} now={now} lead={lead} onRemindersChanged={onRemindersChanged} />

      <div className="notes">
        <label htmlFor={`${ids}-notes`}>Notes</label>
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
            Save notes
          </button>
          <span role="status" className="status">
            {notesStatus}
          </span>
        </div>
      </div>

      <div className="row">
        <button ref={walkthroughRef} type="button" onClick={onWalkthrough}>
          Qualify step by step
        </button>
      </div>
      <Checklist db={db} now={now} lead={lead} templates={templates} onError={setError} />

      <InterestFields db={db} now={now} lead={lead} onError={setError} />

      <section aria-labelledby={`${ids}-score`}>
        <h3 id={`${ids}-score`}>Score: {lead.score}</h3>
        {lead.scoreReasons.length > 0 ? (
          <ul className="reasons" aria-label="Score reasons">
            {lead.scoreReasons.map((reason, index) => (
              <li key={index}>{reason.text}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing counts towards the score yet.</p>
        )}
      </section>

      <section aria-labelledby={`${ids}-activity`}>
        <h3 id={`${ids}-activity`}>Recent activity</h3>
        {activities === undefined ? null : activities.length === 0 ? (
          <p className="muted">No activity yet.</p>
        ) : (
          <ul className="activity" aria-label="Recent activity">
            {activities.slice(0, RECENT_ACTIVITY).map((activity) => (
              <li key={activity.id ?? `${activity.at}-${activity.text}`}>
                <span>{activity.text}</span>{' '}
                <time dateTime={new Date(activity.at).toISOString()}>{new Date(activity.at).toLocaleString()}</time>
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

function Field({ label, value, children }: { label: string; value?: string | undefined; children?: ReactNode }) {
  const content = children ?? value;
  if (!content) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{content}</dd>
    </div>
  );
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** Page data never reaches an href unless it is a plain http(s) URL: no javascript:, data: or file:. */
function safeWebUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
