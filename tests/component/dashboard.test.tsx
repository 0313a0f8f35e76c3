import { useFreshDatabase } from '../fake-database';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DashboardView } from '@/components/dashboard/DashboardView';
import { LeadlineDatabase } from '@/lib/db/database';
import { getSettings, saveChannelSpend } from '@/lib/db/settings';
import { LeadSchema, type Channel, type Lead } from '@/lib/model/lead';
import type { Source } from '@/lib/model/prospect';
import type { Stage } from '@/lib/model/stage';
import { inBrowserLanguage } from '../locale-messages';

/** Friday 7 March 2025, 10:30 local time: ISO week 2025-W10, which began on Monday 3 March. */
const NOW = new Date(2025, 2, 7, 10, 30).getTime();
const DAY = 24 * 60 * 60 * 1000;

let db: LeadlineDatabase;
useFreshDatabase((fresh) => (db = fresh));

/** A lead captured `daysAgo` before NOW, then moved through `steps` (stage, days after capture). */
function lead(
  fullName: string,
  source: Source,
  channel: Channel | undefined,
  daysAgo: number,
  steps: [Stage, number][] = [],
): Lead {
  const capturedAt = NOW - daysAgo * DAY;
  const stageHistory = [{ stage: 'new' as Stage, at: capturedAt }, ...steps.map(([stage, after]) => ({ stage, at: capturedAt + after * DAY }))];
  const last = stageHistory[stageHistory.length - 1]!;
  return LeadSchema.parse({
    id: fullName.toLowerCase().replace(/ /g, '-'),
    fullName,
    source,
    ...(channel ? { channel } : {}),
    capturedAt,
    stage: last.stage,
    stageHistory,
    createdAt: capturedAt,
    updatedAt: last.at,
  });
}

/**
 * Eight leads: two referrals that became customers (after 10 and 12 days, qualified after 4 and 6),
 * three ad leads (one qualified in 2 days, one disqualified, one new), a nurtured import, a fresh SEO
 * lead, and an event lead from four months ago that is still being contacted.
 */
const PIPELINE: Lead[] = [
  lead('Ada Lovelace', 'linkedin', 'referral', 20, [['contacted', 2], ['qualified', 4], ['customer', 10]]),
  lead('Grace Hopper', 'gmail', 'referral', 15, [['qualified', 6], ['customer', 12]]),
  lead('Linus Torvalds', 'linkedin', 'ad', 10, [['contacted', 1], ['qualified', 2]]),
  lead('Margaret Hamilton', 'linkedin', 'ad', 9, [['contacted', 1], ['disqualified', 3]]),
  lead('Alan Turing', 'web', 'ad', 3),
  lead('Barbara Liskov', 'import', undefined, 2, [['nurturing', 1]]),
  lead('Dennis Ritchie', 'manual', 'seo', 1),
  lead('Ken Thompson', 'outlook', 'event', 120, [['contacted', 5]]),
];

