import { describe, expect, it } from 'vitest';
import { fixture, fixtureUrl, openFixture, openPopup, serveFixture, storedLeads, storedRows, type Session } from './harness';
import { launchForEachTest } from './fresh-session';

describe('capturing from web inboxes', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('saves a Gmail sender with the signature details and the subject as the first activity', async () => {
    const page = await openFixture(session, 'gmail/thread-reply-with-quote.html');
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
    expect((await storedRows<{ text: string }>(session, 'activities')).map((a) => a.text)).toContain('Email: Re: Pricing for 40 seats');
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
    const page = await openFixture(session, 'gmail/thread-reply-with-quote.html');
    const panel = page.locator('leadline-capture');
    await panel.getByRole('button', { name: 'Save lead' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Saved' }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Already in Leadline (stage: New)');
  });

  it('saves the sender of an Outlook message and merges a person met again in Gmail', async () => {
    const outlook = await openFixture(session, 'outlook/office-reading-pane.html');
    const outlookPanel = outlook.locator('leadline-capture');
    await outlookPanel.getByRole('button', { name: 'Save lead' }).click();
    await outlookPanel.getByRole('button', { name: /^Save selected/ }).click();
    await expect.poll(() => outlookPanel.getByRole('status').textContent()).toBe('Saved Ana Souza to Leadline');

    const gmail = await openFixture(session, 'gmail/thread-reply-with-quote.html');
    const gmailPanel = gmail.locator('leadline-capture');
    await expect.poll(() => gmailPanel.getByRole('status').textContent()).toBe('Already in Leadline (stage: New)');
    await gmailPanel.getByRole('button', { name: 'Save lead' }).click();
    await expect.poll(() => gmailPanel.getByRole('button', { name: 'Saved' }).count()).toBe(1);

    const leads = await storedLeads(session);
    expect(leads.map((lead) => lead.fullName)).toEqual(['Ana Souza']);
    expect(leads[0]).toMatchObject({ source: 'outlook', email: 'ana.souza@acme.io' });
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'All leads' }).click();
    await expect.poll(() => popup.getByRole('button', { name: /Ana Souza/ }).count()).toBe(1);
  });

  it('shows the button in Outlook on outlook.cloud.microsoft and saves the sender picked there', async () => {
    const page = await openFixture(session, 'outlook/cloud-microsoft-reading-pane.html');
    expect(new URL(page.url()).hostname).toBe('outlook.cloud.microsoft');
    const panel = page.locator('leadline-capture');
    await panel.getByRole('button', { name: 'Save lead' }).click();
    // Jonas wrote the message, Lena is copied: the sender starts ticked.
    await expect.poll(() => panel.getByRole('checkbox', { name: /Jonas Weber/ }).isChecked()).toBe(true);
    expect(await panel.getByRole('checkbox', { name: /Lena Hoffmann/ }).isChecked()).toBe(false);
    await panel.getByRole('button', { name: 'Save selected (1)' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Saved Jonas Weber to Leadline');

    const [lead, ...others] = await storedLeads(session);
    expect(others).toEqual([]);
    expect(lead).toMatchObject({
      source: 'outlook',
      fullName: 'Jonas Weber',
      email: 'jonas.weber@nordlicht-logistik.de',
      title: 'Head of Operations',
      company: 'Nordlicht Logistik GmbH',
      phoneE164: '+491705550184',
    });
  });
});

describe('hostile pages', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('captures from a hostile Gmail thread without an error in the page and stores the text as text', async () => {
    const errors: string[] = [];
    session.context.on('weberror', (error) => errors.push(String(error.error())));
    const page = await openFixture(session, 'gmail/thread-hostile.html');
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const panel = page.locator('leadline-capture');
    await panel.getByRole('button', { name: 'Save lead' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Saved' }).count()).toBe(1);
    const [lead] = await storedLeads(session);
    expect(lead?.fullName).toBe('<img src=x onerror=alert(1)>Eve');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
