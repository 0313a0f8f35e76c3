import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { FullPageApp } from '@/components/FullPageApp';
import { downloadCsv, downloadFile } from '@/components/download';
import { saveOrMergeProspect } from '@/lib/db/leads';
import { addReminder } from '@/lib/db/reminders';
import { useFreshDatabase } from '../fake-database';
import { inBrowserLanguage } from '../locale-messages';
import { DAY, HOUR, NOW, storeBook, storeMany } from './lead-book';

vi.mock('@/components/download', () => ({ downloadCsv: vi.fn(), downloadFile: vi.fn() }));

const database = useFreshDatabase();
// Every lead is read after the first rows are shown; on a busy machine that can take more than a second.
const READ_ALL = { timeout: 10_000 };

beforeEach(() => {
  vi.mocked(downloadCsv).mockClear();
  vi.mocked(downloadFile).mockClear();
});

function showTable(hash = '#leads', onRemindersChanged = vi.fn()) {
  window.location.hash = hash;
  return { onRemindersChanged, ...render(<FullPageApp db={database()} now={() => NOW} onRemindersChanged={onRemindersChanged} />) };
}

const grid = () => screen.getByRole('grid');
const dataRows = () => within(grid()).queryAllByRole('row').slice(1);

/** The names in the grid, top to bottom, as drawn. */
function namesShown(): string[] {
  return dataRows().map((row) => within(row).getAllByRole('gridcell')[1]!.textContent ?? '');
}

