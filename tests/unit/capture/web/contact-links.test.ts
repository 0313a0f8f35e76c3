import { join } from 'node:path';
import { fixturePages } from '../../fixture-pages';
import { describe, expect, it } from 'vitest';
import { extractContactLinks } from '@/lib/capture/web/contact-links';

const pages = fixturePages('web');
const loadPage = pages.load;
const expected = (name: string) => pages.expected(name);

const URL_ = new URL('https://www.example-company.com/about/team');

function read(body: string) {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
  return extractContactLinks(doc, URL_);
}

describe('extractContactLinks', () => {
  it('reads every attendee who can be reached from a conference directory', () => {
    const { doc, url } = loadPage('conference-attendees');
    const drafts = extractContactLinks(doc, url);
    const want = expected('conference-attendees');
    expect(drafts).toHaveLength(want.length);
    want.forEach((fields, i) => expect(drafts[i]).toMatchObject({ ...fields, source: 'web', sourceUrl: url.href }));
  });

  it('pairs a mailto link with the name, title and company of the card it sits in', () => {
    const [draft] = read(
      `<article class="card"><h3>Jonas Weber</h3><p class="role">Head of Payments</p><p class="company">Klarfeld Bank</p>
        <a href="mailto:jonas.weber@klarfeld-bank.de">Email</a></article>`,
    );
    expect(draft).toMatchObject({ fullName: 'Jonas Weber', title: 'Head of Payments', company: 'Klarfeld Bank', email: 'jonas.weber@klarfeld-bank.de' });
  });

  it('splits a "Title at Company" line under the name', () => {
    const [draft] = read(`<li><h4>Chloé Martin</h4><p>Chief Product Officer at Paylume</p><a href="mailto:chloe@paylume.fr">Email</a></li>`);
    expect(draft).toMatchObject({ title: 'Chief Product Officer', company: 'Paylume' });
  });

  it('gives a card with only a phone link a draft with the name and the raw phone', () => {
    const [draft] = read(`<article><h3>Ravi Shankar</h3><a href="tel:+44%2020%207946%200958">Call</a></article>`);
    expect(draft).toMatchObject({ fullName: 'Ravi Shankar', phone: '+44 20 7946 0958' });
    expect(draft?.email).toBeUndefined();
  });

  it('gives each person in a team section the heading just before their link', () => {
    const drafts = read(
      `<section class="team"><h2>Our Team</h2>
        <h3>Ana Bell</h3><p>CTO</p><a href="mailto:ana@bell.co">Email</a>
        <h3>Ben Hart</h3><p>Head of Sales</p><a href="mailto:ben@bell.co">Email</a></section>`,
    );
    expect(drafts.map((d) => [d.fullName, d.title, d.email])).toEqual([
      ['Ana Bell', 'CTO', 'ana@bell.co'],
      ['Ben Hart', 'Head of Sales', 'ben@bell.co'],
    ]);
  });

  it('does not give a footer address to the last person listed above it', () => {
    const drafts = read(
      `<main class="page-team"><ul><li><h3>Ana Bell</h3><a href="mailto:ana@bell.co">Email</a></li></ul></main>
       <footer><p><a href="mailto:jobs.desk@bell.co">jobs.desk@bell.co</a></p></footer>`,
    );
    expect(drafts.find((d) => d.email === 'jobs.desk@bell.co')?.fullName).toBeUndefined();
  });

  it('does not take a section heading for a person’s name', () => {
    const [draft] = read(`<section class="team-contact"><h2>Contact Us</h2><a href="mailto:dana@northwind.io">dana@northwind.io</a></section>`);
    expect(draft?.fullName).toBeUndefined();
    expect(draft?.email).toBe('dana@northwind.io');
  });

  it('does not give a card’s person a second, different address from the same card', () => {
    const drafts = read(
      `<article class="card"><h3>Ana Bell</h3><a href="mailto:ana@bell.co">Ana</a> <a href="mailto:bookings@bell.co">Bookings</a></article>`,
    );
    expect(drafts).toEqual([expect.objectContaining({ fullName: 'Ana Bell', email: 'ana@bell.co' })]);
  });

  it('turns a lone personal mailto into a low-confidence email-only draft', () => {
    const [draft] = read(`<p>Questions? Write to <a href="mailto:dana@northwind.io">dana@northwind.io</a>.</p>`);
    expect(draft).toMatchObject({ email: 'dana@northwind.io' });
    expect(draft?.fullName).toBeUndefined();
    expect(draft?.confidence).toBeLessThanOrEqual(0.3);
  });

  it('takes the name from a mailto link whose text is a person’s name', () => {
    const [draft] = read(`<p>Press: <a href="mailto:dana.whitfield@northwind.io">Dana Whitfield</a></p>`);
    expect(draft).toMatchObject({ fullName: 'Dana Whitfield', email: 'dana.whitfield@northwind.io' });
  });

  it('ignores mailto links without an address', () => {
    expect(read(`<a href="mailto:">Email us</a> <a href="mailto:?subject=Look%20at%20this">Share</a> <a href="tel:">Call</a>`)).toEqual([]);
  });

  it('reads an address wrapped as "Name <address>" and drops the query string', () => {
    const [draft] = read(`<a href="mailto:Dana%20Whitfield%20%3Cdana@northwind.io%3E?subject=Hi">Email</a>`);
    expect(draft?.email).toBe('dana@northwind.io');
  });

  it('returns one draft per address however often it is linked', () => {
    const drafts = read(
      `<header><a href="mailto:dana@northwind.io">Email</a></header><footer><a href="mailto:DANA@northwind.io">DANA@northwind.io</a></footer>`,
    );
    expect(drafts).toHaveLength(1);
  });

  it('names an address seen earlier outside any card once a card shows it', () => {
    const drafts = read(
      `<header><a href="mailto:ana@bell.co">Contact</a></header><li class="person"><h3>Ana Bell</h3><a href="mailto:ana@bell.co">Email</a></li>`,
    );
    expect(drafts).toEqual([expect.objectContaining({ fullName: 'Ana Bell', email: 'ana@bell.co' })]);
  });

  it('drops shared inboxes such as info@ and sales@ when a personal address is on the page', () => {
    const drafts = read(
      `<a href="mailto:info@bell.co">info</a> <a href="mailto:sales@bell.co">sales</a> <a href="mailto:ana@bell.co">ana@bell.co</a>`,
    );
    expect(drafts.map((d) => d.email)).toEqual(['ana@bell.co']);
  });

  it('keeps a shared inbox, ranked very low, when it is the only address on the page', () => {
    const { doc, url } = loadPage('blog-article');
    const drafts = extractContactLinks(doc, url);
    expect(drafts).toEqual([expect.objectContaining({ email: 'info@copperleaf-crm.com' })]);
    expect(drafts[0]?.confidence).toBeLessThan(0.2);
  });

  it('reads only the first 500 links', () => {
    const links = Array.from({ length: 501 }, (_, i) => `<a href="mailto:person${i}@bulk-list.biz">x</a>`).join('');
    const emails = read(links).map((d) => d.email);
    expect(emails).toHaveLength(500);
    expect(emails).not.toContain('person500@bulk-list.biz');
  });
});
