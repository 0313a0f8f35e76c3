import { describe, expect, it } from 'vitest';
import { fixture, fixtureUrl, type Session } from './harness';
import { launchForEachTest } from './fresh-session';

describe('capturing from web inboxes', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('saves a Gmail sender with the signature details and the subject as the first activity, from the thread’s toolbar', async () => {
    const page = await session.openFixture('gmail/thread-reply-with-quote.html');
    // Beside the open thread's toolbar, not the hidden inbox view's (Gmail keeps both in the page).
    await expect
      .poll(() => page.locator('leadline-capture').evaluate((host) => [host.previousElementSibling?.getAttribute('gh'), (host.previousElementSibling?.getClientRects().length ?? 0) > 0]))
      .toEqual(['mtb', true]);
    await page.widget.click('Save lead');
    await expect.poll(() => page.widget.status()).toBe('Saved Ana Souza to Leadline');

    const [lead] = await session.storedRows('leads');
    expect(lead).toMatchObject({
      source: 'gmail',
      fullName: 'Ana Souza',
      email: 'ana.souza@acme.io',
      title: 'VP of Sales',
      company: 'Acme Corp',
      phoneE164: '+14155550142',
      website: 'https://www.acme.io/',
    });
    expect((await session.storedRows<{ text: string }>('activities')).map((a) => a.text)).toContain('Email: Re: Pricing for 40 seats');
  });

  it('follows Gmail from the inbox into a thread and lets the rep pick among several people', async () => {
    const inboxUrl = fixtureUrl('gmail/inbox-list.html');
    const threadUrl = fixtureUrl('gmail/thread-multiple-people.html');
    await session.serveFixture(inboxUrl, 'gmail/inbox-list.html');
    const page = await session.newTab();
    await page.goto(inboxUrl);
    expect(await page.widget.isShown()).toBe(false);

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
    await page.widget.click('Save lead');
    const choices = await page.widget.choices();
    expect(choices).toHaveLength(4);
    expect(choices.find((choice) => choice.label.startsWith('Lena Park'))?.checked).toBe(true);
    await page.widget.check('Tom Becker');
    await page.widget.click('Save selected (2)');
    await expect.poll(() => page.widget.status()).toBe('2 saved.');
    expect((await session.storedRows('leads')).map((lead) => lead.fullName).sort()).toEqual(['Lena Park', 'Tom Becker']);
  });

  it('says a Gmail sender is already in Leadline, with the stage, before any click, inside the widget only; hidden in one Gmail tab, it leaves the others', async () => {
    const page = await session.openFixture('gmail/thread-reply-with-quote.html');
    await page.widget.click('Save lead');
    await expect.poll(() => page.widget.buttons()).toEqual(['Open in Leadline', 'Saved', 'Hide on this site']);
    await page.reload();
    await expect.poll(() => page.widget.description()).toBe('Already in Leadline (stage: New)');
    expect(await page.widget.status()).toBe('');

    const other = await session.openFixture('gmail/thread-reply-with-quote.html');
    await other.widget.click('Hide on this site');
    await expect.poll(() => other.widget.isShown()).toBe(false);
    await expect.poll(() => page.widget.isShown()).toBe(false);
  });

  it('saves the sender of an Outlook message and merges a person met again in Gmail', async () => {
    const outlook = await session.openFixture('outlook/office-reading-pane.html');
    await outlook.widget.click('Save lead');
    await outlook.widget.click('Save selected (1)');
    await expect.poll(() => outlook.widget.status()).toBe('Saved Ana Souza to Leadline');

    const gmail = await session.openFixture('gmail/thread-reply-with-quote.html');
    await expect.poll(() => gmail.widget.description()).toBe('Already in Leadline (stage: New)');
    await gmail.widget.click('Save lead');
    await expect.poll(() => gmail.widget.buttons()).toEqual(['Open in Leadline', 'Saved', 'Hide on this site']);

    const leads = await session.storedRows('leads');
    expect(leads.map((lead) => lead.fullName)).toEqual(['Ana Souza']);
    expect(leads[0]).toMatchObject({ source: 'outlook', email: 'ana.souza@acme.io' });
    const popup = await session.openPopup();
    await popup.getByRole('button', { name: 'All leads' }).click();
    await expect.poll(() => popup.getByRole('button', { name: /Ana Souza/ }).count()).toBe(1);
  });

  it('shows the button in Outlook on outlook.cloud.microsoft and saves the sender picked there', async () => {
    const page = await session.openFixture('outlook/cloud-microsoft-reading-pane.html');
    expect(new URL(page.url()).hostname).toBe('outlook.cloud.microsoft');
    await page.widget.click('Save lead');
    // Jonas wrote the message, Lena is copied: the sender starts ticked.
    await expect.poll(() => page.widget.choices()).toEqual([
      { label: expect.stringMatching(/^Jonas Weber/), checked: true },
      { label: expect.stringMatching(/^Lena Hoffmann/), checked: false },
    ]);
    await page.widget.click('Save selected (1)');
    await expect.poll(() => page.widget.status()).toBe('Saved Jonas Weber to Leadline');

    const [lead, ...others] = await session.storedRows('leads');
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
    const page = await session.openFixture('gmail/thread-hostile.html');
    // The fixture's own inline script alerts while it loads; only what happens from here on counts.
    const [errorsBefore, dialogsBefore] = [page.errors.length, page.dialogs.length];
    await page.widget.click('Save lead');
    await expect.poll(() => page.widget.buttons()).toEqual(['Open in Leadline', 'Saved', 'Hide on this site']);
    const [lead] = await session.storedRows('leads');
    expect(lead?.fullName).toBe('<img src=x onerror=alert(1)>Eve');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.widget.countInside('img, script')).toBe(0);
    expect([...page.errors.slice(errorsBefore), ...page.dialogs.slice(dialogsBefore)]).toEqual([]);
  });
});
