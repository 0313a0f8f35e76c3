import { useFreshDatabase } from '../fake-database';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/components/App';
import { downloadCsv } from '@/components/download';
import { ROW_HEIGHT } from '@/components/LeadList';
import type { NormalisedDraft } from '@/lib/model/normalise';
import { LeadlineDatabase } from '@/lib/db/database';
import { withDerivedKeys } from '@/lib/model/keys';
import { answerCriterion, saveOrMergeProspect, setStage } from '@/lib/db/leads';
import type { Lead } from '@/lib/model/lead';
import { makeLead } from '../unit/io/lead-factory';

vi.mock('@/components/download', () => ({ downloadCsv: vi.fn() }));

const MARCH_7 = new Date(2025, 2, 7, 10, 30).getTime();
let db: LeadlineDatabase;

useFreshDatabase((fresh) => (db = fresh));
beforeEach(() => {
  vi.mocked(downloadCsv).mockClear();
});

function linkedInDraft(first: string, last: string, fields: Partial<NormalisedDraft> = {}): NormalisedDraft {
  const slug = `${first}-${last}`.toLowerCase();
  return {
    source: 'linkedin',
    fullName: `${first} ${last}`,
    firstName: first,
    lastName: last,
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    sourceUrl: `https://www.linkedin.com/in/${slug}/`,
    confidence: 0.9,
    ...fields,
  };
}

async function addLead(draft: NormalisedDraft, at: number) {
  const outcome = await saveOrMergeProspect(db, draft, at);
  return outcome.lead;
}

async function exportQualifiedAs(user: ReturnType<typeof userEvent.setup>, layout: string) {
  await user.click(screen.getByRole('button', { name: 'Export qualified leads' }));
  await user.click(within(screen.getByRole('list', { name: 'Layout of the qualified leads file' })).getByRole('button', { name: layout }));
}

function renderPopup() {
  return render(<App db={db} now={() => MARCH_7} />);
}

async function showAllLeads(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'All leads' }));
}

function leadButtons() {
  return within(screen.getByRole('list', { name: /leads/i })).getAllByRole('button');
}

const FIRST_NAMES = ['Ana', 'Chen', 'María', 'Tom', 'Grace', 'Ravi', 'Fatima', 'Lukas'];
const COMPANIES = ['Acme Corp', 'Globex', 'Nimbus Analytics', 'Initech', 'Umbrella Health'];
const MINUTE = 60_000;

/** A rep's book of leads, captured a minute apart over the last days, scores spread 0–99. */
async function storeLeads(count: number): Promise<Lead[]> {
  const leads = Array.from({ length: count }, (_, n) => {
    const firstName = FIRST_NAMES[n % FIRST_NAMES.length]!;
    const at = MARCH_7 - (count - n) * MINUTE;
    return withDerivedKeys(
      makeLead({
        id: `lead-${n}`,
        fullName: `${firstName} Example${n}`,
        firstName,
        lastName: `Example${n}`,
        company: COMPANIES[n % COMPANIES.length],
        score: (n * 37) % 100,
        capturedAt: at,
        createdAt: at,
        updatedAt: at,
      }),
    );
  });
  await db.leads.bulkAdd(leads);
  return leads;
}

const newestFirst = (leads: Lead[]) => [...leads].sort((a, b) => b.createdAt - a.createdAt);

function leadRow(name: string) {
  return screen.getByRole('button', { name: new RegExp(`${name}\\b`) }).closest('li')!;
}

function scrollList(rows: number) {
  const scroller = screen.getByRole('list', { name: /leads/i }).parentElement!;
  scroller.scrollTop = rows * ROW_HEIGHT;
  fireEvent.scroll(scroller);
}

test('the list shows leads newest first with title, company and stage', async () => {
  await addLead(linkedInDraft('Ada', 'Lovelace', { title: 'CTO', company: 'Analytical Engines' }), MARCH_7 - 3000);
  await addLead(linkedInDraft('Grace', 'Hopper', { title: 'Rear Admiral', company: 'US Navy' }), MARCH_7 - 2000);
  await addLead(linkedInDraft('Alan', 'Turing', { title: 'Researcher', company: 'NPL' }), MARCH_7 - 1000);

  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);

  await screen.findByRole('button', { name: /Ada Lovelace/ });
  const names = leadButtons().map((button) => button.textContent);
  expect(names[0]).toContain('Alan Turing');
  expect(names[1]).toContain('Grace Hopper');
  expect(names[2]).toContain('Ada Lovelace');
  expect(names[2]).toContain('CTO · Analytical Engines');
  expect(names[2]).toContain('New');
});

