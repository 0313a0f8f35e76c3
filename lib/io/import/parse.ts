import Papa from 'papaparse';

/** Bigger files are better split: parsing them would hold tens of megabytes of text in the popup. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** One record of the file, with the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface ParsedCsv {
  headers: string[];
  rows: CsvRow[];
  /** Records that could not be read reliably; they are not in `rows`. */
  problems: CsvProblem[];
  delimiter: string;
  encoding: CsvEncoding;
}

export type ParseCsvResult = { ok: true; csv: ParsedCsv } | { ok: false; error: string };

export interface ParseCsvOptions {
  /** Refuse anything larger (in bytes); a parameter so tests need not allocate 50 MB. */
  maxBytes?: number;
}

export const NOT_CSV_MESSAGE = 'This file does not look like a CSV file.';
const NOT_CSV_HINT = ' If it is an Excel workbook, open it in Excel or Sheets and save it as "CSV UTF-8" first.';
const DELIMITERS = [',', ';', '\t', '|'];
// Enough of the file to judge it by, without scanning 50 MB.
const SAMPLE = 64 * 1024;

function formatSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

function tooLarge(maxBytes: number): ParseCsvResult {
  return {
    ok: false,
    error: `This file is larger than ${formatSize(maxBytes)}. Split it into smaller files (for example one per list or per year) and import them one at a time.`,
  };
}

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
  if (!utf16 && bytes.subarray(0, SAMPLE).includes(0)) return { ok: false, error: NOT_CSV_MESSAGE + NOT_CSV_HINT };
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

function quoteProblem(code: string): string {
  return code === 'MissingQuotes'
    ? 'a quoted value is never closed (a " is missing), so this row and the rest of the file could not be read'
    : 'a quote inside a value is not doubled (write "" for a quote inside quotes), so this row could not be read reliably';
}

function parseDecoded(raw: string, encoding: CsvEncoding): ParseCsvResult {
  if (looksBinary(raw)) return { ok: false, error: NOT_CSV_MESSAGE + NOT_CSV_HINT };
  // One kind of line break: Papa guesses the line ending from the first one, and a file edited on
  // two systems mixes them. Stored values end up with "\n" anyway.
  const text = raw.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, error: 'This file is empty. Choose a CSV file with a header row and at least one lead.' };

  const records: { line: number; cells: string[]; error?: string }[] = [];
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
  if (!header) return { ok: false, error: 'This file is empty. Choose a CSV file with a header row and at least one lead.' };
  if (header.error) return { ok: false, error: `The header row (line ${header.line}) could not be read: ${header.error}.` };
  const headers = header.cells.map((h) => h.trim());
  if (headers.every((h) => h === '')) return { ok: false, error: 'The first line of this file is empty; it should name the columns.' };

  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const record of body) {
    if (record.error) {
      problems.push({ line: record.line, message: record.error });
      continue;
    }
    let cells = record.cells;
    // Trailing empty values (a spreadsheet's stray commas) are harmless; anything else out of line is not.
    while (cells.length > headers.length && cells[cells.length - 1]?.trim() === '') cells = cells.slice(0, -1);
    if (cells.length !== headers.length) {
      problems.push({
        line: record.line,
        message: `has ${cells.length} values but the header has ${headers.length}; a separator or quote is probably out of place`,
      });
      continue;
    }
    rows.push({ line: record.line, cells });
  }
  return { ok: true, csv: { headers, rows, problems, delimiter, encoding } };
}
