import Papa from 'papaparse';
import type { CsvEncoding, CsvFileProblem, CsvProblem, CsvRecordProblem, CsvRow, ParsedCsv } from './parse';

/** What a parse ends with once every row has been handed over: the file's shape, or why it cannot be read. */
export type CsvOutcome = { ok: true; csv: Omit<ParsedCsv, 'rows'> } | { ok: false; error: CsvFileProblem };

const DELIMITERS = [',', ';', '\t', '|'];
// Enough of the file to judge it by, without scanning 50 MB.
export const SAMPLE = 64 * 1024;
// Papa guesses the delimiter from this many records at the start of the text.
const GUESS_RECORDS = 10;

/** NUL characters, or many other control characters, mean an image, a PDF or an .xlsx (a zip), not text. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  return sample.length > 0 && controls / sample.length > 0.05;
}

function quoteProblem(code: string): CsvRecordProblem {
  return { kind: code === 'MissingQuotes' ? 'unclosedQuote' : 'strayQuote' };
}

// The characters /\s/ and String.prototype.trim treat as blank, ASCII ones by code for speed.
const BLANK_OUTSIDE_ASCII = /\s/;
function isBlank(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return BLANK_OUTSIDE_ASCII.test(String.fromCharCode(code));
}

interface PapaStep {
  data: string[][];
  errors: { type: string; code: string }[];
  meta: { cursor: number; delimiter: string; truncated: boolean };
}

interface GuessingHandle {
  parse(input: string): { meta: { delimiter: string } };
}
// Papa's own handle, so the delimiter is guessed exactly as Papa.parse guesses it on the whole text
// (Papa.parse itself would strip one more byte order mark than the whole-text parse ever saw).
const ParserHandle = (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => GuessingHandle }).ParserHandle;

/**
 * Reads CSV text handed over in pieces, record by record, and hands each good row on as soon as it
 * is read: only the unfinished record at the end of the last piece is kept (and, until the delimiter
 * is known, the first records). The outcome is the same as Papa parsing the whole text at once:
 * - line breaks are made one kind (a file edited on two systems mixes them), a "\r" at the end of a
 *   piece waiting for the next one;
 * - the delimiter is guessed once the text holds the records Papa's guess reads, and from those only;
 * - Papa's parser runs on the unfinished record plus the new text, keeping its last (possibly cut)
 *   record for the next round; a record it finishes does not depend on anything after its line break.
 */
export class CsvRecordStream {
  private readonly waiting: string[] = [];
  private waitingLength = 0;
  private sampled = false;
  private pendingCr = false;
  private started = false;
  private sawText = false;
  private failure: CsvFileProblem | null = null;

  private delimiter: string | null = null;
  private parser: Papa.Parser | null = null;
  // Text not parsed into finished records yet, and where it starts in the whole (BOM-stripped) text.
  private tail = '';
  private tailStart = 0;
  private rowStart = 0;
  private chunk = '';
  private chunkStart = 0;

  // Line numbers, counted as the whole-text parse counts them.
  private line = 1;
  private seekingRecord = true;
  private recordLine = 1;

  private headers: string[] | null = null;
  private readonly problems: CsvProblem[] = [];

  constructor(
    private readonly encoding: CsvEncoding,
    private readonly onRow: (row: CsvRow) => void,
  ) {}

  /** Takes the next piece of decoded text. */
  push(raw: string): void {
    if (this.failure || raw === '') return;
    if (!this.sampled) {
      // Whether this is text at all is judged on the start of the file, before any row is handed on.
      this.waiting.push(raw);
      this.waitingLength += raw.length;
      if (this.waitingLength < SAMPLE) return;
      this.takeWaiting();
      return;
    }
    this.normalise(raw, false);
  }

  /** The file has ended: finishes the last record and says how the parse went. */
  end(): CsvOutcome {
    if (!this.sampled) this.takeWaiting();
    if (!this.failure) this.normalise('', true);
    if (this.failure) return { ok: false, error: this.failure };
    if (!this.sawText) return { ok: false, error: { kind: 'empty' } };
    if (this.delimiter === null) this.startParsing();
    this.parseTail(true);
    if (this.failure) return { ok: false, error: this.failure };
    if (!this.headers) return { ok: false, error: { kind: 'empty' } };
    return { ok: true, csv: { headers: this.headers, problems: this.problems, delimiter: this.delimiter ?? ',', encoding: this.encoding } };
  }

