import { z } from 'zod';
import type { LeadlineDatabase } from './database';

const KEY = 'importLog';
/** Imports remembered: enough for a day of imports, small enough to read on every popup open. */
const KEPT = 50;

const ImportEntrySchema = z.object({
  /** The list's name, as its leads carry it in sourceList. */
  list: z.string(),
  /** New leads the import added (rows merged into leads already there are not new). */
  imported: z.number().int().nonnegative(),
  at: z.number(),
});
export type ImportEntry = z.infer<typeof ImportEntrySchema>;

async function readLog(db: LeadlineDatabase): Promise<ImportEntry[]> {
  const stored = (await db.settings.get(KEY))?.value;
  const parsed = z.array(ImportEntrySchema).safeParse(stored ?? []);
  if (!parsed.success) console.warn('Leadline: the import log was damaged; starting a new one', parsed.error);
  return parsed.success ? parsed.data : [];
}

/**
 * Notes that an import added leads, so Today can say "34 imported today from SaaStr badge scans" by
 * reading one record instead of every lead the import wrote.
 */
export async function logImport(db: LeadlineDatabase, entry: ImportEntry): Promise<void> {
  if (entry.imported === 0) return;
  await db.transaction('rw', db.settings, async () => {
    const log = await readLog(db);
    await db.settings.put({ key: KEY, value: [...log, ImportEntrySchema.parse(entry)].slice(-KEPT) });
  });
}

/** How many leads each list brought in since `since`, the largest first. */
export async function importedSince(db: LeadlineDatabase, since: number): Promise<{ list: string; imported: number }[]> {
  const totals = new Map<string, number>();
  for (const entry of await readLog(db)) {
    if (entry.at >= since) totals.set(entry.list, (totals.get(entry.list) ?? 0) + entry.imported);
  }
  return [...totals].map(([list, imported]) => ({ list, imported })).sort((a, b) => b.imported - a.imported || a.list.localeCompare(b.list));
}
