import { vi } from 'vitest';
import { useFreshDatabase } from '../fake-database';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsView } from '@/components/settings/SettingsView';
import { LeadlineDatabase } from '@/lib/db/database';
import { getSettings, saveSettings } from '@/lib/db/settings';
import { FrameworkSchema, type Framework } from '@/lib/model/framework';
import { LeadSchema, type Lead } from '@/lib/model/lead';

const NOW = new Date(2025, 2, 7, 10, 30).getTime();
const DAY = 24 * 60 * 60 * 1000;

let db: LeadlineDatabase;
useFreshDatabase((fresh) => (db = fresh));

const ENTERPRISE_FIT: Framework = FrameworkSchema.parse({
  id: 'enterprise-fit',
  name: 'Enterprise fit',
  criteria: [
    { id: 'budget', label: 'Budget', questions: ['Is budget approved for this year?'] },
    { id: 'security_review', label: 'Security review', questions: ['Who runs your vendor security review?'], required: true },
  ],
  rule: { minMet: 1 },
});

function leadOn(fullName: string, checklist: Lead['checklist']): Lead {
  const capturedAt = NOW - 6 * DAY;
  return LeadSchema.parse({
    id: fullName.toLowerCase().replace(/ /g, '-'),
    fullName,
    source: 'linkedin',
    channel: 'outbound',
    capturedAt,
    stage: 'contacted',
    stageHistory: [
      { stage: 'new', at: capturedAt },
      { stage: 'contacted', at: capturedAt + DAY },
    ],
    checklist,
    createdAt: capturedAt,
    updatedAt: capturedAt + DAY,
  });
}

async function showSettings() {
  render(<SettingsView db={db} now={() => NOW} />);
  await screen.findByRole('heading', { name: 'Your qualification templates' });
  return userEvent.setup();
}

function templateForm() {
  return screen.getByRole('form', { name: 'New template' });
}

async function fillCriterion(user: ReturnType<typeof userEvent.setup>, position: number, label: string, questions: string) {
  const row = within(templateForm()).getByRole('group', { name: `Criterion ${position}` });
  await user.type(within(row).getByRole('textbox', { name: 'Label' }), label);
  await user.type(within(row).getByRole('textbox', { name: 'Discovery questions (one per line)' }), questions);
}

test('choosing a default framework saves it for new leads', async () => {
  const user = await showSettings();

  await user.selectOptions(screen.getByRole('combobox', { name: 'Default framework for new leads' }), 'MEDDIC');

  expect(await screen.findByText('New leads will start with MEDDIC.')).toBeTruthy();
  expect((await getSettings(db)).defaultFrameworkId).toBe('meddic');
});

test('the rep\'s own addresses are saved one per line', async () => {
  const user = await showSettings();

  await user.type(screen.getByRole('textbox', { name: 'Your email addresses' }), 'sam.rep@contoso.com{Enter}{Enter}Sam@alias.example');
  await user.click(screen.getByRole('button', { name: 'Save addresses' }));

  expect(await screen.findByText('Saved 2 addresses.')).toBeTruthy();
  expect((await getSettings(db)).ownAddresses).toEqual(['sam.rep@contoso.com', 'Sam@alias.example']);
});

test('an address list with a bad line is refused and the line is named', async () => {
  await saveSettings(db, { ownAddresses: ['sam.rep@contoso.com'] });
  const user = await showSettings();
  const field = screen.getByRole('textbox', { name: 'Your email addresses' });

  await user.type(field, '{Enter}sam at contoso');
  await user.click(screen.getByRole('button', { name: 'Save addresses' }));

  expect((await screen.findByRole('alert')).textContent).toContain('Line 2, “sam at contoso”, is not an email address.');
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect((await getSettings(db)).ownAddresses).toEqual(['sam.rep@contoso.com']);
});

