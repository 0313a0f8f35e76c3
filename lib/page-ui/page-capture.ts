import { startCapture, type CaptureDeps } from './capture-controller';
import { extractFromSelection } from '@/lib/capture/web/selection';
import { extractPageContacts, extractWebPage } from '@/lib/capture/web/page';
import { linkedInSite } from '@/lib/capture/linkedin/site';
import { isLinkedInHost } from '@/lib/model/page-urls';
import type { ProspectDraftInput } from '@/lib/model/prospect';

export type PageCaptureResult = { found: number; from: 'selection' | 'page' };

// Injected scripts share the extension's isolated world, so a second "Capture this page" can find
// and replace the first one's panel instead of stacking another.
const ACTIVE = Symbol.for('leadline.pageCapture');
type WithActive = typeof globalThis & { [ACTIVE]?: () => void };

/**
 * "Capture this page", the context-menu item and the keyboard shortcut: read the selected text if
 * the rep selected some, else the page's structured data and contact links, then save at once (one
 * person) or offer a pick list (several).
 */
export function capturePage({ win, send }: Omit<CaptureDeps, 'captureNow'>): PageCaptureResult {
  const url = new URL(win.location.href);
  const selection = win.getSelection()?.toString().trim() ?? '';
  const fromSelection = selection ? extractFromSelection(selection, url) : [];
  // On LinkedIn (when the rep keeps Leadline's button off it, capture comes only from here), its own reader.
  const onLinkedIn = isLinkedInHost(url) && linkedInSite.isTarget(url);
  const fromPage = () => (onLinkedIn ? linkedInSite.extract(win.document, url) : extractWebPage(win.document, url));
  const drafts: ProspectDraftInput[] = fromSelection.length > 0 ? fromSelection : fromPage();

  const scope = globalThis as WithActive;
  scope[ACTIVE]?.();
  scope[ACTIVE] = startCapture(
    {
      isTarget: () => true,
      lookupKeys: () => undefined,
      extract: () => drafts,
      preselect: () => (drafts.length > 3 ? 'none' : 'first'),
      source: onLinkedIn ? 'linkedin' : 'web',
      pageContacts: (doc, pageUrl) => (onLinkedIn ? [] : extractPageContacts(doc, pageUrl)),
    },
    { win, send, captureNow: true },
  );
  return { found: drafts.length, from: fromSelection.length > 0 ? 'selection' : 'page' };
}
