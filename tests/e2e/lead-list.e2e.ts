import { describe, expect, it } from 'vitest';
import type { Session, Tab } from './harness';
import { launchForEachTest } from './fresh-session';

const PEOPLE = 1_500;
const TITLES = ['VP Sales', 'Head of Data', 'CTO', 'Procurement Manager', 'Marketing Intern', 'Founder'];

/** A trade-show list: different people, some with a phone, titles from intern to CTO, so scores differ. */
function tradeShowCsv(): string {
  const lines = ['First Name,Last Name,Email,Phone,Job Title,Company Name'];
  for (let i = 0; i < PEOPLE; i++) {
    const phone = i % 3 === 0 ? `+1 415 555 ${String(i).padStart(4, '0')}` : '';
    lines.push(`Visitor,Number${i},visitor.${i}@company${i % 40}.example,${phone},${TITLES[i % TITLES.length]},Company ${i % 40}`);
  }
  return lines.join('\r\n');
}

async function importTradeShow(session: Session): Promise<void> {
  const page = await session.openExtensionPage('dashboard.html#data');
  const section = page.getByRole('region', { name: 'Import CSV' });
  await section.getByLabel('CSV file to import').setInputFiles({ name: 'trade-show.csv', mimeType: 'text/csv', buffer: Buffer.from(tradeShowCsv()) });
  await expect.poll(() => section.getByText(/can be imported\.$/).count(), { timeout: 30_000 }).toBe(1);
  await section.getByRole('button', { name: 'Import valid rows' }).click();
  await expect.poll(() => section.getByRole('status').textContent(), { timeout: 60_000 }).toMatch(/^1,500 imported/);
}

const rows = (popup: Tab) => popup.locator('.lead-scroll li');

describe('the popup list with many leads', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('scrolls through every lead, draws only the rows in view, sorts by score across all, and brings the rep back to the lead opened', async () => {
    await importTradeShow(session);
    const popup = await session.openPopup();
    await popup.getByRole('button', { name: 'All leads' }).click();
    await expect.poll(() => popup.getByText('1,500 leads').count()).toBe(1);

    // Laid out for real: every row is exactly as tall as the list counts on, and only a window is drawn.
    const rowHeights = await rows(popup).evaluateAll((items) => items.map((item) => item.getBoundingClientRect().height));
    expect(new Set(rowHeights)).toEqual(new Set([54]));
    expect(rowHeights.length).toBeLessThan(60);
    const list = popup.getByRole('list', { name: 'Leads, newest first' });
    expect((await list.boundingBox())?.height).toBe(PEOPLE * 54);

    // To the very end of the list with the scrollbar, as a rep dragging it would.
    await popup.locator('.lead-scroll').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
    const last = rows(popup).last();
    await expect.poll(() => last.getAttribute('aria-posinset')).toBe(String(PEOPLE));
    expect(await last.getAttribute('aria-setsize')).toBe(String(PEOPLE));
    await expect.poll(() => last.isVisible()).toBe(true);
    expect(await rows(popup).count()).toBeLessThan(60);

    // Open the last lead and come back: the list is scrolled to it and keyboard focus is on it.
    const lastId = await last.locator('button[data-lead-id]').getAttribute('data-lead-id');
    await last.locator('button').click();
    await popup.getByRole('button', { name: 'Back to leads' }).click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-lead-id'), undefined)).toBe(lastId);

    // Highest score first across all 1,500 leads, not only the ones drawn before.
    const scores = (await session.storedRows('leads')).map((lead) => Number(lead.score)).sort((a, b) => b - a);
    expect(scores[0]).toBeGreaterThan(scores.at(-1)!);
    await popup.getByRole('button', { name: 'Sort by score' }).click();
    await expect.poll(() => rows(popup).first().getAttribute('aria-posinset')).toBe('1');
    const shownScores = async () =>
      (await rows(popup).locator('.score').allTextContents()).slice(0, 12).map((text) => Number(text.replace('Score ', '')));
    await expect.poll(shownScores).toEqual(scores.slice(0, 12));
  });
});
