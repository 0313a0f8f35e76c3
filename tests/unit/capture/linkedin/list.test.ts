import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLinkedInPeopleList, listItemElements } from '@/lib/capture/linkedin/list';
import { isLinkedInPeopleListPath } from '@/lib/model/page-urls';
import { ProspectDraftSchema } from '@/lib/model/prospect';

const FIXTURES = join(__dirname, '../../../fixtures/linkedin');
const LISTS = ['search-people-2025', 'search-people-2021', 'sales-navigator-list'];

function load(name: string): { doc: Document; url: URL; html: string } {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const url = /^<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${name}.html does not start with <!-- url: … -->`);
  return { html, url: new URL(url), doc: new DOMParser().parseFromString(html, 'text/html') };
}

/** Drop undefined fields the way the JSON fixtures do. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function htmlDoc(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`, 'text/html');
}

const SEARCH_URL = new URL('https://www.linkedin.com/search/results/people/?keywords=data');
const names = (name: string) => {
  const { doc, url } = load(name);
  return extractLinkedInPeopleList(doc, url).map((d) => d.fullName);
};

describe('LinkedIn people lists on realistic pages', () => {
  it.each(LISTS)('reads %s as its expected drafts', (name) => {
    const { doc, url } = load(name);
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as unknown;
    expect(plain(extractLinkedInPeopleList(doc, url))).toEqual(expected);
  });

  it.each(LISTS)('returns drafts from %s that pass the prospect schema', (name) => {
    const { doc, url } = load(name);
    for (const draft of extractLinkedInPeopleList(doc, url)) {
      expect(ProspectDraftSchema.safeParse(draft).success).toBe(true);
    }
  });

  it('returns the nine people of a ten-result search page in page order, leaving out the "LinkedIn Member"', () => {
    const { html } = load('search-people-2025');
    expect(html).toContain('LinkedIn Member');
    expect(names('search-people-2025')).toEqual([
      'Kwame Mensah',
      'Leonie Braun',
      'Dr. Felix Hoffmann, PhD',
      'Aylin Yıldız',
      'Tomasz Nowak',
      'Sophie Martin',
      'Jonas Becker',
      'Chiara Rossi',
      'Emeka Obi',
    ]);
    expect(names('search-people-2021')).not.toContain('LinkedIn Member');
  });

  it('keeps the member-id profile URL of a 3rd-degree result exactly, case and all', () => {
    const { doc, url } = load('search-people-2025');
    const tomasz = extractLinkedInPeopleList(doc, url).find((d) => d.fullName === 'Tomasz Nowak');
    expect(tomasz?.profileUrl).toBe('https://www.linkedin.com/in/ACoAAB3xYz9QkLmN0pRsTuVw/');
  });

  it('never returns the logged-in rep, the sidebar, ads or notes written by the rep', () => {
    const outsiders: Record<string, string[]> = {
      'search-people-2025': ['Hannah Schulz', 'Marta Kowalczyk', 'Pieter de Vries', 'Snowflake', 'Premium'],
      'search-people-2021': ['Chris Okafor', 'Initech'],
      'sales-navigator-list': ['Hannah Schulz', 'Pieter de Vries', 'Nadia Haddad', 'Data Council'],
    };
    for (const [name, others] of Object.entries(outsiders)) {
      const { doc, url, html } = load(name);
      const text = JSON.stringify(extractLinkedInPeopleList(doc, url));
      for (const other of others) {
        expect(html, `${name} should show ${other}`).toContain(other);
        expect(text, name).not.toContain(other);
      }
    }
  });

  it('takes the visible copy of names and lines that LinkedIn repeats for screen readers', () => {
    for (const name of LISTS) {
      const { doc, url } = load(name);
      const drafts = extractLinkedInPeopleList(doc, url);
      expect(JSON.stringify(drafts), name).not.toMatch(/View .*profile|degree connection|Status is/);
      for (const draft of drafts) {
        for (const value of [draft.fullName, draft.headline, draft.title, draft.company, draft.location]) {
          if (!value) continue;
          const half = value.slice(0, value.length / 2);
          expect(value, `${name}: "${value}" is doubled`).not.toBe(half + half);
        }
      }
    }
  });

  it('derives title and company only from a "Title at Company" headline', () => {
    const { doc, url } = load('search-people-2025');
    const byName = new Map(extractLinkedInPeopleList(doc, url).map((d) => [d.fullName, d]));
    expect(byName.get('Kwame Mensah')).toMatchObject({ title: 'Head of Data', company: 'Lumen Analytics' });
    for (const person of ['Aylin Yıldız', 'Jonas Becker']) {
      expect(byName.get(person)?.title, person).toBeUndefined();
      expect(byName.get(person)?.company, person).toBeUndefined();
    }
  });

  it('does not mistake the location for a headline when a result has none', () => {
    const { doc, url } = load('search-people-2021');
    const lars = extractLinkedInPeopleList(doc, url).find((d) => d.fullName === 'Lars Visser');
    expect(lars?.headline).toBeUndefined();
    expect(lars?.location).toBe('The Hague, South Holland, Netherlands');
  });

  it('keeps Sales Navigator leads without a profile URL, pointing back to the lead without its session token', () => {
    const { doc, url } = load('sales-navigator-list');
    const drafts = extractLinkedInPeopleList(doc, url);
    expect(drafts).toHaveLength(8);
    expect(drafts[0]).toMatchObject({
      fullName: 'Kwame Mensah',
      title: 'Head of Data',
      company: 'Lumen Analytics',
      sourceUrl: 'https://www.linkedin.com/sales/lead/ACwAACxYz81BqKwm3Tn0,NAME_SEARCH,Lp3q',
    });
    expect(drafts[0]?.profileUrl).toBeUndefined();
    expect(JSON.stringify(drafts)).not.toContain('_ntb');
  });

  it('uses a Sales Navigator row’s own linkedin.com/in link as its profile URL', () => {
    const { doc, url } = load('sales-navigator-list');
    const ingrid = extractLinkedInPeopleList(doc, url).find((d) => d.fullName === 'Ingrid Solberg');
    expect(ingrid?.profileUrl).toBe('https://www.linkedin.com/in/ingrid-solberg/');
  });
});

