import type { CaptureSite } from '@/lib/page-ui/capture-controller';
import { extractLinkedInProfile, isLinkedInProfilePath, linkedInProfileKeyFromUrl } from '@/lib/capture/linkedin-profile';

export const linkedInProfileSite: CaptureSite = {
  isTarget: isLinkedInProfilePath,
  lookupKeys: (url) => {
    const profileUrl = linkedInProfileKeyFromUrl(url.href);
    return profileUrl ? { profileUrl } : undefined;
  },
  extract: extractLinkedInProfile,
};
