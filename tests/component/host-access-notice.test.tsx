import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { contentScriptSites, type PermissionsApi } from '@/lib/permissions/host-access';

const SITES = contentScriptSites();
const ALL_ORIGINS = SITES.flatMap((site) => site.origins);

function browserPermissions(granted: string[], answer: boolean | Error = true) {
  const requests: string[][] = [];
  const permissions: PermissionsApi = {
    contains: async ({ origins }) => origins.every((origin) => granted.includes(origin)),
    request: ({ origins }) => {
      requests.push(origins);
      if (answer instanceof Error) return Promise.reject(answer);
      if (answer) granted.push(...origins);
      return Promise.resolve(answer);
    },
  };
  return { permissions, requests };
}

test('says nothing when the browser has given access to every site', async () => {
  const { permissions } = browserPermissions([...ALL_ORIGINS]);
  const { container } = render(<HostAccessNotice permissions={permissions} sites={SITES} />);
  await waitFor(() => expect(container.textContent).toBe(''));
  expect(screen.queryByRole('button')).toBeNull();
});

test('names the sites without access and asks for exactly their origins on click', async () => {
  const { permissions, requests } = browserPermissions(['https://*.linkedin.com/*']);
  render(<HostAccessNotice permissions={permissions} sites={SITES} />);

  expect(
    await screen.findByText(/Leadline can't show its Save lead button on Gmail and Outlook on the web: this browser has not given it access to those sites\./),
  ).toBeTruthy();
  await userEvent.click(screen.getByRole('button', { name: 'Allow access to Gmail and Outlook on the web' }));

  expect(requests).toEqual([SITES.slice(1).flatMap((site) => site.origins)]);
  expect((await screen.findByRole('status')).textContent).toBe(
    'Access granted. Reload any open Gmail and Outlook on the web tab to see the Save lead button there.',
  );
  expect(screen.queryByRole('button')).toBeNull();
});

test('keeps the offer and says so when the rep declines', async () => {
  const { permissions } = browserPermissions([], false);
  render(<HostAccessNotice permissions={permissions} sites={SITES} />);
  await userEvent.click(await screen.findByRole('button', { name: 'Allow access to LinkedIn, Gmail, and Outlook on the web' }));

  expect((await screen.findByRole('alert')).textContent).toBe(
    'Access to LinkedIn, Gmail, and Outlook on the web was not given, so the Save lead button stays off there.',
  );
  expect(screen.getByRole('button', { name: 'Allow access to LinkedIn, Gmail, and Outlook on the web' })).toBeTruthy();
});

test('says the request could not be made when the browser refuses to ask', async () => {
  const { permissions } = browserPermissions([], new Error('permissions.request may only be called from a user input handler'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  render(<HostAccessNotice permissions={permissions} sites={SITES} />);
  await userEvent.click(await screen.findByRole('button', { name: /^Allow access to/ }));

  expect((await screen.findByRole('alert')).textContent).toBe(
    'Leadline could not ask for access to LinkedIn, Gmail, and Outlook on the web. Close this window and try again.',
  );
});
