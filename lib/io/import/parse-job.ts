import { readCsvBlob } from './csv-read';
import { MAX_IMPORT_BYTES, type CsvFileProblem, type CsvRow, type ParseCsvOptions, type ParseCsvResult, type ParsedCsv } from './parse';

/**
 * Parsing a file away from the page: the messages a parser (a Worker) sends back while it reads.
 * Rows go in slices as they are read, so the page never spends long taking in one message (structured
 * clone of 100,000 rows in one go held it for hundreds of milliseconds) and the worker never holds them all.
 */
export type ParseMessage =
  | { type: 'rows'; rows: CsvRow[] }
  /** Bytes of the file read so far, of its size. */
  | { type: 'progress'; read: number; total: number }
  /** The rows sent so far were read in the wrong encoding: forget them, the file is read again. */
  | { type: 'restart' }
  | { type: 'done'; csv: Omit<ParsedCsv, 'rows'> }
  | { type: 'failed'; error: CsvFileProblem };

export const ROWS_PER_MESSAGE = 2_000;

export interface ParseJobOptions extends ParseCsvOptions {
  rowsPerMessage?: number;
  /** Once aborted, nothing more is sent (in the worker, the page ends it instead). */
  signal?: AbortSignal;
}

/** Parses `file` and sends what it reads through `post` as it goes: the whole job of the parsing worker. */
export async function runParseJob(file: Blob, post: (message: ParseMessage) => void, options: ParseJobOptions = {}): Promise<void> {
  const rowsPerMessage = options.rowsPerMessage ?? ROWS_PER_MESSAGE;
  const { signal } = options;
  const send = (message: ParseMessage) => {
    if (!signal?.aborted) post(message);
  };
  let batch: CsvRow[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    send({ type: 'rows', rows: batch });
    batch = [];
  };
  try {
    const outcome = await readCsvBlob(file, {
      maxBytes: options.maxBytes ?? MAX_IMPORT_BYTES,
      sliceBytes: options.sliceBytes,
      signal,
      onRow: (row) => {
        batch.push(row);
        if (batch.length >= rowsPerMessage) flush();
      },
      onRestart: () => {
        batch = [];
        send({ type: 'restart' });
      },
      onProgress: (read, total) => {
        flush();
        send({ type: 'progress', read, total });
      },
    });
    if (outcome === 'cancelled') return;
    if (!outcome.ok) {
      send({ type: 'failed', error: outcome.error });
      return;
    }
    flush();
    send({ type: 'done', csv: outcome.csv });
  } catch (error) {
    console.error('Leadline: could not read the CSV file', error);
    send({ type: 'failed', error: { kind: 'unreadable' } });
  }
}

/** Puts a parser's messages back together into what parseCsvFile returns. */
export function collectParseMessages(): {
  take(message: ParseMessage): ParseCsvResult | undefined;
  /** Rows taken so far (they may still be dropped by a restart). */
  readonly rowCount: number;
} {
  const rows: CsvRow[] = [];
  return {
    take(message) {
      switch (message.type) {
        case 'rows':
          for (const row of message.rows) rows.push(row);
          return undefined;
        case 'restart':
          rows.length = 0;
          return undefined;
        case 'progress':
          return undefined;
        case 'failed':
          return { ok: false, error: message.error };
        case 'done':
          return { ok: true, csv: { ...message.csv, rows } };
      }
    },
    get rowCount() {
      return rows.length;
    },
  };
}
