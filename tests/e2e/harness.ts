import { launchChromium } from './drivers/chromium';
import { launchFirefox } from './drivers/firefox';
import type { BrowserName, LaunchOptions, Session } from './drivers/types';

export { fixture, fixtureUrl, ROOT } from './drivers/common';
export type { Locator, Session, Tab, ToolbarPopup, Widget } from './drivers/types';

/**
 * The browser this run drives: vitest.e2e.config.ts runs every *.e2e.ts file once per browser,
 * as the projects "chromium" and "firefox", each setting LEADLINE_E2E_BROWSER.
 */
export function browserUnderTest(): BrowserName {
  const name = process.env.LEADLINE_E2E_BROWSER;
  if (name === 'chromium' || name === 'firefox') return name;
  throw new Error(`LEADLINE_E2E_BROWSER must be "chromium" or "firefox", not ${JSON.stringify(name)}`);
}

/** Starts the browser under test with the built extension, on a fresh profile or the given one. */
export function launch(options: LaunchOptions = {}): Promise<Session> {
  return browserUnderTest() === 'firefox' ? launchFirefox(options) : launchChromium(options);
}