describe('list item elements for the in-page checkboxes', () => {
  it.each(LISTS)('gives one element per draft of %s, in the same order', (name) => {
    const { doc, url } = load(name);
    const drafts = extractLinkedInPeopleList(doc, url);
    const elements = listItemElements(doc, url);
    expect(elements).toHaveLength(drafts.length);
    elements.forEach((element, i) => {
      const first = drafts[i]?.fullName ?? '';
      expect(element.textContent, `${name} #${i}`).toContain(first);
      expect(elements.filter((other) => other !== element && other.contains(element))).toEqual([]);
    });
  });

  it('gives no element for the "LinkedIn Member" result', () => {
    const { doc, url } = load('search-people-2025');
    const elements = listItemElements(doc, url);
    expect(elements).toHaveLength(9);
    expect(elements.some((el) => el.textContent?.includes('LinkedIn Member'))).toBe(false);
  });
});

describe('LinkedIn people lists: odd markup', () => {
  it('skips a "LinkedIn Member" even when it links somewhere under /in/', () => {
    const doc = htmlDoc(`<main><ul>
      <li class="reusable-search__result-container"><a href="/in/UNAVAILABLE/"><span aria-hidden="true">LinkedIn Member</span></a></li>
      <li class="reusable-search__result-container"><a href="/in/kim-lee/"><span aria-hidden="true">Kim Lee</span><span class="visually-hidden">View Kim Lee’s profile</span></a>
        <div class="entity-result__primary-subtitle">VP Sales at Initech</div></li></ul></main>`);
    expect(plain(extractLinkedInPeopleList(doc, SEARCH_URL))).toEqual([
      {
        source: 'linkedin',
        sourceUrl: SEARCH_URL.href,
        profileUrl: 'https://www.linkedin.com/in/kim-lee/',
        fullName: 'Kim Lee',
        headline: 'VP Sales at Initech',
        title: 'VP Sales',
        company: 'Initech',
        confidence: 0.9,
      },
    ]);
  });

  it('reads a Sales Navigator lead search, where each lead is a list item', () => {
    const doc = htmlDoc(`<main><ol class="artdeco-list">
      <li class="artdeco-list__item"><div data-x-search-result="LEAD">
        <a href="/sales/lead/ACwAAB1,NAME_SEARCH,x1?_ntb=t" data-anonymize="person-name">Kim Lee</a>
        <div class="artdeco-entity-lockup__subtitle"><span data-anonymize="title">VP Sales</span><span aria-hidden="true">·</span>
          <a href="/sales/company/1" data-anonymize="company-name">Initech</a></div>
        <div class="artdeco-entity-lockup__caption"><span data-anonymize="location">Austin, Texas</span></div>
        <ul class="nested"><li><a href="https://www.linkedin.com/in/ACwAAB1">View profile</a></li></ul>
      </div></li>
      <li class="artdeco-list__item"><a href="/sales/lead/ACwAAB2,NAME_SEARCH,x2" data-anonymize="person-name">LinkedIn Member</a></li>
    </ol></main>`);
    const url = new URL('https://www.linkedin.com/sales/search/people?query=(keywords%3Asales)');
    expect(plain(extractLinkedInPeopleList(doc, url))).toEqual([
      {
        source: 'linkedin',
        sourceUrl: 'https://www.linkedin.com/sales/lead/ACwAAB1,NAME_SEARCH,x1',
        fullName: 'Kim Lee',
        title: 'VP Sales',
        company: 'Initech',
        location: 'Austin, Texas',
        confidence: 0.8,
      },
    ]);
    expect(listItemElements(doc, url).map((el) => el.className)).toEqual(['artdeco-list__item']);
  });

  it('finds nobody among 10,000 elements of noise outside the results', () => {
    const { doc, url } = load('search-people-2025');
    const aside = doc.querySelector('aside');
    for (let i = 0; i < 2500; i++) {
      const item = doc.createElement('div');
      item.innerHTML = `<a href="/in/noise-${i}/"><span aria-hidden="true">Person ${i}</span></a><span>Title ${i}</span>`;
      aside?.append(item);
    }
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(10_000);
    expect(extractLinkedInPeopleList(doc, url)).toHaveLength(9);
  });

  it('returns nothing on other pages and never throws', () => {
    const { doc } = load('search-people-2025');
    expect(extractLinkedInPeopleList(doc, new URL('https://www.linkedin.com/feed/'))).toEqual([]);
    expect(extractLinkedInPeopleList(doc, new URL('https://example.com/search/results/people/'))).toEqual([]);
    expect(listItemElements(doc, new URL('https://www.linkedin.com/in/kim-lee/'))).toEqual([]);
    const empty = new DOMParser().parseFromString('', 'text/html');
    const noBody = document.implementation.createDocument(null, 'root', null);
    expect(extractLinkedInPeopleList(empty, SEARCH_URL)).toEqual([]);
    expect(() => extractLinkedInPeopleList(noBody, SEARCH_URL)).not.toThrow();
    const odd = htmlDoc('<main><li class="reusable-search__result-container"><a href="http://[bad/in/x">x</a></li></main>');
    expect(extractLinkedInPeopleList(odd, SEARCH_URL)).toEqual([]);
  });
});

describe('people list pages', () => {
  it.each([
    ['https://www.linkedin.com/search/results/people/?keywords=cto', true],
    ['https://www.linkedin.com/sales/lists/people/7180123456789012345', true],
    ['https://www.linkedin.com/sales/search/people?query=x', true],
    ['https://www.linkedin.com/search/results/companies/?keywords=cto', false],
    ['https://www.linkedin.com/sales/lists/company/123', false],
    ['https://www.linkedin.com/in/kim-lee/', false],
    ['https://example.com/search/results/people/', false],
  ])('%s is a people list: %s', (href, expected) => {
    expect(isLinkedInPeopleListPath(new URL(href))).toBe(expected);
  });
});
