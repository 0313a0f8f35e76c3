import { describe, expect, it } from 'vitest';
import type { Session } from './harness';
import { launchForEachTest } from './fresh-session';

// The widget driver (tab.widget) is how every test reaches Leadline's in-page widget. This checks it
// on a stand-in whose shadow root is closed and which ignores untrusted events, as the widget will be.
describe('the in-page widget driver', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('reads and clicks a widget in a closed shadow root with trusted input only', async () => {
    const page = await session.openFixture('harness/closed-widget.html');
    expect(await page.evaluate(() => document.querySelector('leadline-capture')?.shadowRoot ?? 'closed', undefined)).toBe('closed');

    expect(await page.widget.isShown()).toBe(true);
    await expect.poll(() => page.widget.buttons()).toEqual(['Save lead']);
    expect(await page.widget.choices()).toEqual([
      { label: 'Ada Lovelace Analyst · Engines Ltd', checked: false },
      { label: 'Grace Hopper Rear Admiral · Navy', checked: true },
    ]);
    await page.widget.check('Ada Lovelace');
    expect((await page.widget.choices()).map((choice) => choice.checked)).toEqual([true, true]);

    await page.widget.click('Save lead');
    await expect.poll(() => page.widget.status()).toBe('Saved 2 by a trusted click');
    expect(await page.widget.countInside('input[type="checkbox"]')).toBe(2);
    expect(await page.widget.alert()).toBe('');
  });
});
