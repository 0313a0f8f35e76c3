import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { completeReminder, snoozeReminder } from '@/lib/db/reminders';
import type { Reminder } from '@/lib/model/lead';

export interface ReminderActionsProps {
  db: LeadlineDatabase;
  now: () => number;
  reminder: Reminder;
  /** The id of the text that says which follow-up these buttons are for, read out with each button. */
  describedBy?: string;
  /** After a successful write, with what happened in words ("Marked done."). */
  onChanged: (message: string) => void;
  /** A readable message when the write failed. */
  onError: (message: string) => void;
}

/** "Done" and "Snooze 1 day" for one follow-up, wherever it is listed. */
export function ReminderActions({ db, now, reminder, describedBy, onChanged, onError }: ReminderActionsProps) {
  async function run(action: () => Promise<unknown>, message: string) {
    try {
      await action();
      onChanged(message);
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
        onClick={() => void run(() => completeReminder(db, reminder.id, now()), 'Follow-up marked done.')}
      >
        Done
      </button>
      <button
        type="button"
        className="secondary"
        aria-describedby={describedBy}
        onClick={() => void run(() => snoozeReminder(db, reminder.id, now()), 'Follow-up snoozed for a day.')}
      >
        Snooze 1 day
      </button>
    </span>
  );
}
