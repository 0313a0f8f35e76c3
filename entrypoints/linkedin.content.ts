import { runtimeListen, runtimeTransport } from '@/lib/messaging/client';
import { startCapture } from '@/lib/page-ui/capture-controller';
import { showResultChecks } from '@/lib/page-ui/result-checks';
import { extensionGone, scriptStartedEvent, stopWhenOrphaned } from '@/lib/page-ui/stop-when-orphaned';
import { linkedInSite } from '@/lib/capture/linkedin/site';
import { LINKEDIN_HOSTS, matchPatterns } from '@/lib/model/page-urls';

// Registered by the background (lib/page-ui/site-scripts.ts) unless the rep turned LinkedIn's
// button off in Settings: then no Leadline script runs on LinkedIn at all.
export default defineContentScript({
  matches: matchPatterns(LINKEDIN_HOSTS),
  runAt: 'document_idle',
  // No "script started" window.postMessage: it told every page that Leadline runs there and the name of
  // the event that stops a running copy. WXT still dispatches that event on the document, and a page can
  // forge it, so the button goes only when this copy is orphaned (lib/page-ui/stop-when-orphaned.ts).
  noScriptStartedPostMessage: true,
  registration: 'runtime',
  main() {
    const stop = startCapture(linkedInSite, {
      win: window,
      send: runtimeTransport,
      listen: runtimeListen,
      canHide: true,
      resultChecks: showResultChecks,
    });
    stopWhenOrphaned(document, scriptStartedEvent(), () => extensionGone(browser.runtime), stop);
  },
});
