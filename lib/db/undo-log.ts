import type { LeadlineDatabase } from './database';
import { UNDO_WINDOW_MS, UndoEntrySchema, type UndoChange, type UndoEntry } from '@/lib/model/undo';

/**
 * Keeps what it takes to undo a change, replacing any earlier one: like a mail client's undo bar,
 * only the latest change can be taken back. Call inside the transaction that makes the change (its
 * tables must include `db.undo`), so the change and its undo are written together or not at all.
 */
export async function recordUndo(
  db: LeadlineDatabase,
  label: string,
  change: UndoChange,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Promise<UndoEntry> {
  const entry: UndoEntry = { id: newId(), label, createdAt: now, expiresAt: now + UNDO_WINDOW_MS, change };
  await db.undo.clear();
  await db.undo.add(entry);
  return entry;
}

/** The change the rep can still take back at `now`, if any. */
export async function latestUndo(db: LeadlineDatabase, now: number): Promise<UndoEntry | undefined> {
  const entry = await db.undo.where('expiresAt').above(now).last();
  if (!entry) return undefined;
  const parsed = UndoEntrySchema.safeParse(entry);
  if (!parsed.success) console.warn('Leadline: an undo record could not be read', parsed.error);
  return parsed.success ? parsed.data : undefined;
}

/** Forgets a change's undo (the rep closed the bar). */
export async function dismissUndo(db: LeadlineDatabase, id: string): Promise<void> {
  await db.undo.delete(id);
}
