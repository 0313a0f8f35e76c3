import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseDraft } from '@/lib/model/normalise';
import { extractLinkedInContactInfo, extractLinkedInProfile } from '@/lib/capture/linkedin/profile';
import { isLinkedInProfilePath, linkedInProfileKeyFromUrl } from '@/lib/model/page-urls';
import { ProspectDraftSchema } from '@/lib/model/prospect';

const FIXTURES = join(__dirname, '../../../fixtures/linkedin');

interface Fixture {
  doc: Document;
  url: URL;
  html: string;
}

function load(name: string): Fixture {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const url = /^<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${name}.html does not start with <!-- url: … -->`);
  return { html, url: new URL(url), doc: new DOMParser().parseFromString(html, 'text/html') };
}

function htmlDoc(body: string, title = ''): Document {
  return new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

/** Drop undefined fields the way the JSON fixtures do. */
// Per-field confidence has tests of its own (signals.test.ts); the fixtures say what is read.
const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'fieldConfidence' ? undefined : v))) as unknown;

// The folder also holds company and people-list fixtures, which have suites of their own.
const fixtureNames = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.json') && /^(?:profile|feed|contact-info)-/.test(f))
  .map((f) => f.replace(/\.expected\.json$/, ''));

describe('LinkedIn profile capture on realistic pages', () => {
  it('has the fixtures this suite is about', () => {
    expect(fixtureNames).toEqual(
      expect.arrayContaining([
        'profile-2025',
        'profile-2021',
        'profile-public',
        'profile-hostile',
        'feed-no-profile',
        'profile-broken',
        'contact-info-overlay',
      ]),
    );
  });

  it.each(fixtureNames)('reads %s as its expected drafts', (name) => {
    const { doc, url } = load(name);
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as unknown;
    expect(plain(extractLinkedInProfile(doc, url))).toEqual(expected);
  });

  it.each(fixtureNames)('returns drafts from %s that pass the prospect schema', (name) => {
    const { doc, url } = load(name);
    for (const draft of extractLinkedInProfile(doc, url)) {
      expect(ProspectDraftSchema.safeParse(draft).success).toBe(true);
    }
  });

  it('reads the 2025 profile: accented name without pronouns, the current role of a multi-role company', () => {
    const { doc, url } = load('profile-2025');
    const [draft] = extractLinkedInProfile(doc, url);
    expect(draft).toMatchObject({
      fullName: 'María José García-López',
      title: 'Head of Growth',
      company: 'Acme Corp',
      location: 'Madrid, Community of Madrid, Spain',
    });
  });

  it('reads the 2021 profile with a particle surname', () => {
    const { doc, url } = load('profile-2021');
    const [draft] = extractLinkedInProfile(doc, url);
    expect(draft).toMatchObject({ fullName: 'Jan van der Berg', company: 'Booking.com' });
    // The page sends the name as shown; the background splits it, particle and all.
    const stored = normaliseDraft(draft);
    expect(stored.ok && stored.draft).toMatchObject({ firstName: 'Jan', lastName: 'van der Berg' });
  });

  it('reads the public profile from its top card, agreeing with its JSON-LD', () => {
    const { doc, url } = load('profile-public');
    const [draft] = extractLinkedInProfile(doc, url);
    expect(draft).toMatchObject({ fullName: 'Priya Raman', title: 'Director of Engineering', company: 'Northwind Health' });
    expect(draft?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('never returns the logged-in viewer from the nav, the Me menu or the page data', () => {
    const viewers: Record<string, string> = {
      'profile-2025': 'Tomás Rivera',
      'profile-2021': 'Chris Okafor',
      'profile-hostile': 'Tomás Rivera',
      'feed-no-profile': 'Tomás Rivera',
      'profile-broken': 'Ngozi Adeyemi',
      'contact-info-overlay': 'Hannah Schulz',
    };
    for (const [name, viewer] of Object.entries(viewers)) {
      const { doc, url, html } = load(name);
      expect(html, `${name} should show the viewer somewhere`).toContain(viewer);
      const text = JSON.stringify(extractLinkedInProfile(doc, url));
      expect(text, name).not.toContain(viewer);
      expect(text, name).not.toContain(viewer.split(' ')[1]);
    }
  });

  it('does not pick people from "People also viewed" or "More profiles for you"', () => {
    const { doc, url } = load('profile-2025');
    const text = JSON.stringify(extractLinkedInProfile(doc, url));
    for (const other of ['Lucía Fernández', 'Daniel Park', 'Sofía Márquez', 'Jean-Baptiste Leclerc', 'Initech']) {
      expect(text).not.toContain(other);
    }
  });

  it('takes the visible copy of text that LinkedIn repeats for screen readers', () => {
    for (const name of ['profile-2025', 'profile-2021', 'profile-hostile', 'contact-info-overlay']) {
      const { doc, url } = load(name);
      const [draft] = extractLinkedInProfile(doc, url);
      for (const field of [draft?.title, draft?.company, draft?.fullName, draft?.location]) {
        const value = String(field);
        const half = value.slice(0, value.length / 2);
        expect(value, `${name}: "${value}" is doubled`).not.toBe(half + half);
      }
    }
    const { doc, url } = load('profile-2025');
    expect(JSON.stringify(extractLinkedInProfile(doc, url))).not.toContain('Acme CorpAcme Corp');
  });

  it('returns markup and spreadsheet formulas in a hostile profile verbatim, as plain text', () => {
    const { doc, url } = load('profile-hostile');
    const imagesBefore = doc.querySelectorAll('img').length;
    const scriptsBefore = doc.querySelectorAll('script').length;
    const [draft] = extractLinkedInProfile(doc, url);
    expect(draft?.fullName).toBe('<img src=x onerror=alert(1)>Eve <script>alert("x")</script>Mallory');
    expect(draft?.headline).toBe('=HYPERLINK("http://evil.example","click")');
    expect(draft?.company).toBe('Evil & Co <b>Ltd</b>');
    expect(doc.querySelectorAll('img').length).toBe(imagesBefore);
    expect(doc.querySelectorAll('script').length).toBe(scriptsBefore);
    expect(doc.querySelector('h1 img, h1 script')).toBeNull();
  });

  it('ignores a JSON-LD Person that links to someone else', () => {
    const { doc, url } = load('profile-hostile');
    expect(JSON.stringify(extractLinkedInProfile(doc, url))).not.toMatch(/Decoy|Not The Profile/);
  });

  it('finds nothing on the feed, even under a profile URL before the profile has rendered', () => {
    const { doc, url } = load('feed-no-profile');
    expect(extractLinkedInProfile(doc, url)).toEqual([]);
    expect(extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/maria-jose-garcia-lopez/'))).toEqual([]);
  });

  it('reads the name of a broken page and derives the role from its headline', () => {
    const { doc, url } = load('profile-broken');
    expect(() => extractLinkedInProfile(doc, url)).not.toThrow();
    const [draft] = extractLinkedInProfile(doc, url);
    expect(draft).toMatchObject({ fullName: 'Samuel Okoro', title: 'Founder', company: 'Okoro Logistics' });
  });

  it('halves its confidence when the top card belongs to another profile than the URL', () => {
    const { doc } = load('profile-2025');
    const [draft] = extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/somebody-else/'));
    expect(draft?.profileUrl).toBe('https://www.linkedin.com/in/somebody-else/');
    expect(draft?.confidence).toBeLessThanOrEqual(0.5);
  });

  it('returns nothing on a page that is not a profile, whatever its markup', () => {
    const { doc } = load('profile-2025');
    expect(extractLinkedInProfile(doc, new URL('https://www.linkedin.com/feed/'))).toEqual([]);
    expect(extractLinkedInProfile(doc, new URL('https://example.com/in/maria-jose-garcia-lopez/'))).toEqual([]);
  });

  it('falls back to the page title when the slug spells the same name', () => {
    const doc = htmlDoc('<main><section></section></main>', '(2) Grace Hopper | LinkedIn');
    const [draft] = extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/grace-hopper-1906/'));
    expect(draft).toMatchObject({ fullName: 'Grace Hopper', confidence: 0.5 });
    expect(extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/gh1906/'))).toEqual([]);
  });

  it('uses JSON-LD when the public top card is missing', () => {
    const ld = {
      '@context': 'http://schema.org',
      '@graph': [
        {
          '@type': 'Person',
          name: 'Ada Lovelace',
          url: 'https://uk.linkedin.com/in/ada-lovelace',
          jobTitle: 'Analyst',
          worksFor: [
            { '@type': 'Organization', name: 'Old Co', member: { startDate: '1830', endDate: '1840' } },
            { '@type': 'Organization', name: 'Analytical Engines Ltd', member: { startDate: '1842' } },
          ],
          address: { addressLocality: 'London', addressCountry: 'GB' },
        },
      ],
    };
    const doc = htmlDoc(`<script type="application/ld+json">${JSON.stringify(ld)}</script><main></main>`);
    const [draft] = extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/ada-lovelace'));
    expect(draft).toMatchObject({
      fullName: 'Ada Lovelace',
      title: 'Analyst',
      company: 'Analytical Engines Ltd',
      location: 'London',
      confidence: 0.8,
    });
  });

  it('reads the current role of a 2021 company group', () => {
    const doc = htmlDoc(`
      <main><section class="pv-top-card"><h1>Kim Lee</h1></section>
      <section id="experience-section"><ul><li>
        <div class="pv-entity__company-summary-info"><h3><span class="visually-hidden">Company Name</span><span>Initech</span></h3></div>
        <ul class="pv-entity__position-group">
          <li><h3><span class="visually-hidden">Title</span><span>VP Sales</span></h3>
            <h4 class="pv-entity__date-range"><span class="visually-hidden">Dates Employed</span><span>Feb 2019 – Present</span></h4></li>
          <li><h3><span class="visually-hidden">Title</span><span>Account Executive</span></h3></li>
        </ul>
      </li></ul></section></main>`);
    const [draft] = extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/kim-lee/'));
    expect(draft).toMatchObject({ title: 'VP Sales', company: 'Initech' });
  });

  it('reads the current company from the top card once, not with its screen-reader twin', () => {
    const doc = htmlDoc(`
      <main><section class="pv-top-card"><h1>Kim Lee</h1>
        <ul class="pv-top-card--experience-list"><li>
          <a href="#experience-section" data-control-name="position_see_more">
            <span aria-hidden="true">Acme Corp</span><span class="visually-hidden">Acme Corp</span>
            <button type="button">…see more</button>
          </a>
        </li></ul>
      </section></main>`);
    const [draft] = extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/kim-lee/'));
    expect(draft?.company).toBe('Acme Corp');
    expect(draft?.title).toBeUndefined();
  });

  it('leaves title and company empty when the latest position has ended and nothing says otherwise', () => {
    const doc = htmlDoc(`
      <main><section><h1>Kim Lee</h1><div class="text-body-medium">Open to work</div></section>
      <section><div id="experience"></div><ul><li>
        <div><span aria-hidden="true">Account Executive</span><span class="visually-hidden">Account Executive</span></div>
        <span><span aria-hidden="true">Initech · Full-time</span></span>
        <span><span aria-hidden="true">Jan 2019 - Dec 2023 · 5 yrs</span></span>
      </li></ul></section></main>`);
    const [draft] = extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/kim-lee/'));
    expect(draft?.title).toBeUndefined();
    expect(draft?.company).toBeUndefined();
  });

  it('does not read a slogan in the headline as a job', () => {
    const doc = htmlDoc('<main><section><h1>Kim Lee</h1><div class="text-body-medium">Helping teams at scale</div></section></main>');
    const [draft] = extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/kim-lee/'));
    expect(draft).toMatchObject({ headline: 'Helping teams at scale' });
    expect(draft?.title).toBeUndefined();
    expect(draft?.company).toBeUndefined();
  });

  it('never throws, whatever the document', () => {
    const url = new URL('https://www.linkedin.com/in/kim-lee/');
    const empty = new DOMParser().parseFromString('', 'text/html');
    const noBody = document.implementation.createDocument(null, 'root', null);
    expect(() => extractLinkedInProfile(empty, url)).not.toThrow();
    expect(() => extractLinkedInProfile(noBody, url)).not.toThrow();
    expect(extractLinkedInProfile(empty, url)).toEqual([]);
  });

  // Speed is measured by `npm run bench` in Chromium; this test only checks that noise does not confuse the extractor.
  it('still finds the right person on a page of 10,000 elements', () => {
    const { doc, url } = load('profile-2025');
    // Half the noise inside <main>, where the extractor does look, half in the sidebar.
    for (const container of [doc.querySelector('main'), doc.querySelector('aside')]) {
      const noise = doc.createElement('section');
      for (let i = 0; i < 1250; i++) {
        const item = doc.createElement('div');
        item.innerHTML = `<span aria-hidden="true">Person ${i}</span><span class="visually-hidden">Person ${i}</span><h3>Title ${i}</h3>`;
        noise.append(item);
      }
      container?.append(noise);
    }
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(10_000);
    const [draft] = extractLinkedInProfile(doc, url);
    expect(draft?.fullName).toBe('María José García-López');
  });
});

describe('LinkedIn contact-info overlay', () => {
  const profileUrl = new URL('https://www.linkedin.com/in/kim-lee/overlay/contact-info/');

  /** A profile top card with the contact-info overlay open over it, in the newer markup (hashed classes only). */
  function withOverlay(overlay: string, url = profileUrl): { doc: Document; url: URL } {
    return {
      url,
      doc: htmlDoc(
        `<main><section><h1>Kim Lee</h1><div class="text-body-medium">VP Sales at Initech</div></section></main>
         <div role="dialog" class="artdeco-modal" aria-labelledby="hdr"><header><h1 id="hdr">Kim Lee</h1></header>
         <div class="aXyZ"><h2 class="bQwE">Contact info</h2>${overlay}</div></div>`,
        'Kim Lee | LinkedIn',
      ),
    };
  }

  it('adds the email, phone and website shown in the open overlay to the profile draft', () => {
    const { doc, url } = load('contact-info-overlay');
    const [draft] = extractLinkedInProfile(doc, url);
    expect(draft).toMatchObject({
      fullName: 'Kwame Mensah',
      profileUrl: 'https://www.linkedin.com/in/kwame-mensah-data/',
      email: 'kwame.mensah@lumen-analytics.io',
      phone: '+49 30 1234 5678',
      website: 'https://www.lumen-analytics.io/',
    });
  });

  it('takes the website labelled (Company), unwrapped from LinkedIn’s redirect, over a personal one listed first', () => {
    const { doc, url } = load('contact-info-overlay');
    expect(extractLinkedInContactInfo(doc, url).website).toBe('https://www.lumen-analytics.io/');
  });

  it('takes the first phone number listed, without its (Work) label', () => {
    const { doc, url } = load('contact-info-overlay');
    expect(extractLinkedInContactInfo(doc, url).phone).toBe('+49 30 1234 5678');
  });

  it('never takes the rep’s own email from the messaging overlay or the page data', () => {
    const { doc, url, html } = load('contact-info-overlay');
    expect(html).toContain('hannah.schulz@initech.example');
    expect(JSON.stringify(extractLinkedInProfile(doc, url))).not.toContain('initech');
  });

  it('adds nothing once the overlay is closed', () => {
    const { doc } = load('contact-info-overlay');
    doc.querySelector('[role="dialog"]')?.remove();
    const [draft] = extractLinkedInProfile(doc, new URL('https://www.linkedin.com/in/kwame-mensah-data/'));
    expect(draft?.fullName).toBe('Kwame Mensah');
    expect(draft?.email).toBeUndefined();
    expect(draft?.phone).toBeUndefined();
    expect(draft?.website).toBeUndefined();
  });

  it('reads the newer overlay whose headings are plain h3s with hashed classes', () => {
    const { doc, url } = withOverlay(`
      <section class="kLmN"><h3 class="pQrS">Kim’s Profile</h3><a class="tUvW" href="https://www.linkedin.com/in/kim-lee">linkedin.com/in/kim-lee</a></section>
      <section class="kLmN"><h3 class="pQrS">Website</h3><div><a class="tUvW" href="https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Finitech%2Eexample%2Fsales&amp;urlhash=a1">initech.example/sales</a><span class="xYzA">(Company)</span></div></section>
      <section class="kLmN"><h3 class="pQrS">Phone</h3><div><span class="bCdE">(555) 010-7788</span> <span class="fGhI">(Mobile)</span></div></section>
      <section class="kLmN"><h3 class="pQrS">Email</h3><div><a class="tUvW" href="mailto:kim.lee@initech.example">kim.lee@initech.example</a></div></section>
      <section class="kLmN"><h3 class="pQrS">Birthday</h3><div><span class="bCdE">July 4</span></div></section>`);
    expect(extractLinkedInContactInfo(doc, url)).toEqual({
      email: 'kim.lee@initech.example',
      phone: '(555) 010-7788',
      website: 'https://initech.example/sales',
    });
    expect(extractLinkedInProfile(doc, url)[0]).toMatchObject({ fullName: 'Kim Lee', email: 'kim.lee@initech.example' });
  });

  it('ignores an overlay left open from another profile', () => {
    const { doc, url } = withOverlay(`
      <section><h3>Sam’s Profile</h3><a href="https://www.linkedin.com/in/sam-other">linkedin.com/in/sam-other</a></section>
      <section><h3>Email</h3><a href="mailto:sam@other.example">sam@other.example</a></section>`);
    expect(extractLinkedInContactInfo(doc, url)).toEqual({});
    expect(extractLinkedInProfile(doc, url)[0]?.email).toBeUndefined();
  });

  it('reads no contact details from a dialog that is not the contact-info overlay', () => {
    const doc = htmlDoc(
      `<main><section><h1>Kim Lee</h1></section></main>
       <div role="dialog"><h2>Share profile</h2><section><h3>Send by email</h3><a href="mailto:someone@else.example">someone@else.example</a></section></div>`,
    );
    expect(extractLinkedInContactInfo(doc, new URL('https://www.linkedin.com/in/kim-lee/'))).toEqual({});
  });

  it('drops links that are not web pages and never throws', () => {
    const { doc, url } = withOverlay(`
      <section><h3>Websites</h3><ul><li><a href="javascript:alert(1)">click</a></li><li><a href="https://www.linkedin.com/redir/redirect?urlhash=x">broken</a></li></ul></section>
      <section><h3>Email</h3><a href="mailto:">(empty)</a></section>`);
    expect(extractLinkedInContactInfo(doc, url)).toEqual({});
    const empty = new DOMParser().parseFromString('', 'text/html');
    expect(extractLinkedInContactInfo(empty, url)).toEqual({});
    expect(extractLinkedInContactInfo(doc, new URL('https://www.linkedin.com/feed/'))).toEqual({});
  });
});

describe('canonical LinkedIn profile URL', () => {
  it.each([
    ['https://www.linkedin.com/in/maria-jose-garcia-lopez/', 'https://www.linkedin.com/in/maria-jose-garcia-lopez/'],
    ['https://www.linkedin.com/in/Maria-Jose-Garcia-Lopez', 'https://www.linkedin.com/in/maria-jose-garcia-lopez/'],
    ['linkedin.com/in/janvdb', 'https://www.linkedin.com/in/janvdb/'],
    ['www.linkedin.com/in/janvdb?trk=x#top', 'https://www.linkedin.com/in/janvdb/'],
    ['http://de.linkedin.com/in/janvdb/de', 'https://www.linkedin.com/in/janvdb/'],
    ['https://de.linkedin.com/in/janvdb/?locale=de_DE', 'https://www.linkedin.com/in/janvdb/'],
    ['https://www.linkedin.com/in/janvdb/details/experience/', 'https://www.linkedin.com/in/janvdb/'],
    ['https://www.linkedin.com/in/janvdb/overlay/contact-info/', 'https://www.linkedin.com/in/janvdb/'],
    ['https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/'],
    ['https://www.linkedin.com/in/J%C3%9CRGEN-M%C3%BCller', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/'],
    ['https://www.linkedin.com/in/jürgen-müller', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/'],
    ['https://www.linkedin.com/in/bad%E0%A4%A/', 'https://www.linkedin.com/in/bad%25e0%25a4%25a/'],
    // Member ids are case-sensitive: lower-casing one would point at nobody.
    [
      'https://www.linkedin.com/in/ACoAAAk0Pq4BxYz12_Ab-cd/',
      'https://www.linkedin.com/in/ACoAAAk0Pq4BxYz12_Ab-cd/',
    ],
  ])('%s → %s', (input, expected) => {
    expect(linkedInProfileKeyFromUrl(input)).toBe(expected);
  });

  it.each([
    '',
    'not a url',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/company/acme/',
    'https://evil-linkedin.com/in/janvdb/',
    'https://linkedin.com.evil.example/in/janvdb/',
    'javascript:alert(1)//linkedin.com/in/janvdb',
    'https://www.linkedin.com/in/a%2Fb/',
  ])('is undefined for %j', (input) => {
    expect(linkedInProfileKeyFromUrl(input)).toBeUndefined();
  });

  it('tells profile pages from the rest of LinkedIn', () => {
    expect(isLinkedInProfilePath(new URL('https://www.linkedin.com/in/janvdb/'))).toBe(true);
    expect(isLinkedInProfilePath(new URL('https://www.linkedin.com/in/janvdb/overlay/contact-info/'))).toBe(true);
    expect(isLinkedInProfilePath(new URL('https://www.linkedin.com/feed/'))).toBe(false);
    expect(isLinkedInProfilePath(new URL('https://www.linkedin.com/search/results/people/?keywords=in'))).toBe(false);
    expect(isLinkedInProfilePath(new URL('https://example.com/in/janvdb/'))).toBe(false);
  });
});
