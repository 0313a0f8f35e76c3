import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureUrl, type Session, type Tab } from './harness';
import { launchForEachTest } from './fresh-session';

const MARIA_URL = 'https://www.linkedin.com/in/maria-jose-garcia-lopez/';

async function saveFromPage(page: Tab): Promise<void> {
  await page.widget.click('Save lead');
  await expect.poll(() => page.widget.buttons()).toEqual(['Open in Leadline', 'Saved', 'Hide on this site']);
}

async function downloadQualifiedCsv(session: Session, popup: Tab): Promise<{ name: string; rows: string[][]; raw: string }> {
  // The header's export offers the layouts; the spreadsheet one has every column.
  await popup.getByRole('button', { name: 'Export qualified leads' }).click();
  const layouts = popup.getByRole('list', { name: 'Layout of the qualified leads file' });
  const { name, text: raw } = await session.download(popup, () => layouts.getByRole('button', { name: 'Spreadsheet (all fields)' }).click());
  const rows = Papa.parse<string[]>(raw.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return { name, rows, raw };
}

async function answerBant(popup: Tab, answers: Record<string, 'Met' | 'Not met' | 'Unknown'>): Promise<void> {
  for (const [criterion, answer] of Object.entries(answers)) {
    // The radios show what is stored, so wait for the write to come back rather than for the click.
    const radio = popup.getByRole('group', { name: criterion }).getByRole('radio', { name: answer, exact: true });
    await radio.click();
    await expect.poll(() => radio.isChecked()).toBe(true);
  }
}

describe('capturing a LinkedIn profile and qualifying it', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('saves a profile, qualifies it with BANT in the popup and exports it as CSV', async () => {
    expect(fixtureUrl('linkedin/profile-2025.html')).toBe(MARIA_URL);
    await session.serveFixture(MARIA_URL, 'linkedin/profile-2025.html');
    const page = await session.newTab();
    await page.goto(MARIA_URL);
    await saveFromPage(page);
    await expect.poll(() => page.widget.status()).toBe('Saved María José García-López to Leadline');

    const popup = await session.openPopup();
    await popup.getByRole('button', { name: 'All leads' }).click();
    await popup.getByRole('searchbox', { name: 'Search leads' }).fill('garcía');
    await popup.getByRole('button', { name: /María José García-López/ }).click();
    await expect.poll(() => popup.getByRole('heading', { name: 'María José García-López' }).count()).toBe(1);

    await answerBant(popup, { Budget: 'Met', Authority: 'Met', Need: 'Not met' });
    await expect.poll(() => popup.getByText('2 of 4 met', { exact: true }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Move to qualified' }).count()).toBe(0);
    await answerBant(popup, { Timeline: 'Met' });
    await expect.poll(() => popup.getByText('3 of 4 met', { exact: true }).count()).toBe(1);
    await popup.getByRole('button', { name: 'Move to qualified' }).click();
    await expect.poll(() => popup.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('qualified');

    await popup.getByRole('button', { name: 'Back to leads' }).click();
    const csv = await downloadQualifiedCsv(session, popup);
    expect(csv.name).toMatch(/^leadline-qualified-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.raw.startsWith('\uFEFF')).toBe(true);
    expect(csv.raw).toContain('\r\n');
    const [header, row, ...rest] = csv.rows;
    expect(rest).toEqual([]);
    expect(header).toEqual(
      'First Name,Last Name,Full Name,Title,Company,Email,Phone,Location,Website,Profile URL,Source,Source URL,Stage,Qualified,Framework,Criteria Met,Score,Next Follow-up,Notes,Captured At,Updated At'.split(','),
    );
    const record = Object.fromEntries(header!.map((name, i) => [name, row![i]]));
    expect(record['Full Name']).toBe('María José García-López');
    expect(record['Profile URL']).toBe(MARIA_URL);
    expect(record['Stage']).toBe('Qualified');
    expect(record['Qualified']).toBe('Yes');
    expect(record['Criteria Met']).toBe('Budget; Authority; Timeline');
  });

  it('recognises a stored profile before any click, inside the widget only, and never creates a duplicate', async () => {
    await session.serveFixture(MARIA_URL, 'linkedin/profile-2025.html');
    const page = await session.newTab();
    await page.goto(MARIA_URL);
    await saveFromPage(page);

    await page.reload();
    await expect.poll(() => page.widget.description()).toBe('Already in Leadline (stage: New)');
    expect(await page.widget.status()).toBe('');
    expect(await page.evaluate(() => document.querySelector('leadline-capture')?.shadowRoot ?? 'closed', undefined)).toBe('closed');
    await saveFromPage(page);

    const leads = await session.storedRows('leads');
    expect(leads.map((lead) => lead.fullName)).toEqual(['María José García-López']);
  });

  it('follows LinkedIn navigation from the feed to a profile without a reload', async () => {
    const feedUrl = fixtureUrl('linkedin/feed-no-profile.html');
    const profileUrl = fixtureUrl('linkedin/profile-2021.html');
    await session.serveFixture(feedUrl, 'linkedin/feed-no-profile.html');
    const page = await session.newTab();
    await page.goto(feedUrl);
    expect(await page.widget.isShown()).toBe(false);

    // What LinkedIn's router does: swap the page content, retitle it and push the new URL.
    const profileHtml = fixture('linkedin/profile-2021.html');
    await page.evaluate(
      ({ html, url }) => {
        const next = new DOMParser().parseFromString(html, 'text/html');
        document.body.replaceWith(document.adoptNode(next.body));
        document.title = next.title;
        history.pushState({}, '', url);
      },
      { html: profileHtml, url: profileUrl },
    );
    await expect.poll(() => page.widget.buttons()).toEqual(['Save lead', 'Hide on this site']);
    await saveFromPage(page);
    const leads = await session.storedRows('leads');
    expect(leads.map((lead) => lead.fullName)).toEqual(['Jan van der Berg']);

    await page.evaluate((url) => history.pushState({}, '', url), feedUrl);
    await page.evaluate(() => (document.title = 'Feed | LinkedIn'), undefined);
    await expect.poll(() => page.widget.isShown()).toBe(false);
  });

  it('says so when a profile page shows no prospect, and saves nothing', async () => {
    const page = await session.openFixture('linkedin/profile-loading-shell.html');
    await page.widget.click('Save lead');
    await expect.poll(() => page.widget.alert()).toBe('No prospect found on this page.');
    expect(await session.storedRows('leads')).toEqual([]);
  });

  it('shows a hostile name as plain text and neutralises a formula headline in the export', async () => {
    const page = await session.openFixture('linkedin/profile-hostile.html');
    await saveFromPage(page);

    const popup = await session.openPopup();
    const hostileName = '<img src=x onerror=alert(1)>Eve <script>alert("x")</script>Mallory';
    await popup.getByRole('button', { name: /Mallory/ }).click();
    await expect.poll(() => popup.getByRole('heading', { name: hostileName }).count()).toBe(1);
    await expect.poll(() => popup.getByText('=HYPERLINK("http://evil.example","click")', { exact: true }).count()).toBe(1);
    expect(await popup.locator('img[src="x"], script:not([src]), b, i').count()).toBe(0);

    await answerBant(popup, { Budget: 'Met', Authority: 'Met', Need: 'Met' });
    // A met checklist offers the move; only the Qualified stage makes the lead one the export takes.
    await popup.getByRole('button', { name: 'Move to qualified' }).click();
    await expect.poll(() => popup.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('qualified');
    await popup.getByRole('button', { name: 'Back to leads' }).click();
    const csv = await downloadQualifiedCsv(session, popup);
    const [header, row] = csv.rows;
    const record = Object.fromEntries(header!.map((name, i) => [name, row![i]]));
    expect(record['Full Name']).toBe(hostileName);
    expect(record['Title']).toBe(`'-2+3+cmd|' /C calc'!A0`);
    expect(record['Company']).toBe('Evil & Co <b>Ltd</b>');
    expect([...page.dialogs, ...popup.dialogs]).toEqual([]);
  });
});
