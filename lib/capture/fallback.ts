import type { ProspectDraftInput } from '@/lib/model/prospect';
import { t } from '@/lib/i18n';

/**
 * What the widget says when a page yields no prospect, or only a name: what it did find, and what
 * the rep can do next (select the details and press the shortcut, or add the person by hand,
 * starting from what was found). Plain data for lib/page-ui to show.
 */

export const CAPTURE_SHORTCUT = 'Alt+Shift+L';
// Functions, not constants: the text is read in the browser's language when shown.
export const nothingFound = (): string => t('widget.nothingFound');
export const fallbackHint = (): string => t('widget.fallbackHint', { shortcut: CAPTURE_SHORTCUT });

// A name with none of these is not enough to save: nothing to reach the person by or place them with.
const DETAILS = ['email', 'phone', 'title', 'company', 'profileUrl', 'website'] as const;

export type CaptureFallback = {
  /** What was found, in a sentence: "No prospect found on this page." or "Found only a name on this page: Hannah Brandt." */
  found: string;
  /** Whether nothing at all was found (said as an alert) rather than a name only. */
  nothing: boolean;
  /** The fields to start the rep's manual entry with. */
  prefill: ProspectDraftInput | undefined;
};

/** The fallback for what a page yielded, or undefined when it yielded a prospect worth saving as is. */
export function captureFallback(drafts: readonly ProspectDraftInput[], pageContacts: readonly ProspectDraftInput[] = []): CaptureFallback | undefined {
  if (drafts.length > 1) return undefined;
  const [only] = drafts;
  if (only && DETAILS.some((field) => only[field])) return undefined;
  if (only?.fullName) return { found: t('widget.onlyName', { name: only.fullName }), nothing: false, prefill: only };
  // A shared inbox or switchboard (info@, sales@) is a start for the rep, not a prospect.
  return { found: nothingFound(), nothing: true, prefill: only ?? pageContacts[0] };
}
