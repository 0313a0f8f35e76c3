import { extractGmailThread, isGmailThreadUrl } from './gmail';
import { extractLinkedInPeopleList, isLinkedInPeopleListPath } from './linkedin-list';
import { extractLinkedInProfile, isLinkedInProfilePath } from './linkedin-profile';
import { extractOutlookThread } from './outlook';
import { extractWebPage } from './web-page';
import type { ProspectDraftInput, Source } from '@/lib/model/prospect';

export type Extractor = (doc: Document, url: URL) => ProspectDraftInput[];

/**
 * Which extractor reads which page. Content scripts each pick theirs directly so they bundle only
 * what they need; this table is for tools that look at every source at once (the accuracy report,
 * the benchmark). Adding a source is a file and a line here.
 */
export const EXTRACTORS: ReadonlyArray<{ source: Source; name: string; matches: (url: URL) => boolean; extract: Extractor }> = [
  { source: 'linkedin', name: 'LinkedIn profile', matches: (url) => url.hostname.endsWith('linkedin.com') && isLinkedInProfilePath(url), extract: extractLinkedInProfile },
  { source: 'linkedin', name: 'LinkedIn people list', matches: (url) => url.hostname.endsWith('linkedin.com') && isLinkedInPeopleListPath(url), extract: extractLinkedInPeopleList },
  { source: 'linkedin', name: 'LinkedIn other page', matches: (url) => url.hostname.endsWith('linkedin.com'), extract: extractLinkedInProfile },
  { source: 'gmail', name: 'Gmail thread', matches: (url) => url.hostname === 'mail.google.com', extract: (doc, url) => (isGmailThreadUrl(url) ? extractGmailThread(doc, url) : []) },
  { source: 'outlook', name: 'Outlook thread', matches: (url) => /^outlook\.(office|office365|live)\.com$/.test(url.hostname), extract: extractOutlookThread },
  { source: 'web', name: 'Any web page', matches: () => true, extract: extractWebPage },
];

export function extractorFor(url: URL) {
  return EXTRACTORS.find((entry) => entry.matches(url))!;
}
