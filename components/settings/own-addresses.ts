import '@/lib/model/zod-config';
import { z } from 'zod';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';

const MAX_ADDRESSES = 50;
const Email = z.email();

export type OwnAddressesResult = { ok: true; addresses: string[] } | { ok: false; errors: string[] };

/**
 * The rep's addresses typed one per line: blank lines skipped, repeats (in any case) kept once, and
 * every line that is not an address named by its number so the rep can find it.
 */
export function parseOwnAddresses(text: string): OwnAddressesResult {
  const errors: string[] = [];
  const addresses: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    const address = line.trim();
    if (!address) return;
    if (!Email.safeParse(address).success) {
      errors.push(t('settings.addresses.notAnAddress', { line: uiFormats().count(index + 1), address }));
      return;
    }
    const key = address.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    addresses.push(address);
  });
  if (addresses.length > MAX_ADDRESSES) {
    errors.push(t('settings.addresses.tooMany', { max: uiFormats().count(MAX_ADDRESSES), count: uiFormats().count(addresses.length) }));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, addresses };
}
