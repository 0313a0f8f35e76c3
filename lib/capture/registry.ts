import { extractGmailThread } from './email/gmail';
import { extractOutlookThread } from './email/outlook';
import { extractLinkedInPeopleList } from './linkedin/list';
import { extractLinkedInProfile } from './linkedin/profile';
import { extractSalesNavigatorLead } from './linkedin/sales-lead';
import { extractWebPage } from './web/page';
import {
  isGmailThreadUrl,
  isLinkedInHost,
  isLinkedInPeopleListPath,
  isLinkedInProfilePath,
  isLinkedInSalesLeadPath,
  isOutlookHost,
} from '@/lib/model/page-urls';
import type { ProspectDraftInput, Source } from '@/lib/model/prospect';

export type Extractor = (doc: Document, url: URL) => ProspectDraftInput[];

/**
 * Which extractor reads which page. Content scripts each pick theirs through their site
 * (linkedin/site.ts, email/*-site.ts) so they bundle only what they need; this table is for tools
 * that look at every source at once (the accuracy report, the benchmark). The URL tests come from
 * lib/model/page-urls.ts, like the content scripts' match patterns.
 */
export const EXTRACTORS: ReadonlyArray<{ source: Source; name: string; matches: (url: URL) => boolean; extract: Extractor }> = [
  { source: 'linkedin', name: 'LinkedIn profile', matches: (url) => isLinkedInHost(url) && isLinkedInProfilePath(url), extract: extractLinkedInProfile },
  { source: 'linkedin', name: 'LinkedIn people list', matches: (url) => isLinkedInHost(url) && isLinkedInPeopleListPath(url), extract: extractLinkedInPeopleList },
  { source: 'linkedin', name: 'Sales Navigator lead', matches: isLinkedInSalesLeadPath, extract: extractSalesNavigatorLead },
  { source: 'linkedin', name: 'LinkedIn other page', matches: isLinkedInHost, extract: extractLinkedInProfile },
  { source: 'gmail', name: 'Gmail thread', matches: (url) => url.hostname === 'mail.google.com', extract: (doc, url) => (isGmailThreadUrl(url) ? extractGmailThread(doc, url) : []) },
  { source: 'outlook', name: 'Outlook thread', matches: isOutlookHost, extract: extractOutlookThread },
  { source: 'web', name: 'Any web page', matches: () => true, extract: extractWebPage },
];

export function extractorFor(url: URL) {
  return EXTRACTORS.find((entry) => entry.matches(url))!;
}