test('a new template with two criteria is saved and listed', async () => {
  const user = await showSettings();

  await user.click(screen.getByRole('button', { name: 'New template' }));
  await user.type(within(templateForm()).getByRole('textbox', { name: 'Name' }), 'Enterprise fit');
  await fillCriterion(user, 1, 'Budget', 'Is budget approved for this year?');
  await user.click(within(templateForm()).getByRole('button', { name: 'Add criterion' }));
  await fillCriterion(user, 2, 'Security review', 'Who runs your vendor security review?');
  await user.click(within(within(templateForm()).getByRole('group', { name: 'Criterion 2' })).getByRole('checkbox', { name: 'Required' }));
  await user.type(within(templateForm()).getByRole('spinbutton', { name: 'Criteria a lead must meet to qualify' }), '1');
  await user.click(within(templateForm()).getByRole('button', { name: 'Save template' }));

  expect(await screen.findByText('Template “Enterprise fit” saved.')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Edit Enterprise fit' })).toBeTruthy();
  expect(await db.templates.get('enterprise-fit')).toEqual(ENTERPRISE_FIT);
});

test('a template without criteria is refused with a message saying so', async () => {
  const user = await showSettings();

  await user.click(screen.getByRole('button', { name: 'New template' }));
  await user.type(within(templateForm()).getByRole('textbox', { name: 'Name' }), 'Gut feeling');
  await user.click(within(templateForm()).getByRole('button', { name: 'Remove criterion 1' }));
  await user.click(within(templateForm()).getByRole('button', { name: 'Save template' }));

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByRole('listitem').textContent).toBe('A template needs at least one criterion.');
  expect(await db.templates.count()).toBe(0);
});

test('two criteria with the same label are refused', async () => {
  const user = await showSettings();

  await user.click(screen.getByRole('button', { name: 'New template' }));
  await user.type(within(templateForm()).getByRole('textbox', { name: 'Name' }), 'Double budget');
  await fillCriterion(user, 1, 'Budget', 'Is there budget?');
  await user.click(within(templateForm()).getByRole('button', { name: 'Add criterion' }));
  await fillCriterion(user, 2, 'budget', 'How much budget?');
  await user.click(within(templateForm()).getByRole('button', { name: 'Save template' }));

  expect((await screen.findByRole('alert')).textContent).toContain("Two criteria are both called 'budget'. Rename one of them.");
  expect(await db.templates.count()).toBe(0);
});

test('moving a criterion up puts it first in the saved template', async () => {
  const user = await showSettings();

  await user.click(screen.getByRole('button', { name: 'New template' }));
  await user.type(within(templateForm()).getByRole('textbox', { name: 'Name' }), 'Security first');
  await fillCriterion(user, 1, 'Budget', 'Is there budget?');
  await user.click(within(templateForm()).getByRole('button', { name: 'Add criterion' }));
  await fillCriterion(user, 2, 'Security review', 'Who reviews vendors?');
  await user.click(within(templateForm()).getByRole('button', { name: 'Move criterion 2 up' }));
  await user.click(within(templateForm()).getByRole('button', { name: 'Save template' }));

  await screen.findByText('Template “Security first” saved.');
  expect((await db.templates.get('security-first'))?.criteria.map((c) => c.label)).toEqual(['Security review', 'Budget']);
});

test('deleting a template in use asks for confirmation first', async () => {
  await db.templates.put(ENTERPRISE_FIT);
  await db.leads.bulkAdd([
    leadOn('Ada Lovelace', { frameworkId: 'enterprise-fit', answers: {} }),
    leadOn('Grace Hopper', { frameworkId: 'enterprise-fit', answers: {} }),
    leadOn('Alan Turing', { frameworkId: 'bant', answers: {} }),
  ]);
  const user = await showSettings();

  await user.click(screen.getByRole('button', { name: 'Delete Enterprise fit' }));

  const confirm = await screen.findByRole('group', {
    name: '2 leads use this template. Their answers will be kept but they will be moved to BANT.',
  });
  expect(within(confirm).getByRole('button', { name: 'Delete anyway' })).toBeTruthy();
  expect(await db.templates.get('enterprise-fit')).toBeDefined();
});

