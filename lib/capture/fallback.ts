import type { ProspectDraftInput } from '@/lib/model/prospect';

/**
 * What the widget says when a page yields no prospect, or only a name: what it did find, and what
 * the rep can do next (select the details and press the shortcut, or add the person by hand,
 * starting from what was found). Plain data for lib/page-ui to show.
 */

export const CAPTURE_SHORTCUT = 'Alt+Shift+L';
export const NOTHING_FOUND = 'No prospect found on this page.';
export const FALLBACK_HINT = `Select the person’s details on the page and press ${CAPTURE_SHORTCUT}, or add them by hand.`;

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
  if (only?.fullName) return { found: `Found only a name on this page: ${only.fullName}.`, nothing: false, prefill: only };
  // A shared inbox or switchboard (info@, sales@) is a start for the rep, not a prospect.
  return { found: NOTHING_FOUND, nothing: true, prefill: only ?? pageContacts[0] };
}