function rowOf(name: string): HTMLElement {
  const row = dataRows().find((r) => within(r).getAllByRole('gridcell')[1]!.textContent === name);
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

/** The text of one column in a lead's row, by the column's header. */
function cellOf(name: string, column: string): string {
  const headers = within(grid()).getAllByRole('columnheader');
  const index = headers.findIndex((header) => header.textContent?.replace(/[▲▼]/g, '') === column);
  return within(rowOf(name)).getAllByRole('gridcell')[index]!.textContent ?? '';
}

async function tableWithBook() {
  const leads = await storeBook(database());
  const view = showTable();
  await screen.findByText('8 leads', {}, READ_ALL);
  return { leads, ...view };
}

const summary = () => document.querySelector('.leads-summary')?.textContent;

describe('the lead table', () => {
  test('lists every lead newest first, with its columns, as a grid with the header as its first row', async () => {
    await tableWithBook();

    expect(screen.getByRole('tab', { name: 'Leads', selected: true })).toBeTruthy();
    expect(grid().getAttribute('aria-rowcount')).toBe('9');
    expect(within(grid()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '',
      'Name',
      'Company',
      'Title',
      'Stage',
      'Score',
      'Checklist',
      'Source',
      'Channel',
      'Next follow-up',
      'Captured▼',
      'Updated',
    ]);
    expect(namesShown()).toEqual([
      'Alan Turing',
      'Ada Lovelace',
      'Grace Hopper',
      'Linus Torvalds',
      'Ken Thompson',
      'Margaret Hamilton',
      'Barbara Liskov',
      'Dennis Ritchie',
    ]);
    expect(cellOf('Ada Lovelace', 'Company')).toBe('Analytical Engines');
    expect(cellOf('Ada Lovelace', 'Stage')).toBe('Qualified');
    expect(cellOf('Ada Lovelace', 'Score')).toBe('88');
    expect(cellOf('Ada Lovelace', 'Checklist')).toBe('BANT 3 of 4');
    expect(cellOf('Ada Lovelace', 'Source')).toBe('Import: SaaStr badge scans');
    expect(cellOf('Ada Lovelace', 'Channel')).toBe('Event');
    expect(cellOf('Ada Lovelace', 'Next follow-up')).toMatch(/^Overdue since/);
    expect(cellOf('Alan Turing', 'Source')).toBe('Gmail');
    expect(cellOf('Dennis Ritchie', 'Company')).toBe('');
    expect(rowOf('Ada Lovelace').getAttribute('aria-rowindex')).toBe('3');
  });

  test('shows a name with markup from a page as text', async () => {
    await saveOrMergeProspect(database(), { source: 'web', fullName: '<img src=x onerror=alert(1)>Eve', confidence: 0.5 }, NOW);
    const { container } = showTable();

    expect(await screen.findByRole('button', { name: '<img src=x onerror=alert(1)>Eve' })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('filters', () => {
  test('stage: any of the stages ticked', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.click(screen.getByRole('checkbox', { name: 'Qualified' }));
    await waitFor(() => expect(namesShown()).toEqual(['Ada Lovelace', 'Ken Thompson']));
    expect(summary()).toBe('2 leads of 8 match');

    await user.click(screen.getByRole('checkbox', { name: 'Customer' }));
    await waitFor(() => expect(namesShown()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Ken Thompson']));
  });

  test('source or list: one imported list, or one source', async () => {
    const user = userEvent.setup();
    await tableWithBook();
    const source = screen.getByRole('combobox', { name: 'Source or list' });
    expect(within(source).getByRole('option', { name: 'SaaStr badge scans (3 leads)' })).toBeTruthy();

    await user.selectOptions(source, 'SaaStr badge scans (3 leads)');
    await waitFor(() => expect(namesShown()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds']));

    await user.selectOptions(source, 'Outlook');
    await waitFor(() => expect(namesShown()).toEqual(['Ken Thompson']));
  });

  test('channel, and leads without one', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'Referral');
    await waitFor(() => expect(namesShown()).toEqual(['Alan Turing', 'Ken Thompson']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'No channel');
    await waitFor(() => expect(namesShown()).toEqual(['Dennis Ritchie']));
  });

  test('score range, both ends included, and a range upside down is explained', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.type(screen.getByRole('textbox', { name: 'Score from' }), '62');
    await user.type(screen.getByRole('textbox', { name: 'to' }), '88');
    await waitFor(() => expect(namesShown()).toEqual(['Ada Lovelace', 'Ken Thompson', 'Barbara Liskov']));

    await user.clear(screen.getByRole('textbox', { name: 'Score from' }));
    await user.type(screen.getByRole('textbox', { name: 'Score from' }), '90');
    expect((await screen.findByRole('alert')).textContent).toBe('The lowest score (90) is above the highest (88). Swap them or clear one.');
    await user.clear(screen.getByRole('textbox', { name: 'Score from' }));
    await user.type(screen.getByRole('textbox', { name: 'Score from' }), '150');
    expect(screen.getByRole('alert').textContent).toBe('Enter a score from 0 to 100.');
    expect(screen.getByRole('textbox', { name: 'Score from' }).getAttribute('aria-invalid')).toBe('true');
  });

  test('qualified or not reads the one rule: the Qualified or Customer stage, not a met checklist', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Qualified' }), 'Qualified (Qualified or Customer stage)');
    await waitFor(() => expect(namesShown()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Ken Thompson']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Qualified' }), 'Not qualified');
    await waitFor(() => expect(namesShown()).toEqual(['Alan Turing', 'Linus Torvalds', 'Margaret Hamilton', 'Barbara Liskov', 'Dennis Ritchie']));
  });

  test('follow-up: overdue, due today or overdue, set for a later day, none', async () => {
    const user = userEvent.setup();
    await tableWithBook();
    const followUp = () => screen.getByRole('combobox', { name: 'Follow-up' });

    await user.selectOptions(followUp(), 'Overdue');
    await waitFor(() => expect(namesShown()).toEqual(['Ada Lovelace', 'Ken Thompson']));
    await user.selectOptions(followUp(), 'Due today or overdue');
    await waitFor(() => expect(namesShown()).toEqual(['Ada Lovelace', 'Linus Torvalds', 'Ken Thompson']));
    await user.selectOptions(followUp(), 'Set for a later day');
    await waitFor(() => expect(namesShown()).toEqual(['Alan Turing']));
    await user.selectOptions(followUp(), 'None set');
    await waitFor(() => expect(namesShown()).toEqual(['Grace Hopper', 'Margaret Hamilton', 'Barbara Liskov', 'Dennis Ritchie']));
  });

  test('captured: today, the last 7 days, or between two dates', async () => {
    const user = userEvent.setup();
    await tableWithBook();
    const captured = () => screen.getByRole('combobox', { name: 'Captured' });

    await user.selectOptions(captured(), 'Today');
    await waitFor(() => expect(namesShown()).toEqual(['Alan Turing']));
    await user.selectOptions(captured(), 'Last 7 days');
    await waitFor(() => expect(namesShown()).toEqual(['Alan Turing', 'Ada Lovelace', 'Grace Hopper', 'Linus Torvalds']));
    await user.selectOptions(captured(), 'Between dates');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-02-20' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-02-25' } });
    await waitFor(() => expect(namesShown()).toEqual(['Ken Thompson']));
  });

  test('search finds leads by the start of any word of name, company, email or title', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'labs');
    await waitFor(() => expect(namesShown()).toEqual(['Ken Thompson', 'Barbara Liskov']));
    await user.clear(screen.getByRole('searchbox', { name: 'Search leads' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'alan@npl');
    await waitFor(() => expect(namesShown()).toEqual(['Alan Turing']));
  });

  test('conditions combine, say how many match, and Clear filters shows every lead again', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.click(screen.getByRole('checkbox', { name: 'New' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'Referral');
    expect(await screen.findByText('No leads match these filters.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear filters (2)' }));
    await waitFor(() => expect(namesShown()).toHaveLength(8));
    expect((screen.getByRole('checkbox', { name: 'New' }) as HTMLInputElement).checked).toBe(false);
  });

  test('a link to the table filtered to one list shows that list, captured today', async () => {
    await storeBook(database());
    await storeBook(database(), [{ name: 'Imported Today', score: 10, source: 'import', list: 'SaaStr badge scans', capturedAgo: HOUR }]);
    showTable('#leads?list=SaaStr+badge+scans&captured=today');

    await waitFor(() => expect(namesShown()).toEqual(['Imported Today']));
    expect((screen.getByRole('combobox', { name: 'Source or list' }) as HTMLSelectElement).value).toBe('list:SaaStr badge scans');
    expect((screen.getByRole('combobox', { name: 'Captured' }) as HTMLSelectElement).value).toBe('today');
  });
});

describe('sorting', () => {
  test('a column header sorts by it, again the other way, and says how', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() =>
      expect(namesShown()).toEqual(['Ada Lovelace', 'Alan Turing', 'Barbara Liskov', 'Dennis Ritchie', 'Grace Hopper', 'Ken Thompson', 'Linus Torvalds', 'Margaret Hamilton']),
    );
    const nameHeader = screen.getByRole('columnheader', { name: /^Name/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /^Captured/ }).getAttribute('aria-sort')).toBeNull();
    expect(grid().getAttribute('aria-label')).toBe('Leads, by Name ascending');

    await user.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(namesShown()[0]).toBe('Margaret Hamilton'));
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
  });

  test('highest score first on the first click; leads without a company last both ways', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() => expect(namesShown().slice(0, 3)).toEqual(['Grace Hopper', 'Ada Lovelace', 'Ken Thompson']));

    await user.click(screen.getByRole('button', { name: 'Company' }));
    await waitFor(() => expect(namesShown()[0]).toBe('Ada Lovelace'));
    expect(namesShown().at(-1)).toBe('Dennis Ritchie');
    await user.click(screen.getByRole('button', { name: /^Company/ }));
    await waitFor(() => expect(namesShown()[0]).toBe('Grace Hopper'));
    expect(namesShown().at(-1)).toBe('Dennis Ritchie');
  });

  test('the next follow-up sorts soonest first, and the order is kept in the page address', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.click(screen.getByRole('button', { name: 'Next follow-up' }));
    await waitFor(() => expect(namesShown().slice(0, 4)).toEqual(['Ken Thompson', 'Ada Lovelace', 'Linus Torvalds', 'Alan Turing']));
    expect(window.location.hash).toBe('#leads?sort=followUp&dir=asc');
  });
});

