import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import { inBrowserLanguage } from '../../locale-messages';
import { LeadlineDatabase } from '@/lib/db/database';
import { saveOrMergeProspect } from '@/lib/db/leads';
import { addReminder } from '@/lib/db/reminders';
import { alarmName, DAY } from '@/lib/followup/reminders';
import { badgeTitle, createFollowUpScheduler, type FollowUpBrowser } from '@/lib/followup/scheduler';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const HOUR = 3_600_000;

/** An in-memory stand-in for alarms, notifications and the badge that records what was asked of it. */
function fakeBrowser() {
  const alarms = new Map<string, number>();
  const notifications = new Map<string, { title: string; message: string; buttons: string[] }>();
  const shown: string[] = [];
  const opened: string[] = [];
  let badge = '';
  let title = '';
  const api: FollowUpBrowser = {
    createAlarm: (name, when) => void alarms.set(name, when),
    clearAlarm: async (name) => alarms.delete(name),
    alarmNames: async () => [...alarms.keys()],
    notify: async (id, n) => {
      shown.push(id);
      notifications.set(id, n);
    },
    clearNotification: async (id) => notifications.delete(id),
    setBadge: async (text, tooltip) => {
      badge = text;
      title = tooltip;
    },
    openLead: async (id) => void opened.push(id),
    supportsButtons: true,
  };
  return { api, alarms, notifications, shown, opened, badge: () => badge, title: () => title };
}

