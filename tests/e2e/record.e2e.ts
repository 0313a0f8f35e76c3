import { describe, expect, it } from 'vitest';
import type { ChromiumSession } from './drivers/chromium';
import { fixture, fixtureUrl, type Session, type Tab } from './harness';
import { launchForEachTest } from './fresh-session';

const MARIA_URL = fixtureUrl('linkedin/profile-2025.html');
const MARIA = 'María José García-López';
const JAN_URL = fixtureUrl('linkedin/profile-2021.html');

/** María's profile after a job change: the same page with another title in her experience. */
const mariaPromoted = () => fixture('linkedin/profile-2025.html').replaceAll('<!---->Head of Growth<!---->', '<!---->VP Growth<!---->');

/** A page as a hostile site serves it: it records every message posted to it from the very start. */
const recordingMessages = (html: string) =>
  html.replace(
    '<head>',
    `<head><script>window.leadlineMessages = []; addEventListener('message', (event) => window.leadlineMessages.push(event.data));</script>`,
  );

type Lead = Record<string, unknown> & { id: string; fullName: string };

async function saveWithRealClick(page: Tab): Promise<void> {
  await page.widget.click('Save lead');
  await expect.poll(() => page.widget.buttons()).toEqual(['Open in Leadline', 'Saved', 'Hide on this site']);
}

/** Opens a lead's detail in the popup, through All leads, as a rep would. */
async function openLeadInPopup(session: Session, name: string): Promise<Tab> {
  const popup = await session.openPopup();
  await popup.getByRole('button', { name: 'All leads' }).click();
  await popup.getByRole('button', { name: new RegExp(name) }).click();
  await expect.poll(() => popup.getByRole('heading', { name }).count()).toBe(1);
  return popup;
}

const leads = (session: Session) => session.storedRows<Lead>('leads');

function reminderAlarms(session: Session): Promise<string[]> {
  return session.inExtension(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return (await api.alarms.getAll()).map((alarm: { name: string }) => alarm.name).filter((name: string) => name.startsWith('leadline-reminder:'));
  });
}

/** Firefox: Leadline's pages open in tabs and in the sidebar, read from inside the extension (browser.extension.getViews). */
function firefoxViews(session: Session, type: 'tab' | 'sidebar') {
  return session.inExtension(
    (kind) =>
      (globalThis as any).browser.extension.getViews({ type: kind }).map((view: Window) => ({
        url: view.location.href,
        headings: [...view.document.querySelectorAll('h2')].map((h) => h.textContent),
        text: view.document.body.innerText,
      })) as Array<{ url: string; headings: string[]; text: string }>,
    type,
  );
}

