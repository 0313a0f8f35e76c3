import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/components/App';
import { activitiesFor } from '@/lib/db/leads';
import { NOW, addLead, linkedInDraft, useTestDatabase } from './popup-data';

const database = useTestDatabase();

async function openAddForm(props: Partial<Parameters<typeof App>[0]> = {}) {
  const user = userEvent.setup();
  render(<App db={database()} now={() => NOW} {...props} />);
  await user.click(screen.getByRole('button', { name: 'Add a lead' }));
  const form = within(await screen.findByRole('form', { name: 'Add a lead' }));
  return { user, form };
}

test('a lead typed by hand is checked, saved as the rep’s own and opened', async () => {
  const { user, form } = await openAddForm();
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Add a lead' }));

  await user.type(form.getByLabelText('Name (required)'), 'Grace Hopper');
  await user.type(form.getByLabelText('Title'), 'Rear Admiral');
  await user.type(form.getByLabelText('Company'), 'US Navy');
  await user.type(form.getByLabelText('Email'), 'Grace@Navy.example');
  await user.type(form.getByLabelText('Website'), 'navy.example');
  await user.selectOptions(form.getByLabelText('Channel'), 'Event');
  await user.click(form.getByRole('button', { name: 'Add lead' }));

  expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeTruthy();
  const [lead, ...others] = await database().leads.toArray();
  expect(others).toEqual([]);
  expect(lead).toMatchObject({
    fullName: 'Grace Hopper',
    firstName: 'Grace',
    lastName: 'Hopper',
    title: 'Rear Admiral',
    company: 'US Navy',
    email: 'grace@navy.example',
    website: 'https://navy.example/',
    channel: 'event',
    source: 'manual',
    stage: 'new',
  });
  expect(lead!.editedFields).toEqual(expect.arrayContaining(['fullName', 'title', 'company', 'email', 'website', 'channel']));
  expect((await activitiesFor(database(), lead!.id)).map((a) => a.text)).toEqual(['Added by hand']);
});

test('each field that does not pass says what is wrong beside it, focus goes to the first, and nothing is saved', async () => {
  const { user, form } = await openAddForm();

  await user.type(form.getByLabelText('Email'), 'grace@');
  await user.type(form.getByLabelText('Profile URL'), 'ftp://files.example/grace');
  await user.click(form.getByRole('button', { name: 'Add lead' }));

  const name = form.getByLabelText('Name (required)');
  expect(name.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('A lead needs a name.');
  expect(document.activeElement).toBe(name);
  const email = form.getByLabelText('Email');
  expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe(
    '"grace@" is not an email address. Write it like ana@acme.com.',
  );
  const profile = form.getByLabelText('Profile URL');
  expect(document.getElementById(profile.getAttribute('aria-describedby')!)?.textContent).toMatch(/^"ftp:\/\/files.example\/grace" is not a web address/);
  expect(await database().leads.count()).toBe(0);
  expect((email as HTMLInputElement).value).toBe('grace@');
});

test('a person already stored is not added twice: the form says so and opens the stored lead', async () => {
  await addLead(database(), linkedInDraft('Ada', 'Lovelace', { email: 'ada@engines.example' }), NOW);
  const { user, form } = await openAddForm();

  await user.type(form.getByLabelText('Name (required)'), 'Augusta Ada King');
  await user.type(form.getByLabelText('Email'), 'ADA@engines.example');
  await user.click(form.getByRole('button', { name: 'Add lead' }));

  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('Ada Lovelace is already in Leadline, so no second copy was made.');
  expect(await database().leads.count()).toBe(1);
  await user.click(within(alert).getByRole('button', { name: 'Open Ada Lovelace' }));
  expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
});

test('"Add manually" after a capture found nobody starts from what the page offered', async () => {
  const user = userEvent.setup();
  const capturePage = vi.fn().mockResolvedValue({
    message: 'No prospect found on this page.',
    offer: { sourceUrl: 'https://northwind.example/about', website: 'https://northwind.example/', company: 'Northwind Traders' },
  });
  render(<App db={database()} now={() => NOW} capturePage={capturePage} />);

  await user.click(screen.getByRole('button', { name: 'Capture this page' }));
  expect(await screen.findByText('No prospect found on this page.')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Add manually' }));

  const form = within(await screen.findByRole('form', { name: 'Add a lead' }));
  expect(screen.getByText('Filled in with what this page shows. Check it before saving.')).toBeTruthy();
  expect((form.getByLabelText('Company') as HTMLInputElement).value).toBe('Northwind Traders');
  expect((form.getByLabelText('Website') as HTMLInputElement).value).toBe('https://northwind.example/');
  await user.type(form.getByLabelText('Name (required)'), 'Nancy Davolio');
  await user.click(form.getByRole('button', { name: 'Add lead' }));

  expect(await screen.findByRole('heading', { name: 'Nancy Davolio' })).toBeTruthy();
  expect(await database().leads.toArray()).toMatchObject([
    { fullName: 'Nancy Davolio', company: 'Northwind Traders', sourceUrl: 'https://northwind.example/about', source: 'manual' },
  ]);
});

test('Esc leaves the form without saving anything', async () => {
  const { user, form } = await openAddForm();
  await user.type(form.getByLabelText('Name (required)'), 'Nobody');
  await user.keyboard('{Escape}');

  expect(screen.queryByRole('form', { name: 'Add a lead' })).toBeNull();
  expect(screen.getByRole('button', { name: 'Add a lead' })).toBeTruthy();
  expect(await database().leads.count()).toBe(0);
});
