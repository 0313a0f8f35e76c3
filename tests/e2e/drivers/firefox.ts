import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { bidiFor, fromRemote, toLocal, type Bidi, type NodeRef } from './bidi';
import { AXE_TAGS, axeSource, violationsOf, fixture, fixtureUrl, judgeReadAttempt, readTable, requestedUrl, ROOT, sleep, waitFor, WIDGET_TAG } from './common';
import { answerInPage, domQueriesScript, type Answer, type Matcher, type Query, type Step } from './dom-queries';
import type { AxeViolation, ColorScheme, FilePayload, LaunchOptions, Locator, Role, RoleOptions, Session, StoredTable, Tab, TextMatch, ToolbarPopup, Widget } from './types';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3');
/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const ADDON_ID = 'leadline@leadline.app';
/** Fixed through a pref, so the extension's pages are at a known moz-extension:// address. */
const EXTENSION_UUID = '6f1c3a52-7d2e-4b8a-9a61-2e5f0c4d7b10';
const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** The BiDi sandbox the driver's own page scripts run in, out of the page's reach. */
const SANDBOX = 'leadline-e2e';
const BROWSER_WINDOW = 'chrome://browser/content/browser.xhtml';
const NOTIFICATION_WINDOW = 'chrome://global/content/alerts/alert.xhtml';

export type FirefoxLaunchOptions = LaunchOptions & {
  /**
   * Whether Firefox grants the content scripts' hosts when the add-on is installed (its default,
   * `extensions.originControls.grantByDefault`). False starts like a rep who declined them.
   */
  hostAccessAtInstall?: boolean;
};

export type FirefoxSession = Session & {
  browser: Browser;
  /** Clicks the notification whose title contains `title`; answers its text and the tab the click opened. */
  clickNotification(title: string): Promise<{ text: string; tab: Tab }>;
  /** Answers Firefox's own permission prompt (the doorhanger under the toolbar) as a rep would. */
  answerPermissionPrompt(answer: 'Allow' | "Don't allow"): Promise<string>;
  /** Runs an expression in the browser window itself (privileged); for what a web page cannot reach. */
  inBrowserWindow(expression: string): Promise<unknown>;
};

/**
 * Starts Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi, with the built MV3
 * add-on installed like a permanent one, on a fresh (or the given) profile.
 */
