import { useFreshDatabase } from '../fake-database';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadDetail } from '@/components/LeadDetail';
import { LeadlineDatabase } from '@/lib/db/database';
import { saveOrMergeProspect, setStage } from '@/lib/db/leads';
import type { Lead } from '@/lib/model/lead';

const NOW = new Date(2025, 2, 7, 10, 30).getTime();
let db: LeadlineDatabase;

useFreshDatabase((fresh) => (db = fresh));

async function saveAda(): Promise<Lead> {
  const { lead } = await saveOrMergeProspect(
    db,
    {
      source: 'linkedin',
      fullName: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      title: 'CTO',
      company: 'Analytical Engines',
      profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
      sourceUrl: 'https://www.linkedin.com/in/ada-lovelace/',
      confidence: 0.9,
    },
    NOW - 60_000,
  );
  return lead;
}

async function showLead(lead: Lead) {
  render(<LeadDetail db={db} now={() => NOW} leadId={lead.id} onBack={() => {}} />);
  await screen.findByRole('heading', { name: 'Ada Lovelace' });
}

function criterion(label: string) {
  return screen.getByRole('group', { name: label });
}

async function answer(user: ReturnType<typeof userEvent.setup>, label: string, status: 'Met' | 'Not met' | 'Unknown') {
  await user.click(within(criterion(label)).getByRole('radio', { name: status }));
  await waitFor(() =>
    expect((within(criterion(label)).getByRole('radio', { name: status }) as HTMLInputElement).checked).toBe(true),
  );
}

test('each BANT criterion shows its discovery question and starts as Unknown', async () => {
  await showLead(await saveAda());

  const budget = criterion('Budget');
  expect(within(budget).getByText('Is there budget set aside for this, and roughly how much?')).toBeTruthy();
  expect((within(budget).getByRole('radio', { name: 'Unknown' }) as HTMLInputElement).checked).toBe(true);
  expect(screen.getByRole('group', { name: 'Timeline' })).toBeTruthy();
  expect(screen.getByText('0 of 4 met')).toBeTruthy();
});

test('answering Met on three BANT criteria meets the rule and offers to move the lead to Qualified', async () => {
  await showLead(await saveAda());
  const user = userEvent.setup();

  await answer(user, 'Budget', 'Met');
  await answer(user, 'Authority', 'Met');
  await answer(user, 'Need', 'Met');

  expect(await screen.findByText('3 of 4 met')).toBeTruthy();
  expect(screen.getByText('BANT rule met: 3 of 4 met')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Move to qualified' })).toBeTruthy();
});

test('Move to qualified sets the lead\'s stage to Qualified', async () => {
  const lead = await saveAda();
  await showLead(lead);
  const user = userEvent.setup();
  await answer(user, 'Budget', 'Met');
  await answer(user, 'Authority', 'Met');
  await answer(user, 'Timeline', 'Met');

  await user.click(await screen.findByRole('button', { name: 'Move to qualified' }));

  expect(await screen.findByText('This lead is already qualified.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Move to qualified' })).toBeNull();
  expect((await db.leads.get(lead.id))?.stage).toBe('qualified');
  expect((screen.getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement).value).toBe('qualified');
});

test('a lead already at the Qualified stage says so instead of offering the move', async () => {
  const lead = await saveAda();
  await setStage(db, lead.id, 'qualified', NOW);
  await showLead(lead);

  expect(screen.getByText('This lead is already qualified.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Move to qualified' })).toBeNull();
});

test('a criterion note is saved when the field loses focus', async () => {
  const lead = await saveAda();
  await showLead(lead);
  const user = userEvent.setup();

  await user.type(screen.getByRole('textbox', { name: 'Budget note' }), 'About 20k set aside for Q3');
  await user.tab();

  await waitFor(async () =>
    expect((await db.leads.get(lead.id))?.checklist.answers.budget?.note).toBe('About 20k set aside for Q3'),
  );
});

test('answering a criterion keeps the note typed just before', async () => {
  const lead = await saveAda();
  await showLead(lead);
  const user = userEvent.setup();

  await user.type(screen.getByRole('textbox', { name: 'Need note' }), 'Manual spreadsheets today');
  await answer(user, 'Need', 'Met');

  await waitFor(async () =>
    expect((await db.leads.get(lead.id))?.checklist.answers.need).toEqual({
      status: 'met',
      note: 'Manual spreadsheets today',
    }),
  );
});
