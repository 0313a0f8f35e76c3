import { outlookSite } from '@/lib/capture/sites/outlook';
import { startCapture } from '@/lib/page-ui/capture-controller';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const stop = startCapture(outlookSite, { win: window, send: (message) => browser.runtime.sendMessage(message) });
    ctx.onInvalidated(stop);
  },
});
