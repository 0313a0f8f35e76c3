import type { Lead } from '@/lib/model/lead';
import { encodeCsv } from './csv';
import { GENERIC_COLUMNS, exportContext, type ExportColumn } from './export-columns';

export type YieldToUi = () => Promise<void>;
export type OnProgress = (done: number, total: number) => void;

/** A macrotask: lets the browser paint and handle clicks before the next chunk. */
export const yieldToEventLoop: YieldToUi = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Slices of `size` items, pausing for the UI between them. */
export async function* inChunks<T>(
  items: readonly T[],
  size: number,
  yieldToUi: YieldToUi = yieldToEventLoop,
): AsyncGenerator<T[], void, undefined> {
  const step = Math.max(1, Math.floor(size));
  for (let start = 0; start < items.length; start += step) {
    if (start > 0) await yieldToUi();
    yield items.slice(start, start + step);
  }
}

/**
 * Runs `fn` on consecutive chunks and collects what it returns, reporting progress after each
 * chunk, so 100,000 leads never hold the UI for more than one chunk's work.
 */
export async function processInChunks<T, R>(
  items: readonly T[],
  size: number,
  fn: (chunk: T[], start: number) => R | Promise<R>,
  onProgress?: OnProgress,
  yieldToUi: YieldToUi = yieldToEventLoop,
): Promise<R[]> {
  const results: R[] = [];
  let done = 0;
  for await (const chunk of inChunks(items, size, yieldToUi)) {
    results.push(await fn(chunk, done));
    done += chunk.length;
    onProgress?.(done, items.length);
  }
  return results;
}

/** The same text as leadsToCsv, built a chunk at a time. */
export async function leadsToCsvChunked(
  leads: readonly Lead[],
  columns: readonly ExportColumn[] = GENERIC_COLUMNS,
  onProgress?: OnProgress,
  { chunkSize = 1000, yieldToUi = yieldToEventLoop }: { chunkSize?: number; yieldToUi?: YieldToUi } = {},
): Promise<string> {
  const header = encodeCsv([columns.map((c) => c.header)]);
  const parts = await processInChunks(
    leads,
    chunkSize,
    (chunk) => {
      const rows = chunk.map((lead) => {
        const ctx = exportContext(lead);
        return columns.map((c) => c.value(lead, ctx));
      });
      // encodeCsv starts every text with the byte order mark; only the first part keeps it.
      return encodeCsv(rows).slice(1);
    },
    onProgress,
    yieldToUi,
  );
  return header + parts.join('');
}
