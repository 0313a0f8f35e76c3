import { browser } from 'wxt/browser';
import type { PageCaptureResult } from './page-capture';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';

export const PAGE_CAPTURE_SCRIPT = '/page-capture.js' as const;

/** `browser.scripting.executeScript` with files, passed in so this stays testable without a browser. */
export type RunScript = (tabId: number, files: Array<typeof PAGE_CAPTURE_SCRIPT>) => Promise<Array<{ result?: unknown }>>;

export type InjectOutcome = { ok: true; result: PageCaptureResult } | { ok: false; error: string };

/**
 * Runs the page-capture script in a tab the rep pointed at (activeTab grants that tab only, and only
 * after the rep's click, menu choice or shortcut). Browser pages and extension stores refuse scripts.
 */
export async function injectPageCapture(
  runScript: RunScript,
  tabId: number | undefined,
  grant: (tabId: number) => Promise<void>,
): Promise<InjectOutcome> {
  if (tabId === undefined) return { ok: false, error: t('widget.noPage') };
  try {
    // First: the background accepts this page's saves only from a tab the rep pointed Leadline at.
    await grant(tabId);
    const [frame] = await runScript(tabId, [PAGE_CAPTURE_SCRIPT]);
    const result = frame?.result as PageCaptureResult | undefined;
    if (!result || typeof result.found !== 'number') return { ok: false, error: t('widget.unreadable') };
    return { ok: true, result };
  } catch (error) {
    console.error('Leadline: page capture failed', error);
    return { ok: false, error: t('widget.forbidden') };
  }
}

export function describeCapture(result: PageCaptureResult): string {
  if (result.note) return result.note;
  if (result.found === 0) return t('widget.nothingFound');
  if (result.found === 1) return t('widget.foundOne');
  return t('widget.foundMany', [uiFormats().count(result.found)]);
}

export const browserRunScript: RunScript = (tabId, files) => browser.scripting.executeScript({ target: { tabId }, files });

/** What the popup says after "Capture this page", and what "Add manually" starts from when the page gave too little. */
export type CaptureReport = { message: string; offer?: PageCaptureResult['offer'] };

/** The popup's "Capture this page": the tab the rep was looking at when they opened the popup. */
export async function captureActiveTab(
  grant: (tabId: number) => Promise<void>,
  runScript: RunScript = browserRunScript,
): Promise<CaptureReport> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const outcome = await injectPageCapture(runScript, tab?.id, grant);
  if (!outcome.ok) return { message: outcome.error };
  return { message: describeCapture(outcome.result), ...(outcome.result.offer ? { offer: outcome.result.offer } : {}) };
}
