import { config } from 'zod/mini';

// Extension pages and the service worker forbid eval (MV3 content security policy). zod would probe
// `new Function` for a faster parser, log a CSP violation, and fall back; jitless skips the probe.
config({ jitless: true });
