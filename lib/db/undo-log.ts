import type { LeadlineDatabase } from './database';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { Lead } from '@/lib/model/lead';
import { stageLabel, type Stage } from '@/lib/model/stage';
import { UNDO_WINDOW_MS, UndoEntrySchema, type UndoChange, type UndoEntry } from '@/lib/model/undo';

/*
 * What the undo bar says it can take back. The label is written with the change, in the language of
 * the moment: it lives two minutes, and the browser's language cannot change in between.
 */

/** "Deleted Ana Bell.", "Deleted 12 leads." */
export function deletedLabel(leads: readonly Pick<Lead, 'fullName'>[]): string {
  const [only] = leads;
  if (leads.length === 1 && only) return t('popup.undo.deleted', { name: only.fullName });
  return t('popup.undo.deletedMany', leads.length, [uiFormats().count(leads.length)]);
}

/** "Follow-up with Ana Bell marked done." */
export function reminderDoneLabel(name: string | undefined): string {
  return name ? t('popup.undo.reminderDone', { name }) : t('popup.undo.reminderDoneNoName');
}

/** "Ana Bell: New → Contacted." */
export function stageChangeLabel(name: string, from: Stage, to: Stage): string {
  return t('popup.undo.stage', { name, from: stageLabel(from), to: stageLabel(to) });
}

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
