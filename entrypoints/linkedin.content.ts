import { startCapture } from '@/lib/page-ui/capture-controller';
import { linkedInSite } from '@/lib/capture/sites/linkedin';

export default defineContentScript({
  // All of linkedin.com, not only /in/*: LinkedIn is a single-page app, and a rep who lands on the
  // feed and clicks through to a profile must get the button without a reload.
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const stop = startCapture(linkedInSite, {
      win: window,
      send: (message) => browser.runtime.sendMessage(message),
    });
    ctx.onInvalidated(stop);
  },
});
