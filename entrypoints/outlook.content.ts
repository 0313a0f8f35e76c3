import { runtimeListen, runtimeTransport } from '@/lib/messaging/client';
import { outlookSite } from '@/lib/capture/email/outlook-site';
import { startCapture } from '@/lib/page-ui/capture-controller';
import { extensionGone, scriptStartedEvent, stopWhenOrphaned } from '@/lib/page-ui/stop-when-orphaned';
import { OUTLOOK_HOSTS, matchPatterns } from '@/lib/model/page-urls';

export default defineContentScript({
  matches: matchPatterns(OUTLOOK_HOSTS),
  runAt: 'document_idle',
  // No "script started" window.postMessage: it told every page that Leadline runs there and the name of
  // the event that stops a running copy. WXT still dispatches that event on the document, and a page can
  // forge it, so the button goes only when this copy is orphaned (lib/page-ui/stop-when-orphaned.ts).
  noScriptStartedPostMessage: true,
  // Registered by the background (lib/page-ui/site-scripts.ts) unless the rep hid the button on this site.
  registration: 'runtime',
  main() {
    const stop = startCapture(outlookSite, { win: window, send: runtimeTransport, listen: runtimeListen, canHide: true });
    stopWhenOrphaned(document, scriptStartedEvent(), () => extensionGone(browser.runtime), stop);
  },
});
