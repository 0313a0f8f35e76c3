import { useFreshDatabase } from '../fake-database';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadDetail } from '@/components/LeadDetail';
import type { NormalisedDraft } from '@/lib/model/normalise';
import { LeadlineDatabase } from '@/lib/db/database';
import { saveOrMergeProspect } from '@/lib/db/leads';
import type { Lead } from '@/lib/model/lead';

const NOW = new Date(2025, 2, 7, 10, 30).getTime();
let db: LeadlineDatabase;

useFreshDatabase((fresh) => (db = fresh));

const ADA: NormalisedDraft = {
  source: 'linkedin',
  fullName: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  title: 'CTO',
  company: 'Analytical Engines',
  location: 'London',
  email: 'ada@engines.example',
  phone: '+44 20 7946 0958',
  profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  sourceUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  confidence: 0.9,
};

async function showLead(draft: NormalisedDraft = ADA): Promise<Lead> {
  const { lead } = await saveOrMergeProspect(db, draft, NOW - 60_000);
  render(<LeadDetail db={db} now={() => NOW} leadId={lead.id} onBack={() => {}} />);
  await screen.findByRole('heading', { name: draft.fullName });
  return lead;
}

test('the detail shows the contact fields and a profile link that opens in a new tab', async () => {
  await showLead();
  const user = userEvent.setup();

  expect(screen.getByText('CTO · Analytical Engines')).toBeTruthy();
  expect(screen.getByText('ada@engines.example · +44 20 7946 0958')).toBeTruthy();
  await user.click(screen.getByText('Contact details'));

  const details = within(screen.getByRole('group', { name: 'Contact details' }));
  expect(details.getByText('CTO')).toBeTruthy();
  expect(details.getByText('London')).toBeTruthy();
  const profile = details.getByRole('link', { name: 'Open profile' });
  expect(profile.getAttribute('href')).toBe('https://www.linkedin.com/in/ada-lovelace/');
  expect(profile.getAttribute('target')).toBe('_blank');
  expect(profile.getAttribute('rel')).toBe('noopener noreferrer');
});

test('a profile URL stored before addresses were checked, not http(s), is shown as text, never as a link', async () => {
  const { lead } = await saveOrMergeProspect(db, ADA, NOW - 60_000);
  // What an older version could have stored from a restored backup: written past today's checks.
  await db.leads.put({ ...lead, profileUrl: 'javascript:alert(1)' });
  render(<LeadDetail db={db} now={() => NOW} leadId={lead.id} onBack={() => {}} />);
  await screen.findByRole('heading', { name: ADA.fullName });
  const user = userEvent.setup();
  await user.click(screen.getByText('Contact details'));

  expect(screen.getByText('javascript:alert(1)')).toBeTruthy();
  expect(screen.queryByRole('link')).toBeNull();
});

test('changing the stage saves it and adds it to the activity list', async () => {
  const lead = await showLead();
  const user = userEvent.setup();

  await user.selectOptions(screen.getByRole('combobox', { name: 'Stage' }), 'Contacted');

  const activity = await screen.findByRole('list', { name: 'Recent activity' });
  expect(await within(activity).findByText('Stage: New → Contacted')).toBeTruthy();
  expect((await db.leads.get(lead.id))?.stage).toBe('contacted');
  expect((screen.getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement).value).toBe('contacted');
});

test('saving notes stores them and confirms', async () => {
  const lead = await showLead();
  const user = userEvent.setup();

  await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'Met at the conference; call back in April.');
  await user.click(screen.getByRole('button', { name: 'Save notes' }));

  expect(await screen.findByText('Notes saved')).toBeTruthy();
  expect((await db.leads.get(lead.id))?.notes).toBe('Met at the conference; call back in April.');
});

test('the score is shown with the reasons behind it', async () => {
  await showLead();

  const reasons = screen.getByRole('list', { name: 'Score reasons' });
  expect(within(reasons).getByText('+10 senior title (CTO)')).toBeTruthy();
  expect(within(reasons).getByText('+5 reachable by email')).toBeTruthy();
});

test('when storage is full, changing the stage shows a readable alert and leaves the lead unchanged', async () => {
  const lead = await showLead();
  const user = userEvent.setup();
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(db.leads, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

  await user.selectOptions(screen.getByRole('combobox', { name: 'Stage' }), 'Contacted');

  expect((await screen.findByRole('alert')).textContent).toMatch(/out of storage space for Leadline/);
  expect(consoleError).toHaveBeenCalled();
  expect((await db.leads.get(lead.id))?.stage).toBe('new');
  expect((screen.getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement).value).toBe('new');
});

test('when the database is closed, saving notes shows an alert instead of failing silently', async () => {
  await showLead();
  const user = userEvent.setup();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'Budget approved');
  db.close();

  await user.click(screen.getByRole('button', { name: 'Save notes' }));

  expect((await screen.findByRole('alert')).textContent).toBe(
    'Leadline could not save this change. Nothing was changed; please try again.',
  );
  expect(screen.queryByText('Notes saved')).toBeNull();
});
