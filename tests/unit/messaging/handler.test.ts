import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, useFreshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { createMessageHandler } from '@/lib/messaging/handler';
import { saveSettings } from '@/lib/db/settings';

const EXTENSION_ID = 'leadline-test-id';
const fromSelf = { id: EXTENSION_ID };
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
    handle = createMessageHandler({ db, extensionId: EXTENSION_ID, now: () => 1_000 });
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
    const handle = createMessageHandler({ db, extensionId: EXTENSION_ID, now: () => 1_000 });
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
    const handle = createMessageHandler({ db, extensionId: EXTENSION_ID, now: () => 1_000, locale: 'en-US' });
    await handle({ type: 'capture.save', drafts: [caller] }, fromSelf);
    expect((await db.leads.toArray())[0]).toMatchObject({ phone: '(503) 555-0129', phoneE164: '+15035550129' });
  });

  it('keeps the number as written, with a check for the rep, when neither the page nor the rep says the country', async () => {
    const handle = createMessageHandler({ db, extensionId: EXTENSION_ID, now: () => 1_000 });
    await handle({ type: 'capture.save', drafts: [caller] }, fromSelf);
    const [lead] = await db.leads.toArray();
    expect(lead?.phoneE164).toBeUndefined();
    expect(lead?.checks).toEqual(['phoneCountry']);
  });

  it('uses the country the rep chose over the browser’s', async () => {
    await saveSettings(db, { defaultCountry: 'CA' });
    const handle = createMessageHandler({ db, extensionId: EXTENSION_ID, now: () => 1_000, locale: 'fr-FR' });
    await handle({ type: 'capture.save', drafts: [{ ...caller, phone: '416-555-0123' }] }, fromSelf);
    expect((await db.leads.toArray())[0]?.phoneE164).toBe('+14165550123');
  });
});
