import { useId, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { todayQueue } from '@/lib/db/today';
import { JOB_FIELDS, type Lead } from '@/lib/model/lead';
import { importedTodayLink } from '@/lib/model/lead-link';
import { GettingStarted } from './GettingStarted';
import { LeadButton } from './LeadButton';
import { Proposals } from './Proposals';
import { ReminderActions, type ReminderAction } from './ReminderActions';
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

/** "34 leads imported today from “SaaStr badge scans”", the count in the rep's own digits. */
function importedLine(count: number, list: string): string {
  const digits: [string] = [uiFormats().count(count)];
  return list ? t('popup.today.importedFrom', count, digits, { list }) : t('popup.today.imported', count, digits);
}

/** What Done or Snooze did, naming whom: "Follow-up marked done: Ada Lovelace." */
function reminderChanged(action: ReminderAction, name: string): string {
  return action === 'done' ? t('popup.today.markedDone', { name }) : t('popup.today.snoozed', { name });
}

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

  function changed(action: ReminderAction, name: string) {
    onStatus(reminderChanged(action, name));
    onRemindersChanged?.();
    // The follow-up leaves the list with the button that was clicked; keep focus in the section.
    followUpsHeading.current?.focus();
  }

  async function copy(text: string) {
    try {
      await copyText(text);
      onStatus(t('popup.today.copied', { text }));
    } catch (error) {
      console.error(error);
      onError(t('popup.today.copyFailed'));
    }
  }

  if (today === undefined) return <p className="muted">{t('popup.today.loading')}</p>;
  if (!today.anyLeads) return <GettingStarted />;

  return (
    <section ref={sectionRef} className="today" aria-label={t('popup.today.region')}>
      <h2 id={`${ids}-followups`} ref={followUpsHeading} tabIndex={-1} className="section-title">
        {t('popup.today.followUps')}
      </h2>
      {today.followUps.length === 0 ? (
        <p className="muted">{t('popup.today.nothingDue')}</p>
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
                  onChanged={(action) => changed(action, lead.fullName)}
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
            {t('popup.today.jobChanges')}
          </h2>
          <p className="muted">{t('popup.today.jobChangesHint')}</p>
          <ul className="job-changes" aria-labelledby={`${ids}-jobs`}>
            {today.jobChanges.map((lead) => (
              <li key={lead.id} className="job-change">
                <button type="button" className="link" data-lead-id={lead.id} onClick={() => onOpenLead(lead.id)}>
                  {lead.fullName}
                </button>
                <Proposals db={db} now={now} lead={lead} only={JOB_FIELDS} onError={onError} onResolved={(message) => onStatus(t('popup.today.jobChangeResolved', { name: lead.fullName, result: message }))} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 id={`${ids}-qualify`} className="section-title">
        {t('popup.today.qualifyNext')}
      </h2>
      {today.toQualify.length === 0 ? (
        <p className="muted">{t('popup.today.nothingToQualify')}</p>
      ) : (
        <>
          <p id={`${ids}-qualify-hint`} className="muted hint-line">
            {t('popup.today.qualifyHint')}
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
            {t('popup.today.imports')}
          </h2>
          <ul className="imports" aria-labelledby={`${ids}-imports`}>
            {today.importedToday.map(({ list, imported }) => (
              <li key={list}>
                <a href={importedTodayLink(list)} target="_blank" rel="noopener">
                  {importedLine(imported, list)}
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
          <button type="button" className="secondary copy" aria-label={t('popup.today.copyEmail', { name: lead.fullName })} onClick={() => onCopy(lead.email!)}>
            {t('popup.today.copy')}
          </button>
        </span>
      )}
      {phone && (
        <span className="contact">
          {DIALABLE.test(phone) ? <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a> : <span>{phone}</span>}
          <button type="button" className="secondary copy" aria-label={t('popup.today.copyPhone', { name: lead.fullName })} onClick={() => onCopy(phone)}>
            {t('popup.today.copy')}
          </button>
        </span>
      )}
    </p>
  );
}
