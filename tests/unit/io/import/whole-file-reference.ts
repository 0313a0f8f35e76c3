// Today's whole-file parse, kept verbatim (from lib/io/import/parse.ts before it streamed; its types and
// the decoding helpers it shares with the streaming parse are imported) as the
// reference the streaming parse must match on every file: it decodes the whole file, normalises
// line breaks on the whole text and runs Papa once over all of it.
import Papa from 'papaparse';
import type { CsvEncoding, CsvProblem, CsvRecordProblem, CsvRow, ParseCsvOptions, ParseCsvResult } from '@/lib/io/import/parse';
// Helpers the streaming parse did not change, taken from the product rather than copied.
import { decodeWindows1252, looksBinary, MAX_IMPORT_BYTES } from '@/lib/io/import/parse';

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
