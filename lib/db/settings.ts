import type { LeadlineDatabase } from './database';
import { SettingsSchema, type Settings } from '@/lib/model/settings';

const KEY = 'settings';

/** The rep's settings; a missing or damaged record gives the defaults rather than an error. */
export async function getSettings(db: LeadlineDatabase): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const parsed = SettingsSchema.safeParse(row?.value ?? {});
  if (!parsed.success) console.warn('Leadline: stored settings were damaged; using defaults', parsed.error);
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export async function saveSettings(db: LeadlineDatabase, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = SettingsSchema.parse({ ...(await getSettings(db)), ...patch });
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}