export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'leadline-e2e-ff-'));
  // A proxy file in the profile's extensions folder (its name the add-on id, its text the path of
  // the unpacked build) installs the add-on for good: unlike a temporary add-on it survives a
  // restart and starts with the browser, as a rep's does. Firefox ESR loads unsigned add-ons
  // when xpinstall.signatures.required is off.
  mkdirSync(path.join(profileDir, 'extensions'), { recursive: true });
  writeFileSync(path.join(profileDir, 'extensions', ADDON_ID), FIREFOX_EXTENSION_DIR);
  const downloadDir = path.join(profileDir, 'downloads');
  mkdirSync(downloadDir, { recursive: true });

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    // Lets BiDi open moz-extension:// pages and reach the browser window (toolbar, notifications).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'xpinstall.signatures.required': false,
      'extensions.originControls.grantByDefault': options.hostAccessAtInstall ?? true,
      // Headless Linux has no notification daemon: Firefox's own notification window stands in,
      // and stays up as a desktop's notification centre would keep it (by default it leaves after 4 s).
      'alerts.useSystemBackend': false,
      'alerts.totalOpenTime': 120_000,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      // The language's langpack (Debian's firefox-esr-l10n-*) comes with Firefox as an application add-on.
      ...(options.language ? { 'intl.locale.requested': options.language } : {}),
    },
  });
  try {
    return await firefoxSession(browser, profileDir, downloadDir);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

async function firefoxSession(browser: Browser, profileDir: string, downloadDir: string): Promise<FirefoxSession> {
  const bidi = bidiFor(browser);
  const routes = new Map<string, string>();
  const pages = new WeakMap<Tab, Page>();

  // Extension APIs and IndexedDB are read from an extension page kept open in the first tab.
  const [firstPage] = await browser.pages();
  const helper = firstPage ?? (await browser.newPage());
  await waitFor('the add-on to start', async () => {
    await navigate(helper, `${EXTENSION_ORIGIN}/popup.html`);
    return (await helper.evaluate(() => typeof (globalThis as { browser?: { runtime?: unknown } }).browser?.runtime)) === 'object'
      ? true
      : undefined;
  });

  // Firefox has no per-page emulation of prefers-color-scheme over BiDi; its pref for web content
  // (0 dark, 1 light) does the same for every page, the extension's included, at once.
  const setColorScheme = async (scheme: ColorScheme) => {
    await inBrowserWindow(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);
  };

  const adopt = (page: Page, knownUrl?: string): Tab => {
    const tab = firefoxTab(page, bidi, setColorScheme, knownUrl);
    pages.set(tab, page);
    return tab;
  };
  const pageOf = (tab: Tab): Page => {
    const page = pages.get(tab);
    if (!page) throw new Error('That tab belongs to another session');
    return page;
  };

  async function inBrowserWindow(expression: string): Promise<unknown> {
    const window = (await bidi.chromeWindows()).find((w) => w.url === BROWSER_WINDOW);
    if (!window) throw new Error('Firefox has no browser window');
    return fromRemote(await bidi.evaluate(window.context, undefined, expression));
  }

  /** A click as the rep's mouse gives it, at a point of the browser window (its toolbar, a panel). */
  const clickInWindow = (x: string, y: string) =>
    `for (const type of ['mousedown', 'mouseup']) window.synthesizeMouseEvent(type, ${x}, ${y}, { button: 0, clickCount: 1 }, { isDOMEventSynthesized: true });`;

  async function popupView<T>(fn: (popup: Window) => T): Promise<T | undefined> {
    return (await helper.evaluate(
      `(() => { const [popup] = browser.extension.getViews({ type: 'popup' }); return popup ? (${fn.toString()})(popup) : undefined; })()`,
    )) as T | undefined;
  }

  const session: FirefoxSession = {
    browserName: 'firefox',
    profileDir,
    browser,
    async serveFixture(url, relativePath) {
      routes.set(requestedUrl(url), fixture(relativePath));
    },
    async serveHtml(url, body) {
      routes.set(requestedUrl(url), body);
    },
    async newTab() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        // Firefox hands over the #fragment too; data: and blob: requests come through as well.
        const url = requestedUrl(request.url());
        const body = routes.get(url);
        if (body !== undefined) return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
        return void (/^https?:/.test(url) ? request.abort('blockedbyclient') : request.continue());
      });
      return adopt(page);
    },
    async openFixture(relativePath) {
      const url = fixtureUrl(relativePath);
      await session.serveFixture(url, relativePath);
      const tab = await session.newTab();
      await tab.goto(url);
      return tab;
    },
    async openExtensionPage(file) {
      const page = await browser.newPage();
      const url = `${EXTENSION_ORIGIN}/${file}`;
      await navigate(page, url);
      return adopt(page, url);
    },
    openPopup() {
      return session.openExtensionPage('popup.html');
    },
    async pressToolbarButton(tab) {
      const page = pageOf(tab);
      await page.bringToFront();
      const selected = await inBrowserWindow('gBrowser.selectedBrowser.currentURI.spec');
      if (selected !== tab.url()) throw new Error(`Firefox shows ${String(selected)}, not ${tab.url()}`);
      // Pinned to the toolbar as a rep does ("Pin to Toolbar"); Firefox keeps it in the extensions menu otherwise.
      await inBrowserWindow(`(() => {
        const id = ${JSON.stringify(`${widgetIdFor(ADDON_ID)}-browser-action`)};
        CustomizableUI.addWidgetToArea(id, CustomizableUI.AREA_NAVBAR);
        const button = document.getElementById(id).querySelector('.toolbarbutton-1');
        const box = button.getBoundingClientRect();
        ${clickInWindow('box.left + box.width / 2', 'box.top + box.height / 2')}
      })()`);
      await waitFor('the toolbar popup to open', () => popupView((popup) => (popup.document.querySelector('button') ? true : undefined)));
      return {
        async click(buttonText) {
          const findButton = new Function(
            'popup',
            `const b = [...popup.document.querySelectorAll('button')].find((x) => x.textContent.trim() === ${JSON.stringify(buttonText)});
             if (!b || b.disabled) return undefined; const r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 };`,
          ) as (popup: Window) => { x: number; y: number } | undefined;
          // Where the button is in the browser window, once the panel has finished opening ('open',
          // not 'showing': a click during its opening animation can miss).
          const place = async (): Promise<string | undefined> => {
            const centre = await popupView(findButton);
            if (!centre) return undefined;
            const point = await inBrowserWindow(`(() => {
              const view = document.querySelector('browser.webextension-popup-browser, browser[webextension-view-type="popup"]');
              const panel = view && view.closest('panel');
              if (!panel || panel.state !== 'open') return undefined;
              const box = view.getBoundingClientRect();
              return JSON.stringify({ x: box.left + ${centre.x}, y: box.top + ${centre.y} });
            })()`);
            return typeof point === 'string' ? point : undefined;
          };
          // The panel opens and sizes itself to the popup over a few frames: click once the button holds still.
          const point = await waitFor(`the popup's "${buttonText}" button to hold still`, async () => {
            const first = await place();
            await sleep(150);
            return first !== undefined && first === (await place()) ? (JSON.parse(first) as { x: number; y: number }) : undefined;
          });
          // The popup is a panel of the browser window: click there, at the button's place in it.
          await inBrowserWindow(`(() => { ${clickInWindow(String(point.x), String(point.y))} })()`);
        },
        async text() {
          return (await popupView((popup) => popup.document.body.innerText)) ?? '';
        },
      } satisfies ToolbarPopup;
    },
    async extensionCanRead(tab) {
      // The extension's tab id of that tab, from Firefox's own tab tracker (without the tabs
      // permission the extension cannot look tabs up by URL).
      const tabId = await inBrowserWindow(`(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(tab.url())});
        return tab ? ExtensionParent.apiManager.global.tabTracker.getId(tab) : -1;
      })()`);
      if (tabId === -1) throw new Error(`No tab shows ${tab.url()}`);
      const outcome = await helper.evaluate(async (id) => {
        try {
          const [frame] = await (globalThis as any).browser.scripting.executeScript({ target: { tabId: id }, func: () => location.href });
          return { read: String(frame.result) };
        } catch (error) {
          return { refused: String(error) };
        }
      }, tabId as number);
      return judgeReadAttempt(outcome, tab.url());
    },
    inExtension(fn, arg) {
      return helper.evaluate(fn as (arg: unknown) => never, arg) as never;
    },
    storedRows<T>(table: StoredTable) {
      return helper.evaluate(readTable, table) as Promise<T[]>;
    },
    async download(_tab, action) {
      const before = new Set(readdirSync(downloadDir));
      await action();
      const name = await waitFor('the download to finish', async () => {
        const files = readdirSync(downloadDir).filter((file) => !before.has(file));
        const done = files.find((file) => !file.endsWith('.part') && !files.includes(`${file}.part`));
        return done && statSync(path.join(downloadDir, done)).size > 0 ? done : undefined;
      });
      return { name, text: await readFile(path.join(downloadDir, name), 'utf8') };
    },
    async clickNotification(title) {
      const window = await waitFor(`a notification "${title}"`, async () => {
        for (const candidate of await bidi.chromeWindows()) {
          if (candidate.url !== NOTIFICATION_WINDOW) continue;
          const shown = fromRemote(
            await bidi.evaluate(candidate.context, undefined, `document.getElementById('alertTitleLabel')?.getAttribute('value') ?? ''`),
          );
          if (String(shown).includes(title)) return candidate;
        }
        return undefined;
      });
      const text = String(fromRemote(await bidi.evaluate(window.context, undefined, `document.getElementById('alertTextLabel').textContent`)));
      const before = new Set((await bidi.tabs()).map((t) => t.context));
      await bidi.evaluate(
        window.context,
        undefined,
        `(() => { const box = document.getElementById('alertTextLabel').getBoundingClientRect(); ${clickInWindow('box.left + box.width / 2', 'box.top + box.height / 2')} })()`,
      );
      const opened = await waitFor('the tab the notification opens', async () =>
        (await bidi.tabs()).find((t) => !before.has(t.context) && t.url !== 'about:blank'),
      );
      const page = await waitFor('its page', async () => (await browser.pages()).find((p) => bidi.contextOf(p) === opened.context));
      return { text, tab: adopt(page, opened.url) };
    },
    async answerPermissionPrompt(answer) {
      const message = await waitFor('Firefox to ask for permission', async () => {
        const text = await inBrowserWindow(`(() => {
          const prompt = PopupNotifications.panel.querySelector('popupnotification:not([hidden])');
          return prompt && PopupNotifications.panel.state === 'open' ? prompt.querySelector('.popup-notification-description').textContent : undefined;
        })()`);
        return typeof text === 'string' ? text : undefined;
      });
      await inBrowserWindow(`(() => {
        const prompt = PopupNotifications.panel.querySelector('popupnotification:not([hidden])');
        const button = prompt.querySelector(${JSON.stringify(answer === 'Allow' ? '.popup-notification-primary-button' : '.popup-notification-secondary-button')});
        const box = button.getBoundingClientRect();
        ${clickInWindow('box.left + box.width / 2', 'box.top + box.height / 2')}
      })()`);
      return message;
    },
    inBrowserWindow,
    async close() {
      await browser.close();
    },
    removeProfile() {
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Firefox's id for an add-on's toolbar widget (makeWidgetId in ExtensionCommon). */
function widgetIdFor(addonId: string): string {
  return addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
}

/**
 * Opens a URL and waits for its load. page.goto() never resolves on moz-extension:// pages
 * (Firefox BiDi does not report their navigation), so the BiDi navigation is used directly.
 */
async function navigate(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<unknown> } }).browsingContext.navigate(
    url,
    'complete',
  );
}

