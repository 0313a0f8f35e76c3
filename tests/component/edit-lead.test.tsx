import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadDetail } from '@/components/LeadDetail';
import { LeadlineDatabase } from '@/lib/db/database';
import { activitiesFor, saveOrMergeProspect } from '@/lib/db/leads';
import type { Lead } from '@/lib/model/lead';
import type { NormalisedDraft } from '@/lib/model/normalise';
import { useFreshDatabase } from '../fake-database';

const NOW = new Date(2025, 2, 7, 10, 30).getTime();
let db: LeadlineDatabase;
useFreshDatabase((fresh) => (db = fresh));

const ADA: NormalisedDraft = {
  source: 'linkedin',
  fullName: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  headline: 'Building engines',
  title: 'CTO',
  company: 'Analytical Engines',
  location: 'London',
  profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  sourceUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  confidence: 0.9,
};

async function showLead(): Promise<{ lead: Lead; user: ReturnType<typeof userEvent.setup> }> {
  const { lead } = await saveOrMergeProspect(db, ADA, NOW - 60_000);
  render(<LeadDetail db={db} now={() => NOW} leadId={lead.id} onBack={() => {}} />);
  await screen.findByRole('heading', { name: 'Ada Lovelace' });
  const user = userEvent.setup();
  await user.click(screen.getByText('Contact details'));
  return { lead, user };
}

const details = () => within(screen.getByRole('group', { name: 'Contact details' }));

/** Opens a field for editing and replaces what is in it with `value` (typed as a rep would paste it). */
async function typeInto(user: ReturnType<typeof userEvent.setup>, noun: string, label: string, value: string) {
  await user.click(details().getByRole('button', { name: `Edit ${noun}` }));
  const input = details().getByLabelText(label) as HTMLInputElement;
  expect(document.activeElement).toBe(input);
  await user.clear(input);
  if (value) await user.paste(value);
  return input;
}

const stored = async (id: string) => (await db.leads.get(id))!;

