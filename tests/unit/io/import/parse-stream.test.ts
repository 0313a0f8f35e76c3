import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvFile, parseCsvText, type ParseCsvResult } from '@/lib/io/import/parse';
import { collectParseMessages, runParseJob, type ParseMessage } from '@/lib/io/import/parse-job';
import * as reference from './whole-file-reference';
import { fixtureBytes } from './fixtures';

/** A small seeded generator (mulberry32), so a failing file can be made again from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

type Random = ReturnType<typeof random>;
const DELIMITERS = [',', ';', '\t', '|'];
const BREAKS = ['\n', '\r\n', '\r'];
const WORDS = ['Ana', 'Souza', 'Acme', 'VP Sales', 'ana@acme.example', '+1 415 555 0134', '', ' ', '42'];
// Characters every test encoding can write (windows-1252 included), and some only Unicode can.
const LATIN = ['é', 'Zoë', 'Müller', '€', '’', 'Ångström', '\u00a0'];
const UNICODE = ['日本', '株式会社', '🚀', '👩🏽‍💼', 'naïve 😀'];

/** One cell as exports and hand-edited files write them: plain, quoted with delimiters, quotes and line breaks inside, or broken. */
function cell(r: Random, delimiter: string, unicode: boolean): string {
  const text = () => {
    const parts = [r.pick(WORDS), r.next() < 0.3 ? r.pick(LATIN) : '', unicode && r.next() < 0.3 ? r.pick(UNICODE) : ''];
    return parts.join(r.pick(['', ' ']));
  };
  const kind = r.int(20);
  if (kind < 11) return text();
  if (kind < 13) return `"${text()}${delimiter}${text()}"`;
  if (kind < 15) return `"${text()}""${text()}""${r.pick(BREAKS)}${text()}"`;
  if (kind === 15) return `"${text()}"  `; // spaces after the closing quote
  if (kind === 16) return `${text()}"${text()}`; // a quote inside an unquoted value
  if (kind === 17) return `"${text()}"x${text()}`; // text after the closing quote
  if (kind === 18) return `"${r.pick(BREAKS)}${r.pick(BREAKS)}"`;
  return delimiter;
}

/**
 * A CSV text with a header, rows of mostly the right width, blank lines, mixed line breaks, sometimes
 * a BOM or an unclosed quote. With `minChars`, rows are added until the text is that long, and the
 * first rows sometimes hold values of several thousand characters, so the records the delimiter is
 * guessed from can run past the first 64 KB (which is read before any row is parsed).
 */
function randomCsv(seed: number, unicode: boolean, minChars = 0): string {
  const r = random(seed);
  const delimiter = r.pick(DELIMITERS);
  const width = 1 + r.int(5);
  const lines: string[] = [];
  const header = Array.from({ length: width }, (_, i) => (r.next() < 0.1 ? '' : `Col ${i} ${r.pick(LATIN)}`));
  lines.push(header.join(delimiter));
  const rows = r.int(40);
  const longValues = minChars > 0 && r.next() < 0.4;
  let length = 0;
  for (let i = 0; i < rows || length < minChars; i++) {
    const kind = r.int(12);
    let line: string;
    if (kind === 0) line = '';
    else if (kind === 1) line = r.pick([' ', '\t', '\u00a0', delimiter.repeat(width - 1), '""']);
    else {
      const cells = Array.from({ length: Math.max(width + (kind === 2 ? r.pick([-1, 1, 2]) : 0), 1) }, () => cell(r, delimiter, unicode));
      if (longValues && i < 12) {
        const long = `${r.pick(WORDS)} ${r.pick(LATIN)}${delimiter}`.repeat(500 + r.int(1500));
        cells[r.int(cells.length)] = r.next() < 0.5 ? `"${long}${r.pick(BREAKS)}${long}"` : long.replaceAll(delimiter, ' ');
      }
      line = cells.join(delimiter);
    }
    lines.push(line);
    length += line.length + 2;
  }
  let text = lines.map((line) => line + r.pick(BREAKS)).join('');
  if (r.next() < 0.2) text = text.trimEnd();
  if (r.next() < 0.05) text += `"${r.pick(WORDS)}${r.pick(BREAKS)}${r.pick(WORDS)}`; // unclosed at the end
  if (r.next() < 0.1) text = '\uFEFF' + text;
  return text;
}

const CP1252_BACK = new Map<number, number>([
  [0x20ac, 0x80], [0x2019, 0x92],
]);
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x100) return code;
    const byte = CP1252_BACK.get(code);
    if (byte === undefined) throw new Error(`not in windows-1252: ${ch}`);
    return byte;
  });
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

