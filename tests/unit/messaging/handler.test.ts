import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, useFreshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { createMessageHandler } from '@/lib/messaging/handler';
import { getSettings, saveSettings } from '@/lib/db/settings';
import { grantPageCapture, PAGE_GRANT_MS } from '@/lib/db/page-grants';
import { saveOrMergeProspect } from '@/lib/db/leads';

const EXTENSION_ID = 'leadline-test-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
/** The LinkedIn content script in a tab's top frame, as the browser describes it. */
const fromSelf = { id: EXTENSION_ID, url: 'https://www.linkedin.com/in/ana-bell/', frameId: 0, tab: { id: 7 } };
const fromGmail = { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWpk', frameId: 0, tab: { id: 8 } };
const profile = {
  source: 'linkedin',
  fullName: 'Ana Bell',
  title: 'VP Sales',
  company: 'Acme',
  profileUrl: 'https://www.linkedin.com/in/ana-bell/',
  sourceUrl: 'https://www.linkedin.com/in/ana-bell/',
  confidence: 0.9,
};

describe('the background message handler', () => {
  let db: LeadlineDatabase;
  let handle: ReturnType<typeof createMessageHandler>;

  useFreshDatabase((fresh) => (db = fresh));
  beforeEach(() => {
    handle = createMessageHandler({ db, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, now: () => 1_000 });
  });

  it('saves a captured prospect and answers with a summary', async () => {
    const reply = await handle({ type: 'capture.save', drafts: [profile] }, fromSelf);
    expect(reply).toMatchObject({ ok: true, saved: [{ fullName: 'Ana Bell', stage: 'new', status: 'created' }], rejected: [] });
    expect(await db.leads.count()).toBe(1);
  });

  it('looks up a stored profile so the page can say so before any click', async () => {
    await handle({ type: 'capture.save', drafts: [profile] }, fromSelf);
    const reply = await handle({ type: 'capture.lookup', profileUrl: 'https://www.linkedin.com/in/ana-bell' }, fromSelf);
    expect(reply).toMatchObject({ ok: true, lead: { fullName: 'Ana Bell', stage: 'new' } });
  });

  it('refuses a message from another extension', async () => {
    const reply = await handle({ type: 'capture.save', drafts: [profile] }, { id: 'someone-else' });
    expect(reply).toEqual({ ok: false, error: 'Message refused: it did not come from Leadline.' });
    expect(await db.leads.count()).toBe(0);
  });

  it('refuses a message it does not know', async () => {
    expect(await handle({ type: 'leads.deleteAll' }, fromSelf)).toMatchObject({ ok: false });
    expect(await handle('capture.save', fromSelf)).toMatchObject({ ok: false });
  });

  it('reports a draft without a name as rejected and saves nothing', async () => {
    const reply = await handle({ type: 'capture.save', drafts: [{ source: 'linkedin', headline: 'Hello' }] }, fromSelf);
    expect(reply).toEqual({ ok: true, saved: [], rejected: ['A prospect needs at least a name, an email address or a profile URL'] });
    expect(await db.leads.count()).toBe(0);
  });
});

describe('the rep’s own addresses', () => {
  it('are never saved as a lead', async () => {
    const db = freshDatabase();
    await saveSettings(db, { ownAddresses: ['sam.rep@contoso.com'] });
    const handle = createMessageHandler({ db, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, now: () => 1_000 });
    const reply = await handle({ type: 'capture.save', drafts: [{ source: 'gmail', fullName: 'Sam Rep', email: 'Sam.Rep@contoso.com' }] }, fromSelf);
    expect(reply).toEqual({
      ok: true,
      saved: [],
      rejected: ['sam.rep@contoso.com is one of your own addresses (see Settings), so it was not saved'],
    });
    expect(await db.leads.count()).toBe(0);
  });
});

describe('the rep’s default country for phone numbers', () => {
  let db: LeadlineDatabase;
  useFreshDatabase((fresh) => (db = fresh));
  const caller = { source: 'gmail', fullName: 'Anjali Mehta', email: 'anjali@ridgewayhealth.org', phone: '(503) 555-0129' };

  it('follows the browser’s region until the rep picks one', async () => {
    const handle = createMessageHandler({ db, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, now: () => 1_000, locale: 'en-US' });
    await handle({ type: 'capture.save', drafts: [caller] }, fromSelf);
    expect((await db.leads.toArray())[0]).toMatchObject({ phone: '(503) 555-0129', phoneE164: '+15035550129' });
  });

  it('keeps the number as written, with a check for the rep, when neither the page nor the rep says the country', async () => {
    const handle = createMessageHandler({ db, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, now: () => 1_000 });
    await handle({ type: 'capture.save', drafts: [caller] }, fromSelf);
    const [lead] = await db.leads.toArray();
    expect(lead?.phoneE164).toBeUndefined();
    expect(lead?.checks).toEqual(['phoneCountry']);
  });

  it('uses the country the rep chose over the browser’s', async () => {
    await saveSettings(db, { defaultCountry: 'CA' });
    const handle = createMessageHandler({ db, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, now: () => 1_000, locale: 'fr-FR' });
    await handle({ type: 'capture.save', drafts: [{ ...caller, phone: '416-555-0123' }] }, fromSelf);
    expect((await db.leads.toArray())[0]?.phoneE164).toBe('+14165550123');
  });
});

describe('what the background trusts about a capture', () => {
  let db: LeadlineDatabase;
  useFreshDatabase((fresh) => (db = fresh));
  const clock = { now: 10_000 };
  const handler = (extra: Partial<Parameters<typeof createMessageHandler>[0]> = {}) =>
    createMessageHandler({ db, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, now: () => clock.now, ...extra });
  beforeEach(() => {
    clock.now = 10_000;
  });

  it('takes the source from the page the browser says sent it, not from the message', async () => {
    const reply = await handler()({ type: 'capture.save', drafts: [{ ...profile, source: 'linkedin', email: 'ana@acme.io' }] }, fromGmail);
    expect(reply).toMatchObject({ ok: true, saved: [{ status: 'created' }] });
    expect((await db.leads.toArray()).map((lead) => lead.source)).toEqual(['gmail']);
  });

  it('saves from a page outside the supported sites only after the rep pointed Leadline at that tab, as a web capture', async () => {
    const fromShop = { id: EXTENSION_ID, url: 'https://shop.example/team', frameId: 0, tab: { id: 21 } };
    const handle = handler();
    expect(await handle({ type: 'capture.save', drafts: [profile] }, fromShop)).toEqual({
      ok: false,
      error: 'Message refused: Leadline does not accept this from here.',
    });
    await grantPageCapture(db, 21, clock.now);
    expect(await handle({ type: 'capture.save', drafts: [profile] }, fromShop)).toMatchObject({ ok: true, saved: [{ status: 'created' }] });
    expect((await db.leads.toArray()).map((lead) => lead.source)).toEqual(['web']);
  });

  it('stops accepting that tab’s captures when the permission has run out', async () => {
    const fromShop = { id: EXTENSION_ID, url: 'https://shop.example/team', frameId: 0, tab: { id: 21 } };
    await grantPageCapture(db, 21, clock.now);
    clock.now += PAGE_GRANT_MS;
    expect(await handler()({ type: 'capture.save', drafts: [profile] }, fromShop)).toMatchObject({ ok: false });
    expect(await db.leads.count()).toBe(0);
  });

  it('limits saves per tab: a burst saves once, and another tab is not held up', async () => {
    const handle = handler();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => handle({ type: 'capture.save', drafts: [{ ...profile, fullName: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/p${i}/` }] }, fromSelf)),
    );
    expect(burst.filter((reply) => reply.ok)).toHaveLength(1);
    expect(burst.find((reply) => !reply.ok)).toEqual({
      ok: false,
      error: 'Too many saves from this tab in a short time. Wait a moment, then click Save again.',
    });
    expect(await handle({ type: 'capture.save', drafts: [{ ...profile, email: 'x@gmail-sender.example' }] }, fromGmail)).toMatchObject({ ok: true });
    clock.now += 1_000;
    expect(await handle({ type: 'capture.save', drafts: [{ ...profile, fullName: 'Later', profileUrl: 'https://www.linkedin.com/in/later/' }] }, fromSelf)).toMatchObject({
      ok: true,
    });
    expect(await db.leads.count()).toBe(3);
  });

  it('keeps a company page’s website only when it is an http(s) address', async () => {
    await handler()({ type: 'capture.save', drafts: [profile] }, fromSelf);
    const company = { company: 'Acme', website: 'javascript:alert(1)', industry: 'Software', linkedInUrl: 'https://www.linkedin.com/company/acme/' };
    clock.now += 1_000;
    expect(await handler()({ type: 'company.enrich', company }, fromSelf)).toEqual({ ok: true, updated: 1 });
    const [lead] = await db.leads.toArray();
    expect(lead).toMatchObject({ industry: 'Software' });
    expect(lead?.website).toBeUndefined();
  });

  it('opens the side panel while the rep’s click still counts: before anything is awaited', async () => {
    const calls: string[] = [];
    const handle = handler({
      panel: {
        openSidePanel: async (tabId) => void calls.push(`panel ${tabId}`),
        openTab: async (path) => void calls.push(`tab ${path}`),
      },
    });
    const reply = handle({ type: 'panel.open' }, fromSelf);
    expect(calls).toEqual(['panel 7']);
    expect(await reply).toEqual({ ok: true, opened: 'panel' });
  });

  it('opens the lead in a tab where the browser does not let the side panel open', async () => {
    const { lead } = await saveOrMergeProspect(db, { source: 'linkedin', fullName: 'Ana Bell', confidence: 0.9 }, 1);
    const tabs: string[] = [];
    const handle = handler({
      panel: {
        openSidePanel: () => Promise.reject(new Error('sidePanel.open() may only be called in response to a user gesture.')),
        openTab: async (path) => void tabs.push(path),
      },
    });
    expect(await handle({ type: 'panel.open', leadId: lead.id }, fromSelf)).toEqual({ ok: true, opened: 'tab' });
    expect(await handle({ type: 'panel.open', leadId: 'made-up' }, fromSelf)).toEqual({ ok: true, opened: 'tab' });
    expect(await handle({ type: 'panel.open', add: { profileUrl: 'https://www.linkedin.com/in/new/' } }, fromSelf)).toEqual({ ok: true, opened: 'tab' });
    expect(tabs).toEqual([
      `/popup.html#lead=${lead.id}`,
      '/popup.html',
      `/popup.html#add=${encodeURIComponent(JSON.stringify({ profileUrl: 'https://www.linkedin.com/in/new/' }))}`,
    ]);
  });

  it('opens nothing for a sender the policy refuses', async () => {
    const calls: string[] = [];
    const handle = handler({
      panel: { openSidePanel: async () => void calls.push('panel'), openTab: async () => void calls.push('tab') },
    });
    const subFrame = { ...fromSelf, frameId: 3 };
    expect(await handle({ type: 'panel.open' }, subFrame)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });
});

describe('the widget’s own messages', () => {
  let db: LeadlineDatabase;
  useFreshDatabase((fresh) => (db = fresh));
  const handler = (extra: Partial<Parameters<typeof createMessageHandler>[0]> = {}) =>
    createMessageHandler({ db, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, now: () => 1_000, ...extra });

  it('tells the widget the corner the rep chose, bottom left until they choose', async () => {
    expect(await handler()({ type: 'widget.prefs' }, fromGmail)).toEqual({ ok: true, corner: 'bottom-left' });
    await saveSettings(db, { widgetCorner: 'top-right' });
    expect(await handler()({ type: 'widget.prefs' }, fromGmail)).toEqual({ ok: true, corner: 'top-right' });
  });

  it('hides the button on the site the browser says the click came from, and re-syncs the scripts', async () => {
    let synced = 0;
    const reply = await handler({ syncSettings: async () => void synced++ })({ type: 'widget.hide', site: 'linkedin' }, fromGmail);
    expect(reply).toEqual({ ok: true });
    expect(await getSettings(db)).toMatchObject({ showGmailButton: false, showLinkedInButton: true, showOutlookButton: true });
    expect(synced).toBe(1);
  });

  it('refuses "hide" from a page Leadline only read on request', async () => {
    const shop = { id: EXTENSION_ID, url: 'https://shop.example/team', frameId: 0, tab: { id: 9 } };
    await grantPageCapture(db, 9, 1_000);
    expect(await handler()({ type: 'widget.hide' }, shop)).toMatchObject({ ok: false });
    expect(await getSettings(db)).toMatchObject({ showGmailButton: true, showLinkedInButton: true, showOutlookButton: true });
  });
});
