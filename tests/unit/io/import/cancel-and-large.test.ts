import { describe, expect, it } from 'vitest';
import { describeCsvFileProblem } from '@/lib/io/import/messages';
import { useFreshDatabase } from '../../../fake-database';
import type { LeadlineDatabase } from '@/lib/db/database';
import { saveOrMergeProspect } from '@/lib/db/leads';
import { getTotals } from '@/lib/db/totals';
import { listedColumns } from '@/components/data/ImportSection';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { MAX_IMPORT_BYTES, parseCsvText } from '@/lib/io/import/parse';
import { collectParseMessages, runParseJob, type ParseMessage } from '@/lib/io/import/parse-job';
import { formatImportReport, importRows } from '@/lib/io/import/run';
import { validateRows } from '@/lib/io/import/validate';

const T0 = Date.UTC(2026, 3, 1, 9, 0);

async function everything(db: LeadlineDatabase) {
  return {
    leads: await db.leads.orderBy('id').toArray(),
    activities: await db.activities.orderBy('id').toArray(),
    words: await db.leadWords.toArray(),
    totals: await getTotals(db),
  };
}

function rowsOf(text: string) {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
  return validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers));
}

describe('cancelling an import', () => {
  const db = useFreshDatabase();

  it('part way through the file leaves the database exactly as it was, merged leads included', async () => {
    await saveOrMergeProspect(db(), { source: 'linkedin', fullName: 'Ana Souza', email: 'ana@acme.example', company: 'Acme', confidence: 0.9 }, T0 - 5000);
    const before = await everything(db());
    const lines = ['Name,Email,Company,Job Title,Tags'];
    // Row 3 is Ana again: her lead gets a title and a tag from the first batch, which the cancel must take back.
    for (let i = 0; i < 40; i++) lines.push(i === 3 ? 'Ana Souza,ana@acme.example,Acme,CTO,vip' : `Person ${i},p${i}@globex.example,Globex,VP Sales,`);
    const cancel = new AbortController();
    let batches = 0;
    const report = await importRows(db(), rowsOf(lines.join('\n')), {
      listName: 'Expo',
      mode: 'valid-only',
      now: T0,
      batchSize: 10,
      signal: cancel.signal,
      yieldToUi: () => Promise.resolve(),
      // The rep clicks Cancel after the second of four batches has been saved.
      onProgress: () => {
        if (++batches === 2) cancel.abort();
      },
    });

    expect(report).toMatchObject({ cancelled: true, imported: 0, merged: 0 });
    expect(formatImportReport(report)).toBe('Import cancelled: nothing was imported, and your leads are as they were.');
    expect(await everything(db())).toEqual(before);
  });

  it('in all-or-nothing mode writes nothing at all', async () => {
    const before = await everything(db());
    const cancel = new AbortController();
    cancel.abort();
    const report = await importRows(db(), rowsOf('Name,Email\nBo Berg,bo@globex.example'), {
      listName: 'Expo',
      mode: 'all-or-nothing',
      now: T0,
      signal: cancel.signal,
    });
    expect(report.cancelled).toBe(true);
    expect(await everything(db())).toEqual(before);
  });
});

/** Runs the parsing worker's job on a file and puts its messages back together, as the page does. */
async function parseAsWorker(file: Blob) {
  const messages: ParseMessage[] = [];
  await runParseJob(file, (message) => messages.push(message));
  const collector = collectParseMessages();
  let result;
  for (const message of messages) result = collector.take(message) ?? result;
  return { result, messages };
}

describe('parsing large files off the page', () => {
  it('reads a file of almost 50 MB, sending its rows in slices', async () => {
    const header = 'First Name,Last Name,Email,Company,Notes\n';
    const row = (i: number) => `Ana${i},Souza,ana.${i}@acme.example,Acme ${i % 300},"${'met at the booth; wants a demo. '.repeat(6)}"\n`;
    const rowBytes = row(100_000).length;
    const count = Math.floor((MAX_IMPORT_BYTES - header.length) / rowBytes) - 10;
    const parts = [header];
    for (let i = 0; i < count; i++) parts.push(row(100_000 + i));
    const file = new Blob(parts, { type: 'text/csv' });
    expect(file.size).toBeGreaterThan(49 * 1024 * 1024);
    expect(file.size).toBeLessThanOrEqual(MAX_IMPORT_BYTES);

    const { result, messages } = await parseAsWorker(file);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.csv.rows).toHaveLength(count);
    expect(result.csv.rows[count - 1]).toEqual({ line: count + 1, cells: row(100_000 + count - 1).trim().split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '')) });
    expect(Math.max(...messages.filter((m) => m.type === 'rows').map((m) => (m.type === 'rows' ? m.rows.length : 0)))).toBeLessThanOrEqual(2_000);
  }, 120_000);

  it('reads a file of 10,000 columns, and the mapping lists 200 of them at a time, found by a search', async () => {
    const headers = Array.from({ length: 10_000 }, (_, i) => (i === 7_321 ? 'Email' : `Custom field ${i}`));
    const values = headers.map((_, i) => (i === 7_321 ? 'ana@acme.example' : `v${i}`));
    const file = new Blob([`${headers.join(',')}\n${values.join(',')}\n`]);

    const { result } = await parseAsWorker(file);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.csv.headers).toHaveLength(10_000);
    expect(autoMapHeaders(result.csv.headers)[7_321]).toBe('email');
    expect(listedColumns(result.csv.headers, '')).toEqual({ columns: Array.from({ length: 200 }, (_, i) => i), matching: 10_000 });
    expect(listedColumns(result.csv.headers, 'email')).toEqual({ columns: [7_321], matching: 1 });
    expect(listedColumns(result.csv.headers, 'field 999').columns).toEqual([999, 9_990, 9_991, 9_992, 9_993, 9_994, 9_995, 9_996, 9_997, 9_998, 9_999]);
  }, 60_000);

  it('says why a file cannot be read as a kind the page words in the rep\'s language', async () => {
    const { result } = await parseAsWorker(new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])]));
    expect(result).toEqual({ ok: false, error: { kind: 'notCsv' } });
    if (result && !result.ok) expect(describeCsvFileProblem(result.error)).toContain('does not look like a CSV file');
  });
});