test('Delete anyway removes the template and moves its leads to BANT with their answers', async () => {
  await db.templates.put(ENTERPRISE_FIT);
  await saveSettings(db, { defaultFrameworkId: 'enterprise-fit' });
  const answers = {
    budget: { status: 'met' as const, note: 'Approved in the Q1 plan' },
    security_review: { status: 'not_met' as const, note: 'Review booked for April' },
  };
  await db.leads.bulkAdd([
    leadOn('Ada Lovelace', { frameworkId: 'enterprise-fit', answers }),
    leadOn('Alan Turing', { frameworkId: 'bant', answers: {} }),
  ]);
  const user = await showSettings();

  await user.click(screen.getByRole('button', { name: 'Delete Enterprise fit' }));
  await user.click(await screen.findByRole('button', { name: 'Delete anyway' }));

  expect(await screen.findByText('Deleted “Enterprise fit”. 1 lead was moved to BANT with its answers kept.')).toBeTruthy();
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Edit Enterprise fit' })).toBeNull());
  expect(await db.templates.count()).toBe(0);
  expect((await db.leads.get('ada-lovelace'))?.checklist).toEqual({ frameworkId: 'bant', answers });
  expect((await db.leads.get('alan-turing'))?.checklist).toEqual({ frameworkId: 'bant', answers: {} });
  expect((await getSettings(db)).defaultFrameworkId).toBe('bant');
});

test('a template no lead uses is deleted without asking', async () => {
  await db.templates.put(ENTERPRISE_FIT);
  const user = await showSettings();

  await user.click(screen.getByRole('button', { name: 'Delete Enterprise fit' }));

  expect(await screen.findByText('Deleted “Enterprise fit”.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Delete anyway' })).toBeNull();
  expect(await db.templates.count()).toBe(0);
});

describe('the default country for phone numbers', () => {
  it('follows the browser until the rep picks a country, and keeps the choice', async () => {
    const user = await showSettings();
    const select = screen.getByRole('combobox', { name: 'Default country for phone numbers' });
    expect((select as HTMLSelectElement).value).toBe('');
    await user.selectOptions(select, 'KE');
    await waitFor(async () => expect((await getSettings(db)).defaultCountry).toBe('KE'));
    expect(await screen.findByText(/read as Kenya numbers/)).toBeTruthy();
    await user.selectOptions(select, '');
    await waitFor(async () => expect((await getSettings(db)).defaultCountry).toBeUndefined());
  });
});

describe('discreet mode on LinkedIn', () => {
  it('shows the button by default, and tells the background when the rep turns it off', async () => {
    const changed = vi.fn();
    render(<SettingsView db={db} now={() => NOW} onSettingsChanged={changed} />);
    const box = await screen.findByRole('checkbox', { name: 'Show the Save button on LinkedIn' });
    expect((box as HTMLInputElement).checked).toBe(true);
    await userEvent.setup().click(box);
    await waitFor(async () => expect((await getSettings(db)).showLinkedInButton).toBe(false));
    expect(changed).toHaveBeenCalled();
    expect(await screen.findByText(/Capture a profile from the toolbar button/)).toBeTruthy();
  });
});

describe('the in-page button on each site, and its corner', () => {
  it('turns the button off in Gmail alone, and shows it again (what "Hide on this site" is undone with)', async () => {
    await saveSettings(db, { showGmailButton: false });
    const changed = vi.fn();
    render(<SettingsView db={db} now={() => NOW} onSettingsChanged={changed} />);
    const gmail = await screen.findByRole('checkbox', { name: 'Show the Save button in Gmail' });
    expect((gmail as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Show the Save button on LinkedIn' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.setup().click(gmail);
    await waitFor(async () => expect(await getSettings(db)).toMatchObject({ showGmailButton: true, showLinkedInButton: true }));
    expect(changed).toHaveBeenCalled();
  });

  it('floats bottom left until the rep picks another corner', async () => {
    const user = await showSettings();
    const select = screen.getByRole('combobox', { name: 'Where the button floats' });
    expect((select as HTMLSelectElement).value).toBe('bottom-left');
    await user.selectOptions(select, 'Top right');
    await waitFor(async () => expect((await getSettings(db)).widgetCorner).toBe('top-right'));
  });
});
