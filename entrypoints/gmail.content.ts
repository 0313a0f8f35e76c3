import { gmailSite } from '@/lib/capture/sites/gmail';
import { startCapture } from '@/lib/page-ui/capture-controller';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const stop = startCapture(gmailSite, { win: window, send: (message) => browser.runtime.sendMessage(message) });
    ctx.onInvalidated(stop);
  },
});
