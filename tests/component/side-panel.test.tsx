import { act, render, screen, within } from '@testing-library/react';
import type { ActivePage } from '@/components/App';
import { SidePanel } from '@/components/SidePanel';
import { DAY, NOW, addLead, linkedInDraft, useTestDatabase } from './popup-data';

const database = useTestDatabase();

/** The page beside the panel, as the test moves the rep from page to page. */
function fakeTab() {
  let tell: ((page: ActivePage | undefined) => void) | undefined;
  const watchPage = (onPage: (page: ActivePage | undefined) => void) => {
    tell = onPage;
    onPage(undefined);
    return () => (tell = undefined);
  };
  return { watchPage, show: (page: ActivePage | undefined) => act(() => tell?.(page)) };
}

test('the side panel shows the lead of the page beside it, and the list when the page shows someone not stored', async () => {
  const ada = await addLead(database(), linkedInDraft('Ada', 'Lovelace'), NOW - DAY);
  const tab = fakeTab();
  render(<SidePanel db={database()} now={() => NOW} watchPage={tab.watchPage} />);
  expect(await screen.findByRole('button', { name: 'Today' })).toBeTruthy();

  await tab.show({ keys: { profileUrl: ada.profileUrl! } });
  expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();

  await tab.show({ keys: { profileUrl: 'https://www.linkedin.com/in/someone-new/' } });
  expect(await screen.findByRole('button', { name: 'Today' })).toBeTruthy();
  expect(screen.queryByRole('heading', { name: 'Ada Lovelace' })).toBeNull();

  // Saved from the page: the content script names the lead, and the panel opens it.
  const grace = await addLead(database(), linkedInDraft('Grace', 'Hopper'), NOW);
  await tab.show({ keys: { profileUrl: 'https://www.linkedin.com/in/someone-new/' }, leadId: grace.id });
  expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeTruthy();
});

test('a lead the rep opened from the list stays open while the page moves on', async () => {
  await addLead(database(), linkedInDraft('Ada', 'Lovelace'), NOW - DAY);
  const tab = fakeTab();
  render(<SidePanel db={database()} now={() => NOW} watchPage={tab.watchPage} />);
  const recent = await screen.findByRole('list', { name: 'Qualify next' });
  await act(async () => within(recent).getByRole('button', { name: /Ada Lovelace/ }).click());
  await screen.findByRole('heading', { name: 'Ada Lovelace' });

  await tab.show({ keys: { email: 'nobody@stored.example' } });
  expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
});

test('"Add manually" on the page opens the add form in the panel, filled in with what the page offered', async () => {
  const tab = fakeTab();
  render(<SidePanel db={database()} now={() => NOW} watchPage={tab.watchPage} />);
  await screen.findByRole('button', { name: 'Today' });

  await tab.show({ add: { profileUrl: 'https://www.linkedin.com/in/priya-raman-4b21a9/', sourceUrl: 'https://www.linkedin.com/in/priya-raman-4b21a9/' } });

  const form = within(await screen.findByRole('form', { name: 'Add a lead' }));
  expect((form.getByLabelText('Profile URL') as HTMLInputElement).value).toBe('https://www.linkedin.com/in/priya-raman-4b21a9/');
  expect(screen.queryByRole('button', { name: 'Open side panel' })).toBeNull();
});
