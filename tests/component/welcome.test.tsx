import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FullPageApp } from '@/components/FullPageApp';
import { useFreshDatabase } from '../fake-database';
import { NOW } from './lead-book';

const database = useFreshDatabase();

function showPage(hash: string, captureShortcut?: () => Promise<string | undefined>) {
  window.location.hash = hash;
  return render(<FullPageApp db={database()} now={() => NOW} captureShortcut={captureShortcut} />);
}

const steps = () => within(screen.getByRole('list', { name: 'Three steps' })).getAllByRole('heading');

test('the welcome tab comes first and shows three steps: capture, import, qualify and follow up', async () => {
  showPage('#welcome', async () => 'Ctrl+Shift+K');

  expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Welcome', 'Leads', 'Dashboard', 'Import & export', 'Settings']);
  expect(screen.getByRole('tab', { name: 'Welcome', selected: true })).toBeTruthy();
  expect(screen.getByRole('heading', { level: 2, name: 'Welcome to Leadline' })).toBeTruthy();
  expect(steps().map((heading) => heading.textContent)).toEqual([
    '1. Capture where you meet people',
    '2. Import a list you already have',
    '3. Qualify and follow up',
  ]);
  const capture = steps()[0]!.closest('li')!.textContent ?? '';
  for (const place of ['LinkedIn', 'Gmail and Outlook', 'Capture this page', 'Save contact to Leadline']) expect(capture).toContain(place);
  // The shortcut as the browser has it, once asked.
  await waitFor(() => expect(steps()[0]!.closest('li')!.textContent).toContain('or press Ctrl+Shift+K.'));
  expect(steps()[2]!.closest('li')!.textContent).toContain('A lead counts as qualified once it is in the Qualified or Customer stage');
});

test('names the default shortcut until the browser answers, and says how to set one when there is none', async () => {
  let answer: (keys: string | undefined) => void = () => undefined;
  showPage('#welcome', () => new Promise((resolve) => (answer = resolve)));
  const captureStep = () => steps()[0]!.closest('li')!.textContent ?? '';
  expect(captureStep()).toContain('or press Alt+Shift+L.');

  answer('');

  await waitFor(() => expect(captureStep()).toContain('give it a keyboard shortcut in your browser’s extension settings'));
});

test('Try it on a sample lead adds one sample, opens it in Leads, and removes it again', async () => {
  const user = userEvent.setup();
  const db = database();
  showPage('#welcome');

  await user.click(await screen.findByRole('button', { name: 'Try it on a sample lead' }));
  expect(await screen.findByText('Added Sam Rivera (sample). Open it to answer its checklist and set a reminder.')).toBeTruthy();
  expect(await db.leads.count()).toBe(1);

  await user.click(await screen.findByRole('button', { name: 'Open the sample lead' }));
  expect(screen.getByRole('tab', { name: 'Leads', selected: true })).toBeTruthy();
  expect(await screen.findByRole('heading', { name: 'Sam Rivera (sample)' })).toBeTruthy();
  expect(screen.getByText('2 of 4 met')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Back to leads' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sam Rivera (sample)' })));

  await user.click(screen.getByRole('tab', { name: 'Welcome' }));
  await user.click(await screen.findByRole('button', { name: 'Remove the sample lead' }));
  expect(await screen.findByText('The sample lead is removed, with its activity and reminders.')).toBeTruthy();
  expect(await db.leads.count()).toBe(0);
  expect(await screen.findByRole('button', { name: 'Try it on a sample lead' })).toBeTruthy();
});

test('Import a list goes to the import tab', async () => {
  const user = userEvent.setup();
  showPage('#welcome');

  await user.click(screen.getByRole('button', { name: 'Import a list' }));

  expect(screen.getByRole('tab', { name: 'Import & export', selected: true })).toBeTruthy();
  expect(window.location.hash).toBe('#data');
});

test('the tabs follow the tabs pattern: one tab stop, arrow keys and Home/End move and show', async () => {
  const user = userEvent.setup();
  showPage('#welcome');
  expect(screen.getAllByRole('tab').map((tab) => tab.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1']);
  screen.getByRole('tab', { name: 'Welcome' }).focus();

  await user.keyboard('{ArrowRight}');
  expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Leads', selected: true }));
  await user.keyboard('{End}');
  expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Settings', selected: true }));
  await user.keyboard('{ArrowRight}');
  expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Welcome', selected: true }));
  await user.keyboard('{ArrowLeft}{Home}');
  expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Welcome', selected: true }));
});

test('without a tab in its address the full page opens on the dashboard, as the popup’s link expects', async () => {
  showPage('');
  expect(screen.getByRole('tab', { name: 'Dashboard', selected: true })).toBeTruthy();
});
