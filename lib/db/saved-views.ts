import type { LeadlineDatabase } from './database';
import { SavedViewSchema, type SavedView } from '@/lib/model/saved-view';

const KEY = 'savedViews';

/** The rep's saved views, by name. A damaged view is left out (with a console warning), never an error. */
export async function readSavedViews(db: LeadlineDatabase): Promise<SavedView[]> {
  const stored = (await db.settings.get(KEY))?.value;
  if (!Array.isArray(stored)) return [];
  return stored
    .flatMap((raw: unknown) => {
      const parsed = SavedViewSchema.safeParse(raw);
      if (!parsed.success) console.warn('Leadline: skipped a damaged saved view', raw, parsed.error);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Saves a view; one with the same name (ignoring case) is replaced, so "Save view" with an existing
 * name updates it. Throws a ZodError with a readable message for a missing or too long name.
 */
export async function saveView(
  db: LeadlineDatabase,
  input: Omit<SavedView, 'id'>,
  newId: () => string = () => crypto.randomUUID(),
): Promise<SavedView> {
  return db.transaction('rw', db.settings, async () => {
    const views = await readSavedViews(db);
    const name = input.name.trim();
    const existing = views.find((view) => view.name.toLowerCase() === name.toLowerCase());
    const view = SavedViewSchema.parse({ ...input, id: existing?.id ?? newId() });
    await db.settings.put({ key: KEY, value: [...views.filter((other) => other.id !== view.id), view] });
    return view;
  });
}

export async function deleteSavedView(db: LeadlineDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const views = await readSavedViews(db);
    await db.settings.put({ key: KEY, value: views.filter((view) => view.id !== id) });
  });
}
