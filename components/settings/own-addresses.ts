import '@/lib/model/zod-config';
import { z } from 'zod';

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
      errors.push(`Line ${index + 1}, “${address}”, is not an email address. Correct it or remove the line.`);
      return;
    }
    const key = address.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    addresses.push(address);
  });
  if (addresses.length > MAX_ADDRESSES) {
    errors.push(`Leadline keeps up to ${MAX_ADDRESSES} of your addresses; this list has ${addresses.length}. Remove some.`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, addresses };
}
