import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureSite } from '@/lib/capture/site';
import { NO_PROSPECT, startCapture } from '@/lib/page-ui/capture-controller';
import { HOST_TAG } from '@/lib/page-ui/save-button';
import type { Message } from '@/lib/messaging/protocol';

const site: CaptureSite = {
  source: 'linkedin',
  isTarget: (url) => url.pathname.startsWith('/in/'),
  lookupKeys: (url) => ({ profileUrl: url.href }),
  extract: (doc, url) => {
    const name = doc.querySelector('h1')?.textContent?.trim();
    const title = doc.querySelector('h2')?.textContent?.trim();
    if (!name) return [];
    return [{ source: 'linkedin', fullName: name, ...(title === 'only a name' ? {} : { profileUrl: url.href }) }];
  },
};

function shadow() {
  const host = document.querySelector(HOST_TAG);
  const root = host?.shadowRoot;
  return {
    host,
    button: root?.querySelector('button'),
    status: root?.querySelector('.status'),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the in-page capture button', () => {
  let stop: (() => void) | undefined;

  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
    history.replaceState({}, '', '/');
  });

  it('appears only on target pages, in an open shadow root', async () => {
    history.replaceState({}, '', '/feed/');
    stop = startCapture(site, { win: window, send: vi.fn().mockResolvedValue({ ok: true, lead: null }) });
    expect(shadow().host).toBeNull();

    history.pushState({}, '', '/in/ana-bell/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(shadow().button?.textContent).toBe('Save lead');
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('says a profile is already stored before any click', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const send = vi.fn().mockResolvedValue({ ok: true, lead: { id: '1', fullName: 'Ana Bell', stage: 'nurturing', stageLabel: 'Nurturing' } });
    stop = startCapture(site, { win: window, send });
    await flush();
    expect(send).toHaveBeenCalledWith({ type: 'capture.lookup', profileUrl: 'http://localhost:3000/in/ana-bell/' });
    expect(shadow().status?.textContent).toBe('Already in Leadline (stage: Nurturing)');
  });

  it('sends what it extracted and then says Saved', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    document.body.innerHTML = '<h1>Ana Bell</h1>';
    const sent: Message[] = [];
    const send = vi.fn(async (message: Message) => {
      sent.push(message);
      return message.type === 'capture.lookup'
        ? { ok: true, lead: null }
        : { ok: true, saved: [{ id: '1', fullName: 'Ana Bell', stage: 'new', stageLabel: 'New', status: 'created' }], rejected: [] };
    });
    stop = startCapture(site, { win: window, send });
    shadow().button?.click();
    await flush();
    expect(sent.find((m) => m.type === 'capture.save')).toEqual({
      type: 'capture.save',
      drafts: [{ source: 'linkedin', fullName: 'Ana Bell', profileUrl: 'http://localhost:3000/in/ana-bell/' }],
    });
    expect(shadow().button?.textContent).toBe('Saved');
    expect(shadow().status?.textContent).toBe('Saved Ana Bell to Leadline');
  });

  it('says no prospect was found and sends nothing when the page has none', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    const send = vi.fn().mockResolvedValue({ ok: true, lead: null });
    stop = startCapture(site, { win: window, send });
    shadow().button?.click();
    await flush();
    expect(shadow().status?.textContent).toBe(NO_PROSPECT);
    expect(shadow().status?.getAttribute('role')).toBe('alert');
    expect(send).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'capture.save' }));
  });

  it('shows the background’s readable error when saving fails', async () => {
    history.replaceState({}, '', '/in/ana-bell/');
    document.body.innerHTML = '<h1>Ana Bell</h1>';
    const send = vi.fn(async (message: Message) =>
      message.type === 'capture.lookup' ? { ok: true, lead: null } : { ok: false, error: 'Your browser is out of storage space for Leadline.' },
    );
    stop = startCapture(site, { win: window, send });
    shadow().button?.click();
    await flush();
    expect(shadow().status?.textContent).toBe('Your browser is out of storage space for Leadline.');
    expect(shadow().button?.textContent).toBe('Save lead');
  });

  it('shows page text as text, never as markup', async () => {
    history.replaceState({}, '', '/in/eve/');
    document.body.innerHTML = '<h1>&lt;img src=x onerror=alert(1)&gt;Eve</h1>';
    const send = vi.fn(async (message: Message) =>
      message.type === 'capture.lookup'
        ? { ok: true, lead: null }
        : { ok: true, saved: [{ id: '1', fullName: '<img src=x onerror=alert(1)>Eve', stage: 'new', stageLabel: 'New', status: 'created' }], rejected: [] },
    );
    stop = startCapture(site, { win: window, send });
    shadow().button?.click();
    await flush();
    expect(shadow().status?.textContent).toBe('Saved <img src=x onerror=alert(1)>Eve to Leadline');
    expect(document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('img')).toBeNull();
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
      return {
        ok: true,
        saved: [
          { id: '1', fullName: 'Ana Bell', stage: 'new', stageLabel: 'New', status: 'created' },
          { id: '3', fullName: 'Cy Diaz', stage: 'new', stageLabel: 'New', status: 'created' },
        ],
        rejected: [],
      };
    });
    stop = startCapture(team, { win: window, send });
    shadow().button?.click();
    await flush();
    const root = document.querySelector(HOST_TAG)!.shadowRoot!;
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]);
    expect(root.querySelector('.picker')?.textContent).toContain('Already in Leadline (stage: Contacted)');

    boxes[2]!.click();
    const saveSelected = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Save selected'));
    expect(saveSelected?.textContent).toBe('Save selected (2)');
    saveSelected!.click();
    await flush();
    const save = sent.find((m) => m.type === 'capture.save');
    expect(save).toEqual({
      type: 'capture.save',
      drafts: [
        { source: 'web', fullName: 'Ana Bell', email: 'ana@acme.io', title: 'CTO', company: 'Acme' },
        { source: 'web', fullName: 'Cy Diaz', email: 'cy@acme.io' },
      ],
    });
    expect(shadow().status?.textContent).toBe('2 saved.');
  });

  it('removes the button when it is stopped', () => {
    history.replaceState({}, '', '/in/ana-bell/');
    stop = startCapture(site, { win: window, send: vi.fn().mockResolvedValue({ ok: true, lead: null }) });
    stop();
    stop = undefined;
    expect(shadow().host).toBeNull();
  });

  describe('when the page gives too little', () => {
    const saved = { ok: true, saved: [{ id: '1', fullName: 'Hannah Brandt', stage: 'new', stageLabel: 'New', status: 'created' }], rejected: [] };

    it('says it found nothing, offers the shortcut and a manual entry, and saves what the rep types', async () => {
      history.replaceState({}, '', '/in/hannah-brandt/');
      const sent: Message[] = [];
      const send = vi.fn(async (message: Message) => {
        sent.push(message);
        return message.type === 'capture.lookup' ? { ok: true, lead: null } : saved;
      });
      stop = startCapture(site, { win: window, send });
      shadow().button?.click();
      await flush();
      const root = document.querySelector(HOST_TAG)?.shadowRoot;
      expect(shadow().status?.textContent).toBe(NO_PROSPECT);
      expect(root?.querySelector('.hint')?.textContent).toContain('press Alt+Shift+L');
      const add = Array.from(root?.querySelectorAll('button') ?? []).find((b) => b.textContent === 'Add manually');
      add?.click();
      const inputs = Array.from(root?.querySelectorAll('form input') ?? []) as HTMLInputElement[];
      expect(inputs.map((input) => input.parentElement?.firstChild?.textContent)).toEqual(['Name', 'Title', 'Company', 'Email', 'Phone']);
      inputs[0]!.value = 'Hannah Brandt';
      inputs[3]!.value = 'hannah@example.com';
      root?.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
      await flush();
      expect(sent.find((m) => m.type === 'capture.save')).toEqual({
        type: 'capture.save',
        drafts: [{ source: 'linkedin', sourceUrl: 'http://localhost:3000/in/hannah-brandt/', fullName: 'Hannah Brandt', email: 'hannah@example.com' }],
      });
    });

    it('says it found only a name, and starts the manual entry from it instead of saving a bare name', async () => {
      history.replaceState({}, '', '/in/hannah-brandt/');
      document.body.innerHTML = '<h1>Hannah Brandt</h1><h2>only a name</h2>';
      const send = vi.fn().mockResolvedValue({ ok: true, lead: null });
      stop = startCapture(site, { win: window, send });
      shadow().button?.click();
      await flush();
      expect(shadow().status?.textContent).toBe('Found only a name on this page: Hannah Brandt.');
      expect(shadow().status?.getAttribute('role')).toBe('status');
      const root = document.querySelector(HOST_TAG)?.shadowRoot;
      Array.from(root?.querySelectorAll('button') ?? []).find((b) => b.textContent === 'Add manually')?.click();
      expect((root?.querySelector('form input') as HTMLInputElement | null)?.value).toBe('Hannah Brandt');
      expect(send.mock.calls.some(([m]) => (m as Message).type === 'capture.save')).toBe(false);
    });
  });
});
