import { fixturePages } from '../../fixture-pages';
import { describe, expect, it } from 'vitest';
import { extractHCard } from '@/lib/capture/web/hcard';

const pages = fixturePages('web');
const loadPage = pages.load;
const expected = (name: string) => pages.expected(name);

const URL_ = new URL('https://www.example-company.com/about/team');

function read(body: string) {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
  return extractHCard(doc, URL_);
}

describe('extractHCard', () => {
  describe('microformats2 h-card', () => {
    it('reads the owner of a personal site and a commenter', () => {
      const { doc, url } = loadPage('personal-site-hcard');
      const drafts = extractHCard(doc, url);
      const want = expected('personal-site-hcard');
      expect(drafts).toHaveLength(want.length);
      want.forEach((fields, i) => expect(drafts[i]).toMatchObject({ ...fields, source: 'web', sourceUrl: url.href }));
    });

    it('ranks the site owner’s card high and leaves a commenter’s card out', () => {
      const { doc, url } = loadPage('personal-site-hcard');
      const drafts = extractHCard(doc, url);
      expect(drafts[0]?.confidence).toBeGreaterThan(0.85);
      expect(drafts.map((d) => d.fullName)).not.toContain('Ada Okafor');
    });

    it('gives the site owner their rel="me" LinkedIn profile and their company’s site, never the page itself', () => {
      const { doc, url } = loadPage('personal-site-hcard');
      expect(extractHCard(doc, url)[0]).toMatchObject({
        website: 'https://quantifold.com/',
        profileUrl: 'https://www.linkedin.com/in/tomasz-nowak-platform/',
      });
    });

    it('folds the owner’s repeated author cards into one draft', () => {
      const { doc, url } = loadPage('personal-site-hcard');
      expect(extractHCard(doc, url).filter((d) => d.fullName === 'Tomasz Nowak')).toHaveLength(1);
    });

    it('reads a nested organisation card as the company, not as another person', () => {
      const drafts = read(
        `<div class="h-card"><span class="p-name">Ana Bell</span>, <span class="p-job-title">CTO</span> at
          <a class="p-org h-card" href="https://initech.com/"><span class="p-name">Initech</span></a></div>`,
      );
      expect(drafts).toEqual([expect.objectContaining({ fullName: 'Ana Bell', title: 'CTO', company: 'Initech' })]);
    });

    it('implies the name and url of a card that is only a link', () => {
      const [draft] = read(`<p>Written by <a class="h-card" href="https://anabell.dev/">Ana Bell</a></p>`);
      expect(draft).toMatchObject({ fullName: 'Ana Bell', website: 'https://anabell.dev/' });
    });

    it('reads the email from a mailto: link and the phone from a tel: link', () => {
      const [draft] = read(
        `<div class="h-card"><span class="p-name">Ana Bell</span>
          <a class="u-email" href="mailto:ana@bell.co">Email</a> <a class="u-tel" href="tel:+1-415-555-0100">Call</a></div>`,
      );
      expect(draft).toMatchObject({ email: 'ana@bell.co', phone: '+1-415-555-0100' });
    });

    it('reads the location from a nested h-adr', () => {
      const [draft] = read(
        `<div class="h-card"><span class="p-name">Ana Bell</span>
          <p class="p-adr h-adr"><span class="p-locality">Porto</span>, <span class="p-country-name">Portugal</span></p></div>`,
      );
      expect(draft?.location).toBe('Porto, Portugal');
    });
  });

  describe('classic hCard (vcard)', () => {
    it('reads the person on an old-style contact page', () => {
      const { doc, url } = loadPage('classic-vcard');
      const [margaret] = extractHCard(doc, url);
      const [want] = expected('classic-vcard');
      expect(margaret).toMatchObject(want ?? {});
    });

    it('takes the work number rather than the fax', () => {
      const { doc, url } = loadPage('classic-vcard');
      expect(extractHCard(doc, url)[0]?.phone).toBe('+44 114 496 0321');
    });

    it('reads a company’s own card as an organisation contact with no name, ranked below the person', () => {
      const { doc, url } = loadPage('classic-vcard');
      const [person, company] = extractHCard(doc, url);
      expect(company).toMatchObject({ company: 'Hallström Engineering Ltd', email: 'enquiries@hallstrom-engineering.co.uk' });
      expect(company?.fullName).toBeUndefined();
      expect(company?.confidence).toBeLessThan(person?.confidence ?? 0);
    });

    it('drops a company card that has no email', () => {
      expect(read(`<div class="vcard"><span class="fn org">Corner Bakery</span> <span class="tel">+1 415 555 0100</span></div>`)).toEqual([]);
    });

    it('builds the name from given and family name when there is no fn', () => {
      const [draft] = read(`<div class="vcard"><span class="n"><span class="given-name">Ana</span> <span class="family-name">Bell</span></span></div>`);
      expect(draft).toMatchObject({ fullName: 'Ana Bell', firstName: 'Ana', lastName: 'Bell' });
    });

    it('reads a value-class phone number without its label', () => {
      const [draft] = read(
        `<div class="vcard"><span class="fn">Ana Bell</span><span class="tel"><span class="type">Mobile</span>: <span class="value">07700 900123</span></span></div>`,
      );
      expect(draft?.phone).toBe('07700 900123');
    });
  });

  it('returns nothing for a page without cards', () => {
    const { doc, url } = loadPage('team-microdata');
    expect(extractHCard(doc, url)).toEqual([]);
  });
});
