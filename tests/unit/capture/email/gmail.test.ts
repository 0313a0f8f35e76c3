import { join } from 'node:path';
import { fixturePages } from '../../fixture-pages';
import { describe, expect, it, vi } from 'vitest';
import { extractGmailThread } from '@/lib/capture/email/gmail';
import { isGmailThreadUrl } from '@/lib/model/page-urls';
import type { ProspectDraftInput } from '@/lib/model/prospect';

const pages = fixturePages('gmail');
const load = pages.load;
const expected = (name: string) => pages.expected<ProspectDraftInput[]>(name);

const THREAD_URL = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWpkdLnTtwvsdqNBbmsBPtgm');

/** A thread page with Gmail's header and body markup around the given messages. */
function threadDoc(messages: string, title = 'Re: Pilot - sam.rep@contoso.com - Gmail'): Document {
  return new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body><div role="main">
      <h2 class="hP" data-thread-perm-id="thread-f:1">Re: Pilot</h2><div role="list">${messages}</div></div></body></html>`,
    'text/html',
  );
}

function message(from: [string, string], to: Array<[string, string]>, body = ''): string {
  const recipients = to.map(([name, email]) => `<span class="g2" email="${email}" name="${name}">${name}</span>`).join(', ');
  return `<div role="listitem"><div class="adn ads" data-message-id="#msg-f:${Math.random()}">
    <h3 class="iw"><span class="gD" email="${from[1]}" name="${from[0]}"><span>${from[0]}</span></span></h3>
    <div class="iw ajw"><span class="hb">to ${recipients}</span></div>
    <div class="ii gt"><div class="a3s aiL">${body}</div></div></div></div>`;
}

const fixtureNames = pages.names();

describe('Gmail thread capture on realistic pages', () => {
  it('has the fixtures this suite is about', () => {
    expect(fixtureNames).toEqual(
      expect.arrayContaining([
        'thread-reply-with-quote',
        'thread-german',
        'thread-multiple-people',
        'notification-no-reply',
        'inbox-list',
        'thread-hostile',
      ]),
    );
  });

  it.each(fixtureNames)('reads %s as its expected drafts', (name) => {
    const { doc, url } = load(name);
    const drafts = extractGmailThread(doc, url);
    const want = expected(name);
    expect(drafts).toHaveLength(want.length);
    want.forEach((draft, i) => {
      expect(drafts[i]).toMatchObject(draft);
      // Nothing beyond what the expected file lists: a field the page does not show stays empty.
      // Hints (address lines for the phone's country) are checked by their own tests.
      expect(Object.keys(drafts[i] ?? {}).filter((key) => key !== 'hints').sort()).toEqual(Object.keys(draft).sort());
    });
  });
});

describe('Gmail: the rep is never a prospect', () => {
  it('leaves out the rep, whose address is only in the page title', () => {
    const { doc, url } = load('thread-reply-with-quote');
    const emails = extractGmailThread(doc, url).map((d) => d.email);
    expect(emails).not.toContain('sam.rep@contoso.com');
  });

  it('never reads the rep’s own signature into the prospect', () => {
    const { doc, url } = load('thread-reply-with-quote');
    const [ana] = extractGmailThread(doc, url);
    expect(ana?.phone).not.toBe('+1 206 555 0199');
    expect(ana?.title).toBe('VP of Sales');
  });

  it('learns the rep from the account switcher when the title has no address', () => {
    const doc = threadDoc(
      message(['Sam Rep', 'sam@rep-mail.example'], [['Ana Souza', 'ana.souza@acme.io']]) +
        message(['Ana Souza', 'ana.souza@acme.io'], [['Sam Rep', 'sam@rep-mail.example']]),
      'Re: Pilot - Gmail',
    );
    doc.body.insertAdjacentHTML('afterbegin', '<a aria-label="Google Account: Sam Rep&#10;(sam@rep-mail.example)" href="#"></a>');
    expect(extractGmailThread(doc, THREAD_URL).map((d) => d.email)).toEqual(['ana.souza@acme.io']);
  });

  it('learns the rep from the "me" label', () => {
    const doc = threadDoc(message(['Ana Souza', 'ana.souza@acme.io'], [['me', 'sam@rep-mail.example']]), 'Re: Pilot - Gmail');
    expect(extractGmailThread(doc, THREAD_URL).map((d) => d.email)).toEqual(['ana.souza@acme.io']);
  });

  it('leaves out addresses the rep listed as their own, and their colleagues', () => {
    const doc = threadDoc(
      message(['Sam Alias', 'sam.alias@contoso.com'], [['Ana Souza', 'ana.souza@acme.io'], ['Dana Whitfield', 'dana@contoso.com']]),
      'Re: Pilot - Gmail',
    );
    const drafts = extractGmailThread(doc, THREAD_URL, { ownAddresses: ['SAM.ALIAS@contoso.com'] });
    expect(drafts.map((d) => d.email)).toEqual(['ana.souza@acme.io']);
  });

  it('keeps other people on a public mail provider the rep also uses', () => {
    const doc = threadDoc(message(['Ben Okafor', 'ben.brightside@gmail.com'], [['me', 'sam.rep@gmail.com']]));
    expect(extractGmailThread(doc, THREAD_URL).map((d) => d.email)).toEqual(['ben.brightside@gmail.com']);
  });
});

describe('Gmail: quoted replies', () => {
  it('reads a person once even when their message is quoted in the reply below it', () => {
    const { doc, url } = load('thread-reply-with-quote');
    expect(extractGmailThread(doc, url)).toHaveLength(1);
  });

  it('takes no signature from a quoted block', () => {
    const doc = threadDoc(
      message(
        ['Ana Souza', 'ana.souza@acme.io'],
        [['me', 'sam.rep@contoso.com']],
        `<div>Sounds good, thanks!</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Mar 3, 2025 at 4:02 PM Tom Becker &lt;tom@globex.de&gt; wrote:</div>
         <blockquote class="gmail_quote">Ana Souza<br>VP of Sales | Acme Corp<br>T: +1 415 555 0142</blockquote></div>`,
      ),
    );
    const [ana] = extractGmailThread(doc, THREAD_URL);
    expect(ana).toMatchObject({ fullName: 'Ana Souza', email: 'ana.souza@acme.io' });
    expect(ana?.title).toBeUndefined();
    expect(ana?.phone).toBeUndefined();
  });

  it('stops at an Outlook reply header inside a Gmail message', () => {
    const doc = threadDoc(
      message(
        ['Raj Patel', 'raj.patel@umbrella.example'],
        [['me', 'sam.rep@contoso.com']],
        `<div>Works for me.</div><div>Raj</div><div id="x_divRplyFwdMsg"><b>From:</b> Mei Chen &lt;mei@umbrella.example&gt;<br><b>Sent:</b> Monday, March 3, 2025 4:02 PM</div>
         <div>Mei Chen<br>Head of Finance, Umbrella Ltd<br>Direct: +44 20 7946 0000</div>`,
      ),
    );
    const [raj] = extractGmailThread(doc, THREAD_URL);
    expect(raj?.title).toBeUndefined();
    expect(raj?.phone).toBeUndefined();
  });
});

describe('Gmail: who is not a prospect', () => {
  it.each([
    'noreply@acme.io',
    'no-reply@accounts.google.com',
    'notifications@github.com',
    'mailer-daemon@googlemail.com',
    'calendar-notification@google.com',
    'messages-noreply@linkedin.com',
    'do-not-reply@docusign.net',
  ])('skips %s', (email) => {
    const doc = threadDoc(message(['Robot', email], [['me', 'sam.rep@contoso.com']]));
    expect(extractGmailThread(doc, THREAD_URL)).toEqual([]);
  });

  it('skips a no-reply sender but keeps the people it copied', () => {
    const doc = threadDoc(message(['Acme Billing', 'no-reply@billing.acme.io'], [['me', 'sam.rep@contoso.com'], ['Ana Souza', 'ana.souza@acme.io']]));
    expect(extractGmailThread(doc, THREAD_URL).map((d) => d.email)).toEqual(['ana.souza@acme.io']);
  });
});

describe('Gmail: several people in one thread', () => {
  it('ranks the latest outside sender first, then other senders, then people only copied', () => {
    const { doc, url } = load('thread-multiple-people');
    const drafts = extractGmailThread(doc, url);
    expect(drafts.map((d) => d.fullName)).toEqual(['Lena Park', 'Tom Becker', 'Priya Nair', 'Marco Rossi']);
    expect(drafts.map((d) => d.confidence)).toEqual([0.9, 0.8, 0.8, 0.5]);
  });

  it('gives a copied person no signature fields, even when another person’s signature names them', () => {
    const doc = threadDoc(
      message(['Tom Becker', 'tom@globex.de'], [['me', 'sam.rep@contoso.com'], ['Lena Park', 'lena@globex.de']], 'Best,<br>Tom Becker<br>Head of Procurement, Globex GmbH'),
    );
    const drafts = extractGmailThread(doc, THREAD_URL);
    expect(drafts[1]).toEqual({
      source: 'gmail',
      sourceUrl: THREAD_URL.href,
      fullName: 'Lena Park',
      email: 'lena@globex.de',
      context: 'Email: Re: Pilot',
      confidence: 0.5,
    });
  });

  it('lists a person once, as a sender, when they also appear as a recipient', () => {
    const doc = threadDoc(
      message(['Ana Souza', 'ana@acme.io'], [['me', 'sam.rep@contoso.com'], ['Marcus Lee', 'marcus@acme.io']]) +
        message(['Marcus Lee', 'marcus@acme.io'], [['Ana Souza', 'ana@acme.io']]),
    );
    expect(extractGmailThread(doc, THREAD_URL).map((d) => [d.email, d.confidence])).toEqual([
      ['marcus@acme.io', 0.9],
      ['ana@acme.io', 0.8],
    ]);
  });

  it('writes an Exchange-style "Last, First" display name the way the person signs', () => {
    const { doc, url } = load('thread-german');
    expect(extractGmailThread(doc, url)[0]?.fullName).toBe('Jonas Weber');
  });
});

describe('Gmail: odd and hostile pages', () => {
  it('returns text as written, never markup, from a hostile thread', () => {
    const { doc, url } = load('thread-hostile');
    const drafts = extractGmailThread(doc, url);
    expect(drafts[0]?.fullName).toBe('<img src=x onerror=alert(1)>Eve');
    expect(drafts[0]?.title).toBe("=cmd|' /C calc'!A0");
    for (const draft of drafts) for (const value of Object.values(draft)) expect(['string', 'number']).toContain(typeof value);
  });

  it('returns [] for an empty document', () => {
    expect(extractGmailThread(new DOMParser().parseFromString('', 'text/html'), THREAD_URL)).toEqual([]);
  });

  it('returns [] for a thread whose markup lost its message headers', () => {
    const doc = threadDoc('<div role="listitem"><div class="adn"><div class="a3s">Hello</div></div></div>');
    expect(extractGmailThread(doc, THREAD_URL)).toEqual([]);
  });

  it('ignores a sender chip with an address that is not one', () => {
    const doc = threadDoc(message(['Ana', 'not an address'], [['me', 'sam.rep@contoso.com']]));
    expect(extractGmailThread(doc, THREAD_URL)).toEqual([]);
  });

  it('does not throw when the document is broken in ways the DOM allows', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = threadDoc(message(['Ana Souza', 'ana@acme.io'], []));
    Object.defineProperty(doc, 'title', { get: () => { throw new Error('boom'); } });
    expect(() => extractGmailThread(doc, THREAD_URL)).not.toThrow();
  });

  it('falls back to the page title for the subject', () => {
    const doc = new DOMParser().parseFromString(
      `<html><head><title>Quote - follow up - sam.rep@contoso.com - Gmail</title></head><body><div role="main">${message(['Ana Souza', 'ana@acme.io'], [])}</div></body></html>`,
      'text/html',
    );
    expect(extractGmailThread(doc, THREAD_URL)[0]?.context).toBe('Email: Quote - follow up');
  });
});

describe('isGmailThreadUrl', () => {
  it.each([
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWpkdLnTtwvsdqNBbmsBPtgm',
    'https://mail.google.com/mail/u/1/#label/Clients/FMfcgzQXJWpkdLnTtwvsdqNBbmsBPtgm',
    'https://mail.google.com/mail/u/0/#label/Kunden%2FDACH/FMfcgzQXKhPqRtBvWmnLsJgdTzxcVbNk',
    'https://mail.google.com/mail/u/0/#sent/KtbxLvHkPqRsTwXzBmNcDfGhJkLpQrSt',
    'https://mail.google.com/mail/u/0/#all/FMfcgzQXJWpkdLnTtwvsdqNBbmsBPtgm',
    'https://mail.google.com/mail/u/0/#search/acme+pricing/FMfcgzQXJWpkdLnTtwvsdqNBbmsBPtgm',
    'https://mail.google.com/mail/u/0/#inbox/19570a1b2c3d4e5f',
  ])('knows %s is a thread', (href) => {
    expect(isGmailThreadUrl(new URL(href))).toBe(true);
  });

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/p2',
    'https://mail.google.com/mail/u/0/#search/internationalization',
    'https://mail.google.com/mail/u/0/#label/Clients',
    'https://mail.google.com/mail/u/0/#settings/general',
    'https://mail.google.com/mail/u/0/',
    'https://example.com/#inbox/FMfcgzQXJWpkdLnTtwvsdqNBbmsBPtgm',
  ])('knows %s is not a thread', (href) => {
    expect(isGmailThreadUrl(new URL(href))).toBe(false);
  });
});
