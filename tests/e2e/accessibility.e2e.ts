import { describe, expect, it } from 'vitest';
import type { AxeViolation, ColorScheme } from './drivers/types';
import { nextMinute, saveMaria, MARIA } from './follow-up-steps';
import type { Session, Tab } from './harness';
import { launchForEachTest } from './fresh-session';

const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

/** One line per broken rule: what a failing run prints so the fix can start from it. */
function report(found: Record<string, AxeViolation[]>): string {
  return Object.entries(found)
    .flatMap(([view, violations]) =>
      violations.map((v) => `${view}: ${v.id} (${v.impact}) ${v.help}\n    ${v.targets.join('\n    ')}\n    ${v.helpUrl}`),
    )
    .join('\n');
}

describe('every view, checked by axe-core (WCAG 2.x A and AA)', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('popup, side panel and every full-page tab, in light and dark, break no rule; Esc goes back from a lead to the list', { timeout: 180_000 }, async () => {
    const found: Record<string, AxeViolation[]> = {};
    // Every rule in the light scheme; in dark only what the scheme changes, the colours (half the time).
    const check = async (view: string, tab: Tab) => {
      for (const scheme of SCHEMES) {
        await tab.emulateColorScheme(scheme);
        expect(await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches, undefined)).toBe(scheme === 'dark');
        const violations = await tab.axe(scheme === 'dark' ? { rules: ['color-contrast'] } : {});
        if (violations.length > 0) found[`${view} (${scheme})`] = violations;
      }
      await tab.emulateColorScheme('light');
    };

    await saveMaria(session);

    // The popup: adding a lead by hand, then that lead's detail with a follow-up set for today.
    const popup = await session.openPopup();
    await popup.getByRole('button', { name: 'Add a lead' }).click();
    await popup.getByLabel('Name (required)').fill('Priya Nair');
    await check('popup, Add a lead', popup);
    await popup.getByRole('button', { name: 'Add lead' }).click();
    await expect.poll(() => popup.getByRole('heading', { name: 'Priya Nair' }).count()).toBe(1);
    const soon = await nextMinute(popup);
    await popup.getByLabel('Date', { exact: true }).fill(soon.date);
    await popup.getByLabel('Time', { exact: true }).fill(soon.time);
    await popup.getByRole('button', { name: 'Set reminder' }).click();
    await expect.poll(() => popup.getByText(/^Reminder set for/).count()).toBe(1);
    await check('popup, lead detail', popup);

    // Esc from the detail goes back to the list the rep came from.
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.getByRole('button', { name: 'Today', exact: true }).count()).toBe(1);
    await expect.poll(() => popup.getByText('Priya Nair').count()).toBeGreaterThan(0);
    await check('popup, Today', popup);

    await popup.getByRole('button', { name: 'All leads' }).click();
    await expect.poll(() => popup.getByRole('button', { name: new RegExp(MARIA) }).count()).toBe(1);
    await check('popup, All leads', popup);

    await popup.getByRole('button', { name: new RegExp(MARIA) }).click();
    await popup.getByRole('button', { name: 'Qualify step by step' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Met', exact: true }).count()).toBeGreaterThan(0);
    await check('popup, walk-through', popup);
    await popup.keyboard.press('Escape');
    await popup.getByRole('button', { name: 'Delete lead' }).click();
    await expect.poll(() => popup.getByRole('region', { name: 'Undo' }).count()).toBe(1);
    await check('popup, All leads with the undo bar', popup);

    const panel = await session.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.getByRole('button', { name: 'All leads' }).count()).toBe(1);
    await check('side panel', panel);

    // The full page: every tab, and a lead opened from the table.
    const page = await session.openExtensionPage('dashboard.html#welcome');
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Leadline' }).count()).toBe(1);
    await check('full page, Welcome', page);
    await page.getByRole('tab', { name: 'Leads' }).click();
    await expect.poll(() => page.getByRole('grid').locator('[data-lead-id]').count()).toBe(1);
    await check('full page, Leads table', page);
    await page.getByRole('grid').locator('[data-lead-id]').first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'Priya Nair' }).count()).toBe(1);
    await check('full page, a lead', page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('grid').count()).toBe(1);
    for (const [name, heading] of [
      ['Dashboard', 'Conversion overall'],
      ['Import & export', 'Import CSV'],
      ['Settings', 'Your qualification templates'],
    ] as const) {
      await page.getByRole('tab', { name }).click();
      await expect.poll(() => page.getByRole('tab', { name, selected: true }).count()).toBe(1);
      await expect.poll(() => page.getByRole('heading', { name: heading }).count()).toBeGreaterThan(0);
      await check(`full page, ${name}`, page);
    }

    expect(report(found), 'axe-core found these (view: rule (impact) help, then each element)').toBe('');
  });
});
