import { byteOrderMark, decodeWindows1252, readCsvBlob } from './csv-read';
import { CsvRecordStream, SAMPLE, type CsvOutcome } from './csv-records';

export { decodeWindows1252 } from './csv-read';
export { looksBinary } from './csv-records';

/** Bigger files are better split: parsing them would hold tens of megabytes of text in the popup. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** One record of the file, with the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Why one record could not be read, as a kind rather than a sentence: the parser runs in a Worker,
 * which has no access to the browser's messages; lib/io/import/messages.ts words it for the rep.
 */
export type CsvRecordProblem =
  | { kind: 'unclosedQuote' }
  | { kind: 'strayQuote' }
  | { kind: 'cellCount'; values: number; expected: number };

export type CsvProblem = { line: number } & CsvRecordProblem;

/** Why a whole file could not be read; worded by lib/io/import/messages.ts. */
export type CsvFileProblem =
  | { kind: 'notCsv' }
  | { kind: 'tooLarge'; maxBytes: number }
  | { kind: 'empty' }
  | { kind: 'noHeaderNames' }
  | { kind: 'headerUnreadable'; line: number; problem: CsvRecordProblem }
  /** The file could not be read at all (the disk, the browser): nothing more is known. */
  | { kind: 'unreadable' };

export interface ParsedCsv {
  headers: string[];
  rows: CsvRow[];
  /** Records that could not be read reliably; they are not in `rows`. */
  problems: CsvProblem[];
  delimiter: string;
  encoding: CsvEncoding;
}

export type ParseCsvResult = { ok: true; csv: ParsedCsv } | { ok: false; error: CsvFileProblem };

export interface ParseCsvOptions {
  /** Refuse anything larger (in bytes); a parameter so tests need not allocate 50 MB. */
  maxBytes?: number;
  /** How many bytes of a file are read at a time; a parameter so tests can cut the file anywhere. */
  sliceBytes?: number;
}

function tooLarge(maxBytes: number): ParseCsvResult {
  return { ok: false, error: { kind: 'tooLarge', maxBytes } };
}

/**
 * Reads the bytes as text: a byte order mark says UTF-8 or UTF-16; without one, UTF-8 is tried
 * strictly and anything that is not valid UTF-8 is read as windows-1252, which is what Excel on
 * Windows and Salesforce's default report export write.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const mark = byteOrderMark(bytes);
  if (mark) return { text: new TextDecoder(mark.encoding).decode(bytes.subarray(mark.length)), encoding: mark.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Parses a file the rep picked: size first (without reading it), then slice by slice (see
 * readCsvBlob), so the file is never held whole; the result is the same as parseCsvBytes on its bytes.
 */
export async function parseCsvFile(file: Blob, options: ParseCsvOptions = {}): Promise<ParseCsvResult> {
  const rows: CsvRow[] = [];
  const outcome = await readCsvBlob(file, {
    maxBytes: options.maxBytes ?? MAX_IMPORT_BYTES,
    onRow: (row) => rows.push(row),
    onRestart: () => (rows.length = 0),
    sliceBytes: options.sliceBytes,
  });
  // Nothing here cancels the read.
  if (outcome === 'cancelled') throw new Error('parseCsvFile: cancelled without a signal');
  return withRows(outcome, rows);
}

export function parseCsvBytes(bytes: Uint8Array, options: ParseCsvOptions = {}): ParseCsvResult {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > maxBytes) return tooLarge(maxBytes);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // UTF-16 is full of zero bytes by design; any other text file has none.
  if (!utf16 && bytes.subarray(0, SAMPLE).includes(0)) return { ok: false, error: { kind: 'notCsv' } };
  const { text, encoding } = decodeCsvBytes(bytes);
  return parseDecoded(text, encoding);
}

/** Parses text already in memory (pasted, or from a test). */
export function parseCsvText(text: string, options: ParseCsvOptions = {}): ParseCsvResult {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (utf8Length(text) > maxBytes) return tooLarge(maxBytes);
  return parseDecoded(text.replace(/^\uFEFF/, ''), 'utf-8');
}

/** A File or Blob, raw bytes, or text. */
export async function parseCsv(
  input: Blob | ArrayBuffer | Uint8Array | string,
  options: ParseCsvOptions = {},
): Promise<ParseCsvResult> {
  if (typeof input === 'string') return parseCsvText(input, options);
  if (input instanceof Uint8Array) return parseCsvBytes(input, options);
  if (input instanceof ArrayBuffer) return parseCsvBytes(new Uint8Array(input), options);
  return parseCsvFile(input, options);
}

function withRows(outcome: CsvOutcome, rows: CsvRow[]): ParseCsvResult {
  return outcome.ok ? { ok: true, csv: { ...outcome.csv, rows } } : outcome;
}

/** Whole text through the same record stream a file goes through, in one piece. */
function parseDecoded(raw: string, encoding: CsvEncoding): ParseCsvResult {
  const rows: CsvRow[] = [];
  const records = new CsvRecordStream(encoding, (row) => rows.push(row));
  records.push(raw);
  return withRows(records.end(), rows);
}
