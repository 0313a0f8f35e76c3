import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLinkedInCompany } from '@/lib/capture/linkedin/company';
import { isLinkedInCompanyPath, linkedInCompanyKeyFromUrl } from '@/lib/model/page-urls';

const FIXTURES = join(__dirname, '../../../fixtures/linkedin');

function load(name: string): { doc: Document; url: URL; html: string } {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const url = /^<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${name}.html does not start with <!-- url: … -->`);
  return { html, url: new URL(url), doc: new DOMParser().parseFromString(html, 'text/html') };
}

const expected = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as unknown;
const plain = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown;

function htmlDoc(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

describe('LinkedIn company capture on realistic pages', () => {
  it.each(['company-about-2025', 'company-public'])('reads %s as its expected company', (name) => {
    const { doc, url } = load(name);
    expect(plain(extractLinkedInCompany(doc, url))).toEqual(expected(name));
  });

  it('reads the logged-in About tab: the first "Company size" value, not the associated members under it', () => {
    const { doc, url } = load('company-about-2025');
    expect(extractLinkedInCompany(doc, url)).toMatchObject({
      company: 'Lumen Analytics',
      companySize: '201-500 employees',
      location: 'Berlin, Berlin',
    });
  });

  it('unwraps the website from LinkedIn’s redirect on the public page', () => {
    const { doc, url, html } = load('company-public');
    expect(html).toContain('/redir/redirect?url=');
    expect(extractLinkedInCompany(doc, url)?.website).toBe('https://northwindhealth.com/');
  });

  it('never returns the rep, similar pages or employees instead of the company', () => {
    for (const [name, others] of [
      ['company-about-2025', ['Hannah Schulz', 'Initech', 'Quantive Data', 'Metricbase']],
      ['company-public', ['Hannah Schulz', 'hannah.schulz@initech.example', 'Cascade Clinics', 'Priya Raman', 'Sign in']],
    ] as const) {
      const { doc, url, html } = load(name);
      const text = JSON.stringify(extractLinkedInCompany(doc, url));
      for (const other of others) {
        expect(html, `${name} should show ${other}`).toContain(other);
        expect(text, name).not.toContain(other);
      }
    }
  });

  it('takes the visible copy of text that LinkedIn repeats for screen readers', () => {
    for (const name of ['company-about-2025', 'company-public']) {
      const { doc, url } = load(name);
      for (const value of Object.values(extractLinkedInCompany(doc, url) ?? {})) {
        const half = value.slice(0, value.length / 2);
        expect(value, `${name}: "${value}" is doubled`).not.toBe(half + half);
      }
    }
  });

  it('falls back to the public page’s JSON-LD when the About section is missing', () => {
    const { doc, url } = load('company-public');
    doc.querySelector('[data-test-id="about-us"]')?.remove();
    expect(extractLinkedInCompany(doc, url)).toEqual({
      company: 'Northwind Health',
      website: 'https://northwindhealth.com/',
      companySize: '3120 employees',
      location: 'Seattle, Washington, US',
      linkedInUrl: 'https://www.linkedin.com/company/northwind-health/',
    });
  });

  it('takes the name from JSON-LD when the top card has not rendered', () => {
    const ld = { '@context': 'http://schema.org', '@type': 'Organization', name: 'Initrode', url: 'https://www.linkedin.com/company/initrode' };
    const doc = htmlDoc('<main></main>', `<script type="application/ld+json">${JSON.stringify(ld)}</script>`);
    expect(extractLinkedInCompany(doc, new URL('https://www.linkedin.com/company/initrode/about/'))).toEqual({
      company: 'Initrode',
      linkedInUrl: 'https://www.linkedin.com/company/initrode/',
    });
  });

  it('ignores JSON-LD about another company', () => {
    const ld = { '@type': 'Organization', name: 'Parent Holdings', url: 'https://www.linkedin.com/company/parent-holdings' };
    const doc = htmlDoc('<main></main>', `<script type="application/ld+json">${JSON.stringify(ld)}</script>`);
    expect(extractLinkedInCompany(doc, new URL('https://www.linkedin.com/company/initrode/'))).toBeUndefined();
  });

  it('reads the size from the home tab’s top card, and leaves what it does not show empty', () => {
    const doc = htmlDoc(`
      <main><div class="org-top-card"><h1 class="hAsHeD">Globex</h1>
        <div class="org-top-card-summary-info-list">
          <div class="org-top-card-summary-info-list__info-item">Software Development</div>
          <div class="org-top-card-summary-info-list__info-item">Springfield, Oregon</div>
          <div class="org-top-card-summary-info-list__info-item">1,204 followers</div>
          <a href="/search/results/people/?currentCompany=1"><span>11-50 employees</span></a>
        </div></div></main>`);
    expect(extractLinkedInCompany(doc, new URL('https://www.linkedin.com/company/globex/'))).toEqual({
      company: 'Globex',
      companySize: '11-50 employees',
      linkedInUrl: 'https://www.linkedin.com/company/globex/',
    });
  });

  it('returns nothing on pages that are not company pages or show no company, and never throws', () => {
    const { doc } = load('company-about-2025');
    expect(extractLinkedInCompany(doc, new URL('https://www.linkedin.com/in/kwame-mensah-data/'))).toBeUndefined();
    expect(extractLinkedInCompany(doc, new URL('https://example.com/company/lumen-analytics/'))).toBeUndefined();
    const empty = new DOMParser().parseFromString('', 'text/html');
    const noBody = document.implementation.createDocument(null, 'root', null);
    const url = new URL('https://www.linkedin.com/company/lumen-analytics/');
    expect(extractLinkedInCompany(empty, url)).toBeUndefined();
    expect(() => extractLinkedInCompany(noBody, url)).not.toThrow();
    const broken = htmlDoc('<script type="application/ld+json">{not json</script><main><dl><dt>Website<dd>');
    expect(() => extractLinkedInCompany(broken, url)).not.toThrow();
  });
});

describe('canonical LinkedIn company URL', () => {
  it.each([
    ['https://www.linkedin.com/company/lumen-analytics/about/', 'https://www.linkedin.com/company/lumen-analytics/'],
    ['https://de.linkedin.com/company/Lumen-Analytics?trk=x', 'https://www.linkedin.com/company/lumen-analytics/'],
    ['https://www.linkedin.com/company/1035/', 'https://www.linkedin.com/company/1035/'],
    ['http://linkedin.com/company/northwind-health/people/', 'https://www.linkedin.com/company/northwind-health/'],
  ])('%s → %s', (input, key) => {
    expect(linkedInCompanyKeyFromUrl(input)).toBe(key);
  });

  it.each(['', 'https://www.linkedin.com/company/', 'https://www.linkedin.com/in/janvdb/', 'https://evil.example/company/acme/'])(
    'is undefined for %j',
    (input) => {
      expect(linkedInCompanyKeyFromUrl(input)).toBeUndefined();
    },
  );

  it('tells company pages from the rest of LinkedIn', () => {
    expect(isLinkedInCompanyPath(new URL('https://www.linkedin.com/company/lumen-analytics/'))).toBe(true);
    expect(isLinkedInCompanyPath(new URL('https://www.linkedin.com/company/lumen-analytics/about/'))).toBe(true);
    expect(isLinkedInCompanyPath(new URL('https://www.linkedin.com/in/janvdb/'))).toBe(false);
    expect(isLinkedInCompanyPath(new URL('https://www.linkedin.com/search/results/companies/?keywords=x'))).toBe(false);
  });
});