test('searching by company shows only the leads at that company', async () => {
  await addLead(linkedInDraft('Ada', 'Lovelace', { company: 'Analytical Engines' }), MARCH_7 - 2000);
  await addLead(linkedInDraft('Grace', 'Hopper', { company: 'US Navy' }), MARCH_7 - 1000);
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await screen.findByRole('button', { name: /Grace Hopper/ });

  await user.click(screen.getByRole('searchbox', { name: 'Search leads' }));
  await user.paste('analytical');

  expect(await screen.findByRole('button', { name: /Ada Lovelace/ })).toBeTruthy();
  await waitFor(() => expect(screen.queryByRole('button', { name: /Grace Hopper/ })).toBeNull());
});

test('searching by email finds the lead with that address', async () => {
  await addLead(linkedInDraft('Ada', 'Lovelace', { email: 'ada@engines.example' }), MARCH_7 - 2000);
  await addLead(linkedInDraft('Grace', 'Hopper', { email: 'grace@navy.example' }), MARCH_7 - 1000);
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await screen.findByRole('button', { name: /Ada Lovelace/ });

  await user.click(screen.getByRole('searchbox', { name: 'Search leads' }));
  await user.paste('grace@navy');

  await waitFor(() => expect(screen.queryByRole('button', { name: /Ada Lovelace/ })).toBeNull());
  expect(screen.getByRole('button', { name: /Grace Hopper/ })).toBeTruthy();
});

// The empty popup used to name LinkedIn only; it now points to every way in.
test('with no leads the popup explains every way to capture one, and the list import', async () => {
  const user = userEvent.setup();
  renderPopup();

  const guide = await screen.findByRole('region', { name: 'No leads yet' });
  const text = guide.textContent ?? '';
  for (const way of ['LinkedIn', 'Gmail or Outlook', 'Capture this page', 'Save contact to Leadline', 'Alt+Shift+L']) expect(text).toContain(way);
  expect(within(guide).getByRole('link', { name: 'import a CSV' }).getAttribute('href')).toBe('/dashboard.html#data');
  expect(within(guide).getByRole('link', { name: 'How Leadline works, with a sample lead to try' }).getAttribute('href')).toBe('/dashboard.html#welcome');

  await showAllLeads(user);
  expect(await screen.findByRole('region', { name: 'No leads yet' })).toBeTruthy();
});

test('clicking a lead opens its detail and Back returns to the list', async () => {
  await addLead(linkedInDraft('Ada', 'Lovelace', { title: 'CTO', company: 'Analytical Engines' }), MARCH_7);
  const user = userEvent.setup();
  renderPopup();

  await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));

  expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Back to leads' }));
  expect(await screen.findByRole('button', { name: /Ada Lovelace/ })).toBeTruthy();
});

test('Esc goes back from a lead to the list, but in a text field it leaves the typing alone', async () => {
  await addLead(linkedInDraft('Ada', 'Lovelace', { title: 'CTO', company: 'Analytical Engines' }), MARCH_7);
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
  await screen.findByRole('heading', { name: 'Ada Lovelace' });

  await user.click(screen.getByRole('textbox', { name: 'Notes' }));
  await user.keyboard('Call after the board meeting{Escape}');
  expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
  expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('Call after the board meeting');

  await user.click(screen.getByRole('combobox', { name: 'Stage' }));
  await user.keyboard('{Escape}');
  const back = await screen.findByRole('button', { name: /Ada Lovelace/ });
  expect(screen.queryByRole('heading', { name: 'Ada Lovelace' })).toBeNull();
  // Back where the rep left: the same list, focus on the lead just seen.
  expect(screen.getByRole('button', { name: 'All leads', pressed: true })).toBeTruthy();
  await waitFor(() => expect(document.activeElement).toBe(back));
});

