import { join } from 'node:path';
import { fixturePages } from '../../fixture-pages';
import { describe, expect, it } from 'vitest';
import { extractOutlookThread, hasOutlookReadingPane } from '@/lib/capture/email/outlook';
import { isOutlookThreadUrl } from '@/lib/model/page-urls';
import type { ProspectDraftInput } from '@/lib/model/prospect';

const pages = fixturePages('outlook');
const load = pages.load;
const expected = (name: string) => pages.expected<ProspectDraftInput[]>(name);

const MESSAGE_URL = new URL('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAHxh%3D');
const ACCOUNT = '<button id="O365_MainLink_Me" aria-label="Account manager for Sam Rep (sam.rep@contoso.com)"></button>';

/** A reading pane holding the given message items, newest first as Outlook shows them. */
function paneDoc(items: string, chrome = ACCOUNT): Document {
  return new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head><title>Mail - Sam Rep - Outlook</title></head><body>${chrome}
      <div role="listbox" aria-label="Message list"><div role="option"><span title="someone@elsewhere.example">Someone Else</span></div></div>
      <div id="ReadingPaneContainerId"><div role="main" aria-label="Reading Pane">
        <div role="heading" aria-level="2"><span title="RE: Pilot">RE: Pilot</span></div>${items}</div></div></body></html>`,
    'text/html',
  );
}

function item(from: [string, string], body: string, cc: Array<[string, string]> = [], when?: string): string {
  const copied = cc.map(([name, email]) => `<span title="${email}">${name}</span>`).join('; ');
  return `<div aria-label="Email message"><div><span title="${from[1]}">${from[0]}</span></div>
    <div aria-label="To recipients">To: <span title="sam.rep@contoso.com">Sam Rep</span>${copied ? `; ${copied}` : ''}</div>
    ${when ? `<div title="${when}">${when}</div>` : ''}
    <div aria-label="Message body" role="document">${body}</div></div>`;
}

const fixtureNames = pages.names();

describe('Outlook conversation capture on realistic pages', () => {
  it('has the fixtures this suite is about', () => {
    expect(fixtureNames).toEqual(
      expect.arrayContaining(['office-reading-pane', 'live-personal', 'office365-disclaimer', 'inbox-nothing-selected']),
    );
  });

  it.each(fixtureNames)('reads %s as its expected drafts', (name) => {
    const { doc, url } = load(name);
    const drafts = extractOutlookThread(doc, url);
    const want = expected(name);
    expect(drafts).toHaveLength(want.length);
    want.forEach((draft, i) => {
      expect(drafts[i]).toMatchObject(draft);
      // Hints (address lines for the phone's country) are checked by their own tests.
      expect(Object.keys(drafts[i] ?? {}).filter((key) => key !== 'hints').sort()).toEqual(Object.keys(draft).sort());
    });
  });
});

describe('Outlook: the rep is never a prospect', () => {
  it('learns the rep from the account manager button', () => {
    const { doc, url } = load('office-reading-pane');
    expect(extractOutlookThread(doc, url).map((d) => d.email)).not.toContain('sam.rep@contoso.com');
  });

  it('learns a personal account from the account card when the button names no address', () => {
    const { doc, url } = load('live-personal');
    expect(extractOutlookThread(doc, url).map((d) => d.email)).toEqual(['ben.brightside@gmail.com']);
  });

  it('leaves out addresses the rep listed as their own', () => {
    const doc = paneDoc(item(['Sam Alias', 'sam@alias.example'], 'Hi'), '');
    const ownAddresses = ['SAM@alias.example', 'sam.rep@contoso.com'];
    expect(extractOutlookThread(doc, MESSAGE_URL, { ownAddresses })).toEqual([]);
  });

  it('leaves out the rep’s colleagues on the company domain', () => {
    const { doc, url } = load('office365-disclaimer');
    expect(extractOutlookThread(doc, url).map((d) => d.email)).not.toContain('dana.whitfield@contoso.com');
  });

  it('reads no one from the message list beside the reading pane', () => {
    const doc = paneDoc(item(['Ana Souza', 'ana@acme.io'], 'Hi'));
    expect(extractOutlookThread(doc, MESSAGE_URL).map((d) => d.email)).toEqual(['ana@acme.io']);
  });

  it('reads no one from the message list when the main region wraps it and the message has no item wrapper', () => {
    const doc = new DOMParser().parseFromString(
      `<html><body>${ACCOUNT}<div role="main">
        <div role="listbox" aria-label="Message list"><div role="option"><span title="tom@globex.de">Tom Becker</span></div></div>
        <div><div role="heading" aria-level="2">RE: Pilot</div>
          <div><div><button type="button" aria-label="Ana Souza &lt;ana@acme.io&gt;">Ana Souza</button></div>
          <div role="document">Thanks,<br>Ana Souza<br>VP of Sales | Acme Corp</div></div></div></div></body></html>`,
      'text/html',
    );
    expect(extractOutlookThread(doc, MESSAGE_URL)).toEqual([
      expect.objectContaining({ fullName: 'Ana Souza', email: 'ana@acme.io', title: 'VP of Sales', company: 'Acme Corp' }),
    ]);
  });
});

describe('Outlook: quoted replies and disclaimers', () => {
  it('cuts the message at a "From: … Sent: …" block written as plain text', () => {
    const doc = paneDoc(
      item(
        ['Ana Souza', 'ana@acme.io'],
        `<div>Works for us.</div><div>Ana</div><div>________________________________</div>
         <div>From: Tom Becker &lt;tom@globex.de&gt;</div><div>Sent: Monday, March 3, 2025 4:02 PM</div>
         <div>Tom Becker</div><div>Head of Procurement, Globex GmbH</div><div>Tel. +49 30 1234567-0</div>`,
      ),
    );
    const [ana] = extractOutlookThread(doc, MESSAGE_URL);
    expect(ana).toMatchObject({ fullName: 'Ana Souza', email: 'ana@acme.io' });
    expect(ana?.title).toBeUndefined();
    expect(ana?.phone).toBeUndefined();
  });

  it('never takes a confidentiality notice for a title', () => {
    const { doc, url } = load('office365-disclaimer');
    const mei = extractOutlookThread(doc, url).find((d) => d.fullName === 'Mei Chen');
    expect(mei?.title).toBeUndefined();
    expect(mei?.company).toBeUndefined();
  });
});

describe('Outlook: several people', () => {
  it('ranks by the dates in the headers when every message has one', () => {
    const doc = paneDoc(
      item(['Ana Souza', 'ana@acme.io'], 'Older, but shown first', [], 'Mon 3/3/2025 4:02 PM') +
        item(['Marcus Lee', 'marcus@acme.io'], 'Newer', [], 'Tue 3/4/2025 9:14 AM'),
    );
    expect(extractOutlookThread(doc, MESSAGE_URL).map((d) => [d.email, d.confidence])).toEqual([
      ['marcus@acme.io', 0.9],
      ['ana@acme.io', 0.8],
    ]);
  });

  it('takes the top message as the newest when the headers carry no dates', () => {
    const doc = paneDoc(item(['Ana Souza', 'ana@acme.io'], 'Newest') + item(['Marcus Lee', 'marcus@acme.io'], 'Oldest'));
    expect(extractOutlookThread(doc, MESSAGE_URL).map((d) => d.email)).toEqual(['ana@acme.io', 'marcus@acme.io']);
  });

  it('reads the sender from "From: Name <address>" in the header and the copied people from their chips', () => {
    const doc = paneDoc(`<div aria-label="Email message"><div>From: Raj Patel &lt;raj@umbrella.example&gt;</div>
      <div aria-label="Cc recipients">Cc: <span title="mei@umbrella.example">Mei Chen</span></div>
      <div aria-label="Message body">Regards,<br>Raj Patel<br>Procurement Manager<br>Umbrella Ltd</div></div>`);
    expect(extractOutlookThread(doc, MESSAGE_URL)).toEqual([
      expect.objectContaining({ fullName: 'Raj Patel', email: 'raj@umbrella.example', title: 'Procurement Manager', company: 'Umbrella Ltd', confidence: 0.9 }),
      expect.objectContaining({ fullName: 'Mei Chen', email: 'mei@umbrella.example', confidence: 0.5 }),
    ]);
  });

  it('skips automated senders', () => {
    const doc = paneDoc(item(['Microsoft Outlook', 'no-reply@microsoft.com'], 'Your mailbox is almost full.'));
    expect(extractOutlookThread(doc, MESSAGE_URL)).toEqual([]);
  });
});

describe('Outlook: odd pages', () => {
  it('returns [] when nothing is open in the reading pane', () => {
    const { doc, url } = load('inbox-nothing-selected');
    expect(hasOutlookReadingPane(doc)).toBe(false);
    expect(extractOutlookThread(doc, url)).toEqual([]);
  });

  it('returns [] on a page that is not Outlook', () => {
    const doc = paneDoc(item(['Ana Souza', 'ana@acme.io'], 'Hi'));
    expect(extractOutlookThread(doc, new URL('https://example.com/mail/inbox/id/AAQk'))).toEqual([]);
  });

  it('returns [] for an empty document', () => {
    expect(extractOutlookThread(new DOMParser().parseFromString('', 'text/html'), MESSAGE_URL)).toEqual([]);
  });

  it('returns markup-looking names and formula-looking titles as plain text', () => {
    const doc = paneDoc(
      item(['&lt;img src=x onerror=alert(1)&gt;Eve', 'eve@evil.example'], "Hi<br>&lt;img src=x onerror=alert(1)&gt;Eve<br>=cmd|' /C calc'!A0<br>Evil Corp Ltd."),
    );
    expect(extractOutlookThread(doc, MESSAGE_URL)[0]).toMatchObject({
      fullName: '<img src=x onerror=alert(1)>Eve',
      title: "=cmd|' /C calc'!A0",
      company: 'Evil Corp Ltd.',
    });
  });
});

describe('isOutlookThreadUrl and hasOutlookReadingPane', () => {
  it.each([
    'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAHxh%3D',
    'https://outlook.office.com/mail/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAHxh%3D',
    'https://outlook.office365.com/mail/sentitems/id/AAQkAGI2NTdmYTBlLWFhZDAtNDU4Yi1hNjM4%3D',
    'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATZiZmYAZC05ZTYxLTk2NzktMDACLTAwCgAQAKb1%3D',
    'https://outlook.office.com/mail/deeplink/read/AAMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgBGAAAD',
  ])('knows %s is an open message', (href) => {
    expect(isOutlookThreadUrl(new URL(href))).toBe(true);
  });

  it.each([
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/mail/inbox',
    'https://outlook.office.com/calendar/view/week',
    'https://outlook.office.com/mail/inbox/id/',
    'https://example.com/mail/inbox/id/AAQk',
  ])('knows %s is not', (href) => {
    expect(isOutlookThreadUrl(new URL(href))).toBe(false);
  });

  it('sees a message open in the reading pane whatever the URL', () => {
    const { doc } = load('office-reading-pane');
    expect(hasOutlookReadingPane(doc)).toBe(true);
    expect(extractOutlookThread(doc, new URL('https://outlook.office.com/mail/inbox'))).toHaveLength(2);
  });
});
