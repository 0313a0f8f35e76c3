import { useFreshDatabase } from '../fake-database';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataView } from '@/components/data/DataView';
import { downloadFile } from '@/components/download';
import { LeadlineDatabase } from '@/lib/db/database';
import { deleteLead, saveOrMergeProspect } from '@/lib/db/leads';

vi.mock('@/components/download', () => ({ downloadCsv: vi.fn(), downloadFile: vi.fn() }));

const MARCH_7 = new Date(2025, 2, 7, 10, 30).getTime();
let db: LeadlineDatabase;

useFreshDatabase((fresh) => (db = fresh));
beforeEach(() => {
  vi.mocked(downloadFile).mockClear();
});

async function addLead(fullName: string, email: string, company: string, at = MARCH_7 - 60_000) {
  const { lead } = await saveOrMergeProspect(db, { source: 'gmail', fullName, email, company, confidence: 0.9 }, at);
  return lead;
}

async function seed() {
  const ada = await addLead('Ada Lovelace', 'ada@analytical.example', 'Analytical Engines');
  await addLead('Grace Hopper', 'grace@navy.example', 'US Navy');
  await db.reminders.add({ id: 'rem-1', leadId: ada.id, dueAt: MARCH_7 + 86_400_000, note: 'Send the pricing', status: 'pending' });
}

async function snapshot() {
  return {
    leads: await db.leads.orderBy('id').toArray(),
    activities: await db.activities.orderBy('id').toArray(),
    reminders: await db.reminders.orderBy('id').toArray(),
    templates: await db.templates.orderBy('id').toArray(),
  };
}

function renderBackup() {
  render(<DataView db={db} now={() => MARCH_7} />);
  return within(screen.getByRole('region', { name: 'Backup and restore' }));
}

/** Clicks "Download backup" and returns the JSON handed to the download helper. */
async function downloadBackup(view: ReturnType<typeof renderBackup>, user: ReturnType<typeof userEvent.setup>) {
  await user.click(view.getByRole('button', { name: 'Download backup' }));
  await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
  const [name, content, type] = vi.mocked(downloadFile).mock.calls[0]!;
  // The backup is built off the page and handed over as a file (a Blob).
  const json = typeof content === 'string' ? content : await content.text();
  return { name, json, type };
}

const backupFile = (json: string) => new File([json], 'leadline-backup-2025-03-07.json', { type: 'application/json' });

test('a backup downloads the whole database as a dated JSON file', async () => {
  await seed();
  const user = userEvent.setup();
  const view = renderBackup();

  const { name, json, type } = await downloadBackup(view, user);

  expect(name).toBe('leadline-backup-2025-03-07.json');
  expect(type).toBe('application/json');
  expect(JSON.parse(json)).toMatchObject({ format: 'leadline-backup', leads: [{}, {}], reminders: [{ note: 'Send the pricing' }] });
  expect(view.getByRole('status').textContent).toBe('Backup downloaded: 2 leads, 2 activities, 1 reminder, 0 checklist templates.');
});

test('restoring a backup with Replace everything brings the database back to the backup', async () => {
  await seed();
  const before = await snapshot();
  const user = userEvent.setup();
  const view = renderBackup();
  const { json } = await downloadBackup(view, user);
  await deleteLead(db, before.leads[0]!.id);
  await addLead('Alan Turing', 'alan@npl.example', 'NPL');

  await user.upload(view.getByLabelText('Restore from backup'), backupFile(json));
  expect((await view.findByText(/holds 2 leads, 2 activities, 1 reminder, 0 checklist templates\.$/)).textContent).toMatch(
    /^leadline-backup-2025-03-07\.json, made /,
  );
  await user.click(view.getByRole('button', { name: 'Replace everything' }));

  await waitFor(() =>
    expect(view.getByRole('status').textContent).toBe(
      'Restored leadline-backup-2025-03-07.json: 2 leads, 2 activities, 1 reminder, 0 checklist templates.',
    ),
  );
  const after = await snapshot();
  expect(after.leads).toEqual(before.leads);
  expect(after.reminders).toEqual(before.reminders);
  expect(after.activities.map(({ leadId, text }) => [leadId, text])).toEqual(before.activities.map(({ leadId, text }) => [leadId, text]));
  expect(view.queryByRole('button', { name: 'Replace everything' })).toBeNull();
});

test('restoring a backup with Merge keeps the leads added since', async () => {
  await seed();
  const user = userEvent.setup();
  const view = renderBackup();
  const { json } = await downloadBackup(view, user);
  await addLead('Alan Turing', 'alan@npl.example', 'NPL');

  await user.upload(view.getByLabelText('Restore from backup'), backupFile(json));
  await user.click(await view.findByRole('button', { name: 'Merge' }));

  await waitFor(() => expect(view.getByRole('status').textContent).toMatch(/^Merged leadline-backup-2025-03-07\.json: 0 leads/));
  expect((await db.leads.toArray()).map((lead) => lead.fullName).sort()).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
});

test('a damaged backup is refused with its problems listed and the database left exactly as it was', async () => {
  await seed();
  const user = userEvent.setup();
  const view = renderBackup();
  const { json } = await downloadBackup(view, user);
  const damaged = JSON.parse(json) as { leads: Array<Record<string, unknown>> };
  delete damaged.leads[1]!.fullName;
  damaged.leads[0]!.stage = 'maybe';
  await addLead('Alan Turing', 'alan@npl.example', 'NPL');
  const before = await snapshot();

  await user.upload(view.getByLabelText('Restore from backup'), backupFile(JSON.stringify(damaged)));

  const alert = await view.findByRole('alert');
  expect(within(alert).getByText('This backup cannot be restored, so nothing was changed:')).toBeTruthy();
  const problems = within(alert).getAllByRole('listitem').map((item) => item.textContent);
  expect(problems).toHaveLength(2);
  expect(problems[0]).toMatch(/^Lead 1: stage/);
  expect(problems[1]).toBe('Lead 2: A lead needs a name');
  expect(view.queryByRole('button', { name: 'Replace everything' })).toBeNull();
  expect(view.queryByRole('button', { name: 'Merge' })).toBeNull();
  expect(await snapshot()).toEqual(before);
});

test('a cut-off backup file is refused in plain words', async () => {
  await seed();
  const user = userEvent.setup();
  const view = renderBackup();
  const { json } = await downloadBackup(view, user);
  const before = await snapshot();

  await user.upload(view.getByLabelText('Restore from backup'), backupFile(json.slice(0, json.length / 2)));

  expect((await view.findByRole('alert')).textContent).toContain(
    'This backup file is damaged or incomplete (it is not valid JSON). Nothing was restored; try another copy of the backup.',
  );
  expect(await snapshot()).toEqual(before);
});

test('a backup that cannot be written is rolled back and explained', async () => {
  await seed();
  const user = userEvent.setup();
  const view = renderBackup();
  const { json } = await downloadBackup(view, user);
  const before = await snapshot();
  vi.spyOn(db.templates, 'bulkAdd').mockRejectedValue(new Error('disk went away'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);

  await user.upload(view.getByLabelText('Restore from backup'), backupFile(json));
  await user.click(await view.findByRole('button', { name: 'Replace everything' }));

  expect((await view.findByRole('alert')).textContent).toBe(
    'The backup could not be restored, so nothing was changed. Try again; if it fails again, the backup file may be damaged.',
  );
  expect(await snapshot()).toEqual(before);
});
