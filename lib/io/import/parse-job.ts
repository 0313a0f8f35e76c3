import { parseCsvFile, type CsvFileProblem, type CsvRow, type ParseCsvOptions, type ParseCsvResult, type ParsedCsv } from './parse';

/**
 * Parsing a file away from the page: the messages a parser (a Worker) sends back. Rows go in slices,
 * so the page never spends long taking in one message (structured clone of 100,000 rows in one go
 * held it for hundreds of milliseconds).
 */
export type ParseMessage =
  | { type: 'rows'; rows: CsvRow[] }
  | { type: 'done'; csv: Omit<ParsedCsv, 'rows'> }
  | { type: 'failed'; error: CsvFileProblem };

export const ROWS_PER_MESSAGE = 2_000;

/** Parses `file` and sends the outcome through `post`: the whole job of the parsing worker. */
export async function runParseJob(
  file: Blob,
  post: (message: ParseMessage) => void,
  options: ParseCsvOptions = {},
  rowsPerMessage = ROWS_PER_MESSAGE,
): Promise<void> {
  let result: ParseCsvResult;
  try {
    result = await parseCsvFile(file, options);
  } catch (error) {
    console.error('Leadline: could not read the CSV file', error);
    post({ type: 'failed', error: { kind: 'unreadable' } });
    return;
  }
  if (!result.ok) {
    post({ type: 'failed', error: result.error });
    return;
  }
  const { rows, ...rest } = result.csv;
  for (let start = 0; start < rows.length; start += rowsPerMessage) post({ type: 'rows', rows: rows.slice(start, start + rowsPerMessage) });
  post({ type: 'done', csv: rest });
}

/** Puts a parser's messages back together into what parseCsvFile returns. */
export function collectParseMessages(): { take(message: ParseMessage): ParseCsvResult | undefined } {
  const rows: CsvRow[] = [];
  return {
    take(message) {
      if (message.type === 'rows') {
        for (const row of message.rows) rows.push(row);
        return undefined;
      }
      if (message.type === 'failed') return { ok: false, error: message.error };
      return { ok: true, csv: { ...message.csv, rows } };
    },
  };
}
