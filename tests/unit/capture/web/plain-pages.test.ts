import { describe, expect, it } from 'vitest';
import { extractImprint } from '@/lib/capture/web/imprint';
import { extractPageContacts, extractWebPage } from '@/lib/capture/web/page';
import { extractPeopleCards } from '@/lib/capture/web/people-cards';
import { siteIdentity } from '@/lib/capture/web/site-identity';

const page = (body: string, { title = '', lang = 'en', head = '' } = {}) =>
  new DOMParser().parseFromString(`<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title>${head}</head><body>${body}</body></html>`, 'text/html');

describe('people shown as plain text', () => {
  it('reads a speaker grid by the classes of each card’s lines, and LinkedIn links inside a card', () => {
    const doc = page(`<main><h1>Speakers</h1><div class="grid">
      <article class="speaker-card"><a href="/s/1"><h3 class="speaker-card__name">Priscilla Owusu</h3></a>
        <p class="speaker-card__title">Chief Customer Officer</p><p class="speaker-card__company">Brightpath Software</p>
        <p class="speaker-card__talk">“Scaling customer success”</p><a href="https://www.linkedin.com/in/priscilla-owusu/" aria-label="LinkedIn"></a></article>
      <article class="speaker-card"><h3 class="speaker-card__name">Jake Sullivan</h3>
        <p class="speaker-card__title">Host &amp; moderator</p><p class="speaker-card__company">Editor-in-chief, SaaS Weekly</p></article>
    </div></main>`);
    const drafts = extractPeopleCards(doc, new URL('https://www.summit.example/2025/speakers'));
    expect(drafts.map((d) => [d.fullName, d.title, d.company, d.profileUrl])).toEqual([
      ['Priscilla Owusu', 'Chief Customer Officer', 'Brightpath Software', 'https://www.linkedin.com/in/priscilla-owusu/'],
      ['Jake Sullivan', 'Editor-in-chief', 'SaaS Weekly', undefined],
    ]);
  });

  it('gives a team page’s people the site’s organisation, and its address and language as hints', () => {
    const doc = page(
      `<header><a href="/"><img alt="Lumière Avocats"></a></header><div id="content"><h1>Notre équipe</h1>
        <div class="membre"><h3>Me Claire Dubois</h3><p><strong>Avocate associée, fondatrice</strong><br><em>Droit des affaires</em><br>
        Ligne directe : 01 44 55 66 77<br><a href="mailto:claire.dubois@cabinet-lumiere.fr">claire.dubois@cabinet-lumiere.fr</a></p></div><hr>
        <div class="membre"><h3>Karim Benali</h3><p><strong>Responsable administratif et financier</strong></p></div></div>
        <p>8 avenue de l'Opéra, 75001 Paris</p>`,
      { title: 'Notre équipe – Lumière Avocats', lang: 'fr' },
    );
    const [claire, karim] = extractPeopleCards(doc, new URL('https://www.cabinet-lumiere.fr/notre-equipe'));
    expect(claire).toMatchObject({
      fullName: 'Me Claire Dubois',
      title: 'Avocate associée, fondatrice',
      company: 'Lumière Avocats',
      email: 'claire.dubois@cabinet-lumiere.fr',
      phone: '01 44 55 66 77',
      hints: { lang: 'fr', siteHost: 'www.cabinet-lumiere.fr', address: "8 avenue de l'Opéra, 75001 Paris" },
    });
    expect(karim).toMatchObject({ fullName: 'Karim Benali', title: 'Responsable administratif et financier', company: 'Lumière Avocats' });
  });

  it('reads "Name, Title" on a contact page and a role from an author’s bio sentence', () => {
    const contact = page(`<main><h1>Contact Us</h1><p><strong>Derek Foster</strong>, Sales Manager<br>Direct: (720) 555-0138</p></main>`, {
      title: 'Contact Us | Summit Ridge HVAC',
    });
    expect(extractPeopleCards(contact, new URL('https://www.summitridgehvac.com/contact-us'))[0]).toMatchObject({
      fullName: 'Derek Foster',
      title: 'Sales Manager',
      company: 'Summit Ridge HVAC',
      phone: '(720) 555-0138',
    });
    const blog = page(`<article><h1>Seven forecasting mistakes</h1><p>…</p>
      <section class="author-box"><p class="author-box__name"><a href="/authors/tasha">Tasha Greene</a></p>
      <p class="author-box__bio">Tasha Greene is VP Revenue Operations at Cloudhaven, where she runs forecasting.</p>
      <p><a href="https://www.linkedin.com/in/tashagreene/">Connect on LinkedIn</a></p></section></article>`);
    expect(extractPeopleCards(blog, new URL('https://www.revops.example/blog/forecasting'))[0]).toMatchObject({
      fullName: 'Tasha Greene',
      title: 'VP Revenue Operations',
      company: 'Cloudhaven',
      profileUrl: 'https://www.linkedin.com/in/tashagreene/',
    });
  });

  it('needs contact data for a name with a role on a page that is not about its people, and leaves related sections out', () => {
    const doc = page(`<main><h1>Attendee directory</h1>
      <article><h3 class="attendee__name">Grace Mbeki</h3><p class="attendee__role">Head of Digital Channels</p></article>
      <article><h3 class="attendee__name">Jonas Weber</h3><p class="attendee__role">Head of Payments</p><a href="mailto:jonas@klarfeld.example">Email</a></article>
      <section class="related-speakers"><h2>More speakers on this track</h2><div><span class="tile__name">Nadia Elbaz</span><a href="mailto:nadia@tidewell.example">x</a></div></section></main>`);
    expect(extractPeopleCards(doc, new URL('https://www.fintech.example/2025/attendees')).map((d) => d.fullName)).toEqual(['Jonas Weber']);
  });
});