describe('editing a lead’s fields in place', () => {
  test.each([
    { field: 'fullName', noun: 'name', label: 'Name', typed: 'Augusta Ada King', shown: 'Augusta Ada King', saved: 'Augusta Ada King' },
    { field: 'firstName', noun: 'first name', label: 'First name', typed: 'Augusta', shown: 'Augusta', saved: 'Augusta' },
    { field: 'lastName', noun: 'last name', label: 'Last name', typed: 'King', shown: 'King', saved: 'King' },
    { field: 'title', noun: 'title', label: 'Title', typed: 'Chief Engineer', shown: 'Chief Engineer', saved: 'Chief Engineer' },
    { field: 'company', noun: 'company', label: 'Company', typed: 'Difference Engines Ltd', shown: 'Difference Engines Ltd', saved: 'Difference Engines Ltd' },
    { field: 'email', noun: 'email', label: 'Email', typed: '  Ada@Engines.Example ', shown: 'ada@engines.example', saved: 'ada@engines.example' },
    { field: 'phone', noun: 'phone', label: 'Phone', typed: '+44 20 7946 0958', shown: '+44 20 7946 0958', saved: '+44 20 7946 0958' },
    { field: 'location', noun: 'location', label: 'Location', typed: 'Marylebone, London', shown: 'Marylebone, London', saved: 'Marylebone, London' },
    { field: 'website', noun: 'website', label: 'Website', typed: 'engines.example', shown: 'https://engines.example/', saved: 'https://engines.example/' },
    {
      field: 'profileUrl',
      noun: 'profile URL',
      label: 'Profile URL',
      typed: 'https://uk.linkedin.com/in/Ada-King?trk=x',
      shown: 'Open profile',
      saved: 'https://www.linkedin.com/in/ada-king/',
    },
    { field: 'headline', noun: 'headline', label: 'Headline', typed: 'Poet of science', shown: 'Poet of science', saved: 'Poet of science' },
    { field: 'industry', noun: 'industry', label: 'Industry', typed: 'Computing', shown: 'Computing', saved: 'Computing' },
    { field: 'companySize', noun: 'company size', label: 'Company size', typed: '11-50', shown: '11-50', saved: '11-50' },
  ] as const)('$label: a valid value is saved, shown, marked as the rep’s and logged', async ({ field, noun, label, typed, shown, saved }) => {
    const { lead, user } = await showLead();
    const before = lead[field];

    await typeInto(user, noun, label, typed);
    await user.keyboard('{Enter}');

    expect(await screen.findByText(`${label} saved.`)).toBeTruthy();
    const row = details().getByRole('button', { name: `Edit ${noun}` }).closest('div')!;
    expect(within(row).getByText(shown)).toBeTruthy();
    // Back on the Edit button, so the keyboard stays where the rep was.
    expect(document.activeElement).toBe(details().getByRole('button', { name: `Edit ${noun}` }));
    const after = await stored(lead.id);
    expect(after[field]).toBe(saved);
    expect(after.editedFields).toContain(field);
    const log = (await activitiesFor(db, lead.id)).map((a) => a.text);
    expect(log[0]).toBe(before ? `Edited ${noun}: ${saved} (was ${before})` : `Edited ${noun}: ${saved}`);
  });

  test('the source is chosen from the list and saved', async () => {
    const { lead, user } = await showLead();
    await user.click(details().getByRole('button', { name: 'Edit source' }));
    await user.selectOptions(details().getByRole('combobox', { name: 'Source' }), 'Web page');
    await user.click(details().getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Source saved.')).toBeTruthy();
    expect((await stored(lead.id)).source).toBe('web');
    expect(details().getByText('Web page')).toBeTruthy();
  });

  test.each([
    { noun: 'name', label: 'Name', field: 'fullName', typed: '', message: 'A lead needs a name.' },
    { noun: 'email', label: 'Email', field: 'email', typed: 'ada@', message: '"ada@" is not an email address. Write it like ana@acme.com.' },
    {
      noun: 'phone',
      label: 'Phone',
      field: 'phone',
      typed: 'call me',
      message: '"call me" is not a phone number. Write it with the digits, like +1 415 555 0100.',
    },
    {
      noun: 'website',
      label: 'Website',
      field: 'website',
      typed: 'javascript:alert(1)',
      message: '"javascript:alert(1)" is not a web address. Write it like acme.com or https://acme.com.',
    },
    {
      noun: 'profile URL',
      label: 'Profile URL',
      field: 'profileUrl',
      typed: 'not a link',
      message: '"not a link" is not a web address. Paste the profile\'s link, like https://www.linkedin.com/in/ana-bell/.',
    },
    { noun: 'title', label: 'Title', field: 'title', typed: 'T'.repeat(301), message: 'Title is longer than 300 characters.' },
    { noun: 'company', label: 'Company', field: 'company', typed: 'C'.repeat(301), message: 'Company is longer than 300 characters.' },
    { noun: 'location', label: 'Location', field: 'location', typed: 'L'.repeat(301), message: 'Location is longer than 300 characters.' },
    { noun: 'first name', label: 'First name', field: 'firstName', typed: 'F'.repeat(201), message: 'First name is longer than 200 characters.' },
    { noun: 'last name', label: 'Last name', field: 'lastName', typed: 'L'.repeat(201), message: 'Last name is longer than 200 characters.' },
  ] as const)('$label: an invalid value says what is wrong and keeps the stored one', async ({ noun, label, field, typed, message }) => {
    const { lead, user } = await showLead();

    const input = await typeInto(user, noun, label, typed);
    await user.click(details().getByRole('button', { name: 'Save' }));

    const alert = await details().findByRole('alert');
    expect(alert.textContent).toBe(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect(document.activeElement).toBe(input);
    expect(await stored(lead.id)).toEqual(lead);
    expect(lead[field as keyof Lead]).toBe(ADA[field as keyof NormalisedDraft]);
  });

  test('Esc leaves a field as it was', async () => {
    const { lead, user } = await showLead();
    await typeInto(user, 'title', 'Title', 'Something else');
    await user.keyboard('{Escape}');

    expect(details().queryByLabelText('Title')).toBeNull();
    expect(document.activeElement).toBe(details().getByRole('button', { name: 'Edit title' }));
    expect((await stored(lead.id)).title).toBe('CTO');
  });

  test('a new full name splits into first and last name, which become the rep’s too', async () => {
    const { lead, user } = await showLead();
    await typeInto(user, 'name', 'Name', 'Augusta King');
    await user.keyboard('{Enter}');
    await screen.findByText('Name saved.');

    expect(await stored(lead.id)).toMatchObject({ fullName: 'Augusta King', firstName: 'Augusta', lastName: 'King' });
    expect((await stored(lead.id)).editedFields).toEqual(expect.arrayContaining(['fullName', 'firstName', 'lastName']));
    expect(screen.getByRole('heading', { name: 'Augusta King' })).toBeTruthy();
  });

  test('an edited title survives a re-capture, and the page’s new title waits as a proposal the rep can take', async () => {
    const { lead, user } = await showLead();
    await typeInto(user, 'title', 'Title', 'Chief Engineer');
    await user.keyboard('{Enter}');
    await screen.findByText('Title saved.');

    await saveOrMergeProspect(db, { ...ADA, title: 'VP Engineering' }, NOW + 1_000);

    const proposal = await screen.findByRole('group', { name: 'Title: LinkedIn now says: VP Engineering (was Chief Engineer)' });
    expect((await stored(lead.id)).title).toBe('Chief Engineer');
    await user.click(within(proposal).getByRole('button', { name: 'Update' }));

    expect(await screen.findByText('VP Engineering · Analytical Engines')).toBeTruthy();
    expect((await stored(lead.id)).title).toBe('VP Engineering');
    expect((await stored(lead.id)).proposals).toBeUndefined();
    const log = (await activitiesFor(db, lead.id)).map((a) => a.text);
    expect(log).toContain('Updated title to VP Engineering from LinkedIn (was Chief Engineer)');
  });

  test('Keep leaves the stored value and the same change is not proposed again', async () => {
    const { lead, user } = await showLead();
    await saveOrMergeProspect(db, { ...ADA, company: 'Babbage & Co' }, NOW + 1_000);
    const proposal = await screen.findByRole('group', { name: 'Company: LinkedIn now says: Babbage & Co (was Analytical Engines)' });

    await user.click(within(proposal).getByRole('button', { name: 'Keep' }));

    await screen.findByText((_, element) => element?.textContent === 'Kept company Analytical Engines; LinkedIn said Babbage & Co');
    expect(screen.queryByRole('group', { name: /now says/ })).toBeNull();
    await saveOrMergeProspect(db, { ...ADA, company: 'Babbage & Co' }, NOW + 2_000);
    expect((await stored(lead.id)).proposals).toBeUndefined();
    expect((await stored(lead.id)).company).toBe('Analytical Engines');
  });
});
