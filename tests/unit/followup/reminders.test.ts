import { describe, expect, it } from 'vitest';
import { ReminderSchema, type Reminder } from '@/lib/model/lead';
import {
  DAY,
  alarmName,
  badgeText,
  complete,
  dueReminders,
  markFired,
  nextAlarmAt,
  overdueCount,
  reminderIdFromAlarm,
  remindersToSchedule,
  snooze,
} from '@/lib/followup/reminders';

const NOW = Date.UTC(2026, 4, 12, 9, 0, 0);
const HOUR = 60 * 60 * 1000;

function reminder(id: string, dueAt: number, fields: Partial<Reminder> = {}): Reminder {
  return ReminderSchema.parse({ id, leadId: `lead-${id}`, dueAt, status: 'pending', note: 'Call about the pilot', ...fields });
}

describe('what is due', () => {
  const reminders = [
    reminder('later', NOW + HOUR),
    reminder('yesterday', NOW - DAY),
    reminder('done', NOW - 2 * DAY, { status: 'done' }),
    reminder('snoozed', NOW - HOUR, { status: 'snoozed' }),
    reminder('now', NOW),
  ];

  it('lists pending and snoozed reminders due by now, oldest first', () => {
    expect(dueReminders(reminders, NOW).map((r) => r.id)).toEqual(['yesterday', 'snoozed', 'now']);
  });

  it('counts them for the badge', () => {
    expect(overdueCount(reminders, NOW)).toBe(3);
  });

  it('finds the next time an alarm must ring', () => {
    expect(nextAlarmAt(reminders, NOW)).toBe(NOW + HOUR);
  });

  it('has no next alarm when nothing is in the future', () => {
    expect(nextAlarmAt([reminder('past', NOW - HOUR)], NOW)).toBeUndefined();
  });
});

describe('changing a reminder', () => {
  it('snoozes for a day by default', () => {
    expect(snooze(reminder('a', NOW - HOUR), NOW)).toMatchObject({ status: 'snoozed', dueAt: NOW + DAY });
  });

  it('snoozes for as long as asked', () => {
    expect(snooze(reminder('a', NOW - HOUR), NOW, 3 * HOUR).dueAt).toBe(NOW + 3 * HOUR);
  });

  it('forgets that a snoozed reminder had already fired, so it fires again', () => {
    const fired = markFired(reminder('a', NOW - HOUR), NOW - HOUR);
    expect(snooze(fired, NOW).firedAt).toBeUndefined();
  });

  it('marks a reminder done and leaves the original untouched', () => {
    const original = reminder('a', NOW - HOUR);
    expect(complete(original, NOW).status).toBe('done');
    expect(original.status).toBe('pending');
  });

  it('no longer counts a completed reminder as due', () => {
    expect(dueReminders([complete(reminder('a', NOW - HOUR), NOW)], NOW)).toEqual([]);
  });
});

describe('alarms at start-up', () => {
  it('schedules a future reminder at its own time', () => {
    expect(remindersToSchedule([reminder('a', NOW + DAY)], NOW)).toEqual([
      { reminderId: 'a', name: 'leadline-reminder:a', when: NOW + DAY, overdue: false },
    ]);
  });

  it('flags a reminder missed while the browser was closed as overdue, to notify now', () => {
    expect(remindersToSchedule([reminder('a', NOW - 5 * HOUR)], NOW)).toEqual([
      { reminderId: 'a', name: 'leadline-reminder:a', when: NOW, overdue: true },
    ]);
  });

  it('does not notify again about a reminder that already fired', () => {
    expect(remindersToSchedule([reminder('a', NOW - 5 * HOUR, { firedAt: NOW - 5 * HOUR })], NOW)).toEqual([]);
  });

  it('schedules nothing for completed reminders', () => {
    expect(remindersToSchedule([reminder('a', NOW + DAY, { status: 'done' }), reminder('b', NOW - DAY, { status: 'done' })], NOW)).toEqual([]);
  });

  it('lists missed reminders before future ones', () => {
    const plan = remindersToSchedule([reminder('future', NOW + HOUR), reminder('missed', NOW - HOUR)], NOW);
    expect(plan.map((p) => p.reminderId)).toEqual(['missed', 'future']);
  });
});

describe('badge', () => {
  it('shows nothing when nothing is due', () => {
    expect(badgeText(0)).toBe('');
  });

  it('shows the count', () => {
    expect(badgeText(7)).toBe('7');
  });

  it('caps the count at 99+', () => {
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});

describe('alarm names', () => {
  it('names an alarm after its reminder', () => {
    expect(alarmName('r-42')).toBe('leadline-reminder:r-42');
  });

  it('reads the reminder id back from the alarm name', () => {
    expect(reminderIdFromAlarm(alarmName('r-42'))).toBe('r-42');
  });

  it('ignores alarms that are not reminders', () => {
    expect(reminderIdFromAlarm('leadline-sync')).toBeUndefined();
    expect(reminderIdFromAlarm('leadline-reminder:')).toBeUndefined();
  });
});
