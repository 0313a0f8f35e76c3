import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadDetail } from '@/components/LeadDetail';
import { answerCriterion } from '@/lib/db/leads';
import { FrameworkSchema } from '@/lib/model/framework';
import type { Lead } from '@/lib/model/lead';
import { NOW, addLead, linkedInDraft, useTestDatabase } from './popup-data';

const database = useTestDatabase();

async function saveAda(): Promise<Lead> {
  return addLead(database(), linkedInDraft('Ada', 'Lovelace', { title: 'CTO', company: 'Analytical Engines' }), NOW - 60_000);
}

async function show(lead: Lead) {
  render(<LeadDetail db={database()} now={() => NOW} leadId={lead.id} onBack={() => {}} />);
  await screen.findByRole('heading', { name: lead.fullName });
}

function radio(group: string, name: string) {
  return within(screen.getByRole('group', { name: group })).getByRole('radio', { name }) as HTMLInputElement;
}

test('switching BANT to CHAMP keeps the budget answer as Money and says which answers did not carry over', async () => {
  const lead = await saveAda();
  await answerCriterion(database(), lead.id, 'budget', { status: 'met', note: '20k approved' }, NOW);
  await answerCriterion(database(), lead.id, 'need', { status: 'met', note: '' }, NOW);
  await answerCriterion(database(), lead.id, 'timeline', { status: 'met', note: 'Before Q3' }, NOW);
  await show(lead);
  const user = userEvent.setup();

  await user.selectOptions(screen.getByRole('combobox', { name: 'Framework' }), 'CHAMP');

  expect(
    await screen.findByText('Now qualifying with CHAMP. This answer did not carry over: Timeline (met, "Before Q3").'),
  ).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'CHAMP checklist' })).toBeTruthy();
  expect(radio('Money', 'Met').checked).toBe(true);
  expect((screen.getByRole('textbox', { name: 'Money note' }) as HTMLInputElement).value).toBe('20k approved');
  expect(radio('Challenges (required)', 'Met').checked).toBe(true);
  expect(
    screen.getByText('Not qualified yet: needs 3 of 4 met, and these required ones: Authority, Prioritization.'),
  ).toBeTruthy();
  const stored = await database().leads.get(lead.id);
  expect(stored?.checklist).toEqual({
    frameworkId: 'champ',
    answers: { money: { status: 'met', note: '20k approved' }, challenges: { status: 'met', note: '' } },
  });
});

test('the rep\'s own templates are offered as frameworks and their checklist works', async () => {
  await database().templates.add(
    FrameworkSchema.parse({
      id: 'partner-fit',
      name: 'Partner fit',
      criteria: [
        { id: 'reseller', label: 'Resells software', questions: ['Do you resell software today?'], required: true },
        { id: 'region', label: 'Covers our region', questions: ['Which regions do you cover?'] },
      ],
      rule: { minMet: 1 },
    }),
  );
  const lead = await saveAda();
  await show(lead);
  const user = userEvent.setup();

  await user.selectOptions(screen.getByRole('combobox', { name: 'Framework' }), 'Partner fit');
  expect(await screen.findByRole('heading', { name: 'Partner fit checklist' })).toBeTruthy();
  expect(screen.getByText('Not qualified yet: needs 1 of 2 met, and this required one: Resells software.')).toBeTruthy();
  await user.click(radio('Covers our region', 'Met'));
  expect(await screen.findByText('1 of 2 met')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Move to qualified' })).toBeNull();

  await user.click(radio('Resells software (required)', 'Met'));

  expect(await screen.findByText('Partner fit rule met: 2 of 2 met')).toBeTruthy();
  expect((await database().leads.get(lead.id))?.checklist.frameworkId).toBe('partner-fit');
});

test('setting the channel stores it, and ticking an interest signal adds its points to the score', async () => {
  const lead = await saveAda();
  await show(lead);
  const user = userEvent.setup();
  const reasons = () => within(screen.getByRole('list', { name: 'Score reasons' }));
  expect(reasons().queryByText('+20 requested a demo')).toBeNull();

  await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'Referral');
  await waitFor(async () => expect((await database().leads.get(lead.id))?.channel).toBe('referral'));
  await user.click(screen.getByRole('checkbox', { name: 'Requested a demo' }));

  expect(await reasons().findByText('+20 requested a demo')).toBeTruthy();
  const stored = await database().leads.get(lead.id);
  expect(stored?.signals).toEqual(['demo_request']);
  expect(screen.getByRole('heading', { name: `Score: ${stored?.score}` })).toBeTruthy();
  expect(stored!.score).toBe(lead.score + 20);
  expect((screen.getByRole('combobox', { name: 'Channel' }) as HTMLSelectElement).value).toBe('referral');
  expect((screen.getByRole('checkbox', { name: 'Requested a demo' }) as HTMLInputElement).checked).toBe(true);
});

test('choosing "Not set" clears the channel', async () => {
  const lead = await saveAda();
  await show(lead);
  const user = userEvent.setup();
  await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'Event');
  await waitFor(async () => expect((await database().leads.get(lead.id))?.channel).toBe('event'));

  await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'Not set');

  await waitFor(async () => expect((await database().leads.get(lead.id))?.channel).toBeUndefined());
});
