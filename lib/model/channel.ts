import './zod-config';
import { z } from 'zod';
import { t } from '../i18n';
import { idsOf } from './enum-ids';

/** How the interest started: `label` in the rep's language (read when shown), `english` for files and the log's fallback text. */
export const CHANNELS = [
  { id: 'ad', english: 'Ad', get label() { return t('words.channel.ad'); } },
  { id: 'content', english: 'Content', get label() { return t('words.channel.content'); } },
  { id: 'seo', english: 'SEO', get label() { return t('words.channel.seo'); } },
  { id: 'social', english: 'Social', get label() { return t('words.channel.social'); } },
  { id: 'landing_page', english: 'Landing page', get label() { return t('words.channel.landing_page'); } },
  { id: 'referral', english: 'Referral', get label() { return t('words.channel.referral'); } },
  { id: 'outbound', english: 'Outbound', get label() { return t('words.channel.outbound'); } },
  { id: 'event', english: 'Event', get label() { return t('words.channel.event'); } },
] as const;
export const CHANNEL_IDS = idsOf(CHANNELS);
export const ChannelSchema = z.enum(CHANNEL_IDS);
export type Channel = z.infer<typeof ChannelSchema>;

/** The channel as the rep reads it, in their language. */
export function channelLabel(channel: Channel): string {
  return CHANNELS.find((c) => c.id === channel)?.label ?? channel;
}
