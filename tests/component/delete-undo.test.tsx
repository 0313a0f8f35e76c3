import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/components/App';
import type { LeadlineDatabase } from '@/lib/db/database';
import { addReminder } from '@/lib/db/reminders';
import { rescoreAll } from '@/lib/db/rescore';
import { UNDO_WINDOW_MS } from '@/lib/model/undo';
import { DAY, HOUR, NOW, addLead, linkedInDraft, useTestDatabase } from './popup-data';

const database = useTestDatabase();

async function everything(db: LeadlineDatabase) {
  return {
    leads: await db.leads.orderBy('id').toArray(),
    activities: await db.activities.orderBy('id').toArray(),
    reminders: await db.reminders.orderBy('id').toArray(),
  };
}

function renderPopup(clock = { now: NOW }, onRemindersChanged = vi.fn()) {
  render(<App db={database()} now={() => clock.now} onRemindersChanged={onRemindersChanged} />);
  return { clock, onRemindersChanged };
}

const undoBar = async () => within(await screen.findByRole('region', { name: 'Undo' }));

async function openLead(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: new RegExp(name) }));
  await screen.findByRole('heading', { name });
}

/** Ada with a stage change, a note and a reminder: a lead with history worth restoring exactly. */
async function adaWithHistory() {
  const db = database();
  const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace', { email: 'ada@engines.example' }), NOW - DAY);
  await addReminder(db, { leadId: ada.id, dueAt: NOW + DAY, note: 'Send the pilot plan' }, NOW - HOUR);
  return ada;
}

test('deleting a lead takes its activities and reminders with it, and Undo brings all of it back exactly', async () => {
  const ada = await adaWithHistory();
  const before = await everything(database());
  const user = userEvent.setup();
  const { onRemindersChanged } = renderPopup();
  await openLead(user, 'Ada Lovelace');

  await user.click(screen.getByRole('button', { name: 'Delete lead' }));

  expect(await (await undoBar()).findByText('Deleted Ada Lovelace.')).toBeTruthy();
  expect(screen.queryByRole('heading', { name: 'Ada Lovelace' })).toBeNull();
  expect(await everything(database())).toEqual({ leads: [], activities: [], reminders: [] });
  expect(onRemindersChanged).toHaveBeenCalledTimes(1);
  // The Delete button went with the detail: focus is on Undo, not lost.
  expect(document.activeElement).toBe((await undoBar()).getByRole('button', { name: 'Undo' }));

  await user.click((await undoBar()).getByRole('button', { name: 'Undo' }));

  expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
  expect(await everything(database())).toEqual(before);
  expect((await database().leads.get(ada.id))?.id).toBe(ada.id);
  expect((await undoBar()).getByRole('status').textContent).toBe('Restored Ada Lovelace.');
  expect(onRemindersChanged).toHaveBeenCalledTimes(2);
});

test('Undo is still there after the popup closes and opens again, and is gone once its time is up', async () => {
  await adaWithHistory();
  const before = await everything(database());
  const user = userEvent.setup();
  const clock = { now: NOW };
  renderPopup(clock);
  await openLead(user, 'Ada Lovelace');
  await user.click(screen.getByRole('button', { name: 'Delete lead' }));
  await (await undoBar()).findByText('Deleted Ada Lovelace.');

  // The popup closes (the rep clicked back on the page) and is opened again 30 seconds later.
  cleanup();
  clock.now = NOW + 30_000;
  renderPopup(clock);
  expect(await (await undoBar()).findByText('Deleted Ada Lovelace.')).toBeTruthy();
  await user.click((await undoBar()).getByRole('button', { name: 'Undo' }));
  await screen.findByRole('heading', { name: 'Ada Lovelace' });
  expect(await everything(database())).toEqual(before);

  await user.click(screen.getByRole('button', { name: 'Delete lead' }));
  await (await undoBar()).findByText('Deleted Ada Lovelace.');
  cleanup();
  clock.now += UNDO_WINDOW_MS + 1;
  renderPopup(clock);
  await screen.findByRole('button', { name: 'Today' });
  expect(screen.queryByRole('region', { name: 'Undo' })).toBeNull();
  expect(await database().leads.count()).toBe(0);
});

