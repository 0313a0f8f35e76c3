import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function fixture(relativePath: string): string {
  return readFileSync(path.join(ROOT, 'tests/fixtures', relativePath), 'utf8');
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
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

export async function openPopup(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return page;
}

/** Reads every stored lead straight from the extension's IndexedDB, through the service worker. */
export async function storedLeads(session: Session): Promise<Array<Record<string, unknown>>> {
  return session.worker.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('leadline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('leads').objectStore('leads').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as Array<Record<string, unknown>>);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
