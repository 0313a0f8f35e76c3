import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '../../../fixtures/csv');

/** The raw bytes of a sample file in tests/fixtures/csv, as a rep's browser would read them. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function fixtureFile(name: string): File {
  return new File([fixtureBytes(name).slice().buffer as ArrayBuffer], name, { type: 'text/csv' });
}
