/**
 * What an end-to-end test may do with a browser, written once for both drivers: Chromium through
 * playwright-core (drivers/chromium.ts) and Firefox through puppeteer-core over WebDriver BiDi
 * (drivers/firefox.ts). The page-level part is the subset of Playwright's Locator API the tests use,
 * so Chromium hands out Playwright's own locators and Firefox implements the same calls.
 */

export type BrowserName = 'chromium' | 'firefox';

export type Role =
  | 'alert'
  | 'button'
  | 'checkbox'
  | 'columnheader'
  | 'combobox'
  | 'grid'
  | 'gridcell'
  | 'group'
  | 'heading'
  | 'list'
  | 'listitem'
  | 'radio'
  | 'region'
  | 'row'
  | 'searchbox'
  | 'status'
  | 'tab'
  | 'table'
  | 'textbox';

/** Names and texts as Playwright matches them: a string is a case-insensitive substring unless `exact`. */
export type TextMatch = string | RegExp;

export type RoleOptions = { name?: TextMatch; exact?: boolean; checked?: boolean; selected?: boolean };

export type FilePayload = { name: string; mimeType: string; buffer: Buffer };

export interface Locator {
  getByRole(role: Role, options?: RoleOptions): Locator;
  getByText(text: TextMatch, options?: { exact?: boolean }): Locator;
  getByLabel(text: TextMatch, options?: { exact?: boolean }): Locator;
  locator(css: string): Locator;
  filter(options: { hasText: TextMatch }): Locator;
  first(): Locator;
  last(): Locator;

  /** A real mouse click at the element, once exactly one element matches and it can take it. */
  click(): Promise<void>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
  fill(value: string): Promise<void>;
  /** Chooses the `<select>` option with this value or label, as Playwright's selectOption does. */
  selectOption(valueOrLabel: string): Promise<unknown>;
  setInputFiles(files: string | FilePayload): Promise<void>;

  count(): Promise<number>;
  isChecked(): Promise<boolean>;
  isVisible(): Promise<boolean>;
  inputValue(): Promise<string>;
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** Runs in the page with the one matching element; `fn` must not close over anything. */
  evaluate<R>(fn: (element: HTMLElement) => R): Promise<R>;
  evaluateAll<R>(fn: (elements: HTMLElement[]) => R): Promise<R>;
}

/**
 * Leadline's in-page widget (the `leadline-capture` element: "Save lead", the pick list, the status
 * line). Tests reach it only through these calls, which read the browser's accessibility tree and
 * click with real input at the element's box, so they work the same once the widget's shadow root
 * is closed and it acts only on trusted events.
 */
export interface Widget {
  /** Whether the page shows the widget at all. */
  isShown(): Promise<boolean>;
  /** Labels of the widget's buttons, in order. */
  buttons(): Promise<string[]>;
  /** Whether the widget's button with exactly this label is there and can be clicked (false when disabled or absent). */
  isEnabled(label: string): Promise<boolean>;
  /** Clicks the widget's button with exactly this label, waiting for it to appear and be enabled. */
  click(label: string): Promise<void>;
  /** The status line's text ('' when there is none). */
  status(): Promise<string>;
  /** The error the widget announces ('' when there is none). */
  alert(): Promise<string>;
  /**
   * What the widget's button tells assistive technology about the page's person (its accessible
   * description): "Already in Leadline (stage: Nurturing)" for a stored person, '' otherwise. It lives
   * in the closed shadow root, where the page cannot read it.
   */
  description(): Promise<string>;
  /** The pick list: each person's full label and whether it is ticked (not the boxes beside a list's results). */
  choices(): Promise<Array<{ label: string; checked: boolean }>>;
  /** Ticks the pick-list entry whose label starts with this name. */
  check(name: string): Promise<void>;
  /** How many elements inside the widget match a CSS selector (to prove page markup never became markup). */
  countInside(css: string): Promise<number>;
}

/** One axe-core rule the page breaks, and the elements breaking it (CSS selectors, as axe names them). */
export type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; targets: string[] };

export type ColorScheme = 'light' | 'dark';

export interface Tab {
  url(): string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs in the page's own world. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  keyboard: { press(key: string): Promise<void> };
  /** A real mouse click at a point of the page's viewport (trusted input, as a rep's). */
  mouse: { click(x: number, y: number): Promise<void> };
  widget: Widget;
  /**
   * Runs axe-core on the page as it is now — the WCAG 2.x A/AA and best-practice rules, or only the
   * rules named — and answers what they find.
   */
  axe(options?: { rules?: string[] }): Promise<AxeViolation[]>;
  /** Shows the page as the rep's system asks in light or dark mode (the prefers-color-scheme media feature). */
  emulateColorScheme(scheme: ColorScheme): Promise<void>;
  /** Messages of the dialogs (alert, confirm…) the page opened; the driver dismisses each one. */
  readonly dialogs: readonly string[];
  /** Uncaught errors thrown in the page. */
  readonly errors: readonly string[];

  getByRole(role: Role, options?: RoleOptions): Locator;
  getByText(text: TextMatch, options?: { exact?: boolean }): Locator;
  getByLabel(text: TextMatch, options?: { exact?: boolean }): Locator;
  locator(css: string): Locator;
}

/** The popup a real press on the toolbar button opened (it is not a tab, so it has its own small driver). */
export interface ToolbarPopup {
  /** Clicks the popup's button with exactly this text. */
  click(buttonText: string): Promise<void>;
  /** The popup's visible text. */
  text(): Promise<string>;
}

export type StoredTable = 'leads' | 'activities' | 'reminders';

export interface Session {
  readonly browserName: BrowserName;
  readonly profileDir: string;
  /** Serves a fixture page at its real URL from now on; every other http(s) request is refused. */
  serveFixture(url: string, relativePath: string): Promise<void>;
  /** Serves this HTML at the URL from now on, in place of what was served there (a page as it changed). */
  serveHtml(url: string, body: string): Promise<void>;
  /** A new tab, with the routes served so far. */
  newTab(): Promise<Tab>;
  /** Serves a fixture at the URL it declares and opens it in a new tab. */
  openFixture(relativePath: string): Promise<Tab>;
  /** An extension page in a tab, e.g. `popup.html`, `dashboard.html#data`, `popup.html#lead=…`. */
  openExtensionPage(path: string): Promise<Tab>;
  openPopup(): Promise<Tab>;
  /** Presses Leadline's toolbar button with the tab in front, as a rep's click does (it grants activeTab). */
  pressToolbarButton(tab: Tab): Promise<ToolbarPopup>;
  /** Whether the extension may run a script in this tab right now (without any click it must not). */
  extensionCanRead(tab: Tab): Promise<boolean>;
  /** Runs `fn` in an extension context (`browser`/`chrome` available); `fn` must not close over anything. */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Every row of one of the extension's IndexedDB tables. */
  storedRows<T = Record<string, unknown>>(table: StoredTable): Promise<T[]>;
  /** The file a click in this tab downloads: its name and its text. */
  download(tab: Tab, action: () => Promise<void>): Promise<{ name: string; text: string }>;
  /** Closes the browser; the profile stays for a restart until `removeProfile`. */
  close(): Promise<void>;
  removeProfile(): void;
}

export type LaunchOptions = {
  /** Start on this profile again (a browser restart); a fresh one when absent. */
  profileDir?: string;
  /**
   * The browser's own language, as a BCP 47 tag ("de-DE"); the system's (English here) when absent.
   * Chromium needs Debian's chromium-l10n for it, Firefox the language's langpack (firefox-esr-l10n-de).
   */
  language?: string;
};
