import { extractGmailThread } from './gmail';
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
  // Gmail's thread toolbar ("gh" attributes have outlived many redesigns); the button floats without it.
  anchor: (doc) => doc.querySelector('[gh="tm"] [gh="mtb"], [gh="mtb"]'),
  preselect: () => 'first',
};
