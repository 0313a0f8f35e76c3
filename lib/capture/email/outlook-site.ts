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
  preselect: () => 'first',
};