test('several leads deleted together from All leads come back together', async () => {
  const db = database();
  await addLead(db, linkedInDraft('Ada', 'Lovelace'), NOW - 3 * HOUR);
  await addLead(db, linkedInDraft('Grace', 'Hopper'), NOW - 2 * HOUR);
  await addLead(db, linkedInDraft('Alan', 'Turing'), NOW - HOUR);
  const before = await everything(db);
  const user = userEvent.setup();
  renderPopup();
  await user.click(screen.getByRole('button', { name: 'All leads' }));
  await screen.findByRole('button', { name: /Alan Turing/ });

  await user.click(screen.getByRole('button', { name: 'Select' }));
  await user.click(screen.getByRole('checkbox', { name: 'Select Ada Lovelace' }));
  await user.click(screen.getByRole('checkbox', { name: 'Select Alan Turing' }));
  expect(screen.getByRole('group', { name: 'Selected leads' }).textContent).toContain('2 leads selected');
  await user.click(screen.getByRole('button', { name: 'Delete selected (2)' }));

  expect(await (await undoBar()).findByText('Deleted 2 leads.')).toBeTruthy();
  await waitFor(() => expect(screen.queryByRole('button', { name: /Ada Lovelace/ })).toBeNull());
  expect((await db.leads.toArray()).map((lead) => lead.fullName)).toEqual(['Grace Hopper']);

  await user.click((await undoBar()).getByRole('button', { name: 'Undo' }));
  expect(await screen.findByRole('button', { name: /Ada Lovelace/ })).toBeTruthy();
  expect(await everything(db)).toEqual(before);
});

test('"Done" on a follow-up can be undone: the follow-up is open again and its log line gone', async () => {
  const db = database();
  const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace'), NOW - DAY);
  await addReminder(db, { leadId: ada.id, dueAt: NOW - HOUR, note: 'Call about the pilot' }, NOW - DAY);
  const before = await everything(db);
  const user = userEvent.setup();
  const { onRemindersChanged } = renderPopup();
  const followUps = await screen.findByRole('list', { name: 'Follow-ups due today' });

  await user.click(within(followUps).getByRole('button', { name: 'Done' }));
  expect(await (await undoBar()).findByText('Follow-up with Ada Lovelace marked done.')).toBeTruthy();
  expect((await db.reminders.toArray())[0]?.status).toBe('done');

  await user.click((await undoBar()).getByRole('button', { name: 'Undo' }));
  expect(await (await undoBar()).findByText('Follow-up with Ada Lovelace is open again.')).toBeTruthy();
  expect(await everything(db)).toEqual(before);
  expect(await within(await screen.findByRole('list', { name: 'Follow-ups due today' })).findByText('Ada Lovelace')).toBeTruthy();
  expect(onRemindersChanged).toHaveBeenCalledTimes(2);
});

test('a stage change can be undone: the stage and its history are as they were, and the score follows', async () => {
  const ada = await adaWithHistory();
  const user = userEvent.setup();
  renderPopup();
  await openLead(user, 'Ada Lovelace');
  const before = await everything(database());

  await user.selectOptions(screen.getByRole('combobox', { name: 'Stage' }), 'Customer');
  expect(await (await undoBar()).findByText('Ada Lovelace: New → Customer.')).toBeTruthy();
  expect((await database().leads.get(ada.id))?.stage).toBe('customer');

  await user.click((await undoBar()).getByRole('button', { name: 'Undo' }));
  await waitFor(() => expect((screen.getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement).value).toBe('new'));
  const after = await everything(database());
  expect(after.activities).toEqual(before.activities);
  expect(after.reminders).toEqual(before.reminders);
  const [restored] = after.leads;
  expect(restored).toMatchObject({ stage: 'new', stageHistory: before.leads[0]!.stageHistory });
  // The score is worked out again for the stage it is back in: rescoring now changes nothing.
  await rescoreAll(database(), NOW);
  expect((await database().leads.get(ada.id))?.score).toBe(restored!.score);
});

test('when storage is full, deleting says so and nothing is deleted', async () => {
  await adaWithHistory();
  const before = await everything(database());
  const user = userEvent.setup();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  renderPopup();
  await openLead(user, 'Ada Lovelace');
  vi.spyOn(database().undo, 'add').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

  await user.click(screen.getByRole('button', { name: 'Delete lead' }));

  expect((await screen.findByRole('alert')).textContent).toMatch(/out of storage space for Leadline. Nothing was changed/);
  expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
  expect(await everything(database())).toEqual(before);
});