describe('saved views', () => {
  test('"My qualified from SaaStr": saved, chosen again after the filters changed, kept after a reload, deleted', async () => {
    const user = userEvent.setup();
    const { unmount } = await tableWithBook();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Source or list' }), 'SaaStr badge scans (3 leads)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Qualified' }), 'Qualified (Qualified or Customer stage)');
    await user.click(screen.getByRole('button', { name: 'Save as view…' }));
    await user.type(screen.getByRole('textbox', { name: 'View name' }), 'My qualified from SaaStr');
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    expect(await screen.findByText('Saved the view “My qualified from SaaStr”.')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'View' }) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('My qualified from SaaStr');

    await user.click(screen.getByRole('button', { name: 'Clear filters (2)' }));
    await waitFor(() => expect(namesShown()).toHaveLength(8));
    unmount();
    showTable('#leads');
    await screen.findByText('8 leads', {}, READ_ALL);

    await user.selectOptions(screen.getByRole('combobox', { name: 'View' }), await screen.findByRole('option', { name: 'My qualified from SaaStr' }));
    await waitFor(() => expect(namesShown()).toEqual(['Ada Lovelace', 'Grace Hopper']));
    expect((screen.getByRole('combobox', { name: 'Qualified' }) as HTMLSelectElement).value).toBe('yes');

    await user.click(screen.getByRole('button', { name: 'Delete view “My qualified from SaaStr”' }));
    expect(await screen.findByText('Deleted the view “My qualified from SaaStr”. Its leads are untouched.')).toBeTruthy();
    expect(within(screen.getByRole('combobox', { name: 'View' })).queryByRole('option', { name: 'My qualified from SaaStr' })).toBeNull();
    expect(namesShown()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  test('a view without a name is refused with a reason, and nothing is saved', async () => {
    const user = userEvent.setup();
    await tableWithBook();
    await user.click(screen.getByRole('checkbox', { name: 'New' }));

    await user.click(screen.getByRole('button', { name: 'Save as view…' }));
    await user.click(screen.getByRole('button', { name: 'Save view' }));

    expect((await screen.findByRole('alert')).textContent).toBe('This change could not be saved: Give the view a name, for example "Qualified from SaaStr".');
    expect(within(screen.getByRole('combobox', { name: 'View' })).getAllByRole('option')).toHaveLength(1);
  });
});

describe('bulk actions', () => {
  async function select(...names: string[]) {
    const user = userEvent.setup();
    for (const name of names) await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
    return user;
  }

  test('changes the stage of the selected leads, logs it on each, and Undo puts them back', async () => {
    const { leads } = await tableWithBook();
    const db = database();
    const user = await select('Linus Torvalds', 'Dennis Ritchie');
    expect(screen.getByText('2 leads selected')).toBeTruthy();
    expect(rowOf('Linus Torvalds').getAttribute('aria-selected')).toBe('true');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Move to stage' }), 'Contacted');
    await user.click(screen.getByRole('button', { name: 'Change stage' }));

    expect(await screen.findByText('Moved 2 leads to Contacted.')).toBeTruthy();
    const linus = leads.find((lead) => lead.fullName === 'Linus Torvalds')!;
    expect((await db.leads.get(linus.id))?.stage).toBe('contacted');
    expect((await db.activities.where('leadId').equals(linus.id).toArray()).map((a) => a.text)).toEqual(['Stage: New → Contacted']);
    await waitFor(() => expect(cellOf('Linus Torvalds', 'Stage')).toBe('Contacted'));
    expect(screen.getByText('Select leads with the checkboxes (or Space) to act on them.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Put 2 leads back in the stage they were in.')).toBeTruthy();
    const back = await db.leads.get(linus.id);
    expect(back?.stage).toBe('new');
    expect(back?.stageHistory).toEqual(linus.stageHistory);
    await waitFor(() => expect(cellOf('Linus Torvalds', 'Stage')).toBe('New'));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  test('acts on every match of the filter at once, and says which leads were already in the stage', async () => {
    const user = userEvent.setup();
    await tableWithBook();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Source or list' }), 'SaaStr badge scans (3 leads)');
    await waitFor(() => expect(namesShown()).toHaveLength(3));

    await user.click(screen.getByRole('checkbox', { name: 'Select all 3 matches' }));
    expect(screen.getByText('All 3 matching leads selected')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Move to stage' }), 'Qualified');
    await user.click(screen.getByRole('button', { name: 'Change stage' }));

    expect(await screen.findByText('Moved 2 leads to Qualified. 1 lead was already there.')).toBeTruthy();
    const stages = (await database().leads.toArray()).filter((lead) => lead.sourceList === 'SaaStr badge scans').map((lead) => lead.stage);
    expect(stages.sort()).toEqual(['qualified', 'qualified', 'qualified']);
  });

  test('an undo leaves alone a lead moved again since', async () => {
    const { leads } = await tableWithBook();
    const db = database();
    const user = await select('Linus Torvalds', 'Dennis Ritchie');
    await user.click(screen.getByRole('button', { name: 'Change stage' }));
    await screen.findByText('Moved 2 leads to Qualified.');
    const dennis = leads.find((lead) => lead.fullName === 'Dennis Ritchie')!;
    const { setStage } = await import('@/lib/db/leads');
    await setStage(db, dennis.id, 'customer', NOW);

    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Put 1 lead back in the stage it was in.')).toBeTruthy();
    expect((await db.leads.get(dennis.id))?.stage).toBe('customer');
  });

  test('deletes the selected leads with their reminders, and Undo brings back the same ids, history and reminders', async () => {
    const { leads, onRemindersChanged } = await tableWithBook();
    const db = database();
    const ada = leads.find((lead) => lead.fullName === 'Ada Lovelace')!;
    await addReminder(db, { leadId: ada.id, dueAt: NOW + DAY, note: 'Send the deck' }, NOW);
    const before = { lead: await db.leads.get(ada.id), reminders: await db.reminders.where('leadId').equals(ada.id).toArray() };
    const user = await select('Ada Lovelace', 'Dennis Ritchie');

    await user.click(screen.getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Deleted 2 leads, with their activity and reminders.')).toBeTruthy();
    await waitFor(() => expect(namesShown()).toHaveLength(6));
    expect(await db.leads.get(ada.id)).toBeUndefined();
    expect(await db.reminders.count()).toBe(0);
    expect(onRemindersChanged).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Restored 2 leads.')).toBeTruthy();
    await waitFor(() => expect(namesShown()).toHaveLength(8));
    expect(await db.leads.get(ada.id)).toEqual(before.lead);
    expect(await db.reminders.where('leadId').equals(ada.id).toArray()).toEqual(before.reminders);
    expect(onRemindersChanged).toHaveBeenCalledTimes(2);
  });

  test('sets the same follow-up on the selected leads, bringing each one\'s next follow-up forward', async () => {
    const { leads, onRemindersChanged } = await tableWithBook();
    const db = database();
    const user = await select('Alan Turing', 'Grace Hopper');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Follow up' }), screen.getByRole('option', { name: /^Tomorrow/ }));
    await user.type(screen.getByRole('textbox', { name: 'Reminder note' }), 'Send the case study');
    await user.click(screen.getByRole('button', { name: 'Set reminder' }));

    expect(await screen.findByText(/^Follow-up set for Tomorrow .+ on 2 leads\.$/)).toBeTruthy();
    const tomorrowNine = new Date(2025, 2, 8, 9, 0).getTime();
    for (const name of ['Alan Turing', 'Grace Hopper']) {
      const lead = leads.find((l) => l.fullName === name)!;
      expect(await db.reminders.where('leadId').equals(lead.id).toArray()).toEqual([
        expect.objectContaining({ dueAt: tomorrowNine, note: 'Send the case study', status: 'pending' }),
      ]);
      expect((await db.leads.get(lead.id))?.nextFollowUpAt).toBe(tomorrowNine);
    }
    expect(onRemindersChanged).toHaveBeenCalledTimes(1);
  });

  test('a reminder on a date that has passed is refused and nothing is written', async () => {
    await tableWithBook();
    const user = await select('Alan Turing');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Follow up' }), 'On a date…');
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2025-03-01' } });
    await user.click(screen.getByRole('button', { name: 'Set reminder' }));

    expect((await screen.findByRole('alert')).textContent).toBe('That time has already passed. Pick a later one.');
    expect(await database().reminders.count()).toBe(0);
  });

  test('exports the selection in a CRM layout, in the table\'s order, named after the saved view', async () => {
    const user = userEvent.setup();
    await tableWithBook();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Source or list' }), 'SaaStr badge scans (3 leads)');
    await user.click(screen.getByRole('button', { name: 'Save as view…' }));
    await user.type(screen.getByRole('textbox', { name: 'View name' }), 'SaaStr');
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    await user.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() => expect(namesShown()).toEqual(['Grace Hopper', 'Ada Lovelace', 'Linus Torvalds']));
    await user.click(screen.getByRole('checkbox', { name: 'Select Linus Torvalds' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Grace Hopper' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Export as' }), 'Salesforce');
    await user.click(screen.getByRole('button', { name: 'Export selected' }));

    expect(await screen.findByText('Exported 2 leads (Salesforce).')).toBeTruthy();
    const [fileName, csv] = vi.mocked(downloadCsv).mock.calls[0] as [string, string];
    expect(fileName).toBe('leadline-selection-2025-03-07.csv');
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => [row['Last Name'], row['Lead Status']])).toEqual([
      ['Hopper', 'Closed - Converted'],
      ['Torvalds', 'Open - Not Contacted'],
    ]);
  });

  test('exports every match as contact cards, named after the saved view chosen', async () => {
    const user = userEvent.setup();
    await tableWithBook();
    await user.click(screen.getByRole('checkbox', { name: 'Customer' }));
    await user.click(screen.getByRole('button', { name: 'Save as view…' }));
    await user.type(screen.getByRole('textbox', { name: 'View name' }), 'Customers');
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    await screen.findByText('Saved the view “Customers”.');

    await user.click(screen.getByRole('checkbox', { name: 'Select all 1 match' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Export as' }), 'vCard (contact cards)');
    await user.click(screen.getByRole('button', { name: 'Export selected' }));

    expect(await screen.findByText('Exported 1 lead as a contact card.')).toBeTruthy();
    const [fileName, text, type] = vi.mocked(downloadFile).mock.calls[0]!;
    expect(fileName).toBe('leadline-customers-2025-03-07.vcf');
    expect(type).toBe('text/vcard;charset=utf-8');
    expect(typeof text).toBe('string');
    expect(text).toContain('FN:Grace Hopper');
    expect(String(text).match(/BEGIN:VCARD/g)).toHaveLength(1);
  });
});

describe('keyboard', () => {
  test('arrow keys move between cells, Space selects the row, Enter opens the lead and Back returns to its row', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    await user.click(await screen.findByRole('button', { name: 'Back to leads' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ada Lovelace' })));

    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(document.activeElement?.textContent).toBe('US Navy');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('0');
    await user.keyboard(' ');
    expect(rowOf('Grace Hopper').getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select Grace Hopper' }));
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe(cellOf('Grace Hopper', 'Updated'));
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement?.closest('[role="row"]')).toBe(rowOf('Alan Turing'));

    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Alan Turing' })).toBeTruthy();
  });

  test('Esc in a lead opened from the table goes back to its row', async () => {
    const user = userEvent.setup();
    await tableWithBook();

    await user.click(screen.getByRole('button', { name: 'Grace Hopper' }));
    await screen.findByRole('heading', { name: 'Grace Hopper' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Grace Hopper' })));
    expect(screen.queryByRole('heading', { name: 'Grace Hopper' })).toBeNull();
  });

  test('up from the first row reaches the header, where Enter sorts by that column', async () => {
    const user = userEvent.setup();
    await tableWithBook();
    screen.getByRole('button', { name: 'Alan Turing' }).focus();

    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Name' }));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(namesShown()[0]).toBe('Ada Lovelace'));
  });

  test('only the rows in view are drawn, and Ctrl+End reaches the last of 1,000 leads', async () => {
    const user = userEvent.setup();
    const leads = await storeMany(database(), 1_000);
    showTable();
    await screen.findByText('1,000 leads', {}, READ_ALL);

    expect(grid().getAttribute('aria-rowcount')).toBe('1001');
    expect(dataRows().length).toBeGreaterThan(10);
    expect(dataRows().length).toBeLessThan(60);

    screen.getByRole('button', { name: leads.at(-1)!.fullName }).focus();
    await user.keyboard('{Control>}{End}{/Control}');

    await waitFor(() => expect(document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')).toBe('1001'));
    expect(document.activeElement?.closest('[role="row"]')?.textContent).toContain(leads[0]!.fullName);
    expect(dataRows().length).toBeLessThan(60);
  });
});

describe('keeping up', () => {
  test('a lead saved elsewhere (a capture, the popup) shows up without a reload', async () => {
    await tableWithBook();

    await saveOrMergeProspect(database(), { source: 'linkedin', fullName: 'Katherine Johnson', company: 'NASA', confidence: 0.9 }, NOW + 1000);

    expect(await screen.findByText('9 leads', {}, READ_ALL)).toBeTruthy();
    expect(namesShown()[0]).toBe('Katherine Johnson');
  });

  test('with no leads at all, it points to importing a list, the capture guide and a sample lead', async () => {
    const user = userEvent.setup();
    showTable();

    expect(await screen.findByRole('heading', { name: 'No leads yet' })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Try it on a sample lead' }));
    await waitFor(() => expect(namesShown()).toEqual(['Sam Rivera (sample)']));
    expect(cellOf('Sam Rivera (sample)', 'Checklist')).toBe('BANT 2 of 4');
  });

  test('Import a list goes to the import tab', async () => {
    const user = userEvent.setup();
    showTable();

    await user.click(await screen.findByRole('button', { name: 'Import a list' }));

    expect(screen.getByRole('tab', { name: 'Import & export', selected: true })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Import CSV' })).toBeTruthy();
  });
});



describe('the lead table in German', () => {
  test('names its columns, counts and dates the way a German rep reads them', async () => {
    await storeBook(database());
    await storeMany(database(), 1_000);

    await inBrowserLanguage('de', 'de-DE', async () => {
      showTable('#leads?q=Lovelace');
      await screen.findByText('1 von 1.008 Leads passt', {}, READ_ALL);

      expect(within(grid()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
        '',
        'Name',
        'Firma',
        'Position',
        'Phase',
        'Score',
        'Checkliste',
        'Quelle',
        'Kanal',
        'Nächste Wiedervorlage',
        'Erfasst▼',
        'Geändert',
      ]);
      expect(grid().getAttribute('aria-label')).toBe('Leads, nach Erfasst absteigend');
      // Captured two days before Friday 7 March 2025: a German date, day first.
      expect(cellOf('Ada Lovelace', 'Erfasst')).toBe('05.03.2025');
      expect(cellOf('Ada Lovelace', 'Checkliste')).toBe('BANT 3 von 4');
      expect(screen.getByRole('checkbox', { name: '1 Treffer auswählen' })).toBeTruthy();
    });
  });
});
