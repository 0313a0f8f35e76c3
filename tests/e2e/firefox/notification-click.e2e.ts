import { describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../drivers/firefox';
import { followUpState, nextMinute, openLeadInPopup, saveMaria } from '../follow-up-steps';
import { launchForEachTest } from '../fresh-session';

// Firefox only: its notifications have no buttons, so a click on the notification is how the rep
// gets to Done and Snooze. (Headless Chromium shows no notification a test could click; there the
// notification carries Done and Snooze buttons itself.)
describe('a follow-up notification in Firefox', () => {
  let session: FirefoxSession;
  launchForEachTest(
    (launched) => (session = launched as FirefoxSession),
    () => launchFirefox(),
  );

  it('opens the lead on a click, where the rep snoozes the follow-up by a day', async () => {
    await saveMaria(session);
    const popup = await openLeadInPopup(session);
    const soon = await nextMinute(popup);
    await popup.getByLabel('Reminder note').fill('Call María back about the pilot');
    await popup.getByLabel('Date', { exact: true }).fill(soon.date);
    await popup.getByLabel('Time', { exact: true }).fill(soon.time);
    await popup.getByRole('button', { name: 'Set reminder' }).click();
    await expect.poll(async () => (await followUpState(session)).alarms).toEqual([soon.at]);

    // The alarm rings on Firefox's own clock: wait for the notification, then click it as the rep would.
    await expect.poll(async () => (await followUpState(session)).notifications, { timeout: 90_000, interval: 1_000 }).toBe(1);
    const { text, tab: lead } = await session.clickNotification('Follow up: María José García-López');
    expect(text).toBe('Call María back about the pilot\nClick to open the lead and mark this follow-up done or snooze it.');
    expect(lead.url()).toMatch(/\/popup\.html#lead=/);
    await expect.poll(() => lead.getByRole('heading', { name: 'María José García-López' }).count()).toBe(1);

    const reminder = lead.getByRole('list', { name: 'Open reminders' }).getByRole('listitem').filter({ hasText: 'Call María back about the pilot' });
    await reminder.getByRole('button', { name: 'Snooze 1 day' }).click();
    await expect.poll(() => lead.getByText('Follow-up snoozed for a day.').count()).toBe(1);

    const [stored] = await session.storedRows<{ status: string; dueAt: number }>('reminders');
    expect(stored?.status).toBe('snoozed');
    expect(stored!.dueAt).toBeGreaterThanOrEqual(soon.at + 24 * 3_600_000);
    await expect.poll(() => followUpState(session)).toEqual({ alarms: [stored!.dueAt], notifications: 0, badge: '', title: 'Leadline' });
  }, 150_000);
});