const blob = (bytes: Uint8Array) => new Blob([bytes.slice().buffer as ArrayBuffer]);

/** The worker's whole job, its messages put back together as the page does. */
async function parseLikeTheWorker(bytes: Uint8Array, sliceBytes: number, rowsPerMessage = 3) {
  const messages: ParseMessage[] = [];
  await runParseJob(blob(bytes), (message) => messages.push(message), { sliceBytes, rowsPerMessage });
  const collector = collectParseMessages();
  let result: ParseCsvResult | undefined;
  for (const message of messages) result = collector.take(message) ?? result;
  return { result, messages };
}

/** Reads the file slice by slice at several slice sizes, and by the worker's job; each must equal today's whole-file parse. */
async function expectSameAsWholeFile(bytes: Uint8Array, label: string, slices = [1, 2, 3, 7, 64, 1024 * 1024]) {
  const expected = reference.parseCsvBytes(bytes);
  for (const sliceBytes of slices) {
    expect(await parseCsvFile(blob(bytes), { sliceBytes }), `${label}, slices of ${sliceBytes} bytes`).toEqual(expected);
  }
  expect((await parseLikeTheWorker(bytes, 7)).result, `${label}, through the worker's job`).toEqual(expected);
}

describe('reading a CSV file slice by slice', () => {
  it('gives the same result as the whole-file parse on every CSV fixture', async () => {
    const names = readdirSync(join(__dirname, '../../../fixtures/csv')).filter((name) => name.endsWith('.csv'));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) await expectSameAsWholeFile(fixtureBytes(name), name);
  });

  it('gives the same result on random UTF-8 files: quotes, delimiters and line breaks in values, mixed line breaks, blank lines, emoji cut across slices', async () => {
    for (let seed = 1; seed <= 150; seed++) await expectSameAsWholeFile(new TextEncoder().encode(randomCsv(seed, true)), `UTF-8 seed ${seed}`);
  }, 120_000);

  it('gives the same result on random windows-1252 files, restarted after the first byte that is not UTF-8', async () => {
    for (let seed = 1001; seed <= 1080; seed++) {
      const bytes = windows1252(randomCsv(seed, false).replace(/^\uFEFF/, '') + 'Zoë,€\n');
      const expected = reference.parseCsvBytes(bytes);
      if (expected.ok) expect(expected.csv.encoding).toBe('windows-1252');
      await expectSameAsWholeFile(bytes, `windows-1252 seed ${seed}`);
    }
  }, 120_000);

  it('gives the same result on random UTF-16 files with a byte order mark, both byte orders', async () => {
    for (let seed = 2001; seed <= 2040; seed++) {
      const text = randomCsv(seed, true);
      await expectSameAsWholeFile(utf16(text, true), `UTF-16LE seed ${seed}`);
      await expectSameAsWholeFile(utf16(text, false), `UTF-16BE seed ${seed}`);
    }
  }, 120_000);

  it('gives the same result on random files larger than the 64 KB read before the first row, in every encoding', async () => {
    for (let seed = 4001; seed <= 4016; seed++) {
      const text = randomCsv(seed, true, 70_000 + seed);
      await expectSameAsWholeFile(new TextEncoder().encode(text), `large UTF-8 seed ${seed}`, [7, 4096]);
      if (seed % 4 === 0) await expectSameAsWholeFile(utf16(text, seed % 8 === 0), `large UTF-16 seed ${seed}`, [7, 4096]);
    }
    for (let seed = 4101; seed <= 4108; seed++) {
      const bytes = windows1252(randomCsv(seed, false, 70_000).replace(/^\uFEFF/, ''));
      await expectSameAsWholeFile(bytes, `large windows-1252 seed ${seed}`, [7, 4096]);
    }
  }, 300_000);

  it('gives the same result when the text itself still starts with a byte order mark after the decoder and Papa strip theirs', async () => {
    // Papa strips one mark from what it parses while the whole-file parse counted lines on the text
    // with it: record positions one character early. Odd files, but the streaming parse keeps that too.
    const marks = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]);
    // Where the one-character shift could tell: a last record whose only visible character is its last.
    for (const text of ['Name\n x', 'Name\n\n \n x', 'A,B\n,,\n x,y', '"Name"\n"x"']) {
      await expectSameAsWholeFile(new Uint8Array([...marks, ...new TextEncoder().encode(text)]), `three marks, ${JSON.stringify(text)}`);
    }
    for (let seed = 5001; seed <= 5040; seed++) {
      const text = new TextEncoder().encode(randomCsv(seed, true, seed % 8 === 0 ? 70_000 : 0).replace(/^\uFEFF/, ''));
      await expectSameAsWholeFile(new Uint8Array([...marks, ...text]), `three marks, seed ${seed}`, seed % 8 === 0 ? [7, 4096] : [1, 7, 64]);
    }
  }, 120_000);

  it('gives the same result on random texts handed over whole, as the text parse did', () => {
    for (let seed = 3001; seed <= 3200; seed++) {
      const text = (seed % 10 === 0 ? '\uFEFF\uFEFF' : '') + randomCsv(seed, true);
      expect(parseCsvText(text), `seed ${seed}`).toEqual(reference.parseCsvText(text));
    }
  });

  it('reads a file as windows-1252 when its only byte that is not UTF-8 is in its last slice, without the rows read as UTF-8', async () => {
    const lines = ['Name,Company'];
    // Larger than the 64 KB judged before any row goes out, so rows do go out as UTF-8 first.
    for (let i = 0; i < 8000; i++) lines.push(`Ana ${i},Acme`);
    const bytes = new Uint8Array([...new TextEncoder().encode(lines.join('\r\n') + '\r\nZo'), 0xeb, ...new TextEncoder().encode(',Acme\r\n')]);
    const odd = bytes.indexOf(0xeb);
    expect(Math.floor(odd / 4096)).toBe(Math.floor((bytes.length - 1) / 4096));
    const { result, messages } = await parseLikeTheWorker(bytes, 4096, 1000);
    expect(result).toEqual(reference.parseCsvBytes(bytes));
    expect(result?.ok && result.csv.encoding).toBe('windows-1252');
    expect(result?.ok && result.csv.rows.at(-1)).toEqual({ line: 8002, cells: ['Zoë', 'Acme'] });
    // Rows went to the page as UTF-8 first, then were taken back.
    const restart = messages.findIndex((m) => m.type === 'restart');
    expect(restart).toBeGreaterThan(0);
    expect(messages.slice(0, restart).some((m) => m.type === 'rows')).toBe(true);
  });

  it('sends rows and progress while it reads, before the end of the file', async () => {
    const lines = ['Name,Email'];
    for (let i = 0; i < 10_000; i++) lines.push(`Person ${i},p${i}@globex.example`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const { messages } = await parseLikeTheWorker(bytes, 4096, 500);
    const firstRows = messages.findIndex((m) => m.type === 'rows');
    const progress = messages.filter((m): m is Extract<ParseMessage, { type: 'progress' }> => m.type === 'progress');
    expect(firstRows).toBeGreaterThanOrEqual(0);
    // The first rows leave before most of the file is read.
    expect(progress.filter((m) => messages.indexOf(m) > firstRows).length).toBeGreaterThan(progress.length / 2);
    expect(progress.map((m) => m.read)).toEqual([...progress.map((m) => m.read)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ type: 'progress', read: bytes.length, total: bytes.length });
    expect(messages.at(-1)?.type).toBe('done');
  });

  it('stops when cancelled part way: nothing more is sent after the cancel', async () => {
    const lines = ['Name,Email'];
    for (let i = 0; i < 10_000; i++) lines.push(`Person ${i},p${i}@globex.example`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const cancel = new AbortController();
    const messages: ParseMessage[] = [];
    let read = 0;
    await runParseJob(
      blob(bytes),
      (message) => {
        messages.push(message);
        if (message.type === 'progress') read = message.read;
        if (messages.filter((m) => m.type === 'rows').length === 2) cancel.abort();
      },
      { sliceBytes: 4096, rowsPerMessage: 100, signal: cancel.signal },
    );
    expect(messages.filter((m) => m.type === 'rows')).toHaveLength(2);
    expect(messages.at(-1)?.type).toBe('rows');
    expect(messages.some((m) => m.type === 'done' || m.type === 'failed')).toBe(false);
    expect(read).toBeLessThan(bytes.length / 2);
  });

  it('refuses a file over the limit before reading any of it', async () => {
    const bytes = new TextEncoder().encode('Name\n' + 'Ana Souza\n'.repeat(200));
    let reads = 0;
    const file = blob(bytes);
    const watched = new Proxy(file, {
      get(target, key) {
        if (key === 'slice' || key === 'arrayBuffer' || key === 'stream' || key === 'text') reads++;
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const messages: ParseMessage[] = [];
    await runParseJob(watched, (message) => messages.push(message), { maxBytes: 1024 });
    expect(messages).toEqual([{ type: 'failed', error: { kind: 'tooLarge', maxBytes: 1024 } }]);
    expect(reads).toBe(0);
  });
});
