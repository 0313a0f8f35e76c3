// Today's whole-file parse, kept verbatim (from lib/io/import/parse.ts before it streamed) as the
// reference the streaming parse must match on every file: it decodes the whole file, normalises
// line breaks on the whole text and runs Papa once over all of it.
import Papa from 'papaparse';

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
}

const DELIMITERS = [',', ';', '\t', '|'];
// Enough of the file to judge it by, without scanning 50 MB.
const SAMPLE = 64 * 1024;

function tooLarge(maxBytes: number): ParseCsvResult {
  return { ok: false, error: { kind: 'tooLarge', maxBytes } };
}

const NOT_CSV: ParseCsvResult = { ok: false, error: { kind: 'notCsv' } };
const EMPTY: ParseCsvResult = { ok: false, error: { kind: 'empty' } };

/**
 * Reads the bytes as text: a byte order mark says UTF-8 or UTF-16; without one, UTF-8 is tried
 * strictly and anything that is not valid UTF-8 is read as windows-1252, which is what Excel on
 * Windows and Salesforce's default report export write.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

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

/** NUL characters, or many other control characters, mean an image, a PDF or an .xlsx (a zip), not text. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  return sample.length > 0 && controls / sample.length > 0.05;
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

/** Parses a file the rep picked: size first (without reading it), then encoding, then CSV. */
export async function parseCsvFile(file: Blob, options: ParseCsvOptions = {}): Promise<ParseCsvResult> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (file.size > maxBytes) return tooLarge(maxBytes);
  return parseCsvBytes(new Uint8Array(await file.arrayBuffer()), options);
}

export function parseCsvBytes(bytes: Uint8Array, options: ParseCsvOptions = {}): ParseCsvResult {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > maxBytes) return tooLarge(maxBytes);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // UTF-16 is full of zero bytes by design; any other text file has none.
  if (!utf16 && bytes.subarray(0, SAMPLE).includes(0)) return NOT_CSV;
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

function quoteProblem(code: string): CsvRecordProblem {
  return { kind: code === 'MissingQuotes' ? 'unclosedQuote' : 'strayQuote' };
}

function parseDecoded(raw: string, encoding: CsvEncoding): ParseCsvResult {
  if (looksBinary(raw)) return NOT_CSV;
  // One kind of line break: Papa guesses the line ending from the first one, and a file edited on
  // two systems mixes them. Stored values end up with "\n" anyway.
  const text = raw.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return EMPTY;

  const records: { line: number; cells: string[]; error?: CsvRecordProblem }[] = [];
  let offset = 0;
  let line = 1;
  let delimiter = ',';

  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: DELIMITERS,
    step: (result) => {
      const end = result.meta.cursor;
      // The record starts at the first non-blank character after the previous one ended.
      let start = offset;
      while (start < end && /\s/.test(text.charAt(start))) {
        if (text.charAt(start) === '\n') line++;
        start++;
      }
      const startLine = line;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      offset = end;
      delimiter = result.meta.delimiter;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      records.push({
        line: startLine,
        cells: result.data,
        ...(quoteError ? { error: quoteProblem(quoteError.code) } : {}),
      });
    },
  });

  const [header, ...body] = records;
  if (!header) return EMPTY;
  if (header.error) return { ok: false, error: { kind: 'headerUnreadable', line: header.line, problem: header.error } };
  const headers = header.cells.map((h) => h.trim());
  if (headers.every((h) => h === '')) return { ok: false, error: { kind: 'noHeaderNames' } };

  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const record of body) {
    if (record.error) {
      problems.push({ line: record.line, ...record.error });
      continue;
    }
    let cells = record.cells;
    // Trailing empty values (a spreadsheet's stray commas) are harmless; anything else out of line is not.
    while (cells.length > headers.length && cells[cells.length - 1]?.trim() === '') cells = cells.slice(0, -1);
    if (cells.length !== headers.length) {
      problems.push({ line: record.line, kind: 'cellCount', values: cells.length, expected: headers.length });
      continue;
    }
    rows.push({ line: record.line, cells });
  }
  return { ok: true, csv: { headers, rows, problems, delimiter, encoding } };
}