  private takeWaiting(): void {
    this.sampled = true;
    const text = this.waiting.join('');
    this.waiting.length = 0;
    if (looksBinary(text)) {
      this.failure = { kind: 'notCsv' };
      return;
    }
    this.normalise(text, false);
  }

  private normalise(raw: string, last: boolean): void {
    let text = this.pendingCr ? '\r' + raw : raw;
    this.pendingCr = !last && text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    text = text.replace(/\r\n?/g, '\n');
    if (text === '' && !last) return;
    if (!this.started && text !== '') {
      this.started = true;
      // Papa.parse strips a byte order mark left in the text (the decoder has stripped one already).
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!this.sawText && /\S/.test(text)) this.sawText = true;
    this.tail += text;
    // A record only ends at a line break (or at the end of the file): without one, nothing new to parse.
    if (last || !text.includes('\n')) return;
    if (this.delimiter === null) {
      if (!this.guessIsSettled()) return;
      this.startParsing();
    }
    this.parseTail(false);
  }

  /** Whether the text so far holds every record Papa's guess would read, for each delimiter it tries. */
  private guessIsSettled(): boolean {
    return DELIMITERS.every(
      (delimiter) => new Papa.Parser({ delimiter, newline: '\n', preview: GUESS_RECORDS }).parse(this.tail, 0, false).meta.truncated === true,
    );
  }

  private startParsing(): void {
    const guess = new ParserHandle({ delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy', preview: 1 }).parse(this.tail);
    this.delimiter = guess.meta.delimiter;
    this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: '\n', step: (result: PapaStep) => this.onRecord(result) });
  }

  private parseTail(last: boolean): void {
    if (!this.parser || this.failure) return;
    this.chunk = this.tail;
    this.chunkStart = this.tailStart;
    this.rowStart = this.tailStart;
    this.parser.parse(this.chunk, this.chunkStart, !last);
    const used = this.rowStart - this.chunkStart;
    if (used > 0) {
      this.tail = this.chunk.slice(used);
      this.tailStart = this.rowStart;
    }
    this.chunk = '';
  }

  private onRecord(result: PapaStep): void {
    const end = result.meta.cursor;
    this.countLines(this.rowStart, end);
    this.rowStart = end;
    if (this.failure) return;
    const cells = result.data[0] ?? [];
    // skipEmptyLines: 'greedy', as Papa applies it.
    if (cells.join('').trim() === '') return;
    const line = this.recordLine;
    this.seekingRecord = true;
    const quoteError = result.errors.find((e) => e.type === 'Quotes');
    const error = quoteError ? quoteProblem(quoteError.code) : undefined;
    this.takeRecord(line, cells, error);
  }

  /**
   * A record's line is the line of the first non-blank character after the previous record (so a
   * skipped row of bare delimiters lends its line to the next record, as the whole-text parse did).
   * That parse read Papa's positions one character early when Papa had stripped a byte order mark;
   * it made no difference to any line (records end with a line break, the last one aside), so the
   * positions are taken as they are.
   */
  private countLines(from: number, to: number): void {
    const chunk = this.chunk;
    const stop = to - this.chunkStart;
    let i = from - this.chunkStart;
    let line = this.line;
    if (this.seekingRecord) {
      for (; i < stop; i++) {
        const code = chunk.charCodeAt(i);
        if (!isBlank(code)) break;
        if (code === 10) line++;
      }
      if (i < stop) {
        this.seekingRecord = false;
        this.recordLine = line;
      }
    }
    for (let n = chunk.indexOf('\n', i); n !== -1 && n < stop; n = chunk.indexOf('\n', n + 1)) line++;
    this.line = line;
  }

  private takeRecord(line: number, record: string[], error: CsvRecordProblem | undefined): void {
    if (!this.headers) {
      if (error) {
        this.failure = { kind: 'headerUnreadable', line, problem: error };
        return;
      }
      const headers = record.map((h) => h.trim());
      if (headers.every((h) => h === '')) this.failure = { kind: 'noHeaderNames' };
      else this.headers = headers;
      return;
    }
    if (error) {
      this.problems.push({ line, ...error });
      return;
    }
    let cells = record;
    // Trailing empty values (a spreadsheet's stray commas) are harmless; anything else out of line is not.
    while (cells.length > this.headers.length && cells[cells.length - 1]?.trim() === '') cells = cells.slice(0, -1);
    if (cells.length !== this.headers.length) {
      this.problems.push({ line, kind: 'cellCount', values: cells.length, expected: this.headers.length });
      return;
    }
    this.onRow({ line, cells });
  }
}
