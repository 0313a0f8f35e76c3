import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Download,
  type Page,
  type Worker,
} from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { AXE_TAGS, axeSource, violationsOf, fixture, fixtureUrl, judgeReadAttempt, readTable, requestedUrl, ROOT, waitFor, WIDGET_TAG } from './common';
import type { LaunchOptions, Session, StoredTable, Tab, ToolbarPopup, Widget } from './types';

export const CHROMIUM_EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type ChromiumSession = Session & {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /**
   * Leadline's side panel, once Chromium has opened it beside a tab (the widget's "Open in Leadline",
   * the popup's "Open side panel"). It is not a tab, so the persistent context does not list it; a
   * connection over CDP made after it opened does, as a page driven with real input like any other.
   */
  sidePanel(): Promise<Tab>;
};

/**
 * Launches Debian's Chromium with the built extension on a fresh (or the given) profile. Every
 * request that a test has not routed to a fixture is aborted, so nothing reaches the network.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'leadline-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: false,
    acceptDownloads: true,
    // Chromium on Linux takes its UI language from the environment (--lang is for Windows and macOS).
    ...(options.language ? { env: { ...process.env, LANGUAGE: options.language.replace('-', '_') } } : {}),
    args: [
      '--headless=new',
      `--disable-extensions-except=${CHROMIUM_EXTENSION_DIR}`,
      `--load-extension=${CHROMIUM_EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Lets pressToolbarButton() press the extension's toolbar button through CDP, as a rep would.
      '--remote-debugging-port=0',
      '--enable-unsafe-extension-debugging',
    ],
  });
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const pages = new WeakMap<Tab, Page>();
  let cdpBrowser: Browser | undefined;
  const panelConnections: Browser[] = [];

  const adopt = (page: Page): Tab => {
    const tab = chromiumTab(page);
    pages.set(tab, page);
    return tab;
  };
  const pageOf = (tab: Tab): Page => {
    const page = pages.get(tab);
    if (!page) throw new Error('That tab belongs to another session');
    return page;
  };

  /** A browser-level CDP connection to the running Chromium, for what Playwright's persistent context cannot do. */
  async function browserCdp(): Promise<CDPSession> {
    const portFile = path.join(profileDir, 'DevToolsActivePort');
    if (!existsSync(portFile)) throw new Error('Chromium did not open its debugging port');
    const [port] = readFileSync(portFile, 'utf8').split('\n');
    cdpBrowser ??= await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    return cdpBrowser.newBrowserCDPSession();
  }

  const session: ChromiumSession = {
    browserName: 'chromium',
    profileDir,
    context,
    worker,
    extensionId,
    async serveFixture(url, relativePath) {
      await session.serveHtml(url, fixture(relativePath));
    },
    async serveHtml(url, body) {
      // Playwright asks the routes registered last first: this one takes the place of any before it.
      await context.route(requestedUrl(url), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    },
    async newTab() {
      return adopt(await context.newPage());
    },
    async openFixture(relativePath) {
      const url = fixtureUrl(relativePath);
      await session.serveFixture(url, relativePath);
      const tab = await session.newTab();
      await tab.goto(url);
      return tab;
    },
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return adopt(page);
    },
    openPopup() {
      return session.openExtensionPage('popup.html');
    },
    async pressToolbarButton(tab) {
      return pressToolbarButton(await browserCdp(), extensionId, pageOf(tab));
    },
    async extensionCanRead(tab) {
      // Without the tabs permission the extension cannot look a tab up by URL, but it can find the
      // active one; what the script reads back proves it was that tab.
      await pageOf(tab).bringToFront();
      const outcome = await worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: any }).chrome;
        const [target] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        try {
          const [frame] = await api.scripting.executeScript({ target: { tabId: target.id }, func: () => location.href });
          return { read: String(frame.result) };
        } catch (error) {
          return { refused: String(error) };
        }
      });
      return judgeReadAttempt(outcome, tab.url());
    },
    inExtension(fn, arg) {
      return worker.evaluate(fn as (arg: unknown) => never, arg);
    },
    storedRows<T>(table: StoredTable) {
      return worker.evaluate(readTable, table) as Promise<T[]>;
    },
    async download(tab, action) {
      const [download] = (await Promise.all([pageOf(tab).waitForEvent('download'), action()])) as [Download, void];
      return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
    },
    async sidePanel() {
      const url = `chrome-extension://${extensionId}/sidepanel.html`;
      const cdp = await browserCdp();
      await waitFor('the side panel to open', async () => {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ url: string }> };
        return targetInfos.find((target) => target.url === url);
      });
      const [port] = readFileSync(path.join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
      const connection = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      panelConnections.push(connection);
      const panel = await waitFor('the side panel page', async () =>
        connection.contexts().flatMap((each) => each.pages()).find((page) => page.url() === url),
      );
      return adopt(panel);
    },
    async close() {
      for (const connection of panelConnections) await connection.close().catch(() => undefined);
      await cdpBrowser?.close().catch(() => undefined);
      cdpBrowser = undefined;
      await context.close();
    },
    removeProfile() {
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

function chromiumTab(page: Page): Tab {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    url: () => page.url(),
    async goto(url) {
      await page.goto(url);
    },
    async reload() {
      await page.reload();
    },
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    keyboard: { press: (key) => page.keyboard.press(key) },
    mouse: { click: (x, y) => page.mouse.click(x, y) },
    widget: accessibilityWidget(page),
    async axe(options = {}) {
      const builder = new AxeBuilder({ page, axeSource: axeSource() });
      return violationsOf(await (options.rules ? builder.withRules(options.rules) : builder.withTags(AXE_TAGS)).analyze());
    },
    async emulateColorScheme(scheme) {
      await page.emulateMedia({ colorScheme: scheme });
    },
    dialogs,
    errors,
    getByRole: (role, options) => page.getByRole(role, options),
    getByText: (text, options) => page.getByText(text, options),
    getByLabel: (text, options) => page.getByLabel(text, options),
    locator: (css) => page.locator(css),
  };
}

