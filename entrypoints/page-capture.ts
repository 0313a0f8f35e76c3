import { runtimeListen, runtimeTransport } from '@/lib/messaging/client';
import { capturePage } from '@/lib/page-ui/page-capture';

// Injected on demand (popup button, context menu, keyboard shortcut) through activeTab + scripting.
export default defineUnlistedScript(() => capturePage({ win: window, send: runtimeTransport, listen: runtimeListen }));
