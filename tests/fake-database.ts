import { afterEach, beforeEach } from 'vitest';
import { LeadlineDatabase } from '@/lib/db/database';

/** A new, empty Leadline database under a name no other test uses (fake-indexeddb, see tests/setup.ts). */
export function freshDatabase(): LeadlineDatabase {
  return new LeadlineDatabase(`test-${crypto.randomUUID()}`);
}

/**
 * A fresh database for each test of the calling describe block (or file), handed to `use` before
 * the test, closed and deleted after it. Returns a getter for the running test's database too.
 */
export function useFreshDatabase(use?: (db: LeadlineDatabase) => void): () => LeadlineDatabase {
  let db: LeadlineDatabase | undefined;
  beforeEach(() => {
    db = freshDatabase();
    use?.(db);
  });
  afterEach(async () => {
    db?.close();
    await db?.delete();
    db = undefined;
  });
  return () => {
    if (!db) throw new Error('useFreshDatabase: the database exists only while a test runs');
    return db;
  };
}
