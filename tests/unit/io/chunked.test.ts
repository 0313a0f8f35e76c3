import { describe, expect, it, vi } from 'vitest';
import { inChunks, leadsToCsvChunked, processInChunks } from '@/lib/io/chunked';
import { leadsToCsv } from '@/lib/io/export-csv';
import { HUBSPOT_COLUMNS } from '@/lib/io/presets/hubspot';
import { makeLead } from './lead-factory';

const noWait = () => Promise.resolve();

describe('working in chunks', () => {
  it('yields consecutive slices of the given size, the last one shorter', async () => {
    const chunks: number[][] = [];
    for await (const chunk of inChunks([1, 2, 3, 4, 5], 2, noWait)) chunks.push(chunk);
    expect(chunks).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('gives the UI a turn between chunks but not before the first', async () => {
    const yieldToUi = vi.fn(noWait);
    await processInChunks([1, 2, 3, 4, 5], 2, (chunk) => chunk.length, undefined, yieldToUi);
    expect(yieldToUi).toHaveBeenCalledTimes(2);
  });

  it('reports progress after every chunk', async () => {
    const progress: [number, number][] = [];
    await processInChunks([1, 2, 3, 4, 5], 2, () => undefined, (done, total) => progress.push([done, total]), noWait);
    expect(progress).toEqual([[2, 5], [4, 5], [5, 5]]);
  });

  it('returns what each chunk produced, in order', async () => {
    const sums = await processInChunks([1, 2, 3, 4, 5], 2, async (chunk) => chunk.reduce((a, b) => a + b, 0), undefined, noWait);
    expect(sums).toEqual([3, 7, 5]);
  });

  it('builds exactly the same CSV as leadsToCsv', async () => {
    const leads = Array.from({ length: 2_345 }, (_, i) =>
      makeLead({ id: `l${i}`, fullName: `Lead ${i}`, company: i % 3 ? 'Acme, Inc.' : '=cmd', notes: i % 7 ? '' : 'two\nlines' }),
    );
    const chunked = await leadsToCsvChunked(leads, HUBSPOT_COLUMNS, undefined, { chunkSize: 500, yieldToUi: noWait });
    expect(chunked).toBe(leadsToCsv(leads, HUBSPOT_COLUMNS));
  });

  it('writes just the header for no leads, like leadsToCsv', async () => {
    expect(await leadsToCsvChunked([])).toBe(leadsToCsv([]));
  });
});
