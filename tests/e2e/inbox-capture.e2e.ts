import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, launchWithExtension, openPopup, removeProfile, serveFixture, storedLeads, type Session } from './harness';

function fixtureUrl(relativePath: string): string {
  const match = /<!--\s*url:\s*(\S+)\s*-->/.exec(fixture(relativePath));
  if (!match?.[1]) throw new Error(`${relativePath} does not declare its URL`);
  return match[1];
}

async function open(session: Session, relativePath: string) {
  const url = fixtureUrl(relativePath);
  await serveFixture(session.context, url, relativePath);
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

/** Reads the activity log of every stored lead straight from IndexedDB, through the service worker. */
function storedActivities(session: Session): Promise<Array<{ leadId: string; text: string }>> {
  return session.worker.evaluate(
    () =>
      new Promise<Array<{ leadId: string; text: string }>>((resolve, reject) => {
        const request = indexedDB.open('leadline');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('activities').objectStore('activities').getAll();
          all.onsuccess = () => resolve(all.result as Array<{ leadId: string; text: string }>);
        };
      }),
  );
}

describe('capturing from web inboxes', () => {
  let session: Session;

  beforeEach(async () => {
    session = await launchWithExtension();
  });

  afterEach(async () => {
    await session.close();
    removeProfile(session);
  });

  it('saves a Gmail sender with the signature details and the subject as the first activity', async () => {
    const page = await open(session, 'gmail/thread-reply-with-quote.html');
    const panel = page.locator('leadline-capture');
    await panel.getByRole('button', { name: 'Save lead' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Saved Ana Souza to Leadline');

    const [lead] = await storedLeads(session);
    expect(lead).toMatchObject({
      source: 'gmail',
      fullName: 'Ana Souza',
      email: 'ana.souza@acme.io',
      title: 'VP of Sales',
      company: 'Acme Corp',
      phoneE164: '+14155550142',
      website: 'https://www.acme.io/',
    });
    expect((await storedActivities(session)).map((a) => a.text)).toContain('Email: Re: Pricing for 40 seats');
  });

  it('follows Gmail from the inbox into a thread and lets the rep pick among several people', async () => {
    const inboxUrl = fixtureUrl('gmail/inbox-list.html');
    const threadUrl = fixtureUrl('gmail/thread-multiple-people.html');
    await serveFixture(session.context, inboxUrl, 'gmail/inbox-list.html');
    const page = await session.context.newPage();
    await page.goto(inboxUrl);
    expect(await page.locator('leadline-capture').count()).toBe(0);

    // What Gmail does when a thread opens: the view is re-rendered and the fragment changes.
    const thread = fixture('gmail/thread-multiple-people.html');
    await page.evaluate(
      ({ html, hash }) => {
        const next = new DOMParser().parseFromString(html, 'text/html');
        document.body.replaceWith(document.adoptNode(next.body));
        document.title = next.title;
        location.hash = hash;
      },
      { html: thread, hash: new URL(threadUrl).hash },
    );
    const panel = page.locator('leadline-capture');
    await panel.getByRole('button', { name: 'Save lead' }).click();
    const boxes = panel.getByRole('checkbox');
    expect(await boxes.count()).toBe(4);
    expect(await panel.getByRole('checkbox', { name: /Lena Park/ }).isChecked()).toBe(true);
    await panel.getByRole('checkbox', { name: /Tom Becker/ }).check();
    await panel.getByRole('button', { name: 'Save selected (2)' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('2 saved.');
    expect((await storedLeads(session)).map((lead) => lead.fullName).sort()).toEqual(['Lena Park', 'Tom Becker']);
  });

  it('says a Gmail sender is already in Leadline, with the stage, before any click', async () => {
    const page = await open(session, 'gmail/thread-reply-with-quote.html');
    const panel = page.locator('leadline-capture');
    await panel.getByRole('button', { name: 'Save lead' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Saved' }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Already in Leadline (stage: New)');
  });

  it('saves the sender of an Outlook message and merges a person met again in Gmail', async () => {
    const outlook = await open(session, 'outlook/office-reading-pane.html');
    const outlookPanel = outlook.locator('leadline-capture');
    await outlookPanel.getByRole('button', { name: 'Save lead' }).click();
    await outlookPanel.getByRole('button', { name: /^Save selected/ }).click();
    await expect.poll(() => outlookPanel.getByRole('status').textContent()).toBe('Saved Ana Souza to Leadline');

    const gmail = await open(session, 'gmail/thread-reply-with-quote.html');
    const gmailPanel = gmail.locator('leadline-capture');
    await expect.poll(() => gmailPanel.getByRole('status').textContent()).toBe('Already in Leadline (stage: New)');
    await gmailPanel.getByRole('button', { name: 'Save lead' }).click();
    await expect.poll(() => gmailPanel.getByRole('button', { name: 'Saved' }).count()).toBe(1);

    const leads = await storedLeads(session);
    expect(leads.map((lead) => lead.fullName)).toEqual(['Ana Souza']);
    expect(leads[0]).toMatchObject({ source: 'outlook', email: 'ana.souza@acme.io' });
    const popup = await openPopup(session);
    expect(await popup.getByText('Ana Souza').count()).toBeGreaterThan(0);
  });
});
