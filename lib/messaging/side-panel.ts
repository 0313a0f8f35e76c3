import { browser } from 'wxt/browser';
import type { PanelOpener } from './handler';

type ChromeSidePanel = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type FirefoxSidebar = { open(): Promise<void>; isOpen(details: object): Promise<boolean> };

/** Chrome's `sidePanel` or Firefox's `sidebarAction`, whichever this browser has. */
function sidePanelApi(): { chrome?: ChromeSidePanel; firefox?: FirefoxSidebar } {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar };
  return { ...(api.sidePanel ? { chrome: api.sidePanel } : {}), ...(api.sidebarAction ? { firefox: api.sidebarAction } : {}) };
}

/**
 * The background's way to "Open in Leadline" from the widget. Both browsers let an extension open its
 * side panel only during the rep's click: Chrome counts a content script's click passed on in a
 * message, Firefox does not, so there the lead opens in a tab instead.
 */
export const browserPanelOpener: PanelOpener = {
  openSidePanel(tabId) {
    const { chrome, firefox } = sidePanelApi();
    if (chrome) return chrome.open({ tabId });
    // Already open, the sidebar follows the page by itself (it hears the same message); Firefox refuses
    // to open it from here otherwise, and the lead opens in a tab instead.
    if (firefox) return firefox.isOpen({}).then((open) => (open ? undefined : firefox.open()));
    return Promise.reject(new Error('This browser has no side panel for extensions.'));
  },
  async openTab(path, windowId) {
    await browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html'), ...(windowId !== undefined ? { windowId } : {}) });
  },
};

/**
 * The popup's "Open side panel". Must run inside the click handler, before any await: the browser
 * allows it only as the direct result of the rep's click. Resolves to whether the panel opened.
 */
export function openSidePanelFromClick(): Promise<boolean> {
  const { chrome, firefox } = sidePanelApi();
  const windows = browser.windows as unknown as { WINDOW_ID_CURRENT?: number } | undefined;
  const opening = chrome
    ? chrome.open({ windowId: windows?.WINDOW_ID_CURRENT ?? -2 })
    : firefox
      ? firefox.open()
      : Promise.reject(new Error('no side panel'));
  return opening.then(
    () => true,
    (error: unknown) => {
      console.error('Leadline: the side panel did not open', error);
      return false;
    },
  );
}

/** Whether this browser has a side panel (or sidebar) Leadline can open. */
export function hasSidePanel(): boolean {
  const { chrome, firefox } = sidePanelApi();
  return Boolean(chrome ?? firefox);
}
