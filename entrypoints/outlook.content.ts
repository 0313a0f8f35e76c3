import { runtimeTransport } from '@/lib/messaging/client';
import { outlookSite } from '@/lib/capture/email/outlook-site';
import { startCapture } from '@/lib/page-ui/capture-controller';
import { OUTLOOK_HOSTS, matchPatterns } from '@/lib/model/page-urls';

export default defineContentScript({
  matches: matchPatterns(OUTLOOK_HOSTS),
  runAt: 'document_idle',
  main(ctx) {
    const stop = startCapture(outlookSite, { win: window, send: runtimeTransport });
    ctx.onInvalidated(stop);
  },
});