function firefoxTab(page: Page, bidi: Bidi, setColorScheme: (scheme: ColorScheme) => Promise<void>, knownUrl?: string): Tab {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  const root = (steps: Step[]) => new FirefoxLocator(page, bidi, steps);
  return {
    // page.url() stays about:blank on extension pages opened through BiDi; their address is known.
    url: () => (page.url() === 'about:blank' && knownUrl ? knownUrl : page.url()),
    async goto(url) {
      await page.goto(url);
    },
    async reload() {
      await page.reload();
    },
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg) as never,
    keyboard: { press: (key) => page.keyboard.press(key as never) },
    mouse: { click: (x, y) => page.mouse.click(x, y) },
    widget: accessibilityWidget(page, bidi),
    async axe(options = {}) {
      // axe-core's own build, run in the page's world as @axe-core/playwright does in Chromium.
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
      const runOnly = options.rules ? { type: 'rule' as const, values: options.rules } : { type: 'tag' as const, values: AXE_TAGS };
      const json = await page.evaluate(async (only) => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const results = await axe.run(document, { runOnly: only, resultTypes: ['violations'] });
        return JSON.stringify({ violations: results.violations });
      }, runOnly);
      return violationsOf(JSON.parse(json) as { violations: never }) as AxeViolation[];
    },
    async emulateColorScheme(scheme) {
      await setColorScheme(scheme);
      // The pref reaches each page's process a moment later.
      await waitFor(`the page to show the ${scheme} scheme`, async () =>
        (await page.evaluate((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, scheme === 'dark')) ? true : undefined,
      );
    },
    dialogs,
    errors,
    getByRole: (role, options) => root([]).getByRole(role, options),
    getByText: (text, options) => root([]).getByText(text, options),
    getByLabel: (text, options) => root([]).getByLabel(text, options),
    locator: (css) => root([]).locator(css),
  };
}

