import type { LeadlineDatabase } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { describeStorageError } from '@/lib/db/errors';
import { completeReminder, snoozeReminder } from '@/lib/db/reminders';
import type { Reminder } from '@/lib/model/lead';

export interface ReminderActionsProps {
  db: LeadlineDatabase;
  now: () => number;
  reminder: Reminder;
  /** The id of the text that says which follow-up these buttons are for, read out with each button. */
  describedBy?: string;
  /** After a successful write, with what it was: each view words it (Today names the lead). */
  onChanged: (action: ReminderAction) => void;
  /** A readable message when the write failed. */
  onError: (message: string) => void;
}

export type ReminderAction = 'done' | 'snoozed';

/** What Done or Snooze did, in words, where the view says nothing more ("Follow-up marked done."). */
export function describeReminderAction(action: ReminderAction): string {
  return action === 'done' ? t('popup.remind.markedDone') : t('popup.remind.snoozed');
}

/** "Done" and "Snooze 1 day" for one follow-up, wherever it is listed. */
export function ReminderActions({ db, now, reminder, describedBy, onChanged, onError }: ReminderActionsProps) {
  async function run(write: () => Promise<unknown>, action: ReminderAction) {
    try {
      await write();
      onChanged(action);
    } catch (error) {
      console.error(error);
      onError(describeStorageError(error));
    }
  }

  return (
    <span className="reminder-actions">
      <button
        type="button"
        aria-describedby={describedBy}
        onClick={() => void run(() => completeReminder(db, reminder.id, now()), 'done')}
      >
        {t('popup.remind.done')}
      </button>
      <button
        type="button"
        className="secondary"
        aria-describedby={describedBy}
        onClick={() => void run(() => snoozeReminder(db, reminder.id, now()), 'snoozed')}
      >
        {t('popup.remind.snooze')}
      </button>
    </span>
  );
}
