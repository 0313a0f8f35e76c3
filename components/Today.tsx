import { useId, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { todayQueue } from '@/lib/db/today';
import { GettingStarted } from './GettingStarted';
import { LeadButton } from './LeadButton';
import { ReminderActions } from './ReminderActions';
import { useRestoreFocus } from './useRestoreFocus';
import { describeDue, endOfToday, isoTime } from './when';

export interface TodayProps {
  db: LeadlineDatabase;
  now: () => number;
  onOpenLead: (id: string) => void;
  focusLeadId?: string | null;
  onRemindersChanged?: () => void;
  /** Announces what a click did, in the popup's status line. */
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

const RECENT_DAYS = 7;
const RECENT_LIMIT = 50;

/** What needs the rep today: follow-ups that are overdue or due before midnight, then the leads captured this week. */
export function Today({ db, now, onOpenLead, focusLeadId, onRemindersChanged, onStatus, onError }: TodayProps) {
  const ids = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const followUpsHeading = useRef<HTMLHeadingElement>(null);

  const today = useLiveQuery(async () => {
    const at = now();
    const queue = await todayQueue(db, { at, endOfDay: endOfToday(at), recentDays: RECENT_DAYS, recentLimit: RECENT_LIMIT });
    return { at, ...queue };
  }, [db]);

  useRestoreFocus(sectionRef, focusLeadId, today !== undefined);

  function changed(message: string) {
    onStatus(message);
    onRemindersChanged?.();
    // The follow-up leaves the list with the button that was clicked; keep focus in the section.
    followUpsHeading.current?.focus();
  }

  if (today === undefined) return <p className="muted">Loading…</p>;
  if (!today.anyLeads) {
    return <GettingStarted />;
  }

  return (
    <section ref={sectionRef} className="today" aria-label="Today">
      <h2 id={`${ids}-followups`} ref={followUpsHeading} tabIndex={-1} className="section-title">
        Follow-ups due today
      </h2>
      {today.followUps.length === 0 ? (
        <p className="muted">Nothing due today.</p>
      ) : (
        <ul className="followups" aria-labelledby={`${ids}-followups`}>
          {today.followUps.map(({ reminder, lead }) => {
            const overdue = reminder.dueAt <= today.at;
            const aboutId = `${ids}-${reminder.id}`;
            return (
              <li key={reminder.id} className={overdue ? 'followup overdue' : 'followup'}>
                <button type="button" className="link" data-lead-id={lead.id} onClick={() => onOpenLead(lead.id)}>
                  {lead.fullName}
                </button>
                <p id={aboutId} className="followup-about">
                  <span className="visually-hidden">{lead.fullName}: </span>
                  <time dateTime={isoTime(reminder.dueAt)} className="due">
                    {describeDue(reminder.dueAt, today.at)}
                  </time>
                  {reminder.note && <span className="followup-note"> · {reminder.note}</span>}
                </p>
                <ReminderActions
                  db={db}
                  now={now}
                  reminder={reminder}
                  describedBy={aboutId}
                  onChanged={(message) => changed(`${message.replace(/\.$/, '')}: ${lead.fullName}.`)}
                  onError={onError}
                />
              </li>
            );
          })}
        </ul>
      )}

      <h2 id={`${ids}-recent`} className="section-title">
        Captured in the last {RECENT_DAYS} days
      </h2>
      {today.recent.length === 0 ? (
        <p className="muted">No leads captured this week. "All leads" has the older ones.</p>
      ) : (
        <ul className="leads" aria-labelledby={`${ids}-recent`}>
          {today.recent.map((lead) => (
            <li key={lead.id}>
              <LeadButton lead={lead} onOpen={() => onOpenLead(lead.id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
