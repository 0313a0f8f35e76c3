import { extractGmailThread } from './gmail';
import { isHidden } from './body-text';
import type { CaptureSite } from '@/lib/capture/site';
import { isGmailThreadUrl } from '@/lib/model/page-urls';

/** Gmail: an open thread's outside people, the most recent sender first. */
export const gmailSite: CaptureSite = {
  isTarget: isGmailThreadUrl,
  lookupKeys: (url, doc) => {
    const [first] = extractGmailThread(doc, url);
    return first?.email ? { email: first.email } : undefined;
  },
  extract: (doc, url) => extractGmailThread(doc, url),
  // The open thread's toolbar ("gh" attributes have outlived many redesigns). Gmail keeps the views it
  // left (the inbox, other threads) in the page with display:none, each with its own toolbar: the
  // visible one is the thread's. The button floats when there is none.
  anchor: (doc) => Array.from(doc.querySelectorAll('[gh="mtb"]')).slice(0, 20).find((toolbar) => !isHidden(toolbar)) ?? null,
  preselect: () => 'first',
};
