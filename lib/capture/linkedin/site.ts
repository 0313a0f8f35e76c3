import { extractLinkedInCompany } from './company';
import { extractLinkedInPeopleList, linkedInPeopleListItems } from './list';
import { extractLinkedInProfile } from './profile';
import { extractSalesNavigatorLead } from './sales-lead';
import { profileActionsAnchor } from './profile-actions';
import type { CaptureSite } from '@/lib/capture/site';
import { t } from '@/lib/i18n';
import {
  isLinkedInCompanyPath,
  isLinkedInPeopleListPath,
  isLinkedInProfilePath,
  isLinkedInSalesLeadPath,
  linkedInProfileKeyFromUrl,
} from '@/lib/model/page-urls';

/** LinkedIn: a profile or a Sales Navigator lead saves its person, a people list offers a pick list, a company page enriches its leads. */
export const linkedInSite: CaptureSite = {
  isTarget: (url) =>
    isLinkedInProfilePath(url) || isLinkedInPeopleListPath(url) || isLinkedInCompanyPath(url) || isLinkedInSalesLeadPath(url),
  lookupKeys: (url) => {
    if (!isLinkedInProfilePath(url)) return undefined;
    const profileUrl = linkedInProfileKeyFromUrl(url.href);
    return profileUrl ? { profileUrl } : undefined;
  },
  extract: (doc, url) =>
    isLinkedInPeopleListPath(url)
      ? extractLinkedInPeopleList(doc, url)
      : isLinkedInSalesLeadPath(url)
        ? extractSalesNavigatorLead(doc, url)
        : extractLinkedInProfile(doc, url),
  extractListed: (doc, url) => (isLinkedInPeopleListPath(url) ? linkedInPeopleListItems(doc, url) : undefined),
  anchor: (doc, url) => (isLinkedInProfilePath(url) ? profileActionsAnchor(doc) : null),
  preselect: (url) => (isLinkedInPeopleListPath(url) ? 'none' : 'first'),
  readCompany: (doc, url) => (isLinkedInCompanyPath(url) ? extractLinkedInCompany(doc, url) : undefined),
  buttonLabel: (url) =>
    isLinkedInCompanyPath(url) ? t('widget.saveCompany') : isLinkedInPeopleListPath(url) ? t('widget.saveFromList') : undefined,
  offer: (_doc, url) => {
    const profileUrl = linkedInProfileKeyFromUrl(url.href);
    return profileUrl ? { profileUrl } : {};
  },
};
