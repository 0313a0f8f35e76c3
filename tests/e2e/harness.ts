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
export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const session = browserUnderTest() === 'firefox' ? await launchFirefox(options) : await launchChromium(options);
  await linkedInScriptRegistered(session);
  return session;
}

/**
 * LinkedIn's content script is registered by the background as it starts (discreet mode keeps it
 * off), not listed in the manifest: a LinkedIn page opened before that would get no button.
 */
export async function linkedInScriptRegistered(session: Session): Promise<void> {
  await session.inExtension(async () => {
    const api = (globalThis as unknown as { browser?: any; chrome?: any }).browser ?? (globalThis as unknown as { chrome: any }).chrome;
    for (let attempt = 0; attempt < 100; attempt++) {
      const scripts = (await api.scripting.getRegisteredContentScripts()) as unknown[];
      if (scripts.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}
