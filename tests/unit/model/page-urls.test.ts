import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS, extractorFor } from '@/lib/capture/registry';
import {
  SITES,
  SITE_IDS,
  isGmailThreadUrl,
  hostMatches,
  isOutlookThreadUrl,
  matchPatterns,
  siteOf,
  type SiteId,
} from '@/lib/model/page-urls';

const ROOT = join(__dirname, '../../..');

/** Every fixture page's declared URL, by the folder it is in. */
function fixtureUrls(folder: string): URL[] {
  const dir = join(ROOT, 'tests/fixtures', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => new URL(/<!--\s*url:\s*(\S+)\s*-->/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? 'about:blank'));
}

/** The README's table of sites, as page-urls.ts describes them. */
function siteTable(): string {
  const rows = SITE_IDS.map((id) => {
    const site = SITES[id];
    return `| ${site.name} | ${site.pages} | ${matchPatterns(site.hosts).map((p) => `\`${p}\``).join(', ')} | \`entrypoints/${id}.content.ts\` |`;
  });
  return ['| Site | Where the button appears | Match patterns | Content script |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

describe('every supported site is wired up from lib/model/page-urls.ts', () => {
  it('knows LinkedIn, Gmail and Outlook', () => {
    expect(SITE_IDS).toEqual(['linkedin', 'gmail', 'outlook']);
  });

  it.each(SITE_IDS)('%s has a content script whose matches are the site’s match patterns', async (id: SiteId) => {
    const file = join(ROOT, 'entrypoints', `${id}.content.ts`);
    expect(existsSync(file), `entrypoints/${id}.content.ts`).toBe(true);
    const entry = (await import(`../../../entrypoints/${id}.content.ts`)) as { default: { matches: string[] } };
    expect(entry.default.matches).toEqual(matchPatterns(SITES[id].hosts));
    expect(entry.default.matches.length).toBeGreaterThan(0);
  });

  it.each(SITE_IDS)('%s has a fixture page on each of its hosts, read by that site’s extractor', (id: SiteId) => {
    const urls = fixtureUrls(id);
    for (const host of SITES[id].hosts) {
      const onHost = urls.filter((url) => hostMatches(host, url.hostname));
      expect(onHost.length, `a fixture in tests/fixtures/${id}/ served at https://${host}/…`).toBeGreaterThan(0);
      // A wildcard host needs a fixture on a subdomain other than www too (a country subdomain).
      if (host.startsWith('*.')) {
        const elsewhere = onHost.filter((url) => !url.hostname.startsWith('www.') && url.hostname !== host.slice(2));
        expect(elsewhere.length, `a fixture in tests/fixtures/${id}/ on a subdomain of ${host.slice(2)} other than www`).toBeGreaterThan(0);
      }
      for (const url of onHost) {
        expect(siteOf(url)).toBe(id);
        expect(extractorFor(url).source).toBe(id);
      }
    }
  });

  it('lists every site in the README, with the same hosts', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(siteTable());
  });

  it('gives Outlook on cloud.microsoft its button: its messages are threads', () => {
    const url = new URL('https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGRlNzE0MmI0LTk5YjAtNGM1Yy05MzYxLTVmYjcxNTU1YjFkOAAQAJ3eL4w%3D');
    expect(matchPatterns(SITES.outlook.hosts)).toContain('https://outlook.cloud.microsoft/*');
    expect(isOutlookThreadUrl(url)).toBe(true);
    expect(siteOf(url)).toBe('outlook');
  });

  it('gives LinkedIn its button on country subdomains, and not on look-alike hosts', () => {
    expect(matchPatterns(SITES.linkedin.hosts)).toEqual(['https://*.linkedin.com/*']);
    expect(siteOf(new URL('https://uk.linkedin.com/in/oliver-pemberton-28a1b3'))).toBe('linkedin');
    expect(siteOf(new URL('https://linkedin.com/in/ana'))).toBe('linkedin');
    expect(siteOf(new URL('https://linkedin.com.evil.example/in/ana'))).toBeUndefined();
    expect(siteOf(new URL('https://evillinkedin.com/in/ana'))).toBeUndefined();
  });

  it('does not take a look-alike host for a supported site', () => {
    expect(siteOf(new URL('https://mail.google.com.evil.example/#inbox/FMfcgzQXJWpkdLnTtwvsdqNBbmsBPtgm'))).toBeUndefined();
    expect(siteOf(new URL('http://mail.google.com/'))).toBeUndefined();
    expect(isGmailThreadUrl(new URL('https://evilmail.google.com/mail/u/0/#inbox/FMfcgzQXJWpkdLnTtwvsdqNBbmsBPtgm'))).toBe(false);
    expect(isOutlookThreadUrl(new URL('https://outlook.cloud.microsoft.example/mail/inbox/id/AAQk'))).toBe(false);
  });

  it('gives every source in the capture registry an extractor', () => {
    expect(new Set(EXTRACTORS.map((entry) => entry.source))).toEqual(new Set(['linkedin', 'gmail', 'outlook', 'web']));
  });
});
