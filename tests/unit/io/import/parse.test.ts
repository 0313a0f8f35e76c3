import { describe, expect, it } from 'vitest';
import { describeCsvFileProblem, describeCsvRecordProblem } from '@/lib/io/import/messages';
import { parseCsv, parseCsvBytes, parseCsvFile, parseCsvText, type ParseCsvResult, type ParsedCsv } from '@/lib/io/import/parse';
import { fixtureBytes, fixtureFile } from './fixtures';

function ok(result: ParseCsvResult): ParsedCsv {
  if (!result.ok) throw new Error(describeCsvFileProblem(result.error));
  return result.csv;
}

/** What the rep reads when a file is refused. */
function refusal(result: ParseCsvResult): string {
  if (result.ok) throw new Error('the file was accepted');
  return describeCsvFileProblem(result.error);
}

const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};

const utf16be = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) >> 8;
    bytes[3 + i * 2] = text.charCodeAt(i) & 0xff;
  }
  return bytes;
};

describe('reading a CSV file', () => {
  it('reads a HubSpot export: headers, rows and their line numbers', async () => {
    const csv = ok(await parseCsvFile(fixtureFile('hubspot-contacts.csv')));
    expect(csv.headers.slice(0, 4)).toEqual(['Record ID', 'First Name', 'Last Name', 'Email']);
    expect(csv.rows).toHaveLength(8);
    expect(csv.rows[0]?.line).toBe(2);
    expect(csv.rows[1]?.cells.slice(1, 3)).toEqual(['Tomás', 'Ó Briain']);
    expect(csv.problems).toEqual([]);
  });

  it('detects a comma delimiter', () => {
    expect(ok(parseCsvText('Name,Email\nAda,ada@example.com\n')).delimiter).toBe(',');
  });

  it('detects a semicolon delimiter, as European Excel writes it', () => {
    const csv = ok(parseCsvText('Name;Company;Email\nAda Lovelace;Analytical, Ltd;ada@example.com\n'));
    expect(csv.delimiter).toBe(';');
    expect(csv.rows[0]?.cells).toEqual(['Ada Lovelace', 'Analytical, Ltd', 'ada@example.com']);
  });

  it('detects a tab delimiter', () => {
    const csv = ok(parseCsvText('Name\tEmail\nAda\tada@example.com\n'));
    expect(csv.delimiter).toBe('\t');
    expect(csv.rows[0]?.cells).toEqual(['Ada', 'ada@example.com']);
  });

  it('detects a pipe delimiter', () => {
    expect(ok(parseCsvText('Name|Email\nAda|ada@example.com\n')).delimiter).toBe('|');
  });

  it('reads a semicolon-separated Pipedrive export with a byte order mark', async () => {
    const csv = ok(await parseCsv(fixtureBytes('pipedrive-people.csv')));
    expect(csv.delimiter).toBe(';');
    expect(csv.encoding).toBe('utf-8');
    expect(csv.headers[0]).toBe('Person - Name');
    expect(csv.rows[0]?.cells[1]).toBe('Café Brasil Ltda');
  });

  it('reads a Salesforce report saved as windows-1252 with its accents intact', async () => {
    const csv = ok(await parseCsv(fixtureFile('salesforce-leads-windows-1252.csv')));
    expect(csv.encoding).toBe('windows-1252');
    expect(csv.rows[0]?.cells.slice(1, 5)).toEqual(['Hélène', 'Dubois', 'Directrice Commerciale', 'Société Générale des Eaux']);
    expect(csv.rows[2]?.cells[11]).toBe('Signed annual plan, €12,000');
  });

  it('reads UTF-16 little-endian, as Excel\'s "Unicode text" writes it', () => {
    const csv = ok(parseCsvBytes(utf16le('Name\tCompany\r\nZoë Ångström\t株式会社テスト\r\n')));
    expect(csv.encoding).toBe('utf-16le');
    expect(csv.rows[0]?.cells).toEqual(['Zoë Ångström', '株式会社テスト']);
  });

  it('reads UTF-16 big-endian', () => {
    const csv = ok(parseCsvBytes(utf16be('Name,Company\nJosé,Müller AG\n')));
    expect(csv.encoding).toBe('utf-16be');
    expect(csv.rows[0]?.cells).toEqual(['José', 'Müller AG']);
  });

  it('reads UTF-8 without a byte order mark as UTF-8', () => {
    const csv = ok(parseCsvBytes(new TextEncoder().encode('Name\nJosé 🚀\n')));
    expect(csv.encoding).toBe('utf-8');
    expect(csv.rows[0]?.cells).toEqual(['José 🚀']);
  });

  it('numbers rows by the line they start on, past blank lines and multi-line values', () => {
    const csv = ok(parseCsvText('Name,Notes\r\nAda,"line one\r\nline two"\r\n\r\nGrace,short\r\n'));
    expect(csv.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'Ada'],
      [5, 'Grace'],
    ]);
  });

  it('reports a row with too many values by line number and leaves it out', () => {
    const csv = ok(parseCsvText('Name,Email\nAda,ada@example.com\nGrace,Hopper,grace@example.com\nLinus,linus@example.com\n'));
    expect(csv.rows.map((r) => r.cells[0])).toEqual(['Ada', 'Linus']);
    expect(csv.problems).toEqual([{ line: 3, kind: 'cellCount', values: 3, expected: 2 }]);
    expect(describeCsvRecordProblem(csv.problems[0]!)).toBe('has 3 values but the header has 2; a separator or quote is probably out of place');
  });

  it('reports a row with too few values', () => {
    const csv = ok(parseCsvText('Name,Email,Company\nAda,ada@example.com\n'));
    expect(csv.problems[0]).toEqual({ line: 2, kind: 'cellCount', values: 2, expected: 3 });
    expect(describeCsvRecordProblem(csv.problems[0]!)).toMatch(/^has 2 values but the header has 3/);
  });

  it('tolerates empty trailing values a spreadsheet added', () => {
    const csv = ok(parseCsvText('Name,Email\nAda,ada@example.com,,\n'));
    expect(csv.problems).toEqual([]);
    expect(csv.rows[0]?.cells).toEqual(['Ada', 'ada@example.com']);
  });

  it('reports an unbalanced quote by the line it starts on', () => {
    const csv = ok(parseCsvText('Name,Company\nAda,Analytical\nGrace,"Navy\nLinus,Linux Foundation\n'));
    expect(csv.rows.map((r) => r.cells[0])).toEqual(['Ada']);
    expect(csv.problems).toEqual([{ line: 3, kind: 'unclosedQuote' }]);
    expect(describeCsvRecordProblem(csv.problems[0]!)).toMatch(/^a quoted value is never closed/);
  });

  it('reports a stray quote inside a quoted value', () => {
    const csv = ok(parseCsvText('Name,Company\n"Ada "The Countess" Lovelace",Analytical\nGrace,Navy\n'));
    expect(csv.rows.map((r) => r.cells[0])).toEqual(['Grace']);
    expect(csv.problems[0]).toEqual({ line: 2, kind: 'strayQuote' });
    expect(describeCsvRecordProblem(csv.problems[0]!)).toMatch(/not doubled/);
  });

  it('refuses a PNG image as not a CSV file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const result = parseCsvBytes(png);
    expect(result).toEqual({ ok: false, error: { kind: 'notCsv' } });
    expect(refusal(result)).toMatch(/^This file does not look like a CSV file\./);
  });

  it('refuses an Excel workbook and says to save it as CSV', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    const result = parseCsvBytes(xlsx);
    expect(refusal(result)).toContain('save it as "CSV UTF-8"');
  });

  it('refuses text full of control characters', () => {
    const junk = Array.from({ length: 400 }, (_, i) => String.fromCharCode(1 + (i % 7), 65 + (i % 26))).join('');
    expect(parseCsvText(junk)).toEqual({ ok: false, error: { kind: 'notCsv' } });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const file = new File(['Name\n' + 'Ada Lovelace\n'.repeat(100)], 'big.csv');
    const result = await parseCsvFile(file, { maxBytes: 1024 });
    expect(result).toEqual({ ok: false, error: { kind: 'tooLarge', maxBytes: 1024 } });
    expect(refusal(result)).toBe(
      'This file is larger than 1 kB. Split it into smaller files (for example one per list or per year) and import them one at a time.',
    );
  });

  it('states the 50 MB limit by default', async () => {
    const file = { size: 50 * 1024 * 1024 + 1, arrayBuffer: () => Promise.reject(new Error('should not read')) } as unknown as Blob;
    const result = await parseCsvFile(file);
    expect(refusal(result)).toMatch(/^This file is larger than 50 MB/);
  });

  it('counts text size in UTF-8 bytes', () => {
    expect(parseCsvText(`Name\n${'é'.repeat(600)}\n`, { maxBytes: 1024 }).ok).toBe(false);
    expect(parseCsvText(`Name\n${'e'.repeat(600)}\n`, { maxBytes: 1024 }).ok).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(refusal(parseCsvText(' \n\n'))).toMatch(/^This file is empty/);
  });
});
