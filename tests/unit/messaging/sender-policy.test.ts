import { describe, expect, it } from 'vitest';
import { PROTOCOL, type MessageType } from '@/lib/messaging/protocol';
import { captureSourceOf, checkSender, SENDER_POLICY, type MessageSender, type SenderContext } from '@/lib/messaging/sender-policy';

const ID = 'leadline-id';
const context: SenderContext = {
  extensionId: ID,
  extensionOrigin: `chrome-extension://${ID}`,
  // Tab 40 is where the rep clicked "Capture this page"; no other tab has that permission.
  hasPageGrant: async (tabId) => tabId === 40,
};

/** Senders as the browser describes them (runtime.MessageSender). */
const SENDERS = {
  'LinkedIn content script': { id: ID, url: 'https://www.linkedin.com/in/ana-bell/', frameId: 0, tab: { id: 1 } },
  'Gmail content script': { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWpk', frameId: 0, tab: { id: 2 } },
  'Outlook content script': { id: ID, url: 'https://outlook.office.com/mail/inbox/id/AAQk', frameId: 0, tab: { id: 3 } },
  'a different site': { id: ID, url: 'https://evil.example/in/ana-bell/', frameId: 0, tab: { id: 4 } },
  'the on-demand page capture': { id: ID, url: 'https://shop.example/team', frameId: 0, tab: { id: 40 } },
  'a sub-frame of LinkedIn': { id: ID, url: 'https://www.linkedin.com/in/ana-bell/', frameId: 5, tab: { id: 1 } },
  'a sub-frame of the captured page': { id: ID, url: 'https://shop.example/widget', frameId: 2, tab: { id: 40 } },
  'the popup': { id: ID, url: `chrome-extension://${ID}/popup.html` },
  'the side panel': { id: ID, url: `chrome-extension://${ID}/sidepanel.html` },
  'the full page in a tab': { id: ID, url: `chrome-extension://${ID}/dashboard.html#data`, frameId: 0, tab: { id: 9 } },
  'another extension': { id: 'someone-else', url: 'https://www.linkedin.com/in/ana-bell/', frameId: 0, tab: { id: 1 } },
  'another extension’s page': { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' },
  'a page of another extension claiming our id': { id: ID, url: 'chrome-extension://someone-else/popup.html' },
  'a LinkedIn page over plain http': { id: ID, url: 'http://www.linkedin.com/in/ana-bell/', frameId: 0, tab: { id: 1 } },
} satisfies Record<string, MessageSender>;
type SenderName = keyof typeof SENDERS;

const YES = true;
const NO = false;

/** The whole policy, written out: which sender may send which message. */
const EXPECTED: Record<SenderName, Record<MessageType, boolean>> = {
  'LinkedIn content script': { 'capture.save': YES, 'capture.lookup': YES, 'company.enrich': YES, 'panel.open': YES, 'page.changed': YES, 'widget.prefs': YES, 'widget.hide': YES, 'reminders.sync': NO, 'settings.sync': NO },
  'Gmail content script': { 'capture.save': YES, 'capture.lookup': YES, 'company.enrich': NO, 'panel.open': YES, 'page.changed': YES, 'widget.prefs': YES, 'widget.hide': YES, 'reminders.sync': NO, 'settings.sync': NO },
  'Outlook content script': { 'capture.save': YES, 'capture.lookup': YES, 'company.enrich': NO, 'panel.open': YES, 'page.changed': YES, 'widget.prefs': YES, 'widget.hide': YES, 'reminders.sync': NO, 'settings.sync': NO },
  'a different site': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': NO, 'settings.sync': NO },
  'the on-demand page capture': { 'capture.save': YES, 'capture.lookup': YES, 'company.enrich': NO, 'panel.open': YES, 'page.changed': YES, 'widget.prefs': YES, 'widget.hide': NO, 'reminders.sync': NO, 'settings.sync': NO },
  'a sub-frame of LinkedIn': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': NO, 'settings.sync': NO },
  'a sub-frame of the captured page': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': NO, 'settings.sync': NO },
  'the popup': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': YES, 'settings.sync': YES },
  'the side panel': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': YES, 'settings.sync': YES },
  'the full page in a tab': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': YES, 'settings.sync': YES },
  'another extension': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': NO, 'settings.sync': NO },
  'another extension’s page': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': NO, 'settings.sync': NO },
  'a page of another extension claiming our id': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': NO, 'settings.sync': NO },
  'a LinkedIn page over plain http': { 'capture.save': NO, 'capture.lookup': NO, 'company.enrich': NO, 'panel.open': NO, 'page.changed': NO, 'widget.prefs': NO, 'widget.hide': NO, 'reminders.sync': NO, 'settings.sync': NO },
};

describe('who may send which message to the background', () => {
  it('has a rule for every message type and the table above covers every one', () => {
    expect(Object.keys(SENDER_POLICY).sort()).toEqual(Object.keys(PROTOCOL).sort());
    for (const row of Object.values(EXPECTED)) expect(Object.keys(row).sort()).toEqual(Object.keys(PROTOCOL).sort());
  });

  const cases = (Object.keys(SENDERS) as SenderName[]).flatMap((sender) =>
    (Object.keys(PROTOCOL) as MessageType[]).map((type) => ({ sender, type, allowed: EXPECTED[sender][type] })),
  );

  it.each(cases)('$type from $sender: allowed $allowed', async ({ sender, type, allowed }) => {
    const verdict = await checkSender(type, SENDERS[sender], context);
    expect(verdict.ok).toBe(allowed);
  });

  it('tells another extension only that the message was not from Leadline', async () => {
    expect(await checkSender('capture.save', SENDERS['another extension'], context)).toEqual({
      ok: false,
      error: 'Message refused: it did not come from Leadline.',
    });
  });

  it('says a refused message from Leadline’s own scripts was sent from the wrong place', async () => {
    expect(await checkSender('reminders.sync', SENDERS['LinkedIn content script'], context)).toEqual({
      ok: false,
      error: 'Message refused: Leadline does not accept this from here.',
    });
  });
});

describe('where a capture came from', () => {
  it.each([
    ['https://www.linkedin.com/in/ana-bell/', 'linkedin'],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWpk', 'gmail'],
    ['https://outlook.live.com/mail/0/inbox/id/AAQk', 'outlook'],
    ['https://shop.example/team', 'web'],
    ['https://linkedin.com.evil.example/in/x', 'web'],
    [undefined, 'web'],
  ] as const)('%s is %s', (url, source) => {
    expect(captureSourceOf(url)).toBe(source);
  });
});
