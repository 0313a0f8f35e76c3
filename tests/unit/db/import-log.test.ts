import { describe, expect, it, vi } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import { importedSince, logImport } from '@/lib/db/import-log';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { parseCsv } from '@/lib/io/import/parse';
import { importRows } from '@/lib/io/import/run';
import { validateRows } from '@/lib/io/import/validate';

const MIDNIGHT = new Date(2025, 2, 7).getTime();
const HOUR = 3_600_000;
const database = useFreshDatabase();

describe('the import log', () => {
  it('adds up what each list brought in since a moment, the largest first, ignoring earlier imports', async () => {
    const db = database();
    await logImport(db, { list: 'Webinar', imported: 12, at: MIDNIGHT - HOUR });
    await logImport(db, { list: 'SaaStr badge scans', imported: 30, at: MIDNIGHT + HOUR });
    await logImport(db, { list: 'Webinar', imported: 5, at: MIDNIGHT + 2 * HOUR });
    await logImport(db, { list: 'SaaStr badge scans', imported: 4, at: MIDNIGHT + 3 * HOUR });
    await logImport(db, { list: 'Nothing new', imported: 0, at: MIDNIGHT + 3 * HOUR });

    expect(await importedSince(db, MIDNIGHT)).toEqual([
      { list: 'SaaStr badge scans', imported: 34 },
      { list: 'Webinar', imported: 5 },
    ]);
  });

  it('keeps the last 50 imports', async () => {
    const db = database();
    for (let i = 0; i < 60; i++) await logImport(db, { list: `List ${i}`, imported: 1, at: MIDNIGHT + i });
    const lists = (await importedSince(db, 0)).map((entry) => entry.list);
    expect(lists).toHaveLength(50);
    expect(lists).not.toContain('List 9');
    expect(lists).toContain('List 10');
  });

  it('starts afresh from a damaged log instead of failing', async () => {
    const db = database();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.settings.put({ key: 'importLog', value: 'not a log' });
    expect(await importedSince(db, 0)).toEqual([]);
    await logImport(db, { list: 'Fresh', imported: 2, at: MIDNIGHT });
    expect(await importedSince(db, 0)).toEqual([{ list: 'Fresh', imported: 2 }]);
  });

  it('is written by an import, with the new leads only', async () => {
    const db = database();
    const parsed = await parseCsv('Name,Email\nAna Souza,ana@acme.example\nBo Berg,bo@acme.example\nAna Souza,ana@acme.example\n');
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    const rows = validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers), {});

    await importRows(db, rows, { listName: 'SaaStr badge scans', mode: 'valid-only', now: MIDNIGHT + HOUR, yieldToUi: () => Promise.resolve() });

    expect(await importedSince(db, MIDNIGHT)).toEqual([{ list: 'SaaStr badge scans', imported: 2 }]);
  });
});
