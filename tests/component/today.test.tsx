import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/components/App';
import { addReminder } from '@/lib/db/reminders';
import { answerCriterion, setStage } from '@/lib/db/leads';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { parseCsv } from '@/lib/io/import/parse';
import { importRows } from '@/lib/io/import/run';
import { validateRows } from '@/lib/io/import/validate';
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

// Today is a work queue now: the "captured in the last 7 days" list gave way to "Qualify next".
test('Today shows an overdue follow-up before a later one, and both before the leads to qualify', async () => {
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
  const toQualify = screen.getByRole('list', { name: 'Qualify next' });
  expect(items[1]!.compareDocumentPosition(toQualify) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  // Ada and Grace are above already; Alan's follow-up is not today, so he is next to qualify.
  expect(within(toQualify).getAllByRole('button').map((button) => button.textContent)).toEqual([expect.stringContaining('Alan Turing')]);
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

describe('Today as a work queue', () => {
  test('a follow-up shows the lead’s company, email and phone, and copies them in one click', async () => {
    const db = database();
    const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace', { company: 'Analytical Engines', email: 'ada@engines.example', phone: '+44 20 7946 0958', phoneE164: '+442079460958' }), NOW - DAY);
    await addReminder(db, { leadId: ada.id, dueAt: NOW - HOUR, note: 'Call back' }, NOW - DAY);
    const copied: string[] = [];
    const user = userEvent.setup();
    render(<App db={db} now={() => NOW} copyText={async (text) => void copied.push(text)} />);

    const item = within(await followUps()).getByRole('listitem');
    expect(item.textContent).toContain('Analytical Engines');
    expect(within(item).getByRole('link', { name: 'ada@engines.example' }).getAttribute('href')).toBe('mailto:ada%40engines.example');
    expect(within(item).getByRole('link', { name: '+442079460958' }).getAttribute('href')).toBe('tel:+442079460958');

    await user.click(within(item).getByRole('button', { name: 'Copy the email address of Ada Lovelace' }));
    await user.click(within(item).getByRole('button', { name: 'Copy the phone number of Ada Lovelace' }));

    expect(copied).toEqual(['ada@engines.example', '+442079460958']);
    expect(screen.getByRole('status').textContent).toBe('Copied +442079460958.');
  });

  test('says so when the browser refuses to copy', async () => {
    const db = database();
    const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace', { email: 'ada@engines.example' }), NOW - DAY);
    await addReminder(db, { leadId: ada.id, dueAt: NOW - HOUR }, NOW - DAY);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    render(<App db={db} now={() => NOW} copyText={() => Promise.reject(new Error('NotAllowedError'))} />);

    await user.click(await screen.findByRole('button', { name: 'Copy the email address of Ada Lovelace' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The browser did not let Leadline copy. Select the text and copy it instead.');
  });

  test('qualify next: open leads short of their rule, highest score first; qualified, closed and met ones left out', async () => {
    const db = database();
    const ceo = await addLead(db, linkedInDraft('Grace', 'Hopper', { title: 'CEO', company: 'US Navy', email: 'grace@navy.example' }), NOW - 3 * DAY);
    const plain = await addLead(db, linkedInDraft('Alan', 'Turing'), NOW - 2 * DAY);
    const qualified = await addLead(db, linkedInDraft('Ada', 'Lovelace', { title: 'CTO' }), NOW - DAY);
    const lost = await addLead(db, linkedInDraft('Linus', 'Torvalds', { title: 'VP' }), NOW - DAY);
    const met = await addLead(db, linkedInDraft('Ken', 'Thompson', { title: 'Director' }), NOW - DAY);
    await setStage(db, qualified.id, 'qualified', NOW);
    await setStage(db, lost.id, 'disqualified', NOW);
    for (const criterion of ['budget', 'authority', 'need']) await answerCriterion(db, met.id, criterion, { status: 'met', note: '' }, NOW);
    expect(ceo.score).toBeGreaterThan(plain.score);
    renderPopup();

    const queue = await screen.findByRole('list', { name: 'Qualify next' });
    expect(within(queue).getAllByRole('button').map((b) => b.textContent)).toEqual([expect.stringContaining('Grace Hopper'), expect.stringContaining('Alan Turing')]);
  });

  test('an import of many leads is one line per list, linking to the table filtered to that list', async () => {
    const db = database();
    await addLead(db, linkedInDraft('Alan', 'Turing'), NOW - HOUR);
    const csv = ['Name,Email', ...Array.from({ length: 34 }, (_, i) => `Visitor ${i},visitor${i}@saastr.example`)].join('\n');
    const parsed = await parseCsv(csv);
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    await importRows(db, validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers), {}), {
      listName: 'SaaStr badge scans',
      mode: 'valid-only',
      now: NOW - HOUR,
      yieldToUi: () => Promise.resolve(),
    });
    renderPopup();

    const imports = await screen.findByRole('list', { name: 'Imported today' });
    const link = within(imports).getByRole('link', { name: '34 leads imported today from “SaaStr badge scans”' });
    expect(link.getAttribute('href')).toBe('/dashboard.html#leads?list=SaaStr+badge+scans&captured=today');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(within(screen.getByRole('list', { name: 'Qualify next' })).getAllByRole('button').map((b) => b.textContent)).toEqual([
      expect.stringContaining('Alan Turing'),
    ]);
    expect(screen.queryByText(/Visitor 3/)).toBeNull();
  });

  test('an imported lead the rep has worked on is queued like any other', async () => {
    const db = database();
    const csv = 'Name,Email,Job Title\nVisitor One,one@saastr.example,CEO\nVisitor Two,two@saastr.example,CEO\n';
    const parsed = await parseCsv(csv);
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    await importRows(db, validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers), {}), { listName: 'Fair', mode: 'valid-only', now: NOW - DAY, yieldToUi: () => Promise.resolve() });
    const [one] = await db.leads.where('emailKey').equals('one@saastr.example').toArray();
    await setStage(db, one!.id, 'contacted', NOW - HOUR);
    renderPopup();

    const queue = await screen.findByRole('list', { name: 'Qualify next' });
    expect(within(queue).getAllByRole('button').map((b) => b.textContent)).toEqual([expect.stringContaining('Visitor One')]);
  });
});
