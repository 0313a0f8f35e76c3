import type { ProspectDraftInput } from '@/lib/model/prospect';
import { withBudget } from '@/lib/capture/budget';
import { positionFromHeadline, resolveHref, visibleText } from './dom';
import { cleanPersonName } from '@/lib/model/names';
import { isLinkedInHost, linkedInProfileKeyFromUrl } from '@/lib/model/page-urls';

/**
 * A Sales Navigator lead page (`/sales/lead/ACwAA…,NAME_SEARCH,…`). Its classes are hashed, but
 * every field a rep wants is tagged `data-anonymize` (person-name, headline, job-title,
 * company-name, location, phone, email) for LinkedIn's own screenshots: that is what this reads.
 * The public profile URL is only there when the page links to it (the overflow menu's "View
 * LinkedIn profile"); the lead URL stays the source URL.
 */

const NOT_THE_LEAD = 'aside, nav, header, [role="dialog"], [role="complementary"]';
// "1 year 1 month in role | 8 years in company": Sales Navigator tags tenure as a job title too.
const TENURE = /\b(?:in role|in company|years?|months?|yrs?|mos?)\b|\d/i;

function tagged(scope: Element, name: string, accept: (text: string) => boolean = () => true): string | undefined {
  const found = scope.querySelectorAll(`[data-anonymize="${name}"]`);
  for (let i = 0; i < found.length && i < 20; i++) {
    const el = found[i];
    if (!el || el.closest(NOT_THE_LEAD)) continue;
    const text = visibleText(el);
    if (text && accept(text)) return text;
  }
  return undefined;
}

/** The lead on a Sales Navigator lead page, or [] when the page has not rendered them yet. */
export function extractSalesNavigatorLead(doc: Document, url: URL): ProspectDraftInput[] {
  return withBudget(() => readLead(doc, url));
}

function readLead(doc: Document, url: URL): ProspectDraftInput[] {
  try {
    const scope = doc.querySelector('main') ?? doc.body;
    if (!scope) return [];
    const fullName = cleanPersonName(tagged(scope, 'person-name') ?? '');
    if (!fullName || /^linkedin member$/i.test(fullName)) return [];
    const headline = tagged(scope, 'headline');
    const fromHeadline = headline ? positionFromHeadline(headline) : undefined;
    const title = tagged(scope, 'job-title', (t) => !TENURE.test(t)) ?? tagged(scope, 'title') ?? fromHeadline?.title;
    const company = tagged(scope, 'company-name') ?? fromHeadline?.company;

    let profileUrl: string | undefined;
    const links = scope.querySelectorAll('a[href*="/in/"]');
    for (let i = 0; i < links.length && i < 20 && !profileUrl; i++) {
      const link = links[i];
      const href = resolveHref(link?.getAttribute('href'), url);
      if (link && href && !link.closest(NOT_THE_LEAD) && !/^\/in\/ACw/i.test(href.pathname)) profileUrl = linkedInProfileKeyFromUrl(href.href);
    }
    const phoneLink = scope.querySelector('[data-anonymize="phone"], a[href^="tel:" i]');
    const mailLink = scope.querySelector('a[href^="mailto:" i]');
    const email = mailLink && !mailLink.closest(NOT_THE_LEAD) ? (mailLink.getAttribute('href') ?? '').replace(/^mailto:/i, '').split('?')[0] : undefined;
    const lead = isLinkedInHost(url) && /^\/sales\/lead\/[^/]+/.test(url.pathname) ? `https://www.linkedin.com${url.pathname}` : url.href;

    const draft: ProspectDraftInput = { source: 'linkedin', sourceUrl: lead, fullName, confidence: profileUrl ? 0.9 : 0.8 };
    if (profileUrl) draft.profileUrl = profileUrl;
    if (headline) draft.headline = headline;
    if (title) draft.title = title;
    if (company) draft.company = company;
    const location = tagged(scope, 'location');
    if (location) draft.location = location;
    const phone = phoneLink && !phoneLink.closest(NOT_THE_LEAD) ? visibleText(phoneLink) : undefined;
    if (phone) draft.phone = phone;
    if (email) draft.email = email;
    return [draft];
  } catch (error) {
    console.warn('Leadline: could not read this Sales Navigator lead', error);
    return [];
  }
}
