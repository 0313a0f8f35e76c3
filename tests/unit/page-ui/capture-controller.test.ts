import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureSite } from '@/lib/capture/site';
import { startCapture, type CaptureDeps, type Listen } from '@/lib/page-ui/capture-controller';
import { HOST_TAG, type SaveButton } from '@/lib/page-ui/save-button';
import { showResultChecks } from '@/lib/page-ui/result-checks';
import type { Message, PageState } from '@/lib/messaging/protocol';
import { inBrowserLanguage } from '../../locale-messages';

const site: CaptureSite = {
  isTarget: (url) => url.pathname.startsWith('/in/'),
  lookupKeys: (url) => ({ profileUrl: url.href }),
  extract: (doc, url) => {
    const name = doc.querySelector('h1')?.textContent?.trim();
    const title = doc.querySelector('h2')?.textContent?.trim();
    if (!name) return [];
    return [{ source: 'linkedin', fullName: name, ...(title === 'only a name' ? {} : { profileUrl: url.href }) }];
  },
  offer: (_doc, url) => ({ profileUrl: url.href }),
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The widget as Leadline's own code sees it: its closed root (the page gets null). happy-dom has no
 * trusted events, so most tests count every click as the rep's; the tests about page scripts use the
 * browser's own `isTrusted`.
 */
function start(captureSite: CaptureSite, deps: Omit<CaptureDeps, 'win' | 'onWidget'> & { repClicks?: boolean }) {
  let widget: SaveButton | undefined;
  const { repClicks = true, ...rest } = deps;
  const stop = startCapture(captureSite, {
    win: window,
    ...rest,
    ...(repClicks ? { trusted: () => true } : {}),
    onWidget: (mounted) => (widget = mounted),
  });
  const root = () => widget?.root;
  const button = (name: string) => [...(root()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name && !b.hidden);
  return {
    stop,
    root,
    button,
    /** What a screen reader hears: the status announcer, or the alert. */
    status: () => (root()?.querySelector('[role="alert"]') ?? root()?.querySelector('[role="status"]'))?.textContent ?? '',
    /** What the button's description says (inside the closed root only). */
    description: () => {
      const save = root()?.querySelector('.actions button.save');
      const id = save?.getAttribute('aria-describedby');
      return id ? (root()?.getElementById(id)?.textContent ?? '') : '';
    },
  };
}

const summary = (fullName: string, status: string, extra: object = {}) => ({ id: '1', fullName, stage: 'new', stageLabel: 'New', status, ...extra });

describe('the in-page capture button', () => {
  let stop: (() => void) | undefined;

  afterEach(() => {
    stop?.();
    stop = undefined;
    document.body.innerHTML = '';
    history.replaceState({}, '', '/');
  });

  it('appears only on target pages, in a closed shadow root the page cannot open', async () => {
    history.replaceState({}, '', '/feed/');
    const widget = start(site, { send: vi.fn().mockResolvedValue({ ok: true, lead: null }) });
    stop = widget.stop;
    expect(document.querySelector(HOST_TAG)).toBeNull();

    history.pushState({}, '', '/in/ana-bell/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    const host = document.querySelector(HOST_TAG)!;
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
    expect(widget.button('Save lead')).toBeTruthy();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('ignores clicks a page script makes: .click() and dispatched events save nothing', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    document.body.innerHTML = '<h1>Ana Bell</h1>';
    const send = vi.fn().mockResolvedValue({ ok: true, lead: null });
    const widget = start(site, { send, repClicks: false });
    stop = widget.stop;
    const save = widget.button('Save lead')!;

    save.click();
    save.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.querySelector(HOST_TAG)!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await flush();

    expect(send).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'capture.save' }));
    expect(save.textContent).toBe('Save lead');
  });

  it('marks a stored profile before any click inside the closed root only, without a word the page could read', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const send = vi.fn(async (message: Message) =>
      message.type === 'capture.lookup' ? { ok: true, lead: { id: '1', fullName: 'Ana Bell', stage: 'nurturing', stageLabel: 'Nurturing' } } : { ok: true },
    );
    const widget = start(site, { send });
    stop = widget.stop;
    await flush();
    expect(send).toHaveBeenCalledWith({ type: 'capture.lookup', profileUrl: 'http://localhost:3000/in/ana-bell/' });
    expect(widget.description()).toBe('Already in Leadline (stage: Nurturing)');
    expect(widget.root()?.querySelector('.mark')?.classList.contains('known')).toBe(true);
    // Nothing that takes space says it: no status box is shown before the rep clicks.
    expect((widget.root()?.querySelector('.status') as HTMLElement).hidden).toBe(true);
    const host = document.querySelector(HOST_TAG)!;
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
    expect(host.getAttributeNames()).toEqual([]);
  });

  it('sends what it extracted and then says Saved, offering to open the lead', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    document.body.innerHTML = '<h1>Ana Bell</h1>';
    const sent: Message[] = [];
    const send = vi.fn(async (message: Message) => {
      sent.push(message);
      if (message.type === 'capture.lookup') return { ok: true, lead: null };
      if (message.type === 'capture.save') return { ok: true, saved: [summary('Ana Bell', 'created')], rejected: [] };
      return { ok: true };
    });
    const widget = start(site, { send });
    stop = widget.stop;
    widget.button('Save lead')!.click();
    await flush();
    expect(sent.find((m) => m.type === 'capture.save')).toEqual({
      type: 'capture.save',
      drafts: [{ source: 'linkedin', fullName: 'Ana Bell', profileUrl: 'http://localhost:3000/in/ana-bell/' }],
    });
    expect(widget.button('Saved')?.disabled).toBe(true);
    expect(widget.status()).toBe('Saved Ana Bell to Leadline');
    expect(widget.button('Open in Leadline')).toBeTruthy();
  });

  it('says when a save found changes to review rather than writing them', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    document.body.innerHTML = '<h1>Ana Bell</h1>';
    const send = vi.fn(async (message: Message) =>
      message.type === 'capture.save'
        ? { ok: true, saved: [summary('Ana Bell', 'merged', { proposed: 1 })], rejected: [] }
        : { ok: true, lead: null },
    );
    const widget = start(site, { send });
    stop = widget.stop;
    widget.button('Save lead')!.click();
    await flush();
    expect(widget.status()).toBe('This page shows a change for Ana Bell: review in Leadline.');
  });

  it('"Open in Leadline" asks the background to open the side panel on the lead just saved, and tells the panel', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    document.body.innerHTML = '<h1>Ana Bell</h1>';
    const sent: Message[] = [];
    const send = vi.fn(async (message: Message) => {
      sent.push(message);
      if (message.type === 'capture.save') return { ok: true, saved: [{ ...summary('Ana Bell', 'created'), id: 'lead-9' }], rejected: [] };
      if (message.type === 'panel.open') return { ok: true, opened: 'panel' };
      return { ok: true, lead: null };
    });
    let answer: Parameters<Listen>[0] | undefined;
    const listen: Listen = (handler) => {
      answer = handler;
      return () => (answer = undefined);
    };
    const widget = start(site, { send, listen });
    stop = widget.stop;
    widget.button('Save lead')!.click();
    await flush();
    widget.button('Open in Leadline')!.click();
    await flush();

    expect(sent.filter((m) => m.type === 'panel.open')).toEqual([{ type: 'panel.open', leadId: 'lead-9' }]);
    const state: PageState | undefined = answer?.({ type: 'page.state' });
    expect(state).toEqual({ keys: { profileUrl: 'http://localhost:3000/in/ana-bell/' }, leadId: 'lead-9' });
    expect(answer?.({ type: 'something else' })).toBeUndefined();
  });

  it('says it found only a name, and offers to add the person by hand starting from it, instead of saving a bare name', async () => {
    history.replaceState({}, '', '/in/hannah-brandt/');
    document.body.innerHTML = '<h1>Hannah Brandt</h1><h2>only a name</h2>';
    const sent: Message[] = [];
    const send = vi.fn(async (message: Message) => {
      sent.push(message);
      return message.type === 'panel.open' ? { ok: true, opened: 'panel' } : { ok: true, lead: null };
    });
    const widget = start(site, { send });
    stop = widget.stop;
    widget.button('Save lead')!.click();
    await flush();
    expect(widget.status()).toBe('Found only a name on this page: Hannah Brandt.');
    expect(widget.root()?.querySelector('[role="alert"]')).toBeNull();
    expect(widget.root()?.querySelector('.hint')?.textContent).toContain('press Alt+Shift+L');

    widget.button('Add manually')!.click();
    await flush();
    expect(sent.filter((m) => m.type === 'panel.open')).toEqual([
      {
        type: 'panel.open',
        add: { fullName: 'Hannah Brandt', profileUrl: 'http://localhost:3000/in/hannah-brandt/', sourceUrl: 'http://localhost:3000/in/hannah-brandt/' },
      },
    ]);
    expect(sent.some((m) => m.type === 'capture.save')).toBe(false);
  });

  it('says no prospect was found, sends nothing, and offers to add one by hand from what the page offers', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const sent: Message[] = [];
    const send = vi.fn(async (message: Message) => {
      sent.push(message);
      return message.type === 'panel.open' ? { ok: true, opened: 'panel' } : { ok: true, lead: null };
    });
    let answer: Parameters<Listen>[0] | undefined;
    const widget = start(site, { send, listen: (handler) => ((answer = handler), () => undefined) });
    stop = widget.stop;
    widget.button('Save lead')!.click();
    await flush();
    expect(widget.status()).toBe('No prospect found on this page.');
    expect(widget.root()?.querySelector('.status')?.getAttribute('role')).toBe('alert');
    expect(widget.root()?.querySelector('.hint')?.textContent).toBe('Select the person’s details on the page and press Alt+Shift+L, or add them by hand.');
    expect(sent.some((m) => m.type === 'capture.save')).toBe(false);

    widget.button('Add manually')!.click();
    await flush();
    const add = { sourceUrl: 'http://localhost:3000/in/ana-bell/', profileUrl: 'http://localhost:3000/in/ana-bell/' };
    expect(sent.filter((m) => m.type === 'panel.open')).toEqual([{ type: 'panel.open', add }]);
    expect(answer?.({ type: 'page.state' })).toMatchObject({ add });
  });

  it('shows the background’s readable error when saving fails', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    document.body.innerHTML = '<h1>Ana Bell</h1>';
    const send = vi.fn(async (message: Message) =>
      message.type === 'capture.save' ? { ok: false, error: 'Your browser is out of storage space for Leadline.' } : { ok: true, lead: null },
    );
    const widget = start(site, { send });
    stop = widget.stop;
    widget.button('Save lead')!.click();
    await flush();
    expect(widget.status()).toBe('Your browser is out of storage space for Leadline.');
    expect(widget.button('Save lead')).toBeTruthy();
  });

  it('shows page text as text, never as markup', async () => {
    history.replaceState({}, '', '/in/eve/');
    document.body.innerHTML = '<h1>&lt;img src=x onerror=alert(1)&gt;Eve</h1>';
    const send = vi.fn(async (message: Message) =>
      message.type === 'capture.save' ? { ok: true, saved: [summary('<img src=x onerror=alert(1)>Eve', 'created')], rejected: [] } : { ok: true, lead: null },
    );
    const widget = start(site, { send });
    stop = widget.stop;
    widget.button('Save lead')!.click();
    await flush();
    expect(widget.status()).toBe('Saved <img src=x onerror=alert(1)>Eve to Leadline');
    expect(widget.root()?.querySelector('img')).toBeNull();
  });

  it('offers a pick list when the page shows several people and saves only those ticked', async () => {
    history.replaceState({}, '', '/in/team/');
    const team: CaptureSite = {
      ...site,
      extract: () => [
        { source: 'web', fullName: 'Ana Bell', email: 'ana@acme.io', title: 'CTO', company: 'Acme' },
        { source: 'web', fullName: 'Bo Chen', email: 'bo@acme.io' },
        { source: 'web', fullName: 'Cy Diaz', email: 'cy@acme.io' },
      ],
    };
    const sent: Message[] = [];
    const send = vi.fn(async (message: Message) => {
      sent.push(message);
      if (message.type === 'capture.lookup') {
        return { ok: true, lead: message.email === 'bo@acme.io' ? { id: '2', fullName: 'Bo Chen', stage: 'contacted', stageLabel: 'Contacted' } : null };
      }
      if (message.type === 'capture.save') return { ok: true, saved: [summary('Ana Bell', 'created'), summary('Cy Diaz', 'created')], rejected: [] };
      return { ok: true };
    });
    const widget = start(team, { send });
    stop = widget.stop;
    widget.button('Save lead')!.click();
    await flush();
    const root = widget.root()!;
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]);
    // Bo is stored: said inside the closed root (his mark and his checkbox's name), in no box that takes space.
    const bo = boxes[1]!.closest('label')!;
    expect(bo.textContent).toContain('Already in Leadline (stage: Contacted)');
    expect(bo.querySelector('.mark')?.classList.contains('known')).toBe(true);
    expect(boxes[0]!.closest('label')!.querySelector('.mark')?.classList.contains('known')).toBe(false);

    boxes[2]!.click();
    const saveSelected = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Save selected'));
    expect(saveSelected?.textContent).toBe('Save selected (2)');
    saveSelected!.click();
    await flush();
    expect(sent.find((m) => m.type === 'capture.save')).toEqual({
      type: 'capture.save',
      drafts: [
        { source: 'web', fullName: 'Ana Bell', email: 'ana@acme.io', title: 'CTO', company: 'Acme' },
        { source: 'web', fullName: 'Cy Diaz', email: 'cy@acme.io' },
      ],
    });
    expect(widget.status()).toBe('2 saved.');
  });

  it('tells an open side panel when the page moves on to someone else', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const send = vi.fn().mockResolvedValue({ ok: true, lead: null });
    const widget = start(site, { send });
    stop = widget.stop;
    await flush();
    send.mockClear();
    history.pushState({}, '', '/in/bo-chen/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await flush();
    expect(send).toHaveBeenCalledWith({ type: 'page.changed' });
  });

  it('sits right after the page’s own actions when the site finds them, beside them and not over the page', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    document.body.innerHTML = '<main><section><h1>Ana Bell</h1><div><button>Message</button><button aria-label="More actions">More</button></div></section></main>';
    const more = () => document.querySelector('[aria-label="More actions"]');
    const widget = start({ ...site, anchor: () => more() }, { send: vi.fn().mockResolvedValue({ ok: true, lead: null }) });
    stop = widget.stop;
    await flush();
    const host = document.querySelector(HOST_TAG)!;
    expect(host.previousElementSibling).toBe(more());
    expect(host.getAttributeNames()).toEqual([]);
    expect(widget.root()!.querySelector('.panel')!.classList.contains('inline')).toBe(true);
  });

  it('floats in the corner the rep chose when the page has nothing to sit beside, and moves there when it loses it', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    document.body.innerHTML = '<section><button aria-label="More actions">More</button></section>';
    const send = vi.fn(async (message: Message) => (message.type === 'widget.prefs' ? { ok: true, corner: 'top-right' } : { ok: true, lead: null }));
    const widget = start({ ...site, anchor: (doc) => doc.querySelector('[aria-label="More actions"]') }, { send });
    stop = widget.stop;
    await flush();
    const panel = () => widget.root()!.querySelector('.panel')!;
    expect(panel().classList.contains('inline')).toBe(true);
    // The page re-renders its card without the actions: the widget goes to the rep's corner.
    document.body.innerHTML = '<section><h1>Ana Bell</h1></section>';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await flush();
    const moved = document.querySelector(HOST_TAG)!;
    expect(moved.parentElement).toBe(document.documentElement);
    expect(panel().classList.contains('inline')).toBe(false);
    expect(panel().classList.contains('top')).toBe(true);
    expect(widget.root()!.querySelectorAll('style')[1]?.textContent).toContain('right: 16px; top: 16px;');
  });

  it('floats bottom left until the background says where the rep wants it', () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const widget = start(site, { send: () => new Promise(() => undefined) });
    stop = widget.stop;
    expect(widget.root()!.querySelectorAll('style')[1]?.textContent).toContain('position: fixed; left: 16px; bottom: 16px;');
  });

  it('"Hide on this site" asks the background to hide it here and leaves the page, on the rep’s click only', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const send = vi.fn().mockResolvedValue({ ok: true, lead: null });
    const widget = start(site, { send, canHide: true, repClicks: false });
    stop = widget.stop;
    const hide = [...widget.root()!.querySelectorAll('button')].find((b) => b.textContent === 'Hide on this site')!;
    hide.click();
    hide.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await flush();
    expect(send).not.toHaveBeenCalledWith({ type: 'widget.hide' });
    expect(document.querySelector(HOST_TAG)).not.toBeNull();

    stop();
    const rep = start(site, { send, canHide: true });
    stop = rep.stop;
    [...rep.root()!.querySelectorAll('button')].find((b) => b.textContent === 'Hide on this site')!.click();
    await flush();
    expect(send).toHaveBeenCalledWith({ type: 'widget.hide' });
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('drops the widget when the background says the rep hid it on this site from another tab, unless the rep asked for this panel', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const send = vi.fn().mockResolvedValue({ ok: true, lead: null });
    let tell: ((message: unknown) => unknown) | undefined;
    const listen: Listen = (handler) => ((tell = handler), () => (tell = undefined));

    const capturePagePanel = start(site, { send, listen });
    tell?.({ type: 'widget.hidden' });
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    capturePagePanel.stop();

    const widget = start(site, { send, listen, canHide: true });
    stop = widget.stop;
    tell?.({ type: 'page.state' });
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    tell?.({ type: 'widget.hidden' });
    expect(document.querySelector(HOST_TAG)).toBeNull();
    // Stopped for good: it stopped listening, and a move to another profile brings nothing back.
    expect(tell).toBeUndefined();
    history.pushState({}, '', '/in/bo-chen/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('offers no "Hide on this site" where the rep asked for the capture (any other page)', () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const widget = start(site, { send: vi.fn().mockResolvedValue({ ok: true, lead: null }) });
    stop = widget.stop;
    expect([...widget.root()!.querySelectorAll('button')].some((b) => b.textContent === 'Hide on this site')).toBe(false);
  });

  it('speaks the browser’s language, not the page’s: German labels, pick list and summary, marked lang="de" inside the closed root', async () => {
    history.replaceState({}, '', '/in/team/');
    document.documentElement.lang = 'en';
    const team: CaptureSite = {
      ...site,
      extract: () => [
        { source: 'web', fullName: 'Ana Bell', email: 'ana@acme.io' },
        { source: 'web', fullName: 'Bo Chen', email: 'bo@acme.io' },
      ],
    };
    const send = vi.fn(async (message: Message) =>
      message.type === 'capture.save'
        ? { ok: true, saved: [summary('Ana Bell', 'created'), summary('Bo Chen', 'merged')], rejected: ['Kein Name'] }
        : { ok: true, lead: null },
    );
    await inBrowserLanguage('de', 'de-DE', async () => {
      const widget = start(team, { send, canHide: true });
      stop = widget.stop;
      const root = widget.root()!;
      expect(root.querySelector('.panel')!.getAttribute('lang')).toBe('de');
      expect(document.querySelector(HOST_TAG)!.getAttributeNames()).toEqual([]);
      expect(widget.button('Auf dieser Website ausblenden')).toBeTruthy();

      widget.button('Lead speichern')!.click();
      await flush();
      expect(root.querySelector('.picker p')?.textContent).toBe('2 Personen auf dieser Seite. Wählen Sie, wen Sie speichern möchten:');
      widget.button('Alle auswählen')!.click();
      widget.button('Auswahl speichern (2)')!.click();
      await flush();
      expect(widget.status()).toBe('1 gespeichert, 1 aktualisiert. 1 übersprungen: Kein Name');
    });
  });

  it('the pick list selects all, clears all, turns Save plainly off with nothing ticked, and closes', async () => {
    history.replaceState({}, '', '/in/team/');
    const team: CaptureSite = {
      ...site,
      preselect: () => 'none',
      extract: () => [
        { source: 'web', fullName: 'Ana Bell', email: 'ana@acme.io' },
        { source: 'web', fullName: 'Bo Chen', email: 'bo@acme.io' },
      ],
    };
    const widget = start(team, { send: vi.fn().mockResolvedValue({ ok: true, lead: null }) });
    stop = widget.stop;
    widget.button('Save lead')!.click();
    await flush();
    const root = widget.root()!;
    const boxes = () => [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((b) => b.checked);
    const save = () => [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Save selected'))!;
    expect(boxes()).toEqual([false, false]);
    expect(save().disabled).toBe(true);
    expect(root.getElementById(save().getAttribute('aria-describedby')!)?.textContent).toBe('Tick at least one person to save.');

    widget.button('Select all')!.click();
    expect(boxes()).toEqual([true, true]);
    expect(save().textContent).toBe('Save selected (2)');
    expect(save().disabled).toBe(false);
    widget.button('Clear all')!.click();
    expect(boxes()).toEqual([false, false]);

    widget.button('Close')!.click();
    expect(root.querySelector('.picker')!.hasAttribute('hidden')).toBe(true);
    expect(root.querySelectorAll('input[type="checkbox"]')).toHaveLength(0);
    expect(widget.button('Save lead')).toBeTruthy();
  });

  describe('on a list of people, a checkbox beside each result', () => {
    const people = ['María José García-López', 'Bo Chen', 'Cy Diaz'];
    /** A results page: one card per person, laid out as a browser would (happy-dom has no layout). */
    function listPage() {
      history.replaceState({}, '', '/in/search/');
      document.body.innerHTML = `<main><ul>${people.map((name) => `<li><div class="card"><a href="#">${name}</a></div></li>`).join('')}</ul></main>`;
      const cards = [...document.querySelectorAll('.card')];
      const tops = [100, 220, 340];
      cards.forEach((card, i) => (card.getBoundingClientRect = () => new DOMRect(240, tops[i]!, 560, 110)));
      const listSite: CaptureSite = {
        ...site,
        preselect: () => 'none',
        extract: () => people.map((fullName) => ({ source: 'linkedin' as const, fullName })),
        extractListed: (doc) =>
          [...doc.querySelectorAll('.card')].map((element, i) => ({ element, draft: { source: 'linkedin' as const, fullName: people[i]! } })),
      };
      return { cards, tops, listSite };
    }
    const send = () => vi.fn().mockResolvedValue({ ok: true, lead: null, saved: [], rejected: [] });

    async function openList() {
      const { cards, tops, listSite } = listPage();
      const widget = start(listSite, { send: send(), resultChecks: showResultChecks });
      stop = widget.stop;
      return { widget, cards, tops, root: () => widget.root()! };
    }
    const inList = (root: ShadowRoot) => [...root.querySelectorAll<HTMLInputElement>('.picker input[type="checkbox"]')];
    const onPage = (root: ShadowRoot) => [...root.querySelectorAll<HTMLInputElement>('.checks input[type="checkbox"]')];

    it('draws one named box per result beside its card, inside the closed root, adding nothing to the page’s elements', async () => {
      const { widget, cards, tops, root } = await openList();
      const pageBefore = document.querySelector('main')!.outerHTML;
      widget.button('Save lead')!.click();
      await flush();
      const boxes = onPage(root());
      expect(boxes.map((box) => box.getAttribute('aria-label'))).toEqual(people.map((name) => `Select ${name}`));
      expect(boxes.map((box) => box.hidden)).toEqual([false, false, false]);
      boxes.forEach((box, i) => {
        expect(Number.parseFloat(box.style.left)).toBeLessThan(240);
        expect(Number.parseFloat(box.style.top)).toBeGreaterThan(tops[i]!);
        expect(Number.parseFloat(box.style.top)).toBeLessThan(tops[i]! + 110);
      });
      expect(boxes.every((box) => box.tabIndex === -1)).toBe(true);
      expect(document.querySelector('main')!.outerHTML).toBe(pageBefore);
      expect(cards.every((card) => card.attributes.length === 1)).toBe(true);
    });

    it('ticks the same selection as the pick list, both ways, and “Select all” ticks both', async () => {
      const { widget, root } = await openList();
      widget.button('Save lead')!.click();
      await flush();
      onPage(root())[1]!.click();
      expect(inList(root()).map((box) => box.checked)).toEqual([false, true, false]);
      expect(widget.button('Save selected (1)')).toBeTruthy();

      inList(root())[2]!.click();
      expect(onPage(root()).map((box) => box.checked)).toEqual([false, true, true]);

      widget.button('Select all')!.click();
      expect(onPage(root()).map((box) => box.checked)).toEqual([true, true, true]);
      widget.button('Clear all')!.click();
      expect(onPage(root()).map((box) => box.checked)).toEqual([false, false, false]);
    });

    it('follows the cards on scroll and hides the boxes of cards scrolled off screen', async () => {
      const { widget, cards, root } = await openList();
      widget.button('Save lead')!.click();
      await flush();
      const before = Number.parseFloat(onPage(root())[1]!.style.top);
      cards.forEach((card, i) => (card.getBoundingClientRect = () => new DOMRect(240, [-300, 120, 240][i]!, 560, 110)));
      window.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await flush();
      expect(onPage(root()).map((box) => box.hidden)).toEqual([true, false, false]);
      expect(Number.parseFloat(onPage(root())[1]!.style.top)).toBe(before - 100);
    });

    it('goes when the rep closes the pick list or saves', async () => {
      const { widget, root } = await openList();
      widget.button('Save lead')!.click();
      await flush();
      widget.button('Close')!.click();
      expect(onPage(root())).toHaveLength(0);
      widget.button('Save lead')!.click();
      await flush();
      onPage(root())[0]!.click();
      widget.button('Save selected (1)')!.click();
      expect(onPage(root())).toHaveLength(0);
    });

    it('closes with the pick list when the page moves on to another list', async () => {
      const { widget, root } = await openList();
      widget.button('Save lead')!.click();
      await flush();
      expect(onPage(root())).toHaveLength(3);
      history.pushState({}, '', '/in/search/?page=2');
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(onPage(root())).toHaveLength(0);
      expect(inList(root())).toHaveLength(0);
    });

    it('ignores a page script’s clicks on a box: nothing is ticked, on the page or in the list', async () => {
      const { listSite } = listPage();
      // Only the clicks this test makes as the rep count as trusted; a plain .click() is a page script's.
      const repEvents = new WeakSet<Event>();
      const widget = start(listSite, { send: send(), repClicks: false, trusted: (event) => repEvents.has(event), resultChecks: showResultChecks });
      stop = widget.stop;
      const repClick = (element: Element) => {
        const event = new MouseEvent('click', { bubbles: true, cancelable: true });
        repEvents.add(event);
        element.dispatchEvent(event);
      };
      repClick(widget.button('Save lead')!);
      await flush();
      const root = widget.root()!;
      onPage(root)[1]!.click();
      expect(onPage(root).map((box) => box.checked)).toEqual([false, false, false]);
      expect(inList(root).map((box) => box.checked)).toEqual([false, false, false]);
      onPage(root)[2]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      expect(onPage(root).map((box) => box.checked)).toEqual([false, false, false]);
      expect(inList(root).map((box) => box.checked)).toEqual([false, false, false]);
      inList(root)[0]!.click();
      expect(inList(root).map((box) => box.checked)).toEqual([false, false, false]);

      repClick(onPage(root)[1]!);
      expect(inList(root).map((box) => box.checked)).toEqual([false, true, false]);
    });
  });

  it('removes the button when it is stopped', () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const widget = start(site, { send: vi.fn().mockResolvedValue({ ok: true, lead: null }) });
    widget.stop();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});