const matcher = (text: TextMatch, exact = false): Matcher =>
  typeof text === 'string' ? { text, exact } : { source: text.source, flags: text.flags };

const TIMEOUT = 10_000;
/** Inputs a keyboard cannot type a value into: fill() sets them the way Playwright's fill does. */
const SET_DIRECTLY = new Set(['date', 'time', 'datetime-local', 'month', 'week', 'color', 'range']);

/**
 * The Playwright locator calls the tests use, over WebDriver BiDi: elements are found by
 * @testing-library/dom's role and label queries in a sandbox (see dom-queries.ts), and acted on
 * with real input (mouse clicks at the element's centre, key presses, BiDi file selection).
 */
class FirefoxLocator implements Locator {
  constructor(
    private readonly page: Page,
    private readonly bidi: Bidi,
    private readonly steps: Step[],
  ) {}

  private with(step: Step): FirefoxLocator {
    return new FirefoxLocator(this.page, this.bidi, [...this.steps, step]);
  }

  getByRole(role: Role, options: RoleOptions = {}): Locator {
    return this.with({
      by: 'role',
      role,
      ...(options.name === undefined ? {} : { name: matcher(options.name, options.exact) }),
      ...(options.checked === undefined ? {} : { checked: options.checked }),
      ...(options.selected === undefined ? {} : { selected: options.selected }),
    });
  }
  getByText(text: TextMatch, options: { exact?: boolean } = {}): Locator {
    return this.with({ by: 'text', text: matcher(text, options.exact) });
  }
  getByLabel(text: TextMatch, options: { exact?: boolean } = {}): Locator {
    return this.with({ by: 'label', text: matcher(text, options.exact) });
  }
  locator(css: string): Locator {
    return this.with({ by: 'css', css });
  }
  filter({ hasText }: { hasText: TextMatch }): Locator {
    return this.with({ by: 'hasText', text: matcher(hasText) });
  }
  first(): Locator {
    return this.with({ by: 'nth', index: 0 });
  }
  last(): Locator {
    return this.with({ by: 'nth', index: -1 });
  }

