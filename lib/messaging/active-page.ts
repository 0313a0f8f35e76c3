import { browser } from 'wxt/browser';
import { PAGE_STATE, PageStateSchema, type PageState } from './protocol';

/**
 * Follows the page in the active tab of the side panel's window: asks that tab's content script what
 * it shows (`page.state`) when the panel opens, when the rep switches tabs, when the tab loads, and
 * when the content script says its page changed (an in-app navigation, a save). `onPage` gets
 * undefined for a page without Leadline's content script (any other site, a browser page).
 * Returns a function that stops following.
 */
export function watchActivePage(onPage: (page: PageState | undefined) => void): () => void {
  let activeTabId: number | undefined;
  let asked = 0;

  async function refresh(): Promise<void> {
    const ask = ++asked;
    let page: PageState | undefined;
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      activeTabId = tab?.id;
      if (activeTabId !== undefined) {
        const reply: unknown = await browser.tabs.sendMessage(activeTabId, { type: PAGE_STATE }, { frameId: 0 });
        const parsed = PageStateSchema.safeParse(reply);
        page = parsed.success ? parsed.data : undefined;
      }
    } catch {
      // No content script in that tab (another site, a browser page): the panel shows the list.
      page = undefined;
    }
    // Only the latest answer counts: a slow tab must not win over the one the rep switched to since.
    if (ask === asked) onPage(page);
  }

  const onActivated = () => void refresh();
  const onUpdated = (tabId: number, change: { status?: string }) => {
    if (tabId === activeTabId && change.status === 'complete') void refresh();
  };
  const onFocus = () => void refresh();
  const onMessage = (message: unknown, sender: { id?: string; tab?: { id?: number } }) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (sender.id === browser.runtime.id && sender.tab?.id === activeTabId && (type === 'page.changed' || type === 'panel.open')) void refresh();
    // The background answers these; the panel only listens.
    return undefined;
  };

  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.windows?.onFocusChanged.addListener(onFocus);
  browser.runtime.onMessage.addListener(onMessage);
  void refresh();
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.windows?.onFocusChanged.removeListener(onFocus);
    browser.runtime.onMessage.removeListener(onMessage);
  };
}
