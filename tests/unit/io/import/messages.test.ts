import { describe, expect, it } from 'vitest';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { describeCsvFileProblem } from '@/lib/io/import/messages';
import { parseCsvText } from '@/lib/io/import/parse';
import { formatImportReport } from '@/lib/io/import/run';
import { validateRows } from '@/lib/io/import/validate';
import { inBrowserLanguage } from '../../../locale-messages';

/** A badge-scan export with one row the parser cannot read and one row without a name or email. */
const SCANS = 'Name,Email,Company\nAda Lovelace,ada@example.com,Analytical\nGrace,Hopper,grace@navy.mil,Navy\n,,Nobody Inc\n';

describe('import problems in the rep\'s language', () => {
  it('say in German which line went wrong and why', async () => {
    const parsed = parseCsvText(SCANS);
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);

    const failures = await inBrowserLanguage('de', 'de-DE', () =>
      validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers)).filter((row) => !row.ok),
    );

    expect(failures).toEqual([
      { ok: false, line: 3, message: expect.stringMatching(/^hat 4 Werte, die Kopfzeile aber 3/) },
      { ok: false, line: 4, message: 'kein Name und keine E-Mail' },
    ]);
  });

  it('word a refused file in French, with the size limit written the French way', async () => {
    const refused = parseCsvText('Name\n' + 'Ada Lovelace\n'.repeat(200), { maxBytes: 1536 });
    if (refused.ok) throw new Error('the file was accepted');

    const message = await inBrowserLanguage('fr', 'fr-FR', () => describeCsvFileProblem(refused.error));

    // French puts a narrow no-break space between the number and the unit.
    expect(message).toMatch(/^Ce fichier dépasse 1,5\u202fko\./);
  });

  it('write the report\'s counts with German grouping, problems by line', async () => {
    const report = {
      imported: 9840,
      merged: 1200,
      skipped: 1,
      aborted: false,
      problems: [{ line: 17, message: 'kein Name und keine E-Mail' }],
    };

    const text = await inBrowserLanguage('de', 'de-DE', () => formatImportReport(report));

    expect(text).toBe('9.840 importiert, 1.200 zusammengeführt, 1 übersprungen: Zeile 17 – kein Name und keine E-Mail');
  });
});
