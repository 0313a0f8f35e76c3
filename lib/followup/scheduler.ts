import type { LeadlineDatabase } from '@/lib/db/database';
import { completeReminder, markReminderFired, openReminders, snoozeReminder } from '@/lib/db/reminders';
import { alarmName, badgeText, overdueCount, reminderIdFromAlarm, remindersToSchedule } from './reminders';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';

/** The browser APIs follow-ups need, passed in so the scheduler can be tested without a browser. */
export type FollowUpBrowser = {
  createAlarm(name: string, when: number): Promise<void> | void;
  clearAlarm(name: string): Promise<unknown>;
  alarmNames(): Promise<string[]>;
  /** Shows a notification; `buttons` are the labels of its buttons, in order (none where unsupported). */
  notify(id: string, notification: { title: string; message: string; buttons: string[] }): Promise<unknown>;
  clearNotification(id: string): Promise<unknown>;
  /** The badge's text, and the toolbar button's tooltip that says what it counts. */
  setBadge(text: string, title: string): Promise<void>;
  openLead(leadId: string): Promise<void>;
  /** Chrome shows notification buttons; Firefox does not. */
  supportsButtons: boolean;
};

/**
 * What the notification's buttons do, in their order: the browser reports a click by the button's
 * index, so the action never depends on the label, which is in the rep's language.
 */
const NOTIFICATION_BUTTONS = [
  { action: 'done', label: () => t('followUp.done') },
  { action: 'snooze', label: () => t('followUp.snooze') },
] as const;

/**
 * The notification's text. Without buttons (Firefox has none) the click is the way in, so the
 * text says what it leads to: the lead, with Done and Snooze for this follow-up.
 */
export function notificationMessage(note: string, withButtons: boolean): string {
  const text = note || t('followUp.defaultMessage');
  return withButtons ? text : `${text}\n${t('followUp.clickHint')}`;
}

/** The toolbar button's tooltip: "Leadline: 3 follow-ups due", the count written as the rep's locale writes it. */
export function badgeTitle(due: number): string {
  return t('followUp.badgeTitle', due, [uiFormats().count(due)]);
}

/** "Follow up: Ana Bell (Acme)", in the rep's language. */
function notificationTitle(name: string, company: string | undefined): string {
  return company ? t('followUp.titleWithCompany', { name, company }) : t('followUp.title', { name });
}

/**
 * Turns stored reminders into alarms, notifications and the badge count. Everything is derived from
 * the database, so a restarted browser or a stopped service worker loses nothing: `syncAll` rebuilds
 * the alarms and rings any reminder that fell due while nobody was listening.
 */
export function createFollowUpScheduler(db: LeadlineDatabase, browser: FollowUpBrowser, now: () => number) {
  async function updateBadge(): Promise<void> {
    const due = overdueCount(await openReminders(db), now());
    await browser.setBadge(badgeText(due), badgeTitle(due));
  }

  // A worker or event page woken by a reminder's alarm runs its start-up sync and the alarm
  // together: both would find the reminder due and not yet notified, and ring it twice (Firefox
  // then shows it twice and forgets the first). One ring per reminder at a time, and none once fired.
  const ringing = new Map<string, Promise<void>>();
  function ring(reminderId: string): Promise<void> {
    const running = ringing.get(reminderId);
    if (running) return running;
    const started = ringOnce(reminderId).finally(() => ringing.delete(reminderId));
    ringing.set(reminderId, started);
    return started;
  }

  async function ringOnce(reminderId: string): Promise<void> {
    const reminder = await db.reminders.get(reminderId);
    // firedAt is cleared when a reminder is snoozed, so a snoozed one rings again at its new time.
    if (!reminder || reminder.status === 'done' || reminder.firedAt !== undefined) return;
    const lead = await db.leads.get(reminder.leadId);
    if (!lead) return;
    await browser.notify(alarmName(reminder.id), {
      title: notificationTitle(lead.fullName, lead.company),
      message: notificationMessage(reminder.note, browser.supportsButtons),
      buttons: browser.supportsButtons ? NOTIFICATION_BUTTONS.map((button) => button.label()) : [],
    });
    await markReminderFired(db, reminder.id, now());
  }

  async function syncAll(): Promise<void> {
    const reminders = await openReminders(db);
    const plan = remindersToSchedule(reminders, now());
    const wanted = new Set(plan.map((p) => p.name));
    for (const name of await browser.alarmNames()) {
      if (reminderIdFromAlarm(name) && !wanted.has(name)) await browser.clearAlarm(name);
    }
    for (const item of plan) {
      if (item.overdue) await ring(item.reminderId);
      else await browser.createAlarm(item.name, item.when);
    }
    await updateBadge();
  }

  async function onAlarm(name: string): Promise<void> {
    const reminderId = reminderIdFromAlarm(name);
    if (!reminderId) return;
    await ring(reminderId);
    await updateBadge();
  }

  async function onNotificationClicked(notificationId: string): Promise<void> {
    const reminderId = reminderIdFromAlarm(notificationId);
    const reminder = reminderId ? await db.reminders.get(reminderId) : undefined;
    if (!reminder) return;
    await browser.clearNotification(notificationId);
    await browser.openLead(reminder.leadId);
  }

  async function onNotificationButton(notificationId: string, buttonIndex: number): Promise<void> {
    const reminderId = reminderIdFromAlarm(notificationId);
    if (!reminderId) return;
    const action = NOTIFICATION_BUTTONS[buttonIndex]?.action;
    if (action === 'done') await completeReminder(db, reminderId, now());
    if (action === 'snooze') await snoozeReminder(db, reminderId, now());
    await browser.clearNotification(notificationId);
    await syncAll();
  }

  return { syncAll, onAlarm, onNotificationClicked, onNotificationButton, updateBadge };
}