describe('the rep owns the record', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('keeps a title the rep edited when the profile is captured again with another, and proposes the new one', async () => {
    const page = await session.openFixture('linkedin/profile-2025.html');
    await saveWithRealClick(page);
    const [captured] = await leads(session);
    expect(captured).toMatchObject({ title: 'Head of Growth' });

    const popup = await openLeadInPopup(session, MARIA);
    await popup.getByText('Contact details').click();
    await popup.getByRole('button', { name: 'Edit title' }).click();
    await popup.getByLabel('Title', { exact: true }).fill('Head of Growth, EMEA');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => popup.getByText('Title saved.').count()).toBe(1);

    // LinkedIn now shows her new job.
    await session.serveHtml(MARIA_URL, mariaPromoted());
    await page.reload();
    await saveWithRealClick(page);
    await expect.poll(() => page.widget.status()).toBe(`This page shows a change for ${MARIA}: review in Leadline.`);

    const [lead, ...others] = await leads(session);
    expect(others).toEqual([]);
    expect(lead).toMatchObject({ id: captured!.id, title: 'Head of Growth, EMEA', editedFields: ['title'] });
    expect(lead!.proposals).toMatchObject([{ field: 'title', value: 'VP Growth', source: 'linkedin' }]);

    const proposal = popup.getByRole('group', { name: 'Title: LinkedIn now says: VP Growth (was Head of Growth, EMEA)' });
    await expect.poll(() => proposal.count()).toBe(1);
    // A job change is a reason to call: Today lists it too.
    const today = await session.openPopup();
    await expect.poll(() => today.getByRole('list', { name: 'Job changes' }).getByText('LinkedIn now says: VP Growth (was Head of Growth, EMEA)').count()).toBe(1);

    await proposal.getByRole('button', { name: 'Keep' }).click();
    await expect.poll(() => proposal.count()).toBe(0);
    const [kept] = await leads(session);
    expect(kept).toMatchObject({ title: 'Head of Growth, EMEA' });
    expect(kept!.proposals).toBeUndefined();
    const log = (await session.storedRows<{ text: string }>('activities')).map((a) => a.text);
    expect(log).toEqual(
      expect.arrayContaining([
        'Edited title: Head of Growth, EMEA (was Head of Growth)',
        'LinkedIn now says title: VP Growth (was Head of Growth, EMEA)',
        'Kept title Head of Growth, EMEA; LinkedIn said VP Growth',
      ]),
    );
  });

  it('lets no page script save through the widget or read what is stored, not even its stage from the widget’s size', async () => {
    await session.serveHtml(MARIA_URL, recordingMessages(fixture('linkedin/profile-2025.html')));
    await session.serveHtml(JAN_URL, recordingMessages(fixture('linkedin/profile-2021.html')));
    const maria = await session.newTab();
    await maria.goto(MARIA_URL);
    await saveWithRealClick(maria);
    const popup = await openLeadInPopup(session, MARIA);
    await popup.getByRole('combobox', { name: 'Stage' }).selectOption('nurturing');
    await expect.poll(async () => (await leads(session))[0]?.stage).toBe('nurturing');

    await maria.reload();
    await expect.poll(() => maria.widget.description()).toBe('Already in Leadline (stage: Nurturing)');
    const jan = await session.newTab();
    await jan.goto(JAN_URL);
    await expect.poll(() => jan.widget.buttons()).toEqual(['Save lead', 'Hide on this site']);
    const activitiesBefore = (await session.storedRows('activities')).length;

    // The host may be a 0×0 anchor with the button drawn from inside the closed root: what a page can
    // still measure is where hit-testing lands on the host. It brings the host to the middle of the window
    // (so nothing is cut off by its edges), then probes: a coarse pass over the window, then every pixel.
    const hitBox = () => {
      const host = document.querySelector('leadline-capture')!;
      host.scrollIntoView({ block: 'center', inline: 'center' });
      const scan = (x0: number, x1: number, y0: number, y1: number, step: number) => {
        const hits = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
        for (let x = Math.max(0, x0); x <= Math.min(innerWidth - 1, x1); x += step) {
          for (let y = Math.max(0, y0); y <= Math.min(innerHeight - 1, y1); y += step) {
            if (document.elementFromPoint(x, y) !== host) continue;
            hits.left = Math.min(hits.left, x);
            hits.right = Math.max(hits.right, x);
            hits.top = Math.min(hits.top, y);
            hits.bottom = Math.max(hits.bottom, y);
          }
        }
        return hits;
      };
      const coarse = scan(0, innerWidth, 0, innerHeight, 4);
      if (coarse.right < coarse.left) return 'none';
      const fine = scan(coarse.left - 4, coarse.right + 4, coarse.top - 4, coarse.bottom + 4, 1);
      return `${fine.right - fine.left + 1}x${fine.bottom - fine.top + 1}`;
    };
    const janUnsaved = await jan.evaluate(hitBox, undefined);
    expect(janUnsaved).not.toBe('none');

    // A hostile page's script tries everything it can reach from the page.
    const attack = () =>
      (async () => {
        const host = document.querySelector('leadline-capture') as HTMLElement;
        const box = host.getBoundingClientRect();
        const seen = {
          shadowRoot: host.shadowRoot === null ? 'closed' : 'open',
          text: host.innerText + host.textContent + host.outerHTML,
          size: `${Math.round(box.width)}x${Math.round(box.height)}`,
          title: host.title,
          messages: JSON.stringify((window as unknown as { leadlineMessages: unknown[] }).leadlineMessages),
        };
        // Clicks and keys it can make: on the host, at the button's place (floating in a corner, or
        // opening from the host beside the profile's actions), and every kind of event.
        const points = [
          [box.right - 20, box.bottom - 10],
          [box.left + 20, box.top + 10],
        ];
        for (let i = 0; i < 30; i++) {
          host.click();
          for (const [x, y] of points) {
            const target = document.elementFromPoint(x!, y!) as HTMLElement | null;
            if (!target) continue;
            target.click();
            for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
              target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
            }
          }
          host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
          host.dispatchEvent(new KeyboardEvent('keyup', { key: ' ', bubbles: true, composed: true }));
        }
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return seen;
      })();
    const onStored = await maria.evaluate(attack, undefined);
    const onNew = await jan.evaluate(attack, undefined);

    expect(onStored.shadowRoot).toBe('closed');
    expect(onStored.text).not.toMatch(/Nurturing|Already|stage/i);
    expect(onStored.title).toBe('');
    // The stored profile's widget is exactly as big as a stranger's: its size says nothing either.
    expect(onStored.size).toBe(onNew.size);
    // Nothing announced the content script to the page.
    expect(onStored.messages).not.toMatch(/wxt|content-script-started/i);
    expect(onNew.messages).not.toMatch(/wxt|content-script-started/i);
    expect(await jan.widget.buttons()).toEqual(['Save lead', 'Hide on this site']);
    expect((await leads(session)).map((lead) => lead.fullName)).toEqual([MARIA]);
    expect(await session.storedRows('activities')).toHaveLength(activitiesBefore);

    // WXT stops a content script when a newer copy announces itself with a document event whose name is
    // public (the extension's id, the entry point): a page that forges it must not take the button away.
    const extensionId = await session.inExtension(() => ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.id as string);
    await jan.evaluate((started) => {
      document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'linkedin', messageId: 'forged' } }));
    }, `${extensionId}:linkedin:wxt:content-script-started`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await jan.widget.buttons()).toEqual(['Save lead', 'Hide on this site']);

    // The rep's own click still works.
    await saveWithRealClick(jan);
    expect((await leads(session)).map((lead) => lead.fullName).sort()).toEqual(['Jan van der Berg', MARIA]);


    // On the same page, a stored person's widget is hit-tested over exactly the area a stranger's is.
    await jan.reload();
    await expect.poll(() => jan.widget.description()).toMatch(/^Already in Leadline/);
    expect(await jan.evaluate(hitBox, undefined)).toBe(janUnsaved);
  });

  it('deletes a lead with its reminders and alarms, and Undo, in a popup opened again, brings it back exactly', async () => {
    const page = await session.openFixture('linkedin/profile-2025.html');
    await saveWithRealClick(page);
    const popup = await openLeadInPopup(session, MARIA);
    await popup.getByRole('button', { name: /^Tomorrow/ }).click();
    await expect.poll(async () => (await session.storedRows('reminders')).length).toBe(1);
    await expect.poll(() => reminderAlarms(session)).toHaveLength(1);
    await popup.getByRole('combobox', { name: 'Stage' }).selectOption('contacted');
    await expect.poll(async () => (await leads(session))[0]?.stage).toBe('contacted');
    const before = {
      leads: await leads(session),
      activities: await session.storedRows('activities'),
      reminders: await session.storedRows('reminders'),
    };

    await popup.getByRole('button', { name: 'Delete lead' }).click();
    await expect.poll(() => popup.getByText(`Deleted ${MARIA}.`).count()).toBe(1);
    expect(await leads(session)).toEqual([]);
    expect(await session.storedRows('activities')).toEqual([]);
    expect(await session.storedRows('reminders')).toEqual([]);
    await expect.poll(() => reminderAlarms(session)).toEqual([]);

    // The popup the rep opens next has nothing in memory: the undo comes from the database.
    const reopened = await session.openPopup();
    const undoBar = reopened.getByRole('region', { name: 'Undo' });
    await expect.poll(() => undoBar.getByText(`Deleted ${MARIA}.`).count()).toBe(1);
    // Let the popup finish drawing what it shows with no lead (the getting-started guide pushes the undo
    // bar down as it arrives), as a rep's eye would, before clicking where Undo is.
    await expect.poll(() => reopened.getByRole('heading', { name: 'No leads yet' }).count()).toBe(1);
    await undoBar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => reopened.getByRole('heading', { name: MARIA }).count()).toBe(1);
    await expect.poll(() => undoBar.getByRole('status').textContent()).toBe(`Restored ${MARIA}.`);

    expect(await leads(session)).toEqual(before.leads);
    expect(await session.storedRows('activities')).toEqual(before.activities);
    expect(await session.storedRows('reminders')).toEqual(before.reminders);
    await expect.poll(() => reminderAlarms(session)).toHaveLength(1);
    expect(await reopened.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('contacted');
  });

  it('"Open in Leadline" after Saved opens the lead beside the page: the side panel in Chromium, following the page', async () => {
    const page = await session.openFixture('linkedin/profile-2025.html');
    await saveWithRealClick(page);
    await page.widget.click('Open in Leadline');
    const [maria] = await leads(session);

    if (session.browserName === 'firefox') {
      // Firefox lets an extension open its sidebar only from its own buttons, not from a page's: the lead opens in a tab.
      await expect.poll(async () => (await firefoxViews(session, 'tab')).find((view) => view.url.endsWith(`#lead=${maria!.id}`))?.headings).toContain(MARIA);
      return;
    }

    const panel = await (session as ChromiumSession).sidePanel();
    await expect.poll(() => panel.getByRole('heading', { name: MARIA }).count()).toBe(1);
    // Laid out for work: in a panel no bigger than 400×600 the checklist is in view without scrolling.
    const view = await panel.evaluate(() => ({ width: innerWidth, height: innerHeight, scrolled: document.scrollingElement?.scrollTop ?? 0 }), undefined);
    expect(view.width).toBeLessThanOrEqual(400);
    expect(view.height).toBeLessThanOrEqual(600);
    expect(view.scrolled).toBe(0);
    const checklist = await panel.getByRole('heading', { name: 'BANT checklist' }).boundingBox();
    expect(checklist).not.toBeNull();
    expect(checklist!.y + checklist!.height).toBeLessThanOrEqual(view.height);

    // The rep answers a criterion beside the page; the page goes on to someone not yet saved.
    await panel.getByRole('group', { name: 'Budget' }).getByRole('radio', { name: 'Met', exact: true }).click();
    await expect.poll(async () => (await leads(session))[0]?.checklist).toMatchObject({ answers: { budget: { status: 'met' } } });
    await page.evaluate(
      ({ html, url }) => {
        const next = new DOMParser().parseFromString(html, 'text/html');
        document.body.replaceWith(document.adoptNode(next.body));
        document.title = next.title;
        history.pushState({}, '', url);
      },
      { html: fixture('linkedin/profile-2021.html'), url: JAN_URL },
    );
    await expect.poll(() => panel.getByRole('button', { name: 'All leads' }).count()).toBe(1);
    expect(await panel.getByRole('heading', { name: MARIA }).count()).toBe(0);

    // Saved there, Jan's lead follows into the panel by itself.
    await saveWithRealClick(page);
    await expect.poll(() => panel.getByRole('heading', { name: 'Jan van der Berg' }).count()).toBe(1);
  });

  it('offers "Open side panel" in the popup, and "Add manually" where a page shows no prospect', async () => {
    const page = await session.openFixture('linkedin/profile-loading-shell.html');
    const popup = await session.pressToolbarButton(page);
    await popup.click('Open side panel');

    await page.widget.click('Save lead');
    await expect.poll(() => page.widget.alert()).toBe('No prospect found on this page.');
    await page.widget.click('Add manually');

    if (session.browserName === 'firefox') {
      // The sidebar opened from the popup's button; it follows the page and shows the form, filled in.
      await expect.poll(async () => (await firefoxViews(session, 'sidebar'))[0]?.headings).toContain('Add a lead');
      const [sidebar] = await firefoxViews(session, 'sidebar');
      expect(sidebar!.url).toMatch(/\/sidepanel\.html$/);
      return;
    }

    const panel = await (session as ChromiumSession).sidePanel();
    await expect.poll(() => panel.getByRole('heading', { name: 'Add a lead' }).count()).toBe(1);
    expect(await panel.getByLabel('Profile URL').inputValue()).toBe('https://www.linkedin.com/in/priya-raman-4b21a9/');
    await panel.getByLabel('Name (required)').fill('Priya Raman');
    await panel.getByLabel('Email').fill('priya@');
    await panel.getByRole('button', { name: 'Add lead' }).click();
    await expect.poll(() => panel.getByText('"priya@" is not an email address. Write it like ana@acme.com.').count()).toBe(1);
    expect(await leads(session)).toEqual([]);
    await panel.getByLabel('Email').fill('priya@northwind.example');
    await panel.getByRole('button', { name: 'Add lead' }).click();
    await expect.poll(() => panel.getByRole('heading', { name: 'Priya Raman' }).count()).toBe(1);
    expect(await leads(session)).toMatchObject([
      {
        fullName: 'Priya Raman',
        source: 'manual',
        email: 'priya@northwind.example',
        profileUrl: 'https://www.linkedin.com/in/priya-raman-4b21a9/',
        sourceUrl: 'https://www.linkedin.com/in/priya-raman-4b21a9/',
      },
    ]);
  });
});
