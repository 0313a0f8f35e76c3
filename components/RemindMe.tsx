import { useId, useRef, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { describeStorageError } from '@/lib/db/errors';
import { addReminder, DuplicateReminderError, remindersForLead } from '@/lib/db/reminders';
import {
  FOLLOW_UP_PRESETS,
  defaultTimeZone,
  localDateTimeToEpoch,
  localParts,
  presetDueAt,
  type PresetId,
} from '@/lib/followup/schedule';
import type { Lead } from '@/lib/model/lead';
import { LIMITS } from '@/lib/model/text';
import { describeReminderAction, ReminderActions } from './ReminderActions';
import { describeDue, describePresetTime, describeWhen, isoTime } from './when';
import { Alert } from './Alert';

export interface RemindMeProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  /** After any reminder write, so the background can reschedule alarms and the badge. */
  onRemindersChanged?: () => void;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Today's date as an `<input type="date">` value, in the rep's time zone. */
function localDate(epoch: number, timeZone: string): string {
  const parts = localParts(epoch, timeZone);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** "Remind me": a preset or a date and time, with a note; and this lead's open follow-ups. */
export function RemindMe({ db, now, lead, onRemindersChanged }: RemindMeProps) {
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const reminders = useLiveQuery(
    async () => (await remindersForLead(db, lead.id)).filter((r) => r.status !== 'done'),
    [db, lead.id],
  );
  const timeZone = defaultTimeZone();
  const at = now();

  function fail(message: string) {
    setStatus('');
    setError(message);
  }

  async function remind(dueAt: number) {
    try {
      const reminder = await addReminder(db, { leadId: lead.id, dueAt, note }, now());
      setError('');
      setNote('');
      setStatus(t('popup.remind.set', { when: describeWhen(reminder.dueAt, now()) }));
      onRemindersChanged?.();
    } catch (caught) {
      if (caught instanceof DuplicateReminderError) {
        fail(t('popup.remind.duplicate', { name: lead.fullName, when: describeWhen(caught.existing.dueAt, now()) }));
        return;
      }
      console.error(caught);
      fail(describeStorageError(caught));
    }
  }

  function remindAtPreset(id: PresetId) {
    void remind(presetDueAt(id, new Date(now()), timeZone));
  }

  function remindAtDateTime(event: FormEvent) {
    event.preventDefault();
    if (!date || !time) {
      fail(t('popup.remind.pickDateAndTime'));
      return;
    }
    let dueAt: number;
    try {
      dueAt = localDateTimeToEpoch(date, time, timeZone);
    } catch (caught) {
      // The date and time inputs give well-formed values; anything else is said in one sentence.
      console.error(caught);
      fail(t('popup.remind.unreadable'));
      return;
    }
    if (dueAt <= now()) {
      fail(t('popup.remind.passed'));
      return;
    }
    void remind(dueAt);
  }

  return (
    <section className="remind-me" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} ref={headingRef} tabIndex={-1}>
        {t('popup.remind.heading')}
      </h3>
      <Alert message={error} />
      <label htmlFor={`${ids}-note`}>{t('popup.remind.noteLabel')}</label>
      <input
        id={`${ids}-note`}
        type="text"
        className="note"
        placeholder={t('popup.remind.notePlaceholder')}
        maxLength={LIMITS.note}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="presets" role="group" aria-label={t('popup.remind.quickTimes')}>
        {FOLLOW_UP_PRESETS.map((preset) => (
          <button key={preset.id} type="button" className="secondary" onClick={() => remindAtPreset(preset.id)}>
            {preset.label} <span className="when">{describePresetTime(presetDueAt(preset.id, new Date(at), timeZone), at)}</span>
          </button>
        ))}
      </div>
      <form className="custom-time" aria-label={t('popup.remind.onDate')} noValidate onSubmit={remindAtDateTime}>
        <label htmlFor={`${ids}-date`}>{t('popup.remind.date')}</label>
        <input
          id={`${ids}-date`}
          type="date"
          min={localDate(at, timeZone)}
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
        <label htmlFor={`${ids}-time`}>{t('popup.remind.time')}</label>
        <input id={`${ids}-time`} type="time" value={time} onChange={(event) => setTime(event.target.value)} />
        <button type="submit">{t('popup.remind.submit')}</button>
      </form>
      <p role="status" className="status">
        {status}
      </p>

      {reminders && reminders.length > 0 && (
        <ul className="followups" aria-label={t('popup.remind.openReminders')}>
          {reminders.map((reminder) => {
            const aboutId = `${ids}-${reminder.id}`;
            return (
              <li key={reminder.id} className={reminder.dueAt <= at ? 'followup overdue' : 'followup'}>
                <p id={aboutId} className="followup-about">
                  <time dateTime={isoTime(reminder.dueAt)} className="due">
                    {describeDue(reminder.dueAt, at)}
                  </time>
                  {reminder.note && <span className="followup-note"> · {reminder.note}</span>}
                </p>
                <ReminderActions
                  db={db}
                  now={now}
                  reminder={reminder}
                  describedBy={aboutId}
                  onChanged={(action) => {
                    setError('');
                    setStatus(describeReminderAction(action));
                    onRemindersChanged?.();
                    headingRef.current?.focus();
                  }}
                  onError={fail}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
