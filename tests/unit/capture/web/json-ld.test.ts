import { join } from 'node:path';
import { fixturePages } from '../../fixture-pages';
import { describe, expect, it } from 'vitest';
import { extractJsonLd, parseJsonLdBlock } from '@/lib/capture/web/json-ld';

const pages = fixturePages('web');
const loadPage = pages.load;
const expected = (name: string) => pages.expected(name);

const URL_ = new URL('https://www.example-company.com/about/team');

/** A page whose head holds these JSON-LD blocks, written as raw text (so broken JSON stays broken). */
function withBlocks(...blocks: string[]): Document {
  const scripts = blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('\n');
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head>${scripts}</head><body></body></html>`, 'text/html');
}

const read = (...blocks: unknown[]) =>
  extractJsonLd(withBlocks(...blocks.map((b) => (typeof b === 'string' ? b : JSON.stringify(b)))), URL_);

describe('extractJsonLd', () => {
  it('reads the speaker and the co-speaker from a bio page’s @graph', () => {
    const { doc, url } = loadPage('speaker-bio');
    const drafts = extractJsonLd(doc, url);
    const want = expected('speaker-bio');
    expect(drafts).toHaveLength(want.length);
    want.forEach((fields, i) => expect(drafts[i]).toMatchObject({ ...fields, source: 'web', sourceUrl: url.href }));
  });

  it('ranks the person a profile page is about above everyone else it mentions', () => {
    const { doc, url } = loadPage('speaker-bio');
    const [priya, marcus] = extractJsonLd(doc, url);
    expect(priya?.confidence).toBe(0.95);
    expect(marcus?.confidence).toBeLessThan(0.95);
  });

  it('follows an @id reference to the organisation a person works for', () => {
    const [draft] = read({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Person', '@id': '#jane', name: 'Jane Doe', worksFor: { '@id': '#initech' } },
        { '@type': 'Organization', '@id': '#initech', name: 'Initech' },
      ],
    });
    expect(draft?.company).toBe('Initech');
  });

  it('reads a job title given as text, as a list or as a DefinedTerm', () => {
    const drafts = read([
      { '@type': 'Person', name: 'Ana Text', jobTitle: 'CFO' },
      { '@type': 'Person', name: 'Ben List', jobTitle: ['Head of Sales', 'Advisor'] },
      { '@type': 'Person', name: 'Cy Term', jobTitle: { '@type': 'DefinedTerm', name: 'VP Engineering' } },
    ]);
    expect(drafts.map((d) => d.title)).toEqual(['CFO', 'Head of Sales', 'VP Engineering']);
  });

  it('writes a postal address as "Locality, Region, Country" and keeps an address given as text', () => {
    const drafts = read([
      {
        '@type': 'Person',
        name: 'Ana Postal',
        address: {
          '@type': 'PostalAddress',
          streetAddress: '1 Main St',
          addressLocality: 'Lyon',
          addressRegion: 'Auvergne-Rhône-Alpes',
          addressCountry: { '@type': 'Country', name: 'France' },
        },
      },
      { '@type': 'Person', name: 'Ben Text', address: 'Leeds, UK' },
    ]);
    expect(drafts.map((d) => d.location)).toEqual(['Lyon, Auvergne-Rhône-Alpes, France', 'Leeds, UK']);
  });

  it('takes the address out of a mailto: email and keeps the phone as written', () => {
    const [draft] = read({ '@type': 'Person', name: 'Jane Doe', email: 'mailto:jane@initech.com', telephone: '(415) 555-0100' });
    expect(draft).toMatchObject({ email: 'jane@initech.com', phone: '(415) 555-0100' });
  });

  it('files a LinkedIn link as the profile, the person’s own site as website, and skips other networks', () => {
    const [draft] = read({
      '@type': 'Person',
      name: 'Jane Doe',
      sameAs: ['https://twitter.com/janedoe', 'https://uk.linkedin.com/in/Jane-Doe-42/', 'https://janedoe.co/'],
    });
    expect(draft).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/jane-doe-42/', website: 'https://janedoe.co/' });
  });

  it('does not take a bio page on the site being read as the person’s website', () => {
    const [draft] = read({ '@type': 'Person', name: 'Jane Doe', url: '/about/team/jane-doe' });
    expect(draft?.website).toBeUndefined();
  });

  it('recognises Person given as a type list or with a schema prefix', () => {
    const drafts = read([
      { '@type': ['Person', 'Patient'], name: 'Ana Array' },
      { '@type': 'schema:Person', name: 'Ben Prefix' },
      { '@type': 'http://schema.org/Person', name: 'Cy Iri' },
    ]);
    expect(drafts.map((d) => d.fullName)).toEqual(['Ana Array', 'Ben Prefix', 'Cy Iri']);
  });

  it('finds the author nested in an article', () => {
    const [draft] = read({
      '@type': 'BlogPosting',
      headline: 'Forecasting',
      author: { '@type': 'Person', name: 'Jane Doe', jobTitle: 'Analyst' },
    });
    expect(draft).toMatchObject({ fullName: 'Jane Doe', title: 'Analyst' });
    expect(draft?.company).toBeUndefined();
  });

  it('gives the organisation’s name as company to its founders and employees', () => {
    const drafts = read({
      '@type': 'Organization',
      name: 'Initech',
      founder: { '@type': 'Person', name: 'Bill Lumbergh' },
      employee: [{ '@type': 'Person', name: 'Peter Gibbons', worksFor: { '@type': 'Organization', name: 'Chotchkie’s' } }],
    });
    expect(drafts.map((d) => [d.fullName, d.company])).toEqual([
      ['Bill Lumbergh', 'Initech'],
      ['Peter Gibbons', 'Chotchkie’s'],
    ]);
  });

  it('composes the full name from given and family names', () => {
    const [draft] = read({ '@type': 'Person', givenName: 'Jane', familyName: 'Doe' });
    expect(draft).toMatchObject({ fullName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' });
  });

  describe('organisations and their contact points', () => {
    const { doc, url } = loadPage('contact-us');
    const drafts = extractJsonLd(doc, url);

    it('reads a named contact point as a person at the organisation', () => {
      expect(drafts[0]).toMatchObject({
        fullName: 'Sofia Lindqvist',
        company: 'Northwind Logistics B.V.',
        email: 'sofia.lindqvist@northwind-logistics.com',
        phone: '+31 10 555 0142',
      });
    });

    it('reads an unnamed contact point as an organisation contact with no name and a low rank', () => {
      const support = drafts.find((d) => d.email === 'support@northwind-logistics.com');
      expect(support).toMatchObject({ company: 'Northwind Logistics B.V.', phone: '+31 10 555 0199', location: 'Rotterdam, Zuid-Holland, Netherlands' });
      expect(support?.fullName).toBeUndefined();
      expect(support?.confidence).toBeLessThan(drafts[0]?.confidence ?? 0);
    });

    it('gives a phone-only contact point the organisation’s email, so the draft can identify someone', () => {
      expect(drafts.find((d) => d.phone === '+31 10 555 0177')?.email).toBe('info@northwind-logistics.com');
    });
  });

  it('returns nothing for an organisation that has a phone but no email anywhere', () => {
    expect(
      read({ '@type': 'LocalBusiness', name: 'Corner Bakery', contactPoint: { '@type': 'ContactPoint', telephone: '+1 415 555 0100' } }),
    ).toEqual([]);
  });

  it('reads a block with trailing commas, an HTML comment and a raw line break inside', () => {
    const [draft] = read(`{
      "@type": "Person", <!-- added by plugin -->
      "name": "Lena Fischer",
      "description": "Line one
line two",
      "knowsAbout": ["SAP",],
    }`);
    expect(draft?.fullName).toBe('Lena Fischer');
  });

  it('reads a block wrapped in an HTML comment', () => {
    const [draft] = read('<!--\n{"@type":"Person","name":"Omar Haddad"}\n-->');
    expect(draft?.fullName).toBe('Omar Haddad');
  });

  it('keeps the people that were complete before a block was cut off', () => {
    const drafts = read('{"@graph":[{"@type":"Person","name":"Carla Mendes","jobTitle":"CFO"},{"@type":"Person","name":"Dev Pat');
    expect(drafts.map((d) => d.fullName)).toEqual(['Carla Mendes']);
  });

  it('skips a block it cannot repair and still reads the others', () => {
    const drafts = read('{"@type": Person, name: nonsense', { '@type': 'Person', name: 'Jane Doe' });
    expect(drafts.map((d) => d.fullName)).toEqual(['Jane Doe']);
  });

  it('leaves a value it cannot repair undefined instead of throwing', () => {
    expect(parseJsonLdBlock('{"a": [1, 2}')).toBeUndefined();
    expect(parseJsonLdBlock('')).toBeUndefined();
  });

  it('strips markup and scripts from names and titles', () => {
    const [draft] = read(
      '{"@type":"Person","name":"<script>alert(1)<\\/script>Bob","jobTitle":"&lt;img src=x onerror=alert(2)&gt;Growth Lead"}',
    );
    expect(draft).toMatchObject({ fullName: 'Bob', title: 'Growth Lead' });
  });

  it('drops javascript: links', () => {
    const [draft] = read({ '@type': 'Person', name: 'Jane Doe', url: 'javascript:alert(1)', sameAs: 'javascript:alert(2)' });
    expect(draft?.website).toBeUndefined();
    expect(draft?.profileUrl).toBeUndefined();
  });

  it('does not loop on references that point at each other', () => {
    const drafts = read({
      '@graph': [
        { '@type': 'Person', '@id': '#a', name: 'Ines Duarte', worksFor: { '@id': '#o' } },
        { '@type': 'Organization', '@id': '#o', name: 'Loop & Co', employee: { '@id': '#a' }, member: { '@id': '#o' } },
      ],
    });
    expect(drafts).toEqual([expect.objectContaining({ fullName: 'Ines Duarte', company: 'Loop & Co' })]);
  });

  it('returns nothing for a page without JSON-LD', () => {
    const { doc, url } = loadPage('conference-attendees');
    expect(extractJsonLd(doc, url)).toEqual([]);
  });
});