type AXNode = {
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
  description?: { value?: string };
  properties?: Array<{ name: string; value: { value?: unknown } }>;
  backendDOMNodeId?: number;
};

/**
 * The widget read from Chromium's accessibility tree (CDP Accessibility.queryAXTree under the
 * widget's host element) and clicked with CDP mouse input at the node's box: no shadow root is
 * opened from script, so a closed one works the same.
 */
function accessibilityWidget(page: Page): Widget {
  let cdpSession: CDPSession | undefined;
  const cdp = async () => (cdpSession ??= await page.context().newCDPSession(page));

  async function hostNodeId(): Promise<number | undefined> {
    const client = await cdp();
    const { root } = await client.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector: WIDGET_TAG });
    return nodeId || undefined;
  }

  /**
   * The DOM nodes inside the widget's shadow root (open or closed: CDP describes both); `labelled`
   * holds those inside a <label>, which is how the pick list names its checkboxes (the boxes drawn
   * beside a list's results are named by aria-label instead).
   */
  async function widgetNodes(host: number): Promise<Set<number> & { labelled?: Set<number> }> {
    const client = await cdp();
    const { node } = await client.send('DOM.describeNode', { nodeId: host, depth: 0, pierce: true });
    const root = node.shadowRoots?.[0];
    if (!root) return new Set();
    const { node: tree } = await client.send('DOM.describeNode', { backendNodeId: root.backendNodeId, depth: -1, pierce: true });
    const ids: Set<number> & { labelled?: Set<number> } = new Set<number>();
    const labelled = new Set<number>();
    const walk = (n: { backendNodeId: number; nodeName?: string; children?: unknown[]; shadowRoots?: unknown[] }, inLabel: boolean) => {
      ids.add(n.backendNodeId);
      if (inLabel) labelled.add(n.backendNodeId);
      for (const child of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(child as typeof n, inLabel || n.nodeName === 'LABEL');
    };
    walk(tree, false);
    ids.labelled = labelled;
    return ids;
  }

  async function nodes(role: string, name?: string, { labelledOnly = false } = {}): Promise<AXNode[]> {
    const host = await hostNodeId();
    if (!host) return [];
    const all = await widgetNodes(host);
    const inside = labelledOnly ? (all.labelled ?? new Set<number>()) : all;
    // Queried from the document: a query started at the host does not reliably reach into its shadow root.
    const client = await cdp();
    const { root } = await client.send('DOM.getDocument', { depth: 0 });
    const { nodes: found } = (await client.send('Accessibility.queryAXTree', {
      nodeId: root.nodeId,
      role,
      ...(name === undefined ? {} : { accessibleName: name }),
    })) as { nodes: AXNode[] };
    return found.filter((node) => !node.ignored && node.backendDOMNodeId !== undefined && inside.has(node.backendDOMNodeId));
  }

  /** The pick list's checkboxes (not the boxes beside a list's results). */
  const pickList = () => nodes('checkbox', undefined, { labelledOnly: true });
  const property = (node: AXNode, name: string) => node.properties?.find((p) => p.name === name)?.value.value;

  async function clickNode(node: AXNode): Promise<void> {
    const client = await cdp();
    await client.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId });
    const { model } = await client.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId });
    const [x1, y1, , , x3, y3] = model.border as number[];
    await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  }

  async function textOf(node: AXNode | undefined): Promise<string> {
    if (!node) return '';
    const client = await cdp();
    const { object } = await client.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
    const { result } = await client.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    });
    return String(result.value ?? '');
  }

  return {
    async isShown() {
      return (await hostNodeId()) !== undefined;
    },
    async buttons() {
      return (await nodes('button')).map((node) => node.name?.value ?? '');
    },
    async isEnabled(label) {
      const [found] = await nodes('button', label);
      return found !== undefined && property(found, 'disabled') !== true;
    },
    async click(label) {
      const button = await waitFor(`the widget's "${label}" button`, async () => {
        const [found] = await nodes('button', label);
        return found && property(found, 'disabled') !== true ? found : undefined;
      });
      await clickNode(button);
    },
    async status() {
      return textOf((await nodes('status'))[0]);
    },
    async alert() {
      return textOf((await nodes('alert'))[0]);
    },
    async description() {
      const described = (await nodes('button')).find((node) => node.description?.value);
      return described?.description?.value ?? '';
    },
    async choices() {
      return (await pickList()).map((node) => ({ label: node.name?.value ?? '', checked: property(node, 'checked') === 'true' }));
    },
    async check(name) {
      const box = await waitFor(`the widget's choice "${name}"`, async () =>
        (await pickList()).find((node) => (node.name?.value ?? '').startsWith(name)),
      );
      if (property(box, 'checked') === 'true') return;
      await clickNode(box);
      await waitFor(`"${name}" to be ticked`, async () => {
        const now = (await pickList()).find((node) => node.backendDOMNodeId === box.backendDOMNodeId);
        return now && property(now, 'checked') === 'true' ? true : undefined;
      });
    },
    async countInside(css) {
      const host = await hostNodeId();
      if (!host) return 0;
      const client = await cdp();
      const { node } = await client.send('DOM.describeNode', { nodeId: host, depth: 0, pierce: true });
      const root = node.shadowRoots?.[0];
      if (!root) return 0;
      const { object } = await client.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
      const { result } = await client.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: 'function (css) { return this.querySelectorAll(css).length; }',
        arguments: [{ value: css }],
        returnByValue: true,
      });
      return Number(result.value);
    },
  };
}

