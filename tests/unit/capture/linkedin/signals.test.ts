import { describe, expect, it } from 'vitest';
import { positionFromHeadline } from '@/lib/capture/linkedin/dom';
import { extractLinkedInPeopleList } from '@/lib/capture/linkedin/list';
import { extractLinkedInProfile } from '@/lib/capture/linkedin/profile';
import { extractSalesNavigatorLead } from '@/lib/capture/linkedin/sales-lead';
import { linkedInSite } from '@/lib/capture/linkedin/site';

const html = (body: string, title = '') =>
  new DOMParser().parseFromString(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`, 'text/html');

describe('LinkedIn headlines in several languages', () => {
  it.each([
    ['Responsable Achats IT chez Groupe Verlaine', { title: 'Responsable Achats IT', company: 'Groupe Verlaine' }],
    ['Коммерческий директор в ООО «ТрансВектор»', { title: 'Коммерческий директор', company: 'ООО «ТрансВектор»' }],
    ['VP Sales DACH @ Finora', { title: 'VP Sales DACH', company: 'Finora' }],
    ['CFO at Aldwych Capital | Board Member', { title: 'CFO', company: 'Aldwych Capital' }],
  ])('%s', (headline, position) => {
    expect(positionFromHeadline(headline)).toEqual(position);
  });

  it('reads a role alone only where asked, and never a slogan or a field of work', () => {
    expect(positionFromHeadline('Chief Revenue Officer | Ex-Stripe', { titleAlone: true })).toEqual({ title: 'Chief Revenue Officer' });
    expect(positionFromHeadline('Chief Revenue Officer | Ex-Stripe')).toBeUndefined();
    expect(positionFromHeadline('Data Strategy | Ex-McKinsey | Mentor', { titleAlone: true })).toBeUndefined();
    expect(positionFromHeadline('Helping teams at scale', { titleAlone: true })).toBeUndefined();
  });
});

describe('LinkedIn profiles without the classes they used to have', () => {
  const sdui = html(
    `<main><section data-view-name="profile-top-card"><a href="/in/amelie-durand/overlay/about-this-profile/"><h2 class="_3cbc">Amélie Durand</h2></a>
       <p aria-hidden="true">· 2nd</p><p class="_c5c6">Acheteuse</p>
       <div><p><span>Lyon, Auvergne-Rhône-Alpes, France</span><span> · </span><a href="/in/amelie-durand/overlay/contact-info/">Contact info</a></p>
       <p><a href="/in/amelie-durand/recent-activity/">2,148 followers</a><span>500+ connections</span></p></div></section>
     <section componentkey="xExperience"><h2>Expérience</h2><ul><li><div>
       <p>Responsable Achats IT</p><p>Groupe Verlaine · Full-time</p><p><span>Sep 2020 - Present · 4 yrs</span></p></div></li></ul></section></main>`,
    'Amélie Durand | LinkedIn',
  );

  it('finds the name in an h2 that matches the page title, the place before "Contact info", and the role in Experience', () => {
    const [draft] = extractLinkedInProfile(sdui, new URL('https://www.linkedin.com/in/amelie-durand/'));
    expect(draft).toMatchObject({
      fullName: 'Amélie Durand',
      title: 'Responsable Achats IT',
      company: 'Groupe Verlaine',
      location: 'Lyon, Auvergne-Rhône-Alpes, France',
    });
  });

  it('reads profiles on country subdomains under their www key', () => {
    const [draft] = extractLinkedInProfile(sdui, new URL('https://fr.linkedin.com/in/amelie-durand'));
    expect(draft?.profileUrl).toBe('https://www.linkedin.com/in/amelie-durand/');
    expect(linkedInSite.isTarget(new URL('https://uk.linkedin.com/in/oliver-pemberton-28a1b3'))).toBe(true);
  });

  it('never takes a follower or connection count for the location', () => {
    const doc = html(
      `<main><section class="top-card-layout"><h1>Oliver Pemberton</h1><h2 class="top-card-layout__headline">Head of Procurement at Castlegate</h2>
        <h3><div><span>Manchester, England, United Kingdom</span><span>Contact Info</span></div>
        <div><span class="top-card__subline-item">500+ connections</span></div></h3></section></main>`,
      'Oliver Pemberton – Castlegate | LinkedIn',
    );
    expect(extractLinkedInProfile(doc, new URL('https://uk.linkedin.com/in/oliver-pemberton'))[0]?.location).toBe('Manchester, England, United Kingdom');
  });
});

describe('LinkedIn people search without known result classes', () => {
  it('reads each person from the card around their profile link, with the "Current:" line under a slogan', () => {
    const card = (slug: string, name: string, headline: string, place: string, extra = '') =>
      `<div role="listitem"><div><a href="https://www.linkedin.com/in/${slug}/" aria-hidden="true"><img alt=""></a>
        <div><div><p><a href="https://www.linkedin.com/in/${slug}/">${name}</a></p><p aria-hidden="true"> • 2nd</p></div>
        <p>${headline}</p><p>${place}</p>${extra}</div></div></div>`;
    const doc = html(`<main><div role="list">
      ${card('marcus-bell', 'Marcus Bell', 'VP Sales at Ledgerly', 'New York, New York, United States')}
      ${card('deepa-k', 'Deepa Krishnan', 'Building the future of payments | Mentor', 'Bengaluru, Karnataka, India', '<p>Current: VP Sales – India at Paynest</p>')}
      </div></main><aside><a href="https://www.linkedin.com/in/someone-else/">Someone Else</a></aside>`);
    const drafts = extractLinkedInPeopleList(doc, new URL('https://www.linkedin.com/search/results/people/?keywords=vp'));
    expect(drafts.map((d) => [d.fullName, d.title, d.company, d.location])).toEqual([
      ['Marcus Bell', 'VP Sales', 'Ledgerly', 'New York, New York, United States'],
      ['Deepa Krishnan', 'VP Sales – India', 'Paynest', 'Bengaluru, Karnataka, India'],
    ]);
  });
});

describe('Sales Navigator', () => {
  const LEAD = new URL('https://www.linkedin.com/sales/lead/ACwAAAB3xYz1kQ9pLm0r7TuVwX2aBcDeFgHiJkL,NAME_SEARCH,x8Pq?_ntb=abc');

  it('reads a lead page from its data-anonymize tags, with the public profile only when linked', () => {
    const doc = html(`<main>
      <h1 data-anonymize="person-name">Gregory Hale</h1>
      <div data-anonymize="headline">SVP, Global Sourcing at Meridian Foods Inc.</div>
      <div data-anonymize="location">Minneapolis, Minnesota, United States</div>
      <a href="https://www.linkedin.com/in/gregory-hale-mfi">View LinkedIn profile</a>
      <section><span data-anonymize="job-title">SVP, Global Sourcing</span> at <a data-anonymize="company-name">Meridian Foods Inc.</a></section>
      <dl><dd><a href="tel:+16125550134" data-anonymize="phone">+1 (612) 555-0134</a></dd><dd><a href="mailto:greg.hale@meridianfoods.com">greg.hale@meridianfoods.com</a></dd></dl>
      </main><aside><span data-anonymize="person-name">Laura Bennett</span></aside>`);
    expect(extractSalesNavigatorLead(doc, LEAD)).toEqual([
      expect.objectContaining({
        fullName: 'Gregory Hale',
        title: 'SVP, Global Sourcing',
        company: 'Meridian Foods Inc.',
        location: 'Minneapolis, Minnesota, United States',
        phone: '+1 (612) 555-0134',
        email: 'greg.hale@meridianfoods.com',
        profileUrl: 'https://www.linkedin.com/in/gregory-hale-mfi/',
        sourceUrl: 'https://www.linkedin.com/sales/lead/ACwAAAB3xYz1kQ9pLm0r7TuVwX2aBcDeFgHiJkL,NAME_SEARCH,x8Pq',
      }),
    ]);
    expect(linkedInSite.isTarget(LEAD)).toBe(true);
  });

  it('takes a list row’s title that is not its tenure, and a company written as text after the middot', () => {
    const doc = html(`<main><ol><li class="artdeco-list__item"><div data-x-search-result="LEAD">
      <a href="/sales/lead/ACwAAB1,NAME_SEARCH,x1"><span data-anonymize="person-name">Isabella Rossi</span></a>
      <div><span data-anonymize="title">Head of Finance</span><span aria-hidden="true" class="separator--middot"></span> Vela Logistica S.p.A. <button aria-label="See more"></button></div>
      <div data-anonymize="job-title">1 year 1 month in role | 1 year 1 month in company</div></div></li></ol></main>`);
    const [lead] = extractLinkedInPeopleList(doc, new URL('https://www.linkedin.com/sales/search/people?query=x'));
    expect(lead).toMatchObject({ fullName: 'Isabella Rossi', title: 'Head of Finance', company: 'Vela Logistica S.p.A.' });
  });
});

describe('per-field confidence on a profile', () => {
  const profile = (headline: string) =>
    html(
      `<main><section><h1>Ana Bell</h1><div class="text-body-medium">${headline}</div></section>
       <section id="experience-section"><h2>Experience</h2><ul><li><div>
         <p>VP Sales</p><p>Acme · Full-time</p><p><span>Jan 2020 - Present</span></p></div></li></ul></section></main>`,
      'Ana Bell | LinkedIn',
    );
  const url = new URL('https://www.linkedin.com/in/ana-bell/');

  it('is higher where independent signals agree (the heading and the title; Experience and the headline)', () => {
    const [agreeing] = extractLinkedInProfile(profile('VP Sales at Acme'), url);
    const [disagreeing] = extractLinkedInProfile(profile('Founder at Zenith'), url);
    expect(agreeing?.fieldConfidence?.fullName).toBeGreaterThan(0.9);
    expect(agreeing?.title).toBe('VP Sales');
    expect(disagreeing?.title).toBe('VP Sales');
    expect(agreeing?.fieldConfidence?.title).toBeGreaterThan(disagreeing?.fieldConfidence?.title ?? 1);
    expect(agreeing?.fieldConfidence?.company).toBeGreaterThan(disagreeing?.fieldConfidence?.company ?? 1);
  });
});