  private describe(): string {
    return this.steps.map((step) => JSON.stringify(step)).join(' > ') || 'the page';
  }

  /** One round trip: resolve the steps in the page and answer the query. */
  private async ask(query: Query): Promise<Answer | NodeRef[]> {
    const context = this.bidi.contextOf(this.page);
    const run = () =>
      this.bidi.callFunction(context, SANDBOX, answerInPage.toString(), [toLocal(JSON.stringify(this.steps)), toLocal(JSON.stringify(query))]);
    let result = await run();
    if (result.type === 'string' && (JSON.parse(String(result.value)) as Answer & { message?: string }).message === 'queries not loaded') {
      // First query in this document: load the query library into the sandbox.
      await this.bidi.evaluate(context, SANDBOX, domQueriesScript());
      result = await run();
    }
    if (result.type === 'array') return (result.value as NodeRef[]).map((node) => node);
    return JSON.parse(String(result.value)) as Answer;
  }

  private async answer<T>(query: Query): Promise<T> {
    const answer = (await this.ask(query)) as Answer;
    if (!answer.ok) throw new Error(`${this.describe()}: ${answer.message}`);
    return answer.value as T;
  }

  /** Waits, as Playwright's actions do, until exactly one element answers; fails at once on several. */
  private async waitForAnswer<T>(query: Query, timeout = TIMEOUT): Promise<T> {
    const deadline = Date.now() + timeout;
    let last = '';
    for (;;) {
      const answer = (await this.ask(query).catch((error: Error) => ({ ok: false, retry: true, message: error.message }))) as Answer;
      if (answer.ok) return answer.value as T;
      if (!answer.retry) throw new Error(`${this.describe()}: ${answer.message}`);
      last = answer.message;
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms on ${this.describe()}: ${last}`);
      await sleep(100);
    }
  }

  private async node(): Promise<NodeRef> {
    return waitFor(`one element for ${this.describe()}`, async () => {
      const nodes = await this.ask({ kind: 'elements' });
      if (!Array.isArray(nodes)) return undefined;
      if (nodes.length > 1) throw new Error(`${this.describe()}: ${nodes.length} elements match, expected one`);
      return nodes[0];
    });
  }

  async click(): Promise<void> {
    const { x, y } = await this.waitForAnswer<{ x: number; y: number }>({ kind: 'target' });
    await this.page.mouse.click(x, y);
  }
  async check(): Promise<void> {
    if (await this.isChecked()) return;
    await this.click();
    await waitFor(`${this.describe()} to be checked`, async () => ((await this.isChecked()) ? true : undefined));
  }
  async uncheck(): Promise<void> {
    if (!(await this.isChecked())) return;
    await this.click();
    await waitFor(`${this.describe()} to be unchecked`, async () => ((await this.isChecked()) ? undefined : true));
  }
  selectOption(valueOrLabel: string): Promise<unknown> {
    return this.waitForAnswer({ kind: 'selectOption', value: valueOrLabel });
  }
  async fill(value: string): Promise<void> {
    const type = await this.waitForAnswer<string>({ kind: 'inputType' });
    if (SET_DIRECTLY.has(type)) {
      await this.answer({ kind: 'setValue', value });
      return;
    }
    await this.click();
    await this.answer({ kind: 'selectAll' });
    if (value === '') await this.page.keyboard.press('Backspace');
    else await this.page.keyboard.type(value);
  }
  async setInputFiles(files: string | FilePayload): Promise<void> {
    let file: string;
    if (typeof files === 'string') file = files;
    else {
      file = path.join(mkdtempSync(path.join(tmpdir(), 'leadline-upload-')), files.name);
      writeFileSync(file, files.buffer);
    }
    await this.bidi.setFiles(this.bidi.contextOf(this.page), await this.node(), [file]);
  }

  async count(): Promise<number> {
    return this.answer<number>({ kind: 'count' });
  }
  async isVisible(): Promise<boolean> {
    return this.answer<boolean>({ kind: 'visible' });
  }
  isChecked(): Promise<boolean> {
    return this.waitForAnswer<boolean>({ kind: 'checked' });
  }
  inputValue(): Promise<string> {
    return this.waitForAnswer<string>({ kind: 'value' });
  }
  textContent(): Promise<string | null> {
    return this.waitForAnswer<string | null>({ kind: 'text' });
  }
  allTextContents(): Promise<string[]> {
    return this.answer<string[]>({ kind: 'texts' });
  }
  getAttribute(name: string): Promise<string | null> {
    return this.waitForAnswer<string | null>({ kind: 'attribute', name });
  }
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return this.waitForAnswer({ kind: 'box' });
  }
  async evaluate<R>(fn: (element: HTMLElement) => R): Promise<R> {
    const node = await this.node();
    const result = await this.bidi.callFunction(this.bidi.contextOf(this.page), SANDBOX, fn.toString(), [{ sharedId: node.sharedId }]);
    return fromRemote(result) as R;
  }
  async evaluateAll<R>(fn: (elements: HTMLElement[]) => R): Promise<R> {
    const nodes = await this.ask({ kind: 'elements' });
    const list = Array.isArray(nodes) ? nodes : [];
    const result = await this.bidi.callFunction(this.bidi.contextOf(this.page), SANDBOX, fn.toString(), [
      { type: 'array', value: list.map((node) => ({ sharedId: node.sharedId })) },
    ]);
    return fromRemote(result) as R;
  }
}

/**
 * The widget read from Firefox's accessibility tree: WebDriver BiDi hands out the widget's shadow
 * root whether it is open or closed, and its accessibility locator searches from there. Clicks are
 * BiDi pointer input at the element's centre, which the page sees as trusted events.
 */
function accessibilityWidget(page: Page, bidi: Bidi): Widget {
  const context = () => bidi.contextOf(page);

  async function shadowRoot(): Promise<NodeRef | undefined> {
    const [host] = await bidi.locate(context(), { type: 'css', value: WIDGET_TAG });
    return host?.value?.shadowRoot ?? undefined;
  }
  async function nodes(role: string, name?: string): Promise<NodeRef[]> {
    const root = await shadowRoot();
    if (!root) return [];
    return bidi.locate(context(), { type: 'accessibility', value: name === undefined ? { role } : { role, name } }, [root]);
  }
  const read = async <T>(node: NodeRef, fn: string): Promise<T> =>
    fromRemote(await bidi.callFunction(context(), SANDBOX, fn, [{ sharedId: node.sharedId }])) as T;
  const text = (node: NodeRef | undefined) =>
    node ? read<string>(node, 'function (el) { return el.textContent; }') : Promise.resolve('');
  /** The pick list's checkboxes, which a <label> names (the boxes beside a list's results have aria-label instead). */
  async function pickList(): Promise<NodeRef[]> {
    const boxes = await nodes('checkbox');
    const inLabel = await Promise.all(boxes.map((box) => read<boolean>(box, "function (box) { return Boolean(box.closest('label')); }")));
    return boxes.filter((_, i) => inLabel[i]);
  }
  const choice = (node: NodeRef) =>
    read<{ label: string; checked: boolean }>(
      node,
      `function (box) { const label = box.labels && box.labels[0]; return { label: (label ? label.innerText : '').replace(/\\s+/g, ' ').trim(), checked: box.checked }; }`,
    );
  async function click(node: NodeRef): Promise<void> {
    await read(node, "function (el) { el.scrollIntoView({ block: 'center' }); }");
    await bidi.clickElement(context(), node);
  }

  return {
    async isShown() {
      return (await bidi.locate(context(), { type: 'css', value: WIDGET_TAG })).length > 0;
    },
    async buttons() {
      return Promise.all((await nodes('button')).map((node) => read<string>(node, "function (b) { return b.textContent.trim(); }")));
    },
    async isEnabled(label) {
      const [found] = await nodes('button', label);
      return found !== undefined && !(await read<boolean>(found, 'function (b) { return b.disabled; }'));
    },
    async click(label) {
      const button = await waitFor(`the widget's "${label}" button`, async () => {
        const [found] = await nodes('button', label);
        return found && !(await read<boolean>(found, 'function (b) { return b.disabled; }')) ? found : undefined;
      });
      await click(button);
    },
    async status() {
      return text((await nodes('status'))[0]);
    },
    async alert() {
      return text((await nodes('alert'))[0]);
    },
    async description() {
      // The text the button's aria-describedby points at, inside the same (closed) root.
      for (const node of await nodes('button')) {
        const described = await read<string>(
          node,
          "function (b) { const id = b.getAttribute('aria-describedby'); const el = id && b.getRootNode().getElementById(id); return el ? el.textContent : ''; }",
        );
        if (described) return described;
      }
      return '';
    },
    async choices() {
      return Promise.all((await pickList()).map(choice));
    },
    async check(name) {
      const box = await waitFor(`the widget's choice "${name}"`, async () => {
        for (const node of await pickList()) if ((await choice(node)).label.startsWith(name)) return node;
        return undefined;
      });
      if ((await choice(box)).checked) return;
      await click(box);
      await waitFor(`"${name}" to be ticked`, async () => ((await choice(box)).checked ? true : undefined));
    },
    async countInside(css) {
      const root = await shadowRoot();
      if (!root) return 0;
      return (await bidi.locate(context(), { type: 'css', value: css }, [root])).length;
    },
  };
}
