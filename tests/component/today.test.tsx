import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/components/App';
import { addReminder } from '@/lib/db/reminders';
import { DAY, HOUR, NOW, addLead, linkedInDraft, useTestDatabase } from './popup-data';

const database = useTestDatabase();

function renderPopup(onRemindersChanged = vi.fn()) {
  render(<App db={database()} now={() => NOW} onRemindersChanged={onRemindersChanged} />);
  return onRemindersChanged;
}

async function followUps() {
  return screen.findByRole('list', { name: 'Follow-ups due today' });
}

test('the popup opens on Today, with All leads one click away', async () => {
  await addLead(database(), linkedInDraft('Ada', 'Lovelace'), NOW);
  const user = userEvent.setup();
  renderPopup();

  const today = screen.getByRole('button', { name: 'Today' });
  expect(today.getAttribute('aria-pressed')).toBe('true');
  await user.click(screen.getByRole('button', { name: 'All leads' }));

  expect(screen.getByRole('button', { name: 'All leads' }).getAttribute('aria-pressed')).toBe('true');
  expect(today.getAttribute('aria-pressed')).toBe('false');
  expect(await screen.findByRole('searchbox', { name: 'Search leads' })).toBeTruthy();
});

test('Today shows an overdue follow-up before a later one, and both before the recent leads', async () => {
  const db = database();
  const grace = await addLead(db, linkedInDraft('Grace', 'Hopper'), NOW - 2 * DAY);
  const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace'), NOW - 3 * DAY);
  const alan = await addLead(db, linkedInDraft('Alan', 'Turing'), NOW - HOUR);
  await addReminder(db, { leadId: grace.id, dueAt: NOW + 4 * HOUR, note: 'Send the pricing sheet' }, NOW - DAY);
  await addReminder(db, { leadId: ada.id, dueAt: NOW - DAY, note: 'Call about the pilot' }, NOW - 2 * DAY);
  await addReminder(db, { leadId: alan.id, dueAt: NOW + 2 * DAY, note: 'Not today' }, NOW - HOUR);
  renderPopup();

  const items = within(await followUps()).getAllByRole('listitem');
  expect(items).toHaveLength(2);
  expect(items[0]!.textContent).toContain('Ada Lovelace');
  expect(items[0]!.textContent).toContain('Overdue since');
  expect(items[0]!.textContent).toContain('Call about the pilot');
  expect(items[1]!.textContent).toContain('Grace Hopper');
  expect(items[1]!.textContent).toContain('Send the pricing sheet');
  const recent = screen.getByRole('list', { name: 'Captured in the last 7 days' });
  expect(items[1]!.compareDocumentPosition(recent) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(within(recent).getAllByRole('button').map((button) => button.textContent)).toEqual([
    expect.stringContaining('Alan Turing'),
    expect.stringContaining('Grace Hopper'),
    expect.stringContaining('Ada Lovelace'),
  ]);
});

test('Done on a follow-up marks it done, tells the background and takes it off Today', async () => {
  const db = database();
  const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace'), NOW - DAY);
  const reminder = await addReminder(db, { leadId: ada.id, dueAt: NOW - HOUR, note: 'Call back' }, NOW - DAY);
  const user = userEvent.setup();
  const onRemindersChanged = renderPopup();

  await user.click(within(await followUps()).getByRole('button', { name: 'Done' }));

  await waitFor(async () => expect((await db.reminders.get(reminder.id))?.status).toBe('done'));
  expect((await db.reminders.get(reminder.id))?.doneAt).toBe(NOW);
  expect(onRemindersChanged).toHaveBeenCalledTimes(1);
  expect(await screen.findByText('Nothing due today.')).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe('Follow-up marked done: Ada Lovelace.');
});

test('Snooze 1 day moves the follow-up to the same time tomorrow', async () => {
  const db = database();
  const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace'), NOW - DAY);
  const reminder = await addReminder(db, { leadId: ada.id, dueAt: NOW - HOUR }, NOW - DAY);
  const user = userEvent.setup();
  const onRemindersChanged = renderPopup();

  await user.click(within(await followUps()).getByRole('button', { name: 'Snooze 1 day' }));

  await waitFor(async () => expect((await db.reminders.get(reminder.id))?.status).toBe('snoozed'));
  expect((await db.reminders.get(reminder.id))?.dueAt).toBe(NOW + DAY);
  expect((await db.leads.get(ada.id))?.nextFollowUpAt).toBe(NOW + DAY);
  expect(onRemindersChanged).toHaveBeenCalledTimes(1);
  expect(await screen.findByText('Nothing due today.')).toBeTruthy();
});

test('clicking the lead of a follow-up opens that lead', async () => {
  const db = database();
  const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace'), NOW - 30 * DAY);
  await addReminder(db, { leadId: ada.id, dueAt: NOW - HOUR }, NOW - DAY);
  const user = userEvent.setup();
  renderPopup();

  await user.click(within(await followUps()).getByRole('button', { name: 'Ada Lovelace' }));

  expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
});

test('Back from a lead opened on Today returns to Today with focus on that lead', async () => {
  await addLead(database(), linkedInDraft('Ada', 'Lovelace'), NOW - HOUR);
  const user = userEvent.setup();
  renderPopup();

  await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
  await user.click(await screen.findByRole('button', { name: 'Back to leads' }));

  const lead = await screen.findByRole('button', { name: /Ada Lovelace/ });
  expect(screen.getByRole('button', { name: 'Today' }).getAttribute('aria-pressed')).toBe('true');
  await waitFor(() => expect(document.activeElement).toBe(lead));
});

test('Sort by score lists the highest score first, and each lead shows its score', async () => {
  const db = database();
  const grace = await addLead(db, linkedInDraft('Grace', 'Hopper', { title: 'CTO', company: 'US Navy' }), NOW - 2000);
  const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace'), NOW - 1000);
  expect(grace.score).toBeGreaterThan(ada.score);
  const user = userEvent.setup();
  renderPopup();
  await user.click(screen.getByRole('button', { name: 'All leads' }));

  const newest = await screen.findByRole('list', { name: 'Leads, newest first' });
  expect(within(newest).getAllByRole('button').map((b) => b.textContent)).toEqual([
    expect.stringContaining('Ada Lovelace'),
    expect.stringContaining('Grace Hopper'),
  ]);
  const sort = screen.getByRole('button', { name: 'Sort by score' });
  expect(sort.getAttribute('aria-pressed')).toBe('false');

  await user.click(sort);

  expect(sort.getAttribute('aria-pressed')).toBe('true');
  const byScore = screen.getByRole('list', { name: 'Leads, highest score first' });
  const rows = within(byScore).getAllByRole('button').map((b) => b.textContent);
  expect(rows[0]).toContain('Grace Hopper');
  expect(rows[0]).toContain(`Score ${grace.score}`);
  expect(rows[1]).toContain('Ada Lovelace');
  expect(rows[1]).toContain(`Score ${ada.score}`);
});

test('Today lists a job change a re-capture found; Update takes the new title, and the change leaves Today', async () => {
  const db = database();
  const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace', { title: 'CTO', company: 'Analytical Engines' }), NOW - 3 * DAY);
  await addLead(db, linkedInDraft('Ada', 'Lovelace', { title: 'Chief Scientist', company: 'Analytical Engines' }), NOW - HOUR);
  const user = userEvent.setup();
  renderPopup();

  const jobs = await screen.findByRole('list', { name: 'Job changes' });
  const change = within(jobs).getByRole('group', { name: 'Title: LinkedIn now says: Chief Scientist (was CTO)' });
  expect((await db.leads.get(ada.id))?.title).toBe('CTO');
  await user.click(within(change).getByRole('button', { name: 'Update' }));

  expect(await screen.findByText('Ada Lovelace: Title updated: Chief Scientist.')).toBeTruthy();
  await waitFor(() => expect(screen.queryByRole('list', { name: 'Job changes' })).toBeNull());
  expect(await db.leads.get(ada.id)).toMatchObject({ title: 'Chief Scientist', jobChangeAt: undefined });
});
