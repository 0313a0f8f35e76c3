import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadDetail } from '@/components/LeadDetail';
import { addReminder } from '@/lib/db/reminders';
import { presetDueAt } from '@/lib/followup/schedule';
import type { Lead } from '@/lib/model/lead';
import { DAY, HOUR, NOW, addLead, linkedInDraft, useTestDatabase } from './popup-data';

const database = useTestDatabase();

async function showAda(onRemindersChanged = vi.fn()): Promise<{ lead: Lead; onRemindersChanged: typeof onRemindersChanged }> {
  const lead = await addLead(database(), linkedInDraft('Ada', 'Lovelace'), NOW - DAY);
  render(
    <LeadDetail db={database()} now={() => NOW} leadId={lead.id} onBack={() => {}} onRemindersChanged={onRemindersChanged} />,
  );
  await screen.findByRole('heading', { name: 'Ada Lovelace' });
  return { lead, onRemindersChanged };
}

function remindMe() {
  return within(screen.getByRole('region', { name: 'Remind me' }));
}

test('Remind me "Tomorrow" creates a reminder at 9:00 tomorrow with its note and lists it', async () => {
  const { lead, onRemindersChanged } = await showAda();
  const user = userEvent.setup();

  await user.type(remindMe().getByRole('textbox', { name: 'Reminder note' }), 'Send the case study');
  await user.click(remindMe().getByRole('button', { name: /^Tomorrow/ }));

  const open = await remindMe().findByRole('list', { name: 'Open reminders' });
  const reminders = await database().reminders.where('leadId').equals(lead.id).toArray();
  expect(reminders).toEqual([
    expect.objectContaining({ dueAt: presetDueAt('tomorrow', new Date(NOW)), note: 'Send the case study', status: 'pending' }),
  ]);
  expect(new Date(reminders[0]!.dueAt).getHours()).toBe(9);
  expect(onRemindersChanged).toHaveBeenCalledTimes(1);
  expect(within(open).getByText(/Send the case study/)).toBeTruthy();
  expect(within(open).getByText(/^Tomorrow/)).toBeTruthy();
  expect((remindMe().getByRole('textbox', { name: 'Reminder note' }) as HTMLInputElement).value).toBe('');
});

test('a date and time typed by the rep create a reminder at that local time', async () => {
  const { lead, onRemindersChanged } = await showAda();
  const user = userEvent.setup();

  await user.type(remindMe().getByLabelText('Date'), '2025-03-12');
  await user.clear(remindMe().getByLabelText('Time'));
  await user.type(remindMe().getByLabelText('Time'), '14:30');
  await user.click(remindMe().getByRole('button', { name: 'Set reminder' }));

  await waitFor(async () =>
    expect((await database().reminders.where('leadId').equals(lead.id).first())?.dueAt).toBe(
      new Date(2025, 2, 12, 14, 30).getTime(),
    ),
  );
  expect(onRemindersChanged).toHaveBeenCalledTimes(1);
  expect(await screen.findByText(/^Reminder set for/)).toBeTruthy();
});

test('a date and time already past are refused with a readable message', async () => {
  const { lead, onRemindersChanged } = await showAda();
  const user = userEvent.setup();

  await user.type(remindMe().getByLabelText('Date'), '2025-03-07');
  await user.click(remindMe().getByRole('button', { name: 'Set reminder' }));

  expect((await remindMe().findByRole('alert')).textContent).toBe('That time has already passed. Pick a later one.');
  expect(await database().reminders.where('leadId').equals(lead.id).count()).toBe(0);
  expect(onRemindersChanged).not.toHaveBeenCalled();
});

test('the lead\'s open reminders can be marked done from the detail', async () => {
  const onRemindersChanged = vi.fn();
  const lead = await addLead(database(), linkedInDraft('Ada', 'Lovelace'), NOW - DAY);
  const reminder = await addReminder(database(), { leadId: lead.id, dueAt: NOW - HOUR, note: 'Call back' }, NOW - DAY);
  render(<LeadDetail db={database()} now={() => NOW} leadId={lead.id} onBack={() => {}} onRemindersChanged={onRemindersChanged} />);
  const user = userEvent.setup();
  const open = await screen.findByRole('list', { name: 'Open reminders' });
  expect(within(open).getByText(/^Overdue since/)).toBeTruthy();

  await user.click(within(open).getByRole('button', { name: 'Done' }));

  await waitFor(async () => expect((await database().reminders.get(reminder.id))?.status).toBe('done'));
  await waitFor(() => expect(screen.queryByRole('list', { name: 'Open reminders' })).toBeNull());
  expect(onRemindersChanged).toHaveBeenCalledTimes(1);
});

test('setting the same reminder twice warns and adds nothing the second time', async () => {
  const { lead, onRemindersChanged } = await showAda();
  const user = userEvent.setup();

  await user.click(remindMe().getByRole('button', { name: /^Tomorrow/ }));
  await remindMe().findByRole('list', { name: 'Open reminders' });
  await user.click(remindMe().getByRole('button', { name: /^Tomorrow/ }));

  const warning = await remindMe().findByRole('alert');
  expect(warning.textContent).toMatch(/^Ada Lovelace already has a reminder for Tomorrow .+\. Nothing was added\.$/);
  expect(await database().reminders.where('leadId').equals(lead.id).count()).toBe(1);
  expect(within(remindMe().getByRole('list', { name: 'Open reminders' })).getAllByRole('listitem')).toHaveLength(1);
  expect(onRemindersChanged).toHaveBeenCalledTimes(1);
});
