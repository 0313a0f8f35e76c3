import './zod-config';
import { z } from 'zod';
import { ChannelSchema } from './lead';

export const SettingsSchema = z.object({
  /** The framework new leads start with. */
  defaultFrameworkId: z.string().min(1).default('bant'),
  /** The rep's own email addresses: never captured as leads from an inbox. */
  ownAddresses: z.array(z.email()).max(50).default([]),
  /** Spend per channel, in the rep's currency, for cost per lead and per customer. */
  spendByChannel: z.partialRecord(ChannelSchema, z.number().nonnegative()).default({}),
  currency: z.string().length(3).default('USD'),
});
export type Settings = z.infer<typeof SettingsSchema>;
