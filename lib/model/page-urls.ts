/**
 * Every page address Leadline knows: the sites it shows its button on, their hosts, the manifest
 * match patterns derived from them, and the URL tests that say what kind of page a URL is. The
 * content scripts' `matches`, the capture registry, the extractors and the README's table of sites
 * all read from here, so a host is added in one place (tests/unit/model/page-urls.test.ts fails when
 * a site lacks an entry point, a match pattern or a fixture).
 */

// Each site's hosts are their own constant so a content script bundles only its own (and never the
// table below): what ships into LinkedIn, Gmail and Outlook is kept small. A host written "*.x"
// is x and all its subdomains, as in a manifest match pattern: LinkedIn serves public profiles on
// country subdomains (uk., de., fr.…) as well as www.
export const LINKEDIN_HOSTS = ['*.linkedin.com'] as const;
export const GMAIL_HOSTS = ['mail.google.com'] as const;
// Work and school accounts (office.com, office365.com, and cloud.microsoft, where Microsoft is moving
// them), personal accounts (live.com).
export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft', 'outlook.live.com'] as const;

export type SiteId = 'linkedin' | 'gmail' | 'outlook';

export type Site = {
  id: SiteId;
  name: string;
  /** Hosts the content script runs on. */
  hosts: readonly string[];
  /** What the button does there, for the README. */
  pages: string;
};

export const SITES: Readonly<Record<SiteId, Site>> = {
  linkedin: {
    id: 'linkedin',
    name: 'LinkedIn',
    hosts: LINKEDIN_HOSTS,
    pages: 'profiles (on www and country subdomains), people search, Sales Navigator leads, lists and searches, company pages',
  },
  gmail: { id: 'gmail', name: 'Gmail', hosts: GMAIL_HOSTS, pages: 'an open thread' },
  outlook: { id: 'outlook', name: 'Outlook on the web', hosts: OUTLOOK_HOSTS, pages: 'an open message or conversation' },
};

export const SITE_IDS = Object.keys(SITES) as SiteId[];

/**
 * The manifest match patterns for a site's hosts: whole hosts, not only profile or thread paths,
 * because these sites change pages without reloading and the button must follow.
 */
export function matchPatterns(hosts: readonly string[]): string[] {
  return hosts.map((host) => `https://${host}/*`);
}

/** Whether `hostname` is `host`, or one of its subdomains when `host` is written "*.example.com". */
export function hostMatches(host: string, hostname: string): boolean {
  const name = hostname.toLowerCase();
  if (!host.startsWith('*.')) return name === host;
  const base = host.slice(2);
  return name === base || name.endsWith(`.${base}`);
}

/** The site whose content script runs on `url`, if any. */
export function siteOf(url: URL): SiteId | undefined {
  if (url.protocol !== 'https:') return undefined;
  return SITE_IDS.find((id) => SITES[id].hosts.some((host) => hostMatches(host, url.hostname)));
}

const hostIn = (hosts: readonly string[], url: URL) => hosts.some((host) => hostMatches(host, url.hostname));

// ---------------------------------------------------------------------------------------------
// LinkedIn

/** Any LinkedIn host: www, country subdomains (uk., de., ng.), the bare domain. */
export function isLinkedInHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

// LinkedIn member ids ("ACoAAB…") appear in place of the vanity slug and are case-sensitive.
const MEMBER_ID = /^ACoA[A-Za-z0-9_-]{10,}$/;

/** Whether a profile slug is a member id ("ACoAAB…") rather than a vanity name. */
export function isLinkedInMemberId(slug: string): boolean {
  return MEMBER_ID.test(slug);
}

function parseLoosely(raw: string): URL | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  try {
    return new URL(/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/+/, '')}`);
  } catch {
    return undefined;
  }
}

/** The first path segment after `/<kind>/`, decoded; undefined when there is none or it is not one segment. */
function slugAfter(url: URL, kind: 'in' | 'company'): string | undefined {
  const segment = new RegExp(`^/${kind}/([^/]+)`, 'i').exec(url.pathname)?.[1];
  if (!segment) return undefined;
  let slug = segment;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    // A malformed escape: keep the raw segment rather than fail.
  }
  slug = slug.trim();
  return slug && !/[\s/?#]/.test(slug) ? slug : undefined;
}

const isWeb = (url: URL) => url.protocol === 'https:' || url.protocol === 'http:';

/** The canonical profile URL `https://www.linkedin.com/in/<slug>/`, or undefined when `raw` is not a LinkedIn profile. */
export function linkedInProfileKeyFromUrl(raw: string): string | undefined {
  const url = parseLoosely(raw);
  if (!url || !isWeb(url) || !isLinkedInHost(url)) return undefined;
  // Only the segment after /in/ identifies the person: locale suffixes, /details/… and /overlay/… are views of it.
  const slug = slugAfter(url, 'in');
  if (!slug) return undefined;
  return `https://www.linkedin.com/in/${encodeURIComponent(MEMBER_ID.test(slug) ? slug : slug.toLowerCase())}/`;
}

