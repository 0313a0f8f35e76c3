import { afterEach, describe, expect, it } from 'vitest';
import { followUpState, nextMinute, openLeadInPopup, saveMaria } from './follow-up-steps';
import { launch, type Session } from './harness';
import { launchForEachTest } from './fresh-session';

describe('qualifying by keyboard', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('walks a lead through BANT with the number keys alone, then moves it to qualified', async () => {
    await saveMaria(session);
    const popup = await openLeadInPopup(session);
    await popup.getByRole('button', { name: 'Qualify step by step' }).click();
    for (const key of ['1', '1', '2', '1']) {
      await popup.keyboard.press(key);
    }
    await popup.getByRole('button', { name: 'Move to qualified' }).click();
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('qualified');
    await expect.poll(() => popup.getByText('3 of 4 met', { exact: true }).count()).toBe(1);
  });
});

describe('follow-up reminders', () => {
  let session: Session | undefined;

  afterEach(async () => {
    if (!session) return;
    try {
      await session.close();
    } finally {
      session.removeProfile();
      session = undefined;
    }
  });

  it('schedules reminders, and after a browser restart rings the one that fell due and counts it on the badge', async () => {
    session = await launch();
    await saveMaria(session);

    const popup = await openLeadInPopup(session);
    await popup.getByLabel('Reminder note').fill('Send the pricing deck');
    await popup.getByRole('group', { name: 'Quick times' }).getByRole('button', { name: 'Tomorrow' }).click();
    const tomorrowNine = await popup.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 1);
      d.setHours(9, 0, 0, 0);
      return d.getTime();
    }, undefined);
    await expect.poll(async () => (await followUpState(session!)).alarms).toEqual([tomorrowNine]);

    const soon = await nextMinute(popup);
    await popup.getByLabel('Reminder note').fill('Call María back about the pilot');
    await popup.getByLabel('Date', { exact: true }).fill(soon.date);
    await popup.getByLabel('Time', { exact: true }).fill(soon.time);
    await popup.getByRole('button', { name: 'Set reminder' }).click();
    await expect.poll(async () => (await followUpState(session!)).alarms).toEqual([soon.at, tomorrowNine]);
    expect(await followUpState(session)).toMatchObject({ notifications: 0, badge: '', title: 'Leadline' });

    // The browser is closed while the reminder falls due, then started again on the same profile.
    const profileDir = session.profileDir;
    await session.close();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, soon.at - Date.now()) + 1_500));
    session = await launch({ profileDir });

    await expect.poll(async () => followUpState(session!), { timeout: 15_000 }).toEqual({
      alarms: [tomorrowNine],
      notifications: 1,
      badge: '1',
      title: 'Leadline: 1 follow-up due',
    });

    const today = await session.openPopup();
    const overdue = today.getByRole('listitem').filter({ hasText: 'Call María back about the pilot' });
    await expect.poll(() => overdue.count()).toBe(1);
    await overdue.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await followUpState(session!)).badge).toBe('');
    // Waits for a real minute to pass: alarms and restarts run on the browser's clock, which a test cannot move.
  }, 180_000);
});