/**
 * Presses the extension's toolbar button on this page's tab (CDP Extensions.triggerAction), which
 * opens the popup and grants activeTab for that tab, exactly as a rep's click does.
 */
async function pressToolbarButton(cdp: CDPSession, extensionId: string, page: Page): Promise<ToolbarPopup> {
  const { targetInfos: tabs } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
    targetInfos: Array<{ targetId: string; url: string; type: string }>;
  };
  const tab = tabs.find((t) => t.url === page.url());
  if (!tab) throw new Error(`No tab shows ${page.url()}`);
  await page.bringToFront();
  await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);

  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const popupTarget = await waitFor('the toolbar popup to open', async () => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; url: string; type: string }> };
    return targetInfos.find((t) => t.type === 'page' && t.url === popupUrl);
  });

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
  const send = async (method: string, params: Record<string, unknown>): Promise<EvaluateReply> => {
    const id = nextId++;
    const reply = await new Promise<EvaluateReply>((resolve) => {
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method, params }) } as never);
    });
    if (reply.error) throw new Error(`${method} in the popup failed: ${JSON.stringify(reply.error)}`);
    return reply;
  };
  const evaluate = async (expression: string): Promise<unknown> =>
    (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result?.result?.value;
  // The popup renders with React after load; wait for its first button.
  await waitFor('the popup to render', async () => ((await evaluate("document.querySelectorAll('button').length > 0")) ? true : undefined));
  return {
    async click(buttonText) {
      const measure = async () =>
        JSON.stringify(
          await evaluate(
            `(() => { const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === ${JSON.stringify(buttonText)}); if (!b || b.disabled) return null; const r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
          ),
        );
      // The popup sizes itself to its content as it renders: click once the button holds still.
      const centre = await waitFor(`the popup's "${buttonText}" button to hold still`, async () => {
        const first = await measure();
        await new Promise((resolve) => setTimeout(resolve, 150));
        return first !== 'null' && first === (await measure()) ? (JSON.parse(first) as { x: number; y: number }) : undefined;
      });
      // A real mouse click at the button's centre, sent to the popup's own page.
      for (const type of ['mousePressed', 'mouseReleased']) {
        await send('Input.dispatchMouseEvent', { type, x: centre.x, y: centre.y, button: 'left', clickCount: 1 });
      }
    },
    async text() {
      return String(await evaluate('document.body.innerText'));
    },
  };
}