/** Whether `url` is a LinkedIn profile page (including its sub-pages and overlays). */
export function isLinkedInProfilePath(url: URL): boolean {
  return linkedInProfileKeyFromUrl(url.href) !== undefined;
}

/** The canonical company URL `https://www.linkedin.com/company/<slug>/`, or undefined when `raw` is not one. */
export function linkedInCompanyKeyFromUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (!isWeb(url) || !isLinkedInHost(url)) return undefined;
  const slug = slugAfter(url, 'company');
  return slug ? `https://www.linkedin.com/company/${encodeURIComponent(slug.toLowerCase())}/` : undefined;
}

/** Whether `url` is a LinkedIn company page or one of its tabs (About, People, Jobs…). */
export function isLinkedInCompanyPath(url: URL): boolean {
  return linkedInCompanyKeyFromUrl(url.href) !== undefined;
}

/** Whether `url` is a Sales Navigator lead page (`/sales/lead/ACwAA…,NAME_SEARCH,…`). */
export function isLinkedInSalesLeadPath(url: URL): boolean {
  return isLinkedInHost(url) && /^\/sales\/lead\/[^/]+/i.test(url.pathname);
}

export type LinkedInListKind = 'search' | 'sales';

const SEARCH_PATH = /^\/search\/results\/people(?:\/|$)/i;
const SALES_PATH = /^\/sales\/(?:lists|search)\/people(?:\/|$)/i;

/** People search results, or a Sales Navigator lead list or lead search; undefined for any other page. */
export function linkedInListKind(url: URL): LinkedInListKind | undefined {
  if (!isLinkedInHost(url)) return undefined;
  if (SEARCH_PATH.test(url.pathname)) return 'search';
  if (SALES_PATH.test(url.pathname)) return 'sales';
  return undefined;
}

/** Whether `url` is a LinkedIn people search or a Sales Navigator lead list or lead search. */
export function isLinkedInPeopleListPath(url: URL): boolean {
  return linkedInListKind(url) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Gmail

// Mailbox views whose hash ends in a thread id when a thread is open: #inbox/FMfcgz…, #label/Clients/FMfcgz….
const THREAD_VIEWS = new Set([
  'inbox', 'starred', 'snoozed', 'imp', 'sent', 'scheduled', 'drafts', 'all', 'spam', 'trash', 'label', 'search',
  'category', 'chats',
]);
const THREAD_ID = /^(?:[A-Za-z0-9]{20,}|[0-9a-f]{16})$/;

/** Whether the URL is a Gmail thread (`#inbox/FMfcgz…`, `#label/x/…`, `#search/q/…`), not a mailbox list. */
export function isGmailThreadUrl(url: URL): boolean {
  if (!hostIn(GMAIL_HOSTS, url)) return false;
  const segments = url.hash.replace(/^#/, '').split('/');
  const [view, ...rest] = segments;
  if (!view || !THREAD_VIEWS.has(view) || rest.length === 0) return false;
  const id = rest[rest.length - 1] ?? '';
  // Long ids mix cases ("FMfcgzQXJWpk…"); a search for "internationalization" does not.
  return THREAD_ID.test(id) && (/^[0-9a-f]{16}$/.test(id) || (/[a-z]/.test(id) && /[A-Z]/.test(id)));
}

// ---------------------------------------------------------------------------------------------
// Outlook

/** Whether the URL is an Outlook message: `/mail/inbox/id/AAQk…`, `/mail/0/sentitems/id/…`, `/mail/deeplink/read/…`. */
export function isOutlookThreadUrl(url: URL): boolean {
  if (!hostIn(OUTLOOK_HOSTS, url)) return false;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] !== 'mail') return false;
  const id = segments.indexOf('id');
  if (id >= 1 && (segments[id + 1] ?? '').length > 0) return true;
  const read = segments.indexOf('read');
  return read >= 1 && segments[read - 1] === 'deeplink' && (segments[read + 1] ?? '').length > 0;
}

/** Whether `url` is on an Outlook host, whatever the page (the split view keeps `/mail/inbox`). */
export function isOutlookHost(url: URL): boolean {
  return hostIn(OUTLOOK_HOSTS, url);
}
