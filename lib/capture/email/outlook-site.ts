import { extractOutlookThread } from './outlook';
import type { CaptureSite } from '@/lib/capture/site';
import { isOutlookThreadUrl } from '@/lib/model/page-urls';

/** Outlook on the web: the open message's outside people, anchored on roles and aria-labels, not hashed classes. */
export const outlookSite: CaptureSite = {
  isTarget: isOutlookThreadUrl,
  lookupKeys: (url, doc) => {
    const [first] = extractOutlookThread(doc, url);
    return first?.email ? { email: first.email } : undefined;
  },
  extract: (doc, url) => extractOutlookThread(doc, url),
  // The open message's own toolbar (Reply, Reply all, Forward), by its role and label.
  anchor: (doc) => doc.querySelector('[role="main"] [role="toolbar"][aria-label="Message actions"], [role="toolbar"][aria-label="Message actions"]'),
  preselect: () => 'first',
};
