import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadDetail } from '@/components/LeadDetail';
import type { Lead } from '@/lib/model/lead';
import { NOW, addLead, linkedInDraft, useTestDatabase } from './popup-data';

const database = useTestDatabase();

async function showAda(): Promise<Lead> {
  const lead = await addLead(database(), linkedInDraft('Ada', 'Lovelace', { title: 'CTO' }), NOW - 60_000);
  render(<LeadDetail db={database()} now={() => NOW} leadId={lead.id} onBack={() => {}} />);
  const name = await screen.findByRole('heading', { name: 'Ada Lovelace' });
  // The detail puts focus on the name when it opens; let it land before moving it.
  await waitFor(() => expect(document.activeElement).toBe(name));
  return lead;
}

async function startWalkthrough(user: ReturnType<typeof userEvent.setup>) {
  screen.getByRole('button', { name: 'Qualify step by step' }).focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Budget' })));
}

async function storedAnswers(lead: Lead) {
  return (await database().leads.get(lead.id))?.checklist.answers;
}

test('the walk-through is answered by keyboard alone and saves each answer', async () => {
  const lead = await showAda();
  const user = userEvent.setup();
  await startWalkthrough(user);
  expect(screen.getByText('Criterion 1 of 4 · 0 of 4 met')).toBeTruthy();
  expect(screen.getByText('Is there budget set aside for this, and roughly how much?')).toBeTruthy();

  await user.keyboard('1');
  expect(screen.getByRole('heading', { name: 'Authority' })).toBeTruthy();
  expect(screen.getByText('Criterion 2 of 4 · 1 of 4 met')).toBeTruthy();
  await user.keyboard('{Enter}');
  expect(screen.getByRole('heading', { name: 'Need' })).toBeTruthy();
  await user.keyboard('{ArrowLeft}1');
  await user.keyboard('2');
  expect(screen.getByText('Criterion 4 of 4 · 2 of 4 met')).toBeTruthy();
  await user.keyboard('1');

  expect(screen.getByText('All criteria seen · 3 of 4 met')).toBeTruthy();
  await waitFor(async () =>
    expect(await storedAnswers(lead)).toEqual({
      budget: { status: 'met', note: '' },
      authority: { status: 'met', note: '' },
      need: { status: 'not_met', note: '' },
      timeline: { status: 'met', note: '' },
    }),
  );
  await user.keyboard('{Escape}');
  expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
  expect(screen.getByText('3 of 4 met')).toBeTruthy();
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Qualify step by step' })));
});

test('the answer buttons show the stored answer and answer like their keys', async () => {
  const lead = await showAda();
  const user = userEvent.setup();
  await startWalkthrough(user);

  await user.click(screen.getByRole('button', { name: 'Not met' }));

  expect(screen.getByRole('heading', { name: 'Authority' })).toBeTruthy();
  await waitFor(async () => expect((await storedAnswers(lead))?.budget?.status).toBe('not_met'));
  await user.keyboard('{ArrowLeft}');
  expect(screen.getByRole('button', { name: 'Not met' }).getAttribute('aria-pressed')).toBe('true');
  expect(screen.getByRole('button', { name: 'Met' }).getAttribute('aria-pressed')).toBe('false');
});

test('the walk-through proposes Move to qualified once the rule is met', async () => {
  const lead = await showAda();
  const user = userEvent.setup();
  await startWalkthrough(user);
  await user.keyboard('11');
  expect(screen.queryByRole('button', { name: 'Move to qualified' })).toBeNull();

  await user.keyboard('1');

  expect(screen.getByText('BANT rule met: 3 of 4 met')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Move to qualified' }));
  await waitFor(async () => expect((await database().leads.get(lead.id))?.stage).toBe('qualified'));
  expect(await screen.findByText('Moved to Qualified.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Move to qualified' })).toBeNull();
});

test('keys typed in the note are text, and Enter saves the note and goes on', async () => {
  const lead = await showAda();
  const user = userEvent.setup();
  await startWalkthrough(user);

  await user.click(screen.getByRole('textbox', { name: 'Note' }));
  await user.keyboard('About 20k, 3 quotes{ArrowLeft}{Enter}');

  expect(screen.getByRole('heading', { name: 'Authority' })).toBeTruthy();
  expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLInputElement).value).toBe('');
  await waitFor(async () =>
    expect((await storedAnswers(lead))?.budget).toEqual({ status: 'unknown', note: 'About 20k, 3 quotes' }),
  );
  expect(screen.getByText('Criterion 2 of 4 · 0 of 4 met')).toBeTruthy();
});

test('Esc in the note leaves the field, and a second Esc leaves the walk-through', async () => {
  const lead = await showAda();
  const user = userEvent.setup();
  await startWalkthrough(user);

  await user.click(screen.getByRole('textbox', { name: 'Note' }));
  await user.keyboard('Signed off in Q2{Escape}');

  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Budget' }));
  await waitFor(async () => expect((await storedAnswers(lead))?.budget?.note).toBe('Signed off in Q2'));
  await user.keyboard('{Escape}');
  expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
});

test('disqualifying asks for a reason and keeps it in the stage history', async () => {
  const lead = await showAda();
  const user = userEvent.setup();
  await startWalkthrough(user);

  await user.click(screen.getByRole('button', { name: 'Disqualify…' }));
  const reason = screen.getByRole('textbox', { name: 'Reason for disqualifying' });
  expect(document.activeElement).toBe(reason);
  await user.click(screen.getByRole('button', { name: 'Disqualify' }));
  expect(screen.getByText('Write why this lead is disqualified, for example "No budget this year".')).toBeTruthy();
  expect(reason.getAttribute('aria-invalid')).toBe('true');
  expect((await database().leads.get(lead.id))?.stage).toBe('new');

  await user.type(reason, 'No budget until 2026{Enter}');

  expect(await screen.findByText('Disqualified: No budget until 2026')).toBeTruthy();
  const stored = await database().leads.get(lead.id);
  expect(stored?.stage).toBe('disqualified');
  expect(stored?.stageHistory.at(-1)).toEqual({ stage: 'disqualified', at: NOW, reason: 'No budget until 2026' });
  expect((screen.getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement).value).toBe('disqualified');
});

test('Esc in the disqualify form cancels it without leaving the walk-through', async () => {
  await showAda();
  const user = userEvent.setup();
  await startWalkthrough(user);

  await user.click(screen.getByRole('button', { name: 'Disqualify…' }));
  await user.keyboard('1{Escape}');

  expect(screen.queryByRole('textbox', { name: 'Reason for disqualifying' })).toBeNull();
  expect(screen.getByRole('heading', { name: 'Budget' })).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Disqualify…' }));
});
