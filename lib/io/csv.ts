const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

// An E.164 number is "+" then digits only: no spreadsheet can read it as a formula that does anything,
// and CRMs refuse the number without its plus. This is the one value allowed to start with a trigger.
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Stop a spreadsheet from running a cell as a formula (OWASP "CSV Injection"): a cell starting with
 * = + - @ tab or carriage return gets a leading single quote, which Excel, LibreOffice and Sheets show as text.
 */
export function neutraliseFormula(cell: string): string {
  const first = cell.charAt(0);
  if (!FORMULA_TRIGGERS.has(first) || E164.test(cell)) return cell;
  return `'${cell}`;
}

function encodeField(cell: string): string {
  const safe = neutraliseFormula(cell);
  const needsQuotes = /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe);
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV: CRLF after every record (the last one too), quotes only where needed, formulas neutralised.
 * Starts with a UTF-8 byte order mark so Excel reads accents, emoji and CJK correctly instead of as mojibake.
 */
export function encodeCsv(rows: string[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(encodeField).join(',') + '\r\n').join('');
}
