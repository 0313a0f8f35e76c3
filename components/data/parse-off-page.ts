/// <reference types="vite/client" />
// Vite's `?worker` import emits the worker as a file of the extension (WXT's build does not pick up
// the `new Worker(new URL(...))` form); blob: workers would be refused by the extension's CSP.
import CsvParseWorker from './csv-parse.worker.ts?worker';
import { collectParseMessages, runParseJob, type ParseMessage } from '@/lib/io/import/parse-job';
import type { ParseCsvResult } from '@/lib/io/import/parse';

export interface ParseJob {
  result: Promise<ParseCsvResult | 'cancelled'>;
  /** Stops the parse at once (the worker is ended); `result` then says 'cancelled'. Nothing was written. */
  cancel(): void;
}

/** How far the worker is: bytes of the file read, and rows read so far. */
export type ParseProgress = { read: number; total: number; rows: number };

/**
 * Parses a CSV file in a dedicated Worker, so a 50 MB file never holds the page; the worker reads it
 * slice by slice and says how far it is. Where there is no Worker (unit tests), the same job runs here.
 */
export function parseOffPage(file: File, onProgress: (progress: ParseProgress) => void = () => undefined): ParseJob {
  let settle: (result: ParseCsvResult | 'cancelled') => void = () => undefined;
  const result = new Promise<ParseCsvResult | 'cancelled'>((resolve) => (settle = resolve));
  const collector = collectParseMessages();
  let stop = () => undefined as void;
  let finished = false;
  const finish = (outcome: ParseCsvResult | 'cancelled') => {
    if (finished) return;
    finished = true;
    stop();
    settle(outcome);
  };
  const take = (message: ParseMessage) => {
    if (finished) return;
    const done = collector.take(message);
    if (done) finish(done);
    else if (message.type === 'progress') onProgress({ read: message.read, total: message.total, rows: collector.rowCount });
  };

  if (typeof Worker === 'undefined') {
    const cancel = new AbortController();
    stop = () => cancel.abort();
    void runParseJob(file, take, { signal: cancel.signal });
  } else {
    const worker = new CsvParseWorker();
    stop = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<ParseMessage>) => take(event.data);
    worker.onerror = (event) => {
      console.error('Leadline: the CSV parser failed', event.message);
      finish({ ok: false, error: { kind: 'unreadable' } });
    };
    worker.postMessage({ file });
  }
  return { result, cancel: () => finish('cancelled') };
}