describe('the follow-up scheduler', () => {
  let db: LeadlineDatabase;
  let leadId: string;
  let clock: number;

  useFreshDatabase((fresh) => (db = fresh));
  beforeEach(async () => {
    clock = NOW;
    const { lead } = await saveOrMergeProspect(db, { source: 'linkedin', fullName: 'Ana Bell', company: 'Acme', confidence: 0.9 }, NOW);
    leadId = lead.id;
  });

  it('schedules an alarm for a future reminder and leaves the badge empty', async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW + DAY, note: 'Send pricing' }, NOW);
    const browser = fakeBrowser();
    await createFollowUpScheduler(db, browser.api, () => clock).syncAll();
    expect(browser.alarms.get(alarmName(reminder.id))).toBe(NOW + DAY);
    expect(browser.badge()).toBe('');
  });

  it('rings when the alarm fires, with the lead and the note, and counts it on the badge', async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW + HOUR, note: 'Send pricing' }, NOW);
    const browser = fakeBrowser();
    const scheduler = createFollowUpScheduler(db, browser.api, () => clock);
    clock = NOW + HOUR;
    await scheduler.onAlarm(alarmName(reminder.id));
    expect(browser.notifications.get(alarmName(reminder.id))).toEqual({
      title: 'Follow up: Ana Bell (Acme)',
      message: 'Send pricing',
      buttons: ['Done', 'Snooze 1 day'],
    });
    expect(browser.badge()).toBe('1');
    expect(browser.title()).toBe('Leadline: 1 follow-up due');
    expect((await db.reminders.get(reminder.id))?.firedAt).toBe(NOW + HOUR);
  });

  it('without notification buttons (Firefox), says that a click opens the lead to mark it done or snooze it', async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW + HOUR, note: 'Send pricing' }, NOW);
    const browser = fakeBrowser();
    browser.api.supportsButtons = false;
    clock = NOW + HOUR;
    await createFollowUpScheduler(db, browser.api, () => clock).onAlarm(alarmName(reminder.id));
    expect(browser.notifications.get(alarmName(reminder.id))).toEqual({
      title: 'Follow up: Ana Bell (Acme)',
      message: 'Send pricing\nClick to open the lead and mark this follow-up done or snooze it.',
      buttons: [],
    });
  });

  it("speaks the browser's language: a German notification whose Erledigt button marks the follow-up done", async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW }, NOW - HOUR);
    const browser = fakeBrowser();
    const scheduler = createFollowUpScheduler(db, browser.api, () => clock);
    await inBrowserLanguage('de', 'de-DE', () => scheduler.onAlarm(alarmName(reminder.id)));
    expect(browser.notifications.get(alarmName(reminder.id))).toEqual({
      title: 'Nachfassen: Ana Bell (Acme)',
      message: 'Zeit zum Nachfassen.',
      buttons: ['Erledigt', '1 Tag verschieben'],
    });
    expect(browser.title()).toBe('Leadline: 1 Wiedervorlage fällig');
    await inBrowserLanguage('de', 'de-DE', () => scheduler.onNotificationButton(alarmName(reminder.id), 0));
    expect((await db.reminders.get(reminder.id))?.status).toBe('done');
    expect(browser.title()).toBe('Leadline');
  });

  it('titles the toolbar button with how many follow-ups are due, counted as the rep’s locale writes numbers', async () => {
    expect([badgeTitle(0), badgeTitle(1), badgeTitle(1234)]).toEqual([
      'Leadline',
      'Leadline: 1 follow-up due',
      'Leadline: 1,234 follow-ups due',
    ]);
    expect(await inBrowserLanguage('de', 'de-DE', () => badgeTitle(1234))).toBe('Leadline: 1.234 Wiedervorlagen fällig');
    expect(await inBrowserLanguage('fr', 'fr-FR', () => badgeTitle(0))).toBe('Leadline');
  });

  it("rings once when a woken worker's start-up sync and the alarm that woke it arrive together", async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW + HOUR, note: 'Send pricing' }, NOW);
    const browser = fakeBrowser();
    const scheduler = createFollowUpScheduler(db, browser.api, () => clock);
    clock = NOW + HOUR;
    await Promise.all([scheduler.syncAll(), scheduler.onAlarm(alarmName(reminder.id))]);
    expect(browser.shown).toEqual([alarmName(reminder.id)]);
    expect(browser.badge()).toBe('1');
  });

  it('does not ring a reminder again once the rep was notified, until it is snoozed', async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW + HOUR }, NOW);
    const browser = fakeBrowser();
    const scheduler = createFollowUpScheduler(db, browser.api, () => clock);
    clock = NOW + HOUR;
    await scheduler.onAlarm(alarmName(reminder.id));
    await scheduler.onAlarm(alarmName(reminder.id));
    expect(browser.shown).toHaveLength(1);

    await scheduler.onNotificationButton(alarmName(reminder.id), 1);
    clock = NOW + HOUR + DAY;
    await scheduler.onAlarm(alarmName(reminder.id));
    expect(browser.shown).toHaveLength(2);
  });

  it('after a restart, rings a reminder missed while the browser was closed, once', async () => {
    await addReminder(db, { leadId, dueAt: NOW + HOUR }, NOW);
    clock = NOW + 5 * HOUR;
    const afterRestart = fakeBrowser();
    await createFollowUpScheduler(db, afterRestart.api, () => clock).syncAll();
    expect(afterRestart.notifications.size).toBe(1);
    expect(afterRestart.badge()).toBe('1');

    const secondRestart = fakeBrowser();
    await createFollowUpScheduler(db, secondRestart.api, () => clock).syncAll();
    expect(secondRestart.notifications.size).toBe(0);
    expect(secondRestart.badge()).toBe('1');
  });

  it('marks a reminder done from the notification button and clears the badge', async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW }, NOW - HOUR);
    const browser = fakeBrowser();
    const scheduler = createFollowUpScheduler(db, browser.api, () => clock);
    await scheduler.onAlarm(alarmName(reminder.id));
    await scheduler.onNotificationButton(alarmName(reminder.id), 0);
    expect((await db.reminders.get(reminder.id))?.status).toBe('done');
    expect(browser.badge()).toBe('');
    expect(browser.notifications.size).toBe(0);
  });

  it('snoozes a day from the notification button and schedules the new alarm', async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW }, NOW - HOUR);
    const browser = fakeBrowser();
    const scheduler = createFollowUpScheduler(db, browser.api, () => clock);
    await scheduler.onAlarm(alarmName(reminder.id));
    await scheduler.onNotificationButton(alarmName(reminder.id), 1);
    expect(browser.alarms.get(alarmName(reminder.id))).toBe(NOW + DAY);
    expect(browser.badge()).toBe('');
  });

  it('opens the lead when the notification is clicked', async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW }, NOW - HOUR);
    const browser = fakeBrowser();
    await createFollowUpScheduler(db, browser.api, () => clock).onNotificationClicked(alarmName(reminder.id));
    expect(browser.opened).toEqual([leadId]);
  });

  it('drops the alarm of a reminder that was completed elsewhere', async () => {
    const reminder = await addReminder(db, { leadId, dueAt: NOW + DAY }, NOW);
    const browser = fakeBrowser();
    const scheduler = createFollowUpScheduler(db, browser.api, () => clock);
    await scheduler.syncAll();
    await db.reminders.update(reminder.id, { status: 'done' });
    await scheduler.syncAll();
    expect(browser.alarms.size).toBe(0);
  });
});
