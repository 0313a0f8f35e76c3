import type { LeadlineDatabase } from './database';

/** How long after the rep asked Leadline to read a page its pick list may still save. */
export const PAGE_GRANT_MS = 30 * 60 * 1000;

/**
 * Remembers that the rep asked Leadline to read the page in this tab (toolbar button, context menu,
 * shortcut). The background accepts captures from pages outside the supported sites only from such
 * a tab. Kept in the database, not in the background's memory, because the service worker may stop
 * while the rep is still choosing people in the pick list.
 */
export async function grantPageCapture(db: LeadlineDatabase, tabId: number, now: number): Promise<void> {
  await db.transaction('rw', db.pageGrants, async () => {
    await db.pageGrants.filter((grant) => grant.expiresAt <= now).delete();
    await db.pageGrants.put({ tabId, expiresAt: now + PAGE_GRANT_MS });
  });
}

/** Whether the rep asked Leadline to read the page in this tab, recently enough. */
export async function hasPageGrant(db: LeadlineDatabase, tabId: number, now: number): Promise<boolean> {
  const grant = await db.pageGrants.get(tabId);
  return grant !== undefined && grant.expiresAt > now;
}
