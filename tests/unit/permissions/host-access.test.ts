import { contentScriptSites, listOfNames, requestSiteAccess, sitesWithoutAccess, type PermissionsApi } from '@/lib/permissions/host-access';
import { matchPatterns, OUTLOOK_HOSTS } from '@/lib/model/page-urls';

/** A browser that has granted these origins, and records what it was asked for. */
function fakePermissions(granted: string[], answer = true) {
  const asked: string[][] = [];
  const api: PermissionsApi = {
    contains: async ({ origins }) => origins.every((origin) => granted.includes(origin)),
    request: async ({ origins }) => {
      asked.push(origins);
      if (answer) granted.push(...origins);
      return answer;
    },
  };
  return { api, asked };
}

test('the sites with a Save button are LinkedIn, Gmail and Outlook, with their content scripts\' match patterns', () => {
  const sites = contentScriptSites();
  expect(sites.map((site) => site.name)).toEqual(['LinkedIn', 'Gmail', 'Outlook on the web']);
  expect(sites[0]!.origins).toEqual(['https://*.linkedin.com/*']);
  expect(sites[2]!.origins).toEqual(matchPatterns(OUTLOOK_HOSTS));
});

test('a site counts as without access when any one of its hosts is not granted', async () => {
  const sites = contentScriptSites();
  const outlookButOne = matchPatterns(OUTLOOK_HOSTS).slice(1);
  const { api } = fakePermissions(['https://*.linkedin.com/*', ...outlookButOne]);
  expect((await sitesWithoutAccess(api, sites)).map((site) => site.name)).toEqual(['Gmail', 'Outlook on the web']);
});

test('asking for access requests exactly the origins of the sites without it', async () => {
  const sites = contentScriptSites();
  const { api, asked } = fakePermissions(['https://*.linkedin.com/*']);
  const missing = await sitesWithoutAccess(api, sites);
  expect(await requestSiteAccess(api, missing)).toBe(true);
  expect(asked).toEqual([['https://mail.google.com/*', ...matchPatterns(OUTLOOK_HOSTS)]]);
  expect(await sitesWithoutAccess(api, sites)).toEqual([]);
});

test('site names read as a list', () => {
  expect(listOfNames([])).toBe('');
  expect(listOfNames(['LinkedIn'])).toBe('LinkedIn');
  expect(listOfNames(['LinkedIn', 'Gmail'])).toBe('LinkedIn and Gmail');
  expect(listOfNames(['LinkedIn', 'Gmail', 'Outlook on the web'])).toBe('LinkedIn, Gmail, and Outlook on the web');});

test('site names read as a list in the browser language', () => {
  expect(listOfNames(['LinkedIn', 'Gmail', 'Outlook'], 'de-DE')).toBe('LinkedIn, Gmail und Outlook');
  expect(listOfNames(['LinkedIn', 'Gmail'], 'fr-FR')).toBe('LinkedIn et Gmail');
});
