import { isRoleAddress, mergeSamePeople, rankDrafts, type WebDraft } from './draft';
import { withBudget } from '@/lib/capture/budget';
import { extractContactLinks } from './contact-links';
import { extractHCard } from './hcard';
import { extractJsonLd } from './json-ld';
import { extractMicrodata } from './microdata';
import { extractPeopleCards } from './people-cards';
import { extractImprint } from './imprint';

/**
 * Everyone a generic web page offers, for "Capture this page": structured data first (JSON-LD,
 * microdata, h-card), then contact links. Mentions of one person (same email, or the same name up
 * to case and accents) are merged; where they disagree the structured data wins, and agreement
 * raises the confidence a little.
 */

/** In order of trust: earlier extractors win a field when two describe the same person. */
const PAGE_EXTRACTORS: ReadonlyArray<(doc: Document, url: URL) => WebDraft[]> = [
  extractJsonLd,
  extractMicrodata,
  extractHCard,
  extractPeopleCards,
  extractImprint,
  extractContactLinks,
];

export const MAX_PAGE_DRAFTS = 50;
const CORROBORATION = 0.05;

function readPage(doc: Document, url: URL): WebDraft[] {
  return withBudget(() => readAll(doc, url));
}

function readAll(doc: Document, url: URL): WebDraft[] {
  const found: WebDraft[] = [];
  for (const extract of PAGE_EXTRACTORS) {
    try {
      for (const draft of extract(doc, url)) found.push(draft);
    } catch (error) {
      console.warn('Leadline: one way of reading this page failed', error);
    }
  }
  return rankDrafts(mergeSamePeople(found, CORROBORATION));
}

/** A shared inbox (info@, sales@) with no one's name: the organisation's contact, not a prospect. */
const isOrganizationContact = (d: WebDraft) => !d.fullName && !d.profileUrl && (!d.email || isRoleAddress(d.email));

/** The people on a web page, most certain first, at most 50, each with `source: 'web'` and the page as `sourceUrl`; [] when it has none. */
export function extractWebPage(doc: Document, url: URL): WebDraft[] {
  return readPage(doc, url)
    .filter((draft) => !isOrganizationContact(draft))
    .slice(0, MAX_PAGE_DRAFTS);
}

/**
 * What a page offers when it names no one: its shared inboxes and switchboard (info@, sales@), with
 * the organisation. Not prospects, but a start when the rep adds one by hand.
 */
export function extractPageContacts(doc: Document, url: URL): WebDraft[] {
  return readPage(doc, url).filter(isOrganizationContact).slice(0, 5);
}

/**
 * What a page with no readable person still offers towards a lead typed by hand: its site (the
 * address's origin) and the organisation's name where the page states it (`og:site_name`).
 */
export function offerFromPage(doc: Document, url: URL): { website?: string; company?: string } {
  const siteName = doc.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content?.trim();
  return {
    ...(url.protocol === 'https:' || url.protocol === 'http:' ? { website: `${url.origin}/` } : {}),
    ...(siteName ? { company: siteName } : {}),
  };
}
