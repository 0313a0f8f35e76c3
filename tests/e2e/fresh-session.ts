import { afterEach, beforeEach } from 'vitest';
import { launchWithExtension, removeProfile, type Session } from './harness';

/**
 * Each test of the calling describe block gets a fresh Chromium with the built extension and an empty
 * profile, handed to `use`; after the test the browser is closed and the profile removed.
 */
export function launchForEachTest(use: (session: Session) => void): void {
  let session: Session | undefined;
  beforeEach(async () => {
    session = await launchWithExtension();
    use(session);
  });
  afterEach(async () => {
    if (!session) return;
    await session.close();
    removeProfile(session);
    session = undefined;
  });
}