test('Esc in the walk-through leaves the walk-through, and only a second Esc leaves the lead', async () => {
  await addLead(linkedInDraft('Ada', 'Lovelace'), MARCH_7);
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
  await user.click(await screen.findByRole('button', { name: 'Qualify step by step' }));

  await user.keyboard('{Escape}');
  expect(await screen.findByRole('button', { name: 'Qualify step by step' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
  await user.keyboard('{Escape}');
  const back = await screen.findByRole('button', { name: /Ada Lovelace/ });
  await waitFor(() => expect(document.activeElement).toBe(back));
});

test('a name with markup from a page is shown as literal text, never as HTML', async () => {
  const name = '<img src=x onerror=alert(1)>Eve';
  await addLead({ source: 'web', fullName: name, confidence: 0.5 }, MARCH_7);
  const user = userEvent.setup();
  const { container } = renderPopup();

  await user.click(await screen.findByRole('button', { name: /Eve/ }));

  expect(await screen.findByRole('heading', { name })).toBeTruthy();
  expect(screen.getByText(name)).toBeTruthy();
  expect(container.querySelector('img')).toBeNull();
});

test('exporting with no qualified leads says so instead of downloading an empty file', async () => {
  await addLead(linkedInDraft('Ada', 'Lovelace'), MARCH_7);
  const user = userEvent.setup();
  renderPopup();
  await screen.findByRole('button', { name: /Ada Lovelace/ });

  await exportQualifiedAs(user, 'Spreadsheet (all fields)');

  expect(await screen.findByText('No qualified leads to export yet.')).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe('No qualified leads to export yet.');
  expect(downloadCsv).not.toHaveBeenCalled();
});

// Qualified means the stage (lib/model/qualified.ts): Grace's met checklist only offers the move.
test('exporting downloads a dated CSV with the qualified leads only', async () => {
  const ada = await addLead(linkedInDraft('Ada', 'Lovelace', { company: 'Analytical Engines' }), MARCH_7 - 2000);
  const grace = await addLead(linkedInDraft('Grace', 'Hopper', { company: 'US Navy' }), MARCH_7 - 1000);
  for (const lead of [ada, grace]) {
    for (const criterion of ['budget', 'authority', 'need']) {
      await answerCriterion(db, lead.id, criterion, { status: 'met', note: '' }, MARCH_7);
    }
  }
  await setStage(db, ada.id, 'qualified', MARCH_7);
  const user = userEvent.setup();
  renderPopup();
  // Today has loaded (Ada, qualified now, is not among the leads to qualify).
  await screen.findByRole('heading', { name: 'Follow-ups due today' });

  await exportQualifiedAs(user, 'Spreadsheet (all fields)');

  await waitFor(() => expect(downloadCsv).toHaveBeenCalledTimes(1));
  const [fileName] = vi.mocked(downloadCsv).mock.calls[0]!;
  const csv = await downloadedText();
  expect(fileName).toBe('leadline-qualified-2025-03-07.csv');
  expect(csv).toContain('Ada');
  expect(csv).toContain('Analytical Engines');
  expect(csv).not.toContain('Hopper');
});

/** The text of the file the header export handed to the download helper, byte order mark kept (Blob.text() would drop it). */
async function downloadedText(): Promise<string> {
  const file = vi.mocked(downloadCsv).mock.calls[0]![1];
  return typeof file === 'string' ? file : new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
}

test('a lead moved to the Qualified stage is exported even before its checklist is complete', async () => {
  const ada = await addLead(linkedInDraft('Ada', 'Lovelace'), MARCH_7);
  await setStage(db, ada.id, 'qualified', MARCH_7);
  const user = userEvent.setup();
  renderPopup();
  // Today has loaded (Ada, qualified now, is not among the leads to qualify).
  await screen.findByRole('heading', { name: 'Follow-ups due today' });

  await exportQualifiedAs(user, 'Spreadsheet (all fields)');

  await waitFor(() => expect(downloadCsv).toHaveBeenCalledTimes(1));
  expect(await downloadedText()).toContain('Lovelace');
  expect(await screen.findByText('Exported 1 qualified lead.')).toBeTruthy();
});

test('the header export offers the CRM layouts, and writes the qualified leads in the one chosen', async () => {
  const ada = await addLead(linkedInDraft('Ada', 'Lovelace', { company: 'Analytical Engines', email: 'ada@engines.example' }), MARCH_7);
  await setStage(db, ada.id, 'qualified', MARCH_7);
  const user = userEvent.setup();
  renderPopup();
  // Today has loaded (Ada, qualified now, is not among the leads to qualify).
  await screen.findByRole('heading', { name: 'Follow-ups due today' });
  const toggle = screen.getByRole('button', { name: 'Export qualified leads' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');

  await user.click(toggle);

  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  const layouts = screen.getByRole('list', { name: 'Layout of the qualified leads file' });
  expect(within(layouts).getAllByRole('button').map((b) => b.textContent)).toEqual(['Spreadsheet (all fields)', 'HubSpot', 'Salesforce', 'Pipedrive']);
  await user.click(within(layouts).getByRole('button', { name: 'HubSpot' }));

  await waitFor(() => expect(downloadCsv).toHaveBeenCalledTimes(1));
  const [fileName] = vi.mocked(downloadCsv).mock.calls[0]!;
  const csv = await downloadedText();
  expect(fileName).toBe('leadline-qualified-2025-03-07.csv');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFFirst name,Last name,Email,Phone number,Job title,Company name,Website URL,Lifecycle stage,Lead status');
  expect(csv).toContain('ada@engines.example');
  expect(csv).toContain('salesqualifiedlead');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(document.activeElement).toBe(toggle);
});

test('Escape closes the list of layouts and puts focus back on Export qualified leads', async () => {
  const user = userEvent.setup();
  renderPopup();
  const toggle = screen.getByRole('button', { name: 'Export qualified leads' });
  await user.click(toggle);
  within(screen.getByRole('list', { name: 'Layout of the qualified leads file' })).getByRole('button', { name: 'Salesforce' }).focus();

  await user.keyboard('{Escape}');

  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(screen.queryByRole('list', { name: 'Layout of the qualified leads file' })).toBeNull();
  expect(document.activeElement).toBe(toggle);
  expect(downloadCsv).not.toHaveBeenCalled();
});

test('with 1,000 leads only the rows in view are rendered, and the count says how many there are', async () => {
  const leads = newestFirst(await storeLeads(1_000));
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);

  expect(await screen.findByRole('button', { name: new RegExp(leads[0]!.fullName) })).toBeTruthy();
  // The rows never wait for the count (see "shows the first rows before the leads are counted").
  expect(await screen.findByText('1,000 leads')).toBeTruthy();
  expect(leadButtons().length).toBeGreaterThan(5);
  expect(leadButtons().length).toBeLessThan(100);
  expect(leadRow(leads[0]!.fullName).getAttribute('aria-posinset')).toBe('1');
  expect(leadRow(leads[0]!.fullName).getAttribute('aria-setsize')).toBe('1000');
});

test('scrolling down the list shows the leads further down in their place', async () => {
  const leads = newestFirst(await storeLeads(1_000));
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await screen.findByRole('button', { name: new RegExp(leads[0]!.fullName) });

  scrollList(600);

  expect(await screen.findByRole('button', { name: new RegExp(`${leads[600]!.fullName}\\b`) })).toBeTruthy();
  expect(leadRow(leads[600]!.fullName).getAttribute('aria-posinset')).toBe('601');
  expect(screen.queryByRole('button', { name: new RegExp(leads[0]!.fullName) })).toBeNull();
  expect(leadButtons().length).toBeLessThan(100);
});

test('Sort by score puts the highest score of all leads first, not only of the newest', async () => {
  const leads = await storeLeads(1_000);
  const star = withDerivedKeys(
    makeLead({ id: 'star', fullName: 'Stella Oldfield', score: 100, createdAt: MARCH_7 - 400 * 24 * 60 * MINUTE }),
  );
  await db.leads.add(star);
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await screen.findByRole('button', { name: new RegExp(newestFirst(leads)[0]!.fullName) });

  await user.click(screen.getByRole('button', { name: 'Sort by score' }));

  await waitFor(() => expect(leadButtons()[0]!.textContent).toContain('Stella Oldfield'));
  const topScores = [star, ...leads].map((lead) => lead.score).sort((a, b) => b - a).slice(0, 5);
  expect(leadButtons().slice(0, 5).map((button) => button.textContent)).toEqual(topScores.map((score) => expect.stringContaining(`Score ${score}`)));
  expect(screen.getByText('1,001 leads')).toBeTruthy();
});

test('searching a large list shows only its matches, with how many there are', async () => {
  const graces = newestFirst((await storeLeads(1_000)).filter((lead) => lead.firstName === 'Grace'));
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await screen.findByText('1,000 leads');

  await user.click(screen.getByRole('searchbox', { name: 'Search leads' }));
  await user.paste('grace');

  expect(await screen.findByText(`${graces.length} matches`)).toBeTruthy();
  expect(leadButtons().map((button) => button.textContent)).toEqual(
    graces.slice(0, leadButtons().length).map((lead) => expect.stringContaining(lead.fullName)),
  );
  expect(leadRow(graces[0]!.fullName).getAttribute('aria-setsize')).toBe(String(graces.length));
});

test('shows the first rows before the leads are counted', async () => {
  const leads = newestFirst(await storeLeads(1_000));
  let finishCount = (_total: number) => {};
  // The count comes from the running totals; here their read waits until the test lets it finish.
  const readTotals = db.totals.get.bind(db.totals);
  vi.spyOn(db.totals, 'get').mockImplementation(((key: string) =>
    new Promise((resolve) => (finishCount = () => resolve(readTotals(key))))) as never);
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);

  expect(await screen.findByRole('button', { name: new RegExp(leads[0]!.fullName) })).toBe(leadButtons()[0]);
  expect(screen.getByText('Counting leads…')).toBeTruthy();
  expect(leadRow(leads[0]!.fullName).getAttribute('aria-setsize')).toBe('-1');

  finishCount(1_000);
  expect(await screen.findByText('1,000 leads')).toBeTruthy();
  expect(leadRow(leads[0]!.fullName).getAttribute('aria-setsize')).toBe('1000');
});

test('a search that every lead matches counts every one of them exactly', async () => {
  await storeLeads(1_001);
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await screen.findByText('1,001 leads');

  // Every lead's last name starts with "example": all of them are matches, not the first thousand.
  await user.click(screen.getByRole('searchbox', { name: 'Search leads' }));
  await user.paste('example');

  expect(await screen.findByText('1,001 matches')).toBeTruthy();
  await user.paste('1000');
  expect(await screen.findByText('1 match')).toBeTruthy();
});

test('a lead saved while the list is open appears at the top', async () => {
  await storeLeads(1_000);
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await screen.findByText('1,000 leads');

  await addLead(linkedInDraft('Ada', 'Lovelace', { company: 'Analytical Engines' }), MARCH_7);

  expect(await screen.findByRole('button', { name: /Ada Lovelace/ })).toBe(leadButtons()[0]);
  expect(await screen.findByText('1,001 leads')).toBeTruthy();
});

test('a lead changed elsewhere shows its new stage in the list', async () => {
  const newest = newestFirst(await storeLeads(1_000))[0]!;
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await screen.findByRole('button', { name: new RegExp(newest.fullName) });

  await setStage(db, newest.id, 'qualified', MARCH_7);

  await waitFor(() => expect(leadRow(newest.fullName).textContent).toContain('Qualified'));
});

test('Tab moves from one lead to the next', async () => {
  const leads = newestFirst(await storeLeads(1_000));
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  const first = await screen.findByRole('button', { name: new RegExp(leads[0]!.fullName) });

  first.focus();
  await user.tab();

  expect(document.activeElement).toBe(screen.getByRole('button', { name: new RegExp(leads[1]!.fullName) }));
});

test('Back from a lead far down the list shows that lead again, with focus on it', async () => {
  const leads = newestFirst(await storeLeads(1_000));
  const opened = leads[700]!;
  const user = userEvent.setup();
  renderPopup();
  await showAllLeads(user);
  await screen.findByRole('button', { name: new RegExp(leads[0]!.fullName) });
  scrollList(695);

  await user.click(await screen.findByRole('button', { name: new RegExp(`${opened.fullName}\\b`) }));
  await user.click(await screen.findByRole('button', { name: 'Back to leads' }));

  const back = await screen.findByRole('button', { name: new RegExp(`${opened.fullName}\\b`) });
  await waitFor(() => expect(document.activeElement).toBe(back));
});
