import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_PAGE_DRAFTS, extractPageContacts, extractWebPage } from '@/lib/capture/web/page';
import { ProspectDraftSchema } from '@/lib/model/prospect';

const FIXTURES = join(__dirname, '../../../fixtures/web');

/** The hostile fixture names its bulk instead of carrying it: 5,000 mailto links and a 1 MB text node. */
function expandBulk(html: string): string {
  const links = Array.from(
    { length: 5000 },
    (_, i) => `<li><a href="mailto:member${String(i).padStart(4, '0')}@free-leads-directory.biz">Member ${i}</a></li>`,
  ).join('\n');
  return html
    .replace('<!-- generate: 5000 mailto links -->', links)
    .replace('<!-- generate: 1 MB text node -->', 'lorem ipsum dolor sit amet '.repeat(40_000));
}

function loadPage(name: string): { doc: Document; url: URL } {
  const html = expandBulk(readFileSync(join(FIXTURES, `${name}.html`), 'utf8'));
  const url = /^<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${name}.html does not start with <!-- url: … -->`);
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url) };
}

function expected(name: string): Record<string, unknown>[] {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Record<string, unknown>[];
}

function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

const URL_ = new URL('https://www.example-company.com/about/team');

describe('capturing any web page', () => {
  it.each([
    'speaker-bio',
    'contact-us',
    'team-microdata',
    'personal-site-hcard',
    'classic-vcard',
    'conference-attendees',
    'blog-article',
    'empty-page',
  ])('finds exactly the expected people on the %s fixture, in order', (name) => {
    const { doc, url } = loadPage(name);
    const drafts = extractWebPage(doc, url);
    const want = expected(name);
    expect(drafts).toHaveLength(want.length);
    want.forEach((fields, i) => expect(drafts[i]).toMatchObject(fields));
  });

  it('marks every draft as a web capture of the page it came from, valid against the draft schema', () => {
    for (const name of ['speaker-bio', 'contact-us', 'team-microdata', 'personal-site-hcard', 'conference-attendees']) {
      const { doc, url } = loadPage(name);
      for (const draft of extractWebPage(doc, url)) {
        expect(draft).toMatchObject({ source: 'web', sourceUrl: url.href });
        expect(ProspectDraftSchema.safeParse(draft).success).toBe(true);
      }
    }
  });

  it('ranks drafts from most to least confident', () => {
    const { doc, url } = loadPage('team-microdata');
    const confidences = extractWebPage(doc, url).map((d) => d.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it('keeps the structured-data value when a contact link describes the same person differently', () => {
    const { doc, url } = loadPage('contact-us');
    const [sofia] = extractWebPage(doc, url);
    // JSON-LD writes the phone with spaces, the tel: link without; the link only adds the title.
    expect(sofia?.phone).toBe('+31 10 555 0142');
    expect(sofia?.title).toBe('Regional Sales Manager, Benelux');
  });

  it('raises the confidence when structured data and a contact link agree on a person', () => {
    const { doc, url } = loadPage('team-microdata');
    const drafts = extractWebPage(doc, url);
    const withLink = drafts.find((d) => d.fullName === 'Amara Okoye');
    const withoutLink = drafts.find((d) => d.fullName === 'Mei-Ling Zhou');
    expect(withLink?.confidence).toBeGreaterThan(withoutLink?.confidence ?? 1);
  });

  it('merges the same person named with different case and accents', () => {
    const doc = page(
      `<div class="vcard"><span class="fn">JOSE GARCIA</span> <a class="email" href="mailto:jose@garcia-partners.es">Email</a></div>`,
      `<script type="application/ld+json">{"@type":"Person","name":"José García","jobTitle":"Managing Partner"}</script>`,
    );
    const drafts = extractWebPage(doc, URL_);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ fullName: 'José García', title: 'Managing Partner', email: 'jose@garcia-partners.es' });
  });

  it('drops an organisation-only support address when the page names a person', () => {
    const { doc, url } = loadPage('contact-us');
    expect(extractWebPage(doc, url).map((d) => d.email)).not.toContain('support@northwind-logistics.com');
  });

  it('does not take a footer info@ address for a prospect, but keeps it for the rep to start from', () => {
    const { doc, url } = loadPage('blog-article');
    expect(extractWebPage(doc, url)).toEqual([]);
    const [only] = extractPageContacts(doc, url);
    expect(only).toMatchObject({ email: 'info@copperleaf-crm.com' });
    expect(only?.fullName).toBeUndefined();
  });

  it('returns nothing for a page without contact data', () => {
    const { doc, url } = loadPage('empty-page');
    expect(extractWebPage(doc, url)).toEqual([]);
  });

  describe('on a hostile page', () => {
    const { doc, url } = loadPage('hostile');
    const drafts = extractWebPage(doc, url);

    it('returns at most 50 drafts', () => {
      expect(drafts).toHaveLength(MAX_PAGE_DRAFTS);
    });

    it('puts the people its broken structured data still describes first, then the bare addresses', () => {
      const want = expected('hostile');
      const named = want.filter((fields) => fields.fullName);
      // The named people first (those that more ways of reading agree on rank higher), then the bare addresses in page order.
      expect(drafts.slice(0, named.length)).toEqual(expect.arrayContaining(named.map((fields) => expect.objectContaining(fields))));
      want.slice(named.length).forEach((fields, i) => expect(drafts[named.length + i]).toMatchObject(fields));
      for (const draft of drafts.slice(want.length)) expect(draft.email).toMatch(/^member\d{4}@free-leads-directory\.biz$/);
    });

    it('returns only clean drafts: valid, without markup, scripts or javascript: links', () => {
      for (const draft of drafts) {
        expect(ProspectDraftSchema.safeParse(draft).success).toBe(true);
        const text = JSON.stringify(draft);
        expect(text).not.toMatch(/<|>|alert\(|javascript:|\u202e/i);
      }
    });
  });

  it('does not throw when the document itself misbehaves', () => {
    const broken = new Proxy({} as Document, {
      get: () => {
        throw new Error('detached document');
      },
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(extractWebPage(broken, URL_)).toEqual([]);
  });

  it('reads a page of 10,000 elements without ever taking the whole page text', () => {
    const tiles = Array.from(
      { length: 2000 },
      (_, i) => `<div class="tile"><span>Item ${i}</span><p>Some <b>text</b></p><a href="/p/${i}">More</a></div>`,
    ).join('');
    const doc = page(`<main>${tiles}<p>Questions? <a href="mailto:dana.whitfield@example-company.com">Dana Whitfield</a></p></main>`);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(10_000);
    for (const el of [doc.documentElement, doc.body, doc.querySelector('main')]) {
      for (const property of ['textContent', 'innerText', 'innerHTML', 'outerHTML']) {
        Object.defineProperty(el, property, {
          get: () => {
            throw new Error(`read ${property} of <${el?.tagName.toLowerCase()}>`);
          },
        });
      }
    }
    expect(extractWebPage(doc, URL_)).toEqual([
      expect.objectContaining({ fullName: 'Dana Whitfield', email: 'dana.whitfield@example-company.com' }),
    ]);
  });
});
