import type { Reminder } from '@/lib/model/lead';

export const DAY = 24 * 60 * 60 * 1000;

const ALARM_PREFIX = 'leadline-reminder:';

/** Pending and snoozed reminders still need the rep; done ones never come back. */
function isOpen(reminder: Reminder): boolean {
  return reminder.status === 'pending' || reminder.status === 'snoozed';
}

function oldestFirst(a: Reminder, b: Reminder): number {
  return a.dueAt - b.dueAt || a.id.localeCompare(b.id);
}

/** Open reminders whose time has come, oldest first. */
export function dueReminders(reminders: readonly Reminder[], now: number): Reminder[] {
  return reminders.filter((r) => isOpen(r) && r.dueAt <= now).sort(oldestFirst);
}

/** The number on the toolbar badge. */
export function overdueCount(reminders: readonly Reminder[], now: number): number {
  return dueReminders(reminders, now).length;
}

/** Puts a reminder off; it fires again, so the earlier firing is forgotten. */
export function snooze(reminder: Reminder, now: number, ms: number = DAY): Reminder {
  const { firedAt: _firedAt, ...rest } = reminder;
  return { ...rest, status: 'snoozed', dueAt: now + ms };
}

/** Marks a reminder done, and when. */
export function complete(reminder: Reminder, now: number): Reminder {
  return { ...reminder, status: 'done', doneAt: now };
}

/** Records that the rep was notified, so a restart does not notify again. */
export function markFired(reminder: Reminder, now: number): Reminder {
  return { ...reminder, firedAt: now };
}

/** When the next open reminder falls due after `now`, if any. */
export function nextAlarmAt(reminders: readonly Reminder[], now: number): number | undefined {
  let next: number | undefined;
  for (const r of reminders) {
    if (isOpen(r) && r.dueAt > now && (next === undefined || r.dueAt < next)) next = r.dueAt;
  }
  return next;
}

export interface AlarmPlan {
  reminderId: string;
  name: string;
  /** Epoch ms to pass as the alarm's `when`. */
  when: number;
  /** Fell due while the browser was closed and was never notified: notify now. */
  overdue: boolean;
}

/**
 * What the background (re)creates at start-up, when alarms from the last session may be gone:
 * an alarm at its time for every future reminder, and an immediate one, flagged overdue, for each
 * reminder that fell due unnoticed. Reminders already notified stay on the badge but do not ring again.
 */
export function remindersToSchedule(reminders: readonly Reminder[], now: number): AlarmPlan[] {
  return reminders
    .filter((r) => isOpen(r) && (r.dueAt > now || r.firedAt === undefined))
    .sort(oldestFirst)
    .map((r) => ({
      reminderId: r.id,
      name: alarmName(r.id),
      when: Math.max(r.dueAt, now),
      overdue: r.dueAt <= now,
    }));
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export function alarmName(reminderId: string): string {
  return `${ALARM_PREFIX}${reminderId}`;
}

/** The reminder an alarm is for, or undefined for alarms that are not Leadline reminders. */
export function reminderIdFromAlarm(name: string): string | undefined {
  if (!name.startsWith(ALARM_PREFIX)) return undefined;
  return name.slice(ALARM_PREFIX.length) || undefined;
}
