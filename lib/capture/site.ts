import type { CompanyInfo } from './linkedin/company';
import type { ProspectDraftInput } from '@/lib/model/prospect';

export type LookupKeys = { profileUrl?: string; email?: string };

/**
 * What a site contributes to capture: which of its pages get the button, how to recognise a stored
 * prospect, how to read one. Each site's definition sits beside its extractors
 * (linkedin/site.ts, email/gmail-site.ts, email/outlook-site.ts); lib/page-ui turns it into the button.
 */
export type CaptureSite = {
  isTarget(url: URL): boolean;
  /** Keys of the main prospect on the page, to say "Already in Leadline" before any click; undefined while the page is still rendering. */
  lookupKeys(url: URL, doc: Document): LookupKeys | undefined;
  extract(doc: Document, url: URL): ProspectDraftInput[];
  /**
   * On a page listing people: what `extract` gives, each draft with the result card it came from, so
   * the widget can draw a checkbox beside it. Undefined on other pages.
   */
  extractListed?(doc: Document, url: URL): Array<{ draft: ProspectDraftInput; element: Element }> | undefined;
  /**
   * The element the button sits right after (a profile's More button, an open thread's toolbar),
   * found by role, aria-label or stable structure, never by a hashed class name; the button floats
   * in the rep's corner when there is none.
   */
  anchor?(doc: Document, url: URL): Element | null;
  /** Which people a pick list starts with ticked: the first (an email's sender) or none (a search result list). */
  preselect?: (url: URL) => 'first' | 'none';
  /** On a page about a company rather than a person: its details, offered to the leads who work there. */
  readCompany?: (doc: Document, url: URL) => CompanyInfo | undefined;
  /** The button's words on this page ("Save lead" when absent). */
  buttonLabel?: (url: URL) => string | undefined;
  /** When the page names no one: its shared contacts (info@, a switchboard), to start a manual entry from. */
  pageContacts?: (doc: Document, url: URL) => ProspectDraftInput[];
  /** When no prospect could be read: what the page still offers towards a lead typed by hand (a profile's address). */
  offer?: (doc: Document, url: URL) => PageOffer;
};

/** What "Add manually" starts from. */
export type PageOffer = Partial<Record<'fullName' | 'title' | 'company' | 'website' | 'profileUrl' | 'email', string>>;
