import { useId, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { todayQueue } from '@/lib/db/today';
import { JOB_FIELDS, type Lead } from '@/lib/model/lead';
import { importedTodayLink } from '@/lib/model/lead-link';
import { countOf } from './data/counts';
import { GettingStarted } from './GettingStarted';
import { LeadButton } from './LeadButton';
import { Proposals } from './Proposals';
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
  /** Puts text on the clipboard (the popup's own, so tests and other hosts can pass theirs). */
  copyText?: (text: string) => Promise<void>;
}

const TEXT = {
  region: 'Today',
  loading: 'Loading…',
  followUps: 'Follow-ups due today',
  nothingDue: 'Nothing due today.',
  qualifyNext: 'Qualify next',
  qualifyHint: 'Open leads whose checklist is not met yet, highest score first.',
  nothingToQualify: 'No open lead is waiting for its checklist.',
  imports: 'Imported today',
  imported: (count: number, list: string) =>
    list ? `${countOf(count, 'lead')} imported today from “${list}”` : `${countOf(count, 'lead')} imported today`,
  copy: 'Copy',
  copyEmail: (name: string) => `Copy the email address of ${name}`,
  copyPhone: (name: string) => `Copy the phone number of ${name}`,
  copied: (text: string) => `Copied ${text}.`,
  copyFailed: 'The browser did not let Leadline copy. Select the text and copy it instead.',
};

/** Only a plain phone number goes into a tel: link; anything else is shown as text. */
const DIALABLE = /^\+?[\d\s().-]{5,}$/;

const QUALIFY_SHOWN = 10;

const clipboardCopy = (text: string) => navigator.clipboard.writeText(text);

/**
 * The rep's work queue: follow-ups overdue or due today first, with the lead's company, email and
 * phone to act on at once; then the open leads to qualify next, by score; then one line per list
 * imported today, linking to the table filtered to that list, so an import never floods the view.
 */
export function Today({ db, now, onOpenLead, focusLeadId, onRemindersChanged, onStatus, onError, copyText = clipboardCopy }: TodayProps) {
  const ids = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const followUpsHeading = useRef<HTMLHeadingElement>(null);

  const today = useLiveQuery(async () => {
    const at = now();
    const queue = await todayQueue(db, { at, endOfDay: endOfToday(at), qualifyLimit: QUALIFY_SHOWN });
    return { at, ...queue };
  }, [db]);

  useRestoreFocus(sectionRef, focusLeadId, today !== undefined);

  function changed(message: string) {
    onStatus(message);
    onRemindersChanged?.();
    // The follow-up leaves the list with the button that was clicked; keep focus in the section.
    followUpsHeading.current?.focus();
  }

  async function copy(text: string) {
    try {
      await copyText(text);
      onStatus(TEXT.copied(text));
    } catch (error) {
      console.error(error);
      onError(TEXT.copyFailed);
    }
  }

  if (today === undefined) return <p className="muted">{TEXT.loading}</p>;
  if (!today.anyLeads) return <GettingStarted />;

  return (
    <section ref={sectionRef} className="today" aria-label={TEXT.region}>
      <h2 id={`${ids}-followups`} ref={followUpsHeading} tabIndex={-1} className="section-title">
        {TEXT.followUps}
      </h2>
      {today.followUps.length === 0 ? (
        <p className="muted">{TEXT.nothingDue}</p>
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
                <ContactDetails lead={lead} onCopy={(text) => void copy(text)} />
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

      {today.jobChanges.length > 0 && (
        <>
          <h2 id={`${ids}-jobs`} className="section-title">
            Job changes
          </h2>
          <p className="muted">A new title or company is a reason to get in touch. Nothing changes until you choose.</p>
          <ul className="job-changes" aria-labelledby={`${ids}-jobs`}>
            {today.jobChanges.map((lead) => (
              <li key={lead.id} className="job-change">
                <button type="button" className="link" data-lead-id={lead.id} onClick={() => onOpenLead(lead.id)}>
                  {lead.fullName}
                </button>
                <Proposals db={db} now={now} lead={lead} only={JOB_FIELDS} onError={onError} onResolved={(message) => onStatus(`${lead.fullName}: ${message}`)} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 id={`${ids}-qualify`} className="section-title">
        {TEXT.qualifyNext}
      </h2>
      {today.toQualify.length === 0 ? (
        <p className="muted">{TEXT.nothingToQualify}</p>
      ) : (
        <>
          <p id={`${ids}-qualify-hint`} className="muted hint-line">
            {TEXT.qualifyHint}
          </p>
          <ul className="leads" aria-labelledby={`${ids}-qualify`} aria-describedby={`${ids}-qualify-hint`}>
            {today.toQualify.map((lead) => (
              <li key={lead.id}>
                <LeadButton lead={lead} onOpen={() => onOpenLead(lead.id)} />
              </li>
            ))}
          </ul>
        </>
      )}

      {today.importedToday.length > 0 && (
        <>
          <h2 id={`${ids}-imports`} className="section-title">
            {TEXT.imports}
          </h2>
          <ul className="imports" aria-labelledby={`${ids}-imports`}>
            {today.importedToday.map(({ list, imported }) => (
              <li key={list}>
                <a href={importedTodayLink(list)} target="_blank" rel="noopener">
                  {TEXT.imported(imported, list)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A follow-up's company, email and phone, each ready to use: mail and call links, and a copy button. */
function ContactDetails({ lead, onCopy }: { lead: Lead; onCopy: (text: string) => void }) {
  const phone = lead.phoneE164 ?? lead.phone;
  if (!lead.company && !lead.email && !phone) return null;
  return (
    <p className="followup-contact">
      {lead.company && <span className="followup-company">{lead.company}</span>}
      {lead.email && (
        <span className="contact">
          <a href={`mailto:${encodeURIComponent(lead.email)}`}>{lead.email}</a>
          <button type="button" className="secondary copy" aria-label={TEXT.copyEmail(lead.fullName)} onClick={() => onCopy(lead.email!)}>
            {TEXT.copy}
          </button>
        </span>
      )}
      {phone && (
        <span className="contact">
          {DIALABLE.test(phone) ? <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a> : <span>{phone}</span>}
          <button type="button" className="secondary copy" aria-label={TEXT.copyPhone(lead.fullName)} onClick={() => onCopy(phone)}>
            {TEXT.copy}
          </button>
        </span>
      )}
    </p>
  );
}
