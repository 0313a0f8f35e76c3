import type { LeadlineDatabase } from './database';
import { z } from 'zod';
import type { Channel } from '@/lib/model/lead';
import { SettingsSchema, type Settings } from '@/lib/model/settings';
import type { OutcomeModel } from '@/lib/qualify/learned-weights';

const KEY = 'settings';
const MODEL_KEY = 'outcomeModel';

export const OutcomeModelSchema = z.object({
  weights: z.array(z.number().finite()),
  bias: z.number().finite(),
  trainedOn: z.number().int().nonnegative(),
});

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

/** Sets one channel's spend (undefined clears it), reading the stored spend inside the write so two quick edits on different channels both stick. */
export function saveChannelSpend(db: LeadlineDatabase, channel: Channel, amount: number | undefined): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const { spendByChannel } = await getSettings(db);
    const { [channel]: _previous, ...others } = spendByChannel;
    return saveSettings(db, { spendByChannel: amount === undefined ? others : { ...others, [channel]: amount } });
  });
}

/** The score weights learned from the rep's own closed leads, when there were enough to learn from. */
export async function getOutcomeModel(db: LeadlineDatabase): Promise<OutcomeModel | undefined> {
  const parsed = OutcomeModelSchema.safeParse((await db.settings.get(MODEL_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveOutcomeModel(db: LeadlineDatabase, model: OutcomeModel | undefined): Promise<void> {
  if (model) await db.settings.put({ key: MODEL_KEY, value: OutcomeModelSchema.parse(model) });
  else await db.settings.delete(MODEL_KEY);
}