describe('a legal notice', () => {
  it('names who runs the company, with the role its label gives, and the notice’s contact details', () => {
    const doc = page(
      `<div class="content"><h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Krämer Medizintechnik GmbH<br>Hauptstraße 5<br>80331 München</p>
        <p><strong>Vertreten durch den Geschäftsführer:</strong><br>Thomas Krämer</p>
        <h2>Kontakt</h2><p>Telefon: 089 12345678<br>Telefax: 089 12345679<br>E-Mail: t.kraemer@kraemer-medizintechnik.de</p></div>`,
      { lang: 'de' },
    );
    expect(extractImprint(doc, new URL('https://www.kraemer-medizintechnik.de/impressum'))).toEqual([
      expect.objectContaining({
        fullName: 'Thomas Krämer',
        title: 'Geschäftsführer',
        company: 'Krämer Medizintechnik GmbH',
        email: 't.kraemer@kraemer-medizintechnik.de',
        phone: '089 12345678',
        hints: expect.objectContaining({ lang: 'de', address: expect.stringContaining('80331 München') }),
      }),
    ]);
  });

  it('reads nothing on a page that is not a legal notice', () => {
    const doc = page('<h1>About</h1><p>Geschäftsführer: Thomas Krämer</p>');
    expect(extractImprint(doc, new URL('https://www.example.de/about'))).toEqual([]);
  });
});

describe('shared inboxes', () => {
  it('are not prospects, but stay available for the rep to start from', () => {
    const doc = page('<main><h1>Pricing</h1><p><a href="mailto:sales@flowmetrics.io">sales@flowmetrics.io</a> · <a href="tel:+18885550123">+1 (888) 555-0123</a></p></main>');
    const url = new URL('https://www.flowmetrics.io/pricing');
    expect(extractWebPage(doc, url)).toEqual([]);
    expect(extractPageContacts(doc, url)[0]).toMatchObject({ email: 'sales@flowmetrics.io' });
  });
});

describe('whose site a page is', () => {
  it('takes the title part that spells the domain, lengthened by a heading with the legal form', () => {
    const doc = page('<h2>Alpenblick Hotels &amp; Resorts GmbH</h2>', { title: 'Kontakt | Alpenblick Hotels &amp; Resorts – Tagungen in Tirol' });
    expect(siteIdentity(doc, new URL('https://www.alpenblick-hotels.at/kontakt')).organization).toBe('Alpenblick Hotels & Resorts GmbH');
  });
});
