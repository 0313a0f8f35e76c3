import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function fixture(relativePath: string): string {
  return readFileSync(path.join(ROOT, 'tests/fixtures', relativePath), 'utf8');
}

/** The URL a fixture declares in its first line, `<!-- url: … -->`: where the test serves it. */
export function fixtureUrl(relativePath: string): string {
  const match = /<!--\s*url:\s*(\S+)\s*-->/.exec(fixture(relativePath));
  if (!match?.[1]) throw new Error(`${relativePath} does not declare its URL`);
  return match[1];
}

export type Session = {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(): Promise<void>;
};

/**
 * Launches Debian's Chromium with the built extension and a fresh profile. Every request that a test
 * has not routed to a fixture is aborted, so nothing reaches the network.
 */
export async function launchWithExtension(profileDir = mkdtempSync(path.join(tmpdir(), 'leadline-e2e-'))): Promise<Session> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: false,
    acceptDownloads: true,
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Lets clickToolbarIcon() press the extension's toolbar button through CDP, as a rep would.
      '--remote-debugging-port=0',
      '--enable-unsafe-extension-debugging',
    ],
  });
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    async close() {
      await cdpBrowsers.get(profileDir)?.close().catch(() => undefined);
      cdpBrowsers.delete(profileDir);
      await context.close();
    },
  };
}

export function removeProfile(session: Session): void {
  rmSync(session.profileDir, { recursive: true, force: true });
}

/** Serves a fixture page at its real URL, so the manifest's match patterns are exercised for real. */
export async function serveFixture(context: BrowserContext, url: string, relativePath: string): Promise<void> {
  const body = fixture(relativePath);
  // The fragment (Gmail's #inbox/…) never reaches the network, so it is not part of what is routed.
  const [requested = url] = url.split('#');
  await context.route(requested, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/** Serves a fixture at its declared URL and opens it in a new tab. */
export async function openFixture(session: Session, relativePath: string): Promise<Page> {
  const url = fixtureUrl(relativePath);
  await serveFixture(session.context, url, relativePath);
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

export async function openPopup(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return page;
}

/** Reads every row of a table straight from the extension's IndexedDB, through the service worker. */
export async function storedRows<T = Record<string, unknown>>(session: Session, table: 'leads' | 'activities' | 'reminders'): Promise<T[]> {
  return session.worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('leadline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

export function storedLeads(session: Session): Promise<Array<Record<string, unknown>>> {
  return storedRows(session, 'leads');
}

const cdpBrowsers = new Map<string, Browser>();

/** A browser-level CDP connection to the running Chromium, for what Playwright's persistent context cannot do. */
async function browserSession(session: Session): Promise<CDPSession> {
  const portFile = path.join(session.profileDir, 'DevToolsActivePort');
  if (!existsSync(portFile)) throw new Error('Chromium did not open its debugging port');
  const [port] = readFileSync(portFile, 'utf8').split('\n');
  let browser = cdpBrowsers.get(session.profileDir);
  if (!browser) {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    cdpBrowsers.set(session.profileDir, browser);
  }
  return browser.newBrowserCDPSession();
}

/** The toolbar popup opened by a real action click; Playwright does not list it, so it is driven over CDP. */
export type ToolbarPopup = {
  /** Clicks the button with this exact text, with a user gesture, as a rep's click would. */
  click(buttonText: string): Promise<void>;
  /** The popup's visible text. */
  text(): Promise<string>;
};

/**
 * Presses the extension's toolbar button on this page's tab (CDP Extensions.triggerAction), which
 * opens the popup and grants activeTab for that tab, exactly as a rep's click does.
 */
export async function clickToolbarIcon(session: Session, page: Page): Promise<ToolbarPopup> {
  const cdp = await browserSession(session);
  const { targetInfos: tabs } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
    targetInfos: Array<{ targetId: string; url: string; type: string }>;
  };
  const tab = tabs.find((t) => t.url === page.url());
  if (!tab) throw new Error(`No tab shows ${page.url()}`);
  await page.bringToFront();
  await cdp.send('Extensions.triggerAction' as never, { id: session.extensionId, targetId: tab.targetId } as never);

  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  let popupTarget: { targetId: string } | undefined;
  for (let attempt = 0; attempt < 50 && !popupTarget; attempt++) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; url: string; type: string }> };
    popupTarget = targetInfos.find((t) => t.type === 'page' && t.url === popupUrl);
    if (!popupTarget) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!popupTarget) throw new Error('The toolbar popup did not open');

  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: popupTarget.targetId, flatten: false } as never)) as {
    sessionId: string;
  };
  type EvaluateReply = { id?: number; result?: { result?: { value?: unknown } }; error?: unknown };
  let nextId = 1;
  const pending = new Map<number, (reply: EvaluateReply) => void>();
  cdp.on('Target.receivedMessageFromTarget' as never, (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as EvaluateReply;
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  const evaluate = async (expression: string): Promise<unknown> => {
    const id = nextId++;
    const reply = await new Promise<EvaluateReply>((resolve) => {
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget' as never, {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true, userGesture: true } }),
      } as never);
    });
    if (reply.error) throw new Error(`Popup evaluation failed: ${JSON.stringify(reply.error)}`);
    return reply.result?.result?.value;
  };
  // The popup renders with React after load; wait for its first button.
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await evaluate("document.querySelectorAll('button').length > 0")) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    async click(buttonText) {
      const clicked = await evaluate(
        `(() => { const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === ${JSON.stringify(buttonText)}); if (!b) return false; b.click(); return true; })()`,
      );
      if (!clicked) throw new Error(`The popup has no button "${buttonText}"`);
    },
    async text() {
      return String(await evaluate('document.body.innerText'));
    },
  };
}
