import { expect } from 'vitest';
import type { Session, Tab } from './harness';

export const MARIA = 'María José García-López';

/** What the background has scheduled and shown, read inside the extension. */
export function followUpState(session: Session) {
  return session.inExtension(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return {
      alarms: (await api.alarms.getAll())
        .filter((alarm: { name: string }) => alarm.name.startsWith('leadline-reminder:'))
        .map((alarm: { scheduledTime: number }) => alarm.scheduledTime)
        .sort(),
      notifications: Object.keys(await api.notifications.getAll()).length,
      badge: await api.action.getBadgeText({}),
      // The toolbar button's tooltip, which says in words what the badge counts.
      title: await api.action.getTitle({}),
    };
  });
}

export async function saveMaria(session: Session): Promise<void> {
  const profile = await session.openFixture('linkedin/profile-2025.html');
  await profile.widget.click('Save lead');
  await expect.poll(() => profile.widget.buttons()).toEqual(['Open in Leadline', 'Saved', 'Hide on this site']);
}

export async function openLeadInPopup(session: Session): Promise<Tab> {
  const popup = await session.openPopup();
  await popup.getByRole('button', { name: 'All leads' }).click();
  await popup.getByRole('button', { name: new RegExp(MARIA) }).click();
  await expect.poll(() => popup.getByRole('heading', { name: MARIA }).count()).toBe(1);
  return popup;
}

/** The next whole minute at least 15 s away, as the rep types it into the date and time fields. */
export function nextMinute(popup: Tab) {
  return popup.evaluate(() => {
    const d = new Date(Date.now() + 60_000);
    d.setSeconds(0, 0);
    if (d.getTime() - Date.now() < 15_000) d.setMinutes(d.getMinutes() + 1);
    const pad = (n: number) => String(n).padStart(2, '0');
    return { at: d.getTime(), date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
  }, undefined);
}
