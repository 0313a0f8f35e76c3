import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/components/App';
import { downloadCsv } from '@/components/download';
import type { NormalisedDraft } from '@/lib/capture/normalise';
import { LeadlineDatabase } from '@/lib/db/database';
import { answerCriterion, saveOrMergeProspect, setStage } from '@/lib/db/leads';

vi.mock('@/components/download', () => ({ downloadCsv: vi.fn() }));

const MARCH_7 = new Date(2025, 2, 7, 10, 30).getTime();
let db: LeadlineDatabase;

beforeEach(() => {
  db = new LeadlineDatabase('test-' + crypto.randomUUID());
  vi.mocked(downloadCsv).mockClear();
});
afterEach(async () => {
  db.close();
  await db.delete();
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

function renderPopup() {
  return render(<App db={db} now={() => MARCH_7} />);
}

async function showAllLeads(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'All leads' }));
}

function leadButtons() {
  return within(screen.getByRole('list', { name: /leads/i })).getAllByRole('button');
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

test('with no leads the popup explains how to capture one', async () => {
  renderPopup();

  expect(await screen.findByText('No leads yet. Open a LinkedIn profile and click "Save lead".')).toBeTruthy();
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

  await user.click(screen.getByRole('button', { name: 'Export qualified leads' }));

  expect(await screen.findByText('No qualified leads to export yet.')).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe('No qualified leads to export yet.');
  expect(downloadCsv).not.toHaveBeenCalled();
});

test('exporting downloads a dated CSV with the qualified leads only', async () => {
  const ada = await addLead(linkedInDraft('Ada', 'Lovelace', { company: 'Analytical Engines' }), MARCH_7 - 2000);
  await addLead(linkedInDraft('Grace', 'Hopper', { company: 'US Navy' }), MARCH_7 - 1000);
  for (const criterion of ['budget', 'authority', 'need']) {
    await answerCriterion(db, ada.id, criterion, { status: 'met', note: '' }, MARCH_7);
  }
  const user = userEvent.setup();
  renderPopup();
  await screen.findByRole('button', { name: /Ada Lovelace/ });

  await user.click(screen.getByRole('button', { name: 'Export qualified leads' }));

  await waitFor(() => expect(downloadCsv).toHaveBeenCalledTimes(1));
  const [fileName, csv] = vi.mocked(downloadCsv).mock.calls[0]!;
  expect(fileName).toBe('leadline-qualified-2025-03-07.csv');
  expect(csv).toContain('Ada');
  expect(csv).toContain('Analytical Engines');
  expect(csv).not.toContain('Hopper');
});

test('a lead moved to the Qualified stage is exported even before its checklist is complete', async () => {
  const ada = await addLead(linkedInDraft('Ada', 'Lovelace'), MARCH_7);
  await setStage(db, ada.id, 'qualified', MARCH_7);
  const user = userEvent.setup();
  renderPopup();
  await screen.findByRole('button', { name: /Ada Lovelace/ });

  await user.click(screen.getByRole('button', { name: 'Export qualified leads' }));

  await waitFor(() => expect(downloadCsv).toHaveBeenCalledTimes(1));
  expect(vi.mocked(downloadCsv).mock.calls[0]![1]).toContain('Lovelace');
  expect(await screen.findByText('Exported 1 qualified lead.')).toBeTruthy();
});
