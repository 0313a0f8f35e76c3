import { fixturePages } from '../../fixture-pages';
import { describe, expect, it } from 'vitest';
import { extractMicrodata } from '@/lib/capture/web/microdata';

const pages = fixturePages('web');
const loadPage = pages.load;
const expected = (name: string) => pages.expected(name);

const URL_ = new URL('https://www.example-company.com/about/team');
const PERSON = 'itemscope itemtype="https://schema.org/Person"';

function read(body: string) {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
  return extractMicrodata(doc, URL_);
}

describe('extractMicrodata', () => {
  it('reads all six people of a team page', () => {
    const { doc, url } = loadPage('team-microdata');
    const drafts = extractMicrodata(doc, url);
    const want = expected('team-microdata');
    expect(drafts).toHaveLength(want.length);
    for (const fields of want) {
      expect(drafts.find((d) => d.fullName === fields.fullName)).toMatchObject({ ...fields, source: 'web', sourceUrl: url.href });
    }
  });

  it('gives people listed as an organisation’s employees that organisation as company', () => {
    const [draft] = read(
      `<div itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="Initech">
        <div itemprop="employee" ${PERSON}><span itemprop="name">Peter Gibbons</span></div></div>`,
    );
    expect(draft?.company).toBe('Initech');
  });

  it('keeps a nested organisation’s name out of the person’s own name', () => {
    const [draft] = read(
      `<div ${PERSON}><span itemprop="jobTitle">Advisor</span> at
        <span itemprop="worksFor" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Northfield University</span></span>
        <h3 itemprop="name">Mei-Ling Zhou</h3></div>`,
    );
    expect(draft).toMatchObject({ fullName: 'Mei-Ling Zhou', company: 'Northfield University', title: 'Advisor' });
  });

  it('keeps a colleague’s properties out of the person they are nested in', () => {
    const drafts = read(
      `<div ${PERSON}><span itemprop="name">Ana Bell</span>
        <div itemprop="colleague" ${PERSON}><span itemprop="name">Ben Hart</span><a itemprop="email" href="mailto:ben@hart.io">ben@hart.io</a></div>
      </div>`,
    );
    expect(drafts.find((d) => d.fullName === 'Ana Bell')?.email).toBeUndefined();
    expect(drafts.find((d) => d.fullName === 'Ben Hart')?.email).toBe('ben@hart.io');
  });

  it('prefers a content attribute over the text shown', () => {
    const [draft] = read(`<div ${PERSON}><span itemprop="name">Ana Bell</span><span itemprop="telephone" content="+14155550100">call me</span></div>`);
    expect(draft?.phone).toBe('+14155550100');
  });

  it('reads a link’s href for url and email, and its text for a name written as a link', () => {
    const [draft] = read(
      `<div ${PERSON}><a itemprop="url name" href="https://anabell.dev/">Ana Bell</a>
        <a itemprop="email" href="mailto:ana@anabell.dev">Write to me</a></div>`,
    );
    expect(draft).toMatchObject({ fullName: 'Ana Bell', website: 'https://anabell.dev/', email: 'ana@anabell.dev' });
  });

  it('includes properties an item pulls in with itemref', () => {
    const [draft] = read(
      `<div ${PERSON} itemref="bell-contact"><span itemprop="name">Ana Bell</span></div>
       <footer><p id="bell-contact"><a itemprop="email" href="mailto:ana@bell.co">ana@bell.co</a></p></footer>`,
    );
    expect(draft?.email).toBe('ana@bell.co');
  });

  it('takes an unmarked LinkedIn link inside the person as their profile', () => {
    const [draft] = read(`<div ${PERSON}><span itemprop="name">Ana Bell</span><a href="https://de.linkedin.com/in/ana-bell">in</a></div>`);
    expect(draft?.profileUrl).toBe('https://www.linkedin.com/in/ana-bell/');
  });

  it('writes a nested postal address as "Locality, Region, Country"', () => {
    const [draft] = read(
      `<div ${PERSON}><span itemprop="name">Ana Bell</span>
        <p itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="streetAddress">1 Main St</span>
        <span itemprop="addressLocality">Portland</span>, <span itemprop="addressRegion">OR</span> <meta itemprop="addressCountry" content="US"></p></div>`,
    );
    expect(draft?.location).toBe('Portland, OR, United States');
  });

  it('does not read scripts or styles inside a name', () => {
    const [draft] = read(`<div ${PERSON}><h2 itemprop="name"><script>document.title='x'</script>Eve Adams<style>.a{}</style></h2></div>`);
    expect(draft?.fullName).toBe('Eve Adams');
  });

  it('ignores items of other types', () => {
    expect(read(`<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Widget Pro</span></div>`)).toEqual([]);
  });

  it('returns nothing for a page without microdata', () => {
    const { doc, url } = loadPage('conference-attendees');
    expect(extractMicrodata(doc, url)).toEqual([]);
  });
});