const percent = (ratio: number) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
const dollars = (amount: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(amount);

async function showDashboard(leads: Lead[] = PIPELINE) {
  if (leads.length > 0) await db.leads.bulkAdd(leads);
  render(<DashboardView db={db} now={() => NOW} />);
}

/** The cells of a table row, found by the text of its row header. */
function rowOf(tableName: string, rowName: RegExp | string): string[] {
  const table = screen.getByRole('table', { name: tableName });
  const row = within(table).getByRole('row', { name: rowName instanceof RegExp ? rowName : new RegExp(`^${rowName}\\b`) });
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

function stat(term: string): string {
  return screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

test('the funnel lists how many leads are in each stage, disqualified apart', async () => {
  await showDashboard();
  await screen.findByRole('table', { name: 'Leads by stage' });

  expect(rowOf('Leads by stage', 'New')).toEqual(['2']);
  expect(rowOf('Leads by stage', 'Contacted')).toEqual(['1']);
  expect(rowOf('Leads by stage', 'Nurturing')).toEqual(['1']);
  expect(rowOf('Leads by stage', 'Qualified')).toEqual(['1']);
  expect(rowOf('Leads by stage', 'Customer')).toEqual(['2']);
  expect(rowOf('Leads by stage', 'Disqualified')).toEqual(['1']);
  expect(
    screen.getByRole('img', { name: 'Leads by stage: New 2, Contacted 1, Nurturing 1, Qualified 1, Customer 2. Disqualified 1.' }),
  ).toBeTruthy();
});

test('overall conversion shows lead to qualified to customer', async () => {
  await showDashboard();
  await screen.findByRole('heading', { name: 'Conversion overall' });

  expect(stat('Qualified leads')).toBe('3 (in the Qualified or Customer stage now)');
  expect(stat('Lead to qualified')).toBe(`${percent(3 / 8)} (3 of 8)`);
  expect(stat('Qualified to customer')).toBe(`${percent(2 / 3)} (2 of 3)`);
  expect(stat('Lead to customer')).toBe(`${percent(2 / 8)} (2 of 8)`);
});

test('conversion by channel shows referrals closing and ads not', async () => {
  await showDashboard();
  await screen.findByRole('table', { name: 'Conversion by channel' });

  expect(rowOf('Conversion by channel', 'Referral')).toEqual(['2', '2', '2', percent(1), percent(1), percent(1)]);
  expect(rowOf('Conversion by channel', 'Ad')).toEqual(['3', '1', '0', percent(1 / 3), percent(0), percent(0)]);
  expect(rowOf('Conversion by channel', 'No channel')).toEqual(['1', '0', '0', percent(0), '—', percent(0)]);
});

test('conversion by source lists LinkedIn first with its three leads', async () => {
  await showDashboard();
  await screen.findByRole('table', { name: 'Conversion by source' });

  const rows = within(screen.getByRole('table', { name: 'Conversion by source' })).getAllByRole('row');
  expect(rows[1]?.textContent).toMatch(/^LinkedIn3/);
  expect(rowOf('Conversion by source', 'LinkedIn')).toEqual(['3', '2', '1', percent(2 / 3), percent(1 / 2), percent(1 / 3)]);
});

test('median days to qualify and to close come from the stage history', async () => {
  await showDashboard();
  await screen.findByRole('heading', { name: 'Conversion overall' });

  expect(stat('Median time to qualify')).toBe('4 days');
  expect(stat('Median time to close')).toBe('11 days');
});

test('the weekly table sets leads captured against customers acquired for the last 12 weeks', async () => {
  await showDashboard();
  const table = await screen.findByRole('table', { name: 'Captured vs. customers acquired per week' });

  expect(within(table).getAllByRole('row')).toHaveLength(13);
  expect(rowOf('Captured vs. customers acquired per week', /^Week 51, 2024/)).toEqual(['0', '0']);
  expect(rowOf('Captured vs. customers acquired per week', /^Week 7, 2025/)).toEqual(['1', '0']);
  expect(rowOf('Captured vs. customers acquired per week', /^Week 8, 2025/)).toEqual(['1', '0']);
  expect(rowOf('Captured vs. customers acquired per week', /^Week 9, 2025/)).toEqual(['2', '1']);
  expect(rowOf('Captured vs. customers acquired per week', /^Week 10, 2025/)).toEqual(['3', '1']);
  expect(screen.getByRole('img', { name: 'Last 12 weeks: 7 leads captured and 2 customers acquired.' })).toBeTruthy();
});

test('Show as table reveals the chart\'s numbers and says so', async () => {
  await showDashboard();
  const user = userEvent.setup();
  const toggles = await screen.findAllByRole('button', { name: 'Show as table' });

  await user.click(toggles[0]!);

  expect(screen.getByRole('button', { name: 'Hide table' }).getAttribute('aria-expanded')).toBe('true');
});

test('entering spend shows cost per lead and per acquired customer by channel', async () => {
  await showDashboard();
  const user = userEvent.setup();
  const spend = await screen.findByRole('group', { name: /Spend per channel/ });

  await user.type(within(spend).getByRole('spinbutton', { name: 'Referral' }), '1000');
  await user.type(within(spend).getByRole('spinbutton', { name: 'Ad' }), '300');

  await waitFor(() => expect(rowOf('Cost by channel', 'Ad')).toEqual([dollars(300), '3', dollars(100), '0', '—']));
  expect(rowOf('Cost by channel', 'Referral')).toEqual([dollars(1000), '2', dollars(500), '2', dollars(500)]);
  expect((await getSettings(db)).spendByChannel).toEqual({ referral: 1000, ad: 300 });
});

test('a negative spend is refused with a message naming the channel', async () => {
  await showDashboard();
  const user = userEvent.setup();
  const spend = await screen.findByRole('group', { name: /Spend per channel/ });

  await user.type(within(spend).getByRole('spinbutton', { name: 'Event' }), '-5');

  expect((await screen.findByRole('alert')).textContent).toContain('Spend on Event must be a number, 0 or more.');
  expect((await getSettings(db)).spendByChannel).toEqual({});
});

test('with no leads the dashboard says how to get some', async () => {
  await showDashboard([]);

  expect(await screen.findByRole('heading', { name: 'No leads yet' })).toBeTruthy();
  expect(screen.queryByRole('table')).toBeNull();
  expect(screen.getByRole('link', { name: 'Import a list' }).getAttribute('href')).toBe('#data');
  expect(screen.getByRole('link', { name: 'See where capture works, and try a sample lead' }).getAttribute('href')).toBe('#welcome');
});

test('in a German browser the dashboard speaks German and writes numbers, percentages, money and dates the German way', async () => {
  await db.leads.bulkAdd(PIPELINE);
  await saveChannelSpend(db, 'referral', 1234.5);

  await inBrowserLanguage('de', 'de-DE', async () => {
    render(<DashboardView db={db} now={() => NOW} />);
    await screen.findByRole('heading', { name: 'Konversion gesamt' });

    // 3 of 8 leads reached Qualified: German writes 37,5 % (a comma, and a space before the sign).
    expect(stat('Lead zu qualifiziert')).toBe('37,5\u00a0% (3 von 8)');
    expect(stat('Qualifiziert zu Kunde')).toBe('66,7\u00a0% (2 von 3)');
    expect(stat('Mediane Zeit bis zur Qualifizierung')).toBe('4 Tage');

    const weeks = screen.getByRole('table', { name: 'Erfasste Leads und gewonnene Kunden pro Woche' });
    const thisWeek = within(weeks).getByRole('row', { name: /^KW 10\/2025/ });
    expect(within(thisWeek).getByRole('rowheader').textContent).toBe('KW 10/2025 (ab 3. März)');
    expect(within(thisWeek).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['3', '1']);

    // USD, as the settings say, in German notation: thousands grouped with a dot, cents after a comma.
    expect(screen.getByRole('table', { name: 'Kosten nach Kanal' }).textContent).toContain('1.234,50\u00a0$');
    expect(screen.getAllByRole('button', { name: 'Als Tabelle anzeigen' }).length).toBeGreaterThan(0);
    expect(screen.queryByText('Conversion overall')).toBeNull();
  });
});
