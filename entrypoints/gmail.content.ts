import { runtimeTransport } from '@/lib/messaging/client';
import { gmailSite } from '@/lib/capture/email/gmail-site';
import { startCapture } from '@/lib/page-ui/capture-controller';
import { GMAIL_HOSTS, matchPatterns } from '@/lib/model/page-urls';

export default defineContentScript({
  matches: matchPatterns(GMAIL_HOSTS),
  runAt: 'document_idle',
  main(ctx) {
    const stop = startCapture(gmailSite, { win: window, send: runtimeTransport });
    ctx.onInvalidated(stop);
  },
});
