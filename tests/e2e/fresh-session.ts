import { afterEach, beforeEach } from 'vitest';
import { launch, type Session } from './harness';

/**
 * Each test of the calling describe block gets a fresh browser (the one under test) with the built
 * extension and an empty profile, handed to `use`; after the test the browser is closed and the
 * profile removed.
 */
export function launchForEachTest(use: (session: Session) => void, start: () => Promise<Session> = () => launch()): void {
  let session: Session | undefined;
  beforeEach(async () => {
    session = await start();
    use(session);
  });
  afterEach(async () => {
    if (!session) return;
    try {
      await session.close();
    } finally {
      session.removeProfile();
      session = undefined;
    }
  });
}
