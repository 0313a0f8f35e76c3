import { runtimeTransport } from '@/lib/messaging/client';
import { startCapture } from '@/lib/page-ui/capture-controller';
import { linkedInSite } from '@/lib/capture/linkedin/site';
import { LINKEDIN_HOSTS, matchPatterns } from '@/lib/model/page-urls';

export default defineContentScript({
  matches: matchPatterns(LINKEDIN_HOSTS),
  runAt: 'document_idle',
  main(ctx) {
    const stop = startCapture(linkedInSite, { win: window, send: runtimeTransport });
    ctx.onInvalidated(stop);
  },
});
