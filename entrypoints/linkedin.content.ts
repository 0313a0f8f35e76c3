import { runtimeListen, runtimeTransport } from '@/lib/messaging/client';
import { startCapture } from '@/lib/page-ui/capture-controller';
import { linkedInSite } from '@/lib/capture/linkedin/site';
import { LINKEDIN_HOSTS, matchPatterns } from '@/lib/model/page-urls';

// Registered by the background (lib/page-ui/linkedin-script.ts) unless the rep turned LinkedIn's
// button off in Settings: then no Leadline script runs on LinkedIn at all.
export default defineContentScript({
  matches: matchPatterns(LINKEDIN_HOSTS),
  runAt: 'document_idle',
  // No "script started" window.postMessage: it told every page that Leadline runs there and the name of
  // the event that stops a running copy. (WXT still dispatches that event on the document to stop an old copy.)
  noScriptStartedPostMessage: true,
  registration: 'runtime',
  main(ctx) {
    const stop = startCapture(linkedInSite, { win: window, send: runtimeTransport, listen: runtimeListen });
    ctx.onInvalidated(stop);
  },
});
