import { startCapture, type CaptureDeps } from './capture-controller';
import { captureFallback } from '@/lib/capture/fallback';
import { extractFromSelection } from '@/lib/capture/web/selection';
import { extractPageContacts, extractWebPage, offerFromPage } from '@/lib/capture/web/page';
import { linkedInSite } from '@/lib/capture/linkedin/site';
import type { PageOffer } from '@/lib/capture/site';
import { isLinkedInHost } from '@/lib/model/page-urls';
import type { ProspectDraftInput } from '@/lib/model/prospect';

/**
 * What "Capture this page" found: how many people, where, and, when the page gave no prospect or
 * only a name, what it did find (`note`) and what "Add manually" can start from (`offer`).
 */
export type PageCaptureResult = {
  found: number;
  from: 'selection' | 'page';
  note?: string;
  offer?: PageOffer & { phone?: string; sourceUrl?: string };
};

// Injected scripts share the extension's isolated world, so a second "Capture this page" can find
// and replace the first one's panel instead of stacking another.
const ACTIVE = Symbol.for('leadline.pageCapture');
type WithActive = typeof globalThis & { [ACTIVE]?: () => void };

/**
 * "Capture this page", the context-menu item and the keyboard shortcut: read the selected text if
 * the rep selected some, else the page's structured data and contact links, then save at once (one
 * person) or offer a pick list (several).
 */
export function capturePage({ win, send, listen }: Omit<CaptureDeps, 'captureNow'>): PageCaptureResult {
  const url = new URL(win.location.href);
  const selection = win.getSelection()?.toString().trim() ?? '';
  const fromSelection = selection ? extractFromSelection(selection, url) : [];
  // On LinkedIn (when the rep keeps Leadline's button off it, capture comes only from here), its own reader.
  const onLinkedIn = isLinkedInHost(url) && linkedInSite.isTarget(url);
  const fromPage = () => (onLinkedIn ? linkedInSite.extract(win.document, url) : extractWebPage(win.document, url));
  const drafts: ProspectDraftInput[] = fromSelection.length > 0 ? fromSelection : fromPage();
  const pageContacts = (doc: Document, pageUrl: URL) => (onLinkedIn ? [] : extractPageContacts(doc, pageUrl));
  const offer = (doc: Document, pageUrl: URL): PageOffer => (onLinkedIn ? (linkedInSite.offer?.(doc, pageUrl) ?? {}) : offerFromPage(doc, pageUrl));

  const scope = globalThis as WithActive;
  scope[ACTIVE]?.();
  scope[ACTIVE] = startCapture(
    {
      isTarget: () => true,
      lookupKeys: () => undefined,
      extract: () => drafts,
      preselect: () => (drafts.length > 3 ? 'none' : 'first'),
      pageContacts,
      offer,
    },
    { win, send, captureNow: true, ...(listen ? { listen } : {}) },
  );
  const fallback = captureFallback(drafts, pageContacts(win.document, url));
  const found = fallback?.prefill;
  return {
    found: drafts.length,
    from: fromSelection.length > 0 ? 'selection' : 'page',
    ...(fallback
      ? {
          note: fallback.found,
          offer: {
            sourceUrl: url.href,
            ...offer(win.document, url),
            ...Object.fromEntries(
              (['fullName', 'title', 'company', 'email', 'phone', 'profileUrl', 'website'] as const).flatMap((field) =>
                found?.[field] ? [[field, found[field]]] : [],
              ),
            ),
          },
        }
      : {}),
  };
}
