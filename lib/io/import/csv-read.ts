import { CsvRecordStream, SAMPLE, type CsvOutcome } from './csv-records';
import type { CsvEncoding, CsvRow } from './parse';

/** How much of the file is read and decoded at a time: the most of it the parser ever holds, besides one unfinished record. */
export const SLICE_BYTES = 1024 * 1024;

// 0x80–0x9F in windows-1252 (the rest is Latin-1). Decoded by hand because some TextDecoder
// implementations (Node before 22) treat the "windows-1252" label as plain Latin-1 and turn € into U+0080.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** What the first bytes say: a byte order mark (and how long it is), or nothing. */
export function byteOrderMark(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

export interface ReadCsvOptions {
  maxBytes: number;
  /** Each good row, as soon as it is read. */
  onRow(row: CsvRow): void;
  /** The rows handed on so far were read as UTF-8 and the file turned out not to be: forget them, they come again. */
  onRestart?(): void;
  /** After each slice: bytes read of the file's size. */
  onProgress?(read: number, total: number): void;
  /** Stops reading between slices; the result is then 'cancelled'. */
  signal?: AbortSignal;
  /** A parameter so tests can put slice boundaries everywhere. */
  sliceBytes?: number;
}

type Decode = (bytes: Uint8Array, last: boolean) => string | null;

function textDecoding(label: CsvEncoding, fatal: boolean): Decode {
  const decoder = new TextDecoder(label, { fatal });
  return (bytes, last) => {
    try {
      return last ? decoder.decode(bytes) : decoder.decode(bytes, { stream: true });
    } catch {
      // Only a fatal decoder throws: the bytes are not UTF-8.
      return null;
    }
  };
}

const windows1252: Decode = (bytes) => decodeWindows1252(bytes);

/**
 * Reads a file slice by slice and parses it as it goes, so neither the file's bytes nor its text
 * are ever held whole. The encoding: a byte order mark says UTF-8 or UTF-16; without one the file is
 * read as UTF-8 with a decoder that stops at the first byte that is not UTF-8, and then read again
 * from the start as windows-1252 (what Excel on Windows and Salesforce's report export write).
 * Restarting, rather than checking the whole file first, gives a UTF-8 file (most files) its first
 * rows after one slice; a windows-1252 file usually has an accented name in its first rows, so little
 * is read twice, and at worst (the only odd byte at the very end) the file is read twice, which a
 * separate checking pass would cost every file.
 */
export async function readCsvBlob(file: Blob, options: ReadCsvOptions): Promise<CsvOutcome | 'cancelled'> {
  if (file.size > options.maxBytes) return { ok: false, error: { kind: 'tooLarge', maxBytes: options.maxBytes } };
  const head = new Uint8Array(await file.slice(0, SAMPLE).arrayBuffer());
  const mark = byteOrderMark(head);
  // UTF-16 is full of zero bytes by design; any other text file has none.
  const utf16 = mark !== null && mark.encoding !== 'utf-8';
  if (!utf16 && head.includes(0)) return { ok: false, error: { kind: 'notCsv' } };
  // A decoder that is not fatal never refuses a byte: these passes never come back null.
  if (mark) return (await readWith(file, mark.encoding, mark.length, textDecoding(mark.encoding, false), options))!;
  const asUtf8 = await readWith(file, 'utf-8', 0, textDecoding('utf-8', true), options);
  if (asUtf8 !== null) return asUtf8;
  options.onRestart?.();
  return (await readWith(file, 'windows-1252', 0, windows1252, options))!;
}

/** One pass over the file; null when the decoder refused a byte. */
async function readWith(
  file: Blob,
  encoding: CsvEncoding,
  skip: number,
  decode: Decode,
  options: ReadCsvOptions,
): Promise<CsvOutcome | 'cancelled' | null> {
  const slice = options.sliceBytes ?? SLICE_BYTES;
  const records = new CsvRecordStream(encoding, options.onRow);
  for (let start = skip; start < file.size; start += slice) {
    if (options.signal?.aborted) return 'cancelled';
    const end = Math.min(start + slice, file.size);
    const text = decode(new Uint8Array(await file.slice(start, end).arrayBuffer()), false);
    if (text === null) return null;
    if (options.signal?.aborted) return 'cancelled';
    records.push(text);
    options.onProgress?.(end, file.size);
  }
  const rest = decode(new Uint8Array(0), true);
  if (rest === null) return null;
  if (options.signal?.aborted) return 'cancelled';
  records.push(rest);
  return records.end();
}
