import { t } from '@/lib/i18n';
import { CHANNELS } from '@/lib/model/lead';
import { sourceName } from '@/lib/model/prospect';
import type { GroupConversion } from './funnel';
import { NO_CHANNEL, sourceOfKey } from './lead-facts';

/**
 * The names of the dashboard's groups in the rep's language. Apart from totals.ts on purpose: the
 * totals are kept by lib/db, which also runs in the backup worker, where the browser's messages
 * (lib/i18n) cannot be loaded; so the totals keep language-neutral keys and the page names them.
 */

/** "LinkedIn", "Import: SaaStr badge scans" (or "Import : …", "Importação: …"). */
export function sourceGroupName(key: string): string {
  const of = sourceOfKey(key);
  if (!of) return key;
  return 'list' in of ? t('dashboard.conversion.importedList', { list: of.list }) : sourceName(of.source);
}

/** A channel's name, or "No channel" for the leads without one. */
export function channelGroupName(key: string): string {
  if (key === NO_CHANNEL) return t('dashboard.conversion.noChannel');
  return CHANNELS.find((channel) => channel.id === key)?.label ?? key;
}

/** Conversion rows with their group named for the rep, in the order given. */
export function namedSources(rows: readonly GroupConversion[]): GroupConversion[] {
  return rows.map((row) => ({ ...row, label: sourceGroupName(row.key) }));
}

export function namedChannels(rows: readonly GroupConversion[]): GroupConversion[] {
  return rows.map((row) => ({ ...row, label: channelGroupName(row.key) }));
}
