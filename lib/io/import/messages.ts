import { t, uiLocale } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { CsvFileProblem, CsvRecordProblem } from './parse';

/**
 * The parser's problems in the rep's language. The parser runs in a Worker, where the browser's
 * messages cannot be read, so it reports kinds and numbers and the page words them here.
 */

/** "50 MB", "1 KB", "512 bytes", as the rep's locale writes sizes. */
export function formatFileSize(bytes: number): string {
  const MB = 1024 * 1024;
  const [value, unit] = bytes >= MB ? [bytes / MB, 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(uiLocale(), { style: 'unit', unit, unitDisplay: bytes >= 1024 ? 'short' : 'long', maximumFractionDigits: 1 }).format(value);
}

/** Why a record could not be read, as the end of "Line 12 — …". */
export function describeCsvRecordProblem(problem: CsvRecordProblem): string {
  switch (problem.kind) {
    case 'unclosedQuote':
      return t('data.import.problem.unclosedQuote');
    case 'strayQuote':
      return t('data.import.problem.strayQuote');
    case 'cellCount':
      return t('data.import.problem.cellCount', { values: uiFormats().count(problem.values), expected: uiFormats().count(problem.expected) });
  }
}

/** Why a whole file could not be read, and what to do about it. */
export function describeCsvFileProblem(problem: CsvFileProblem): string {
  switch (problem.kind) {
    case 'notCsv':
      return t('data.import.file.notCsv');
    case 'tooLarge':
      return t('data.import.file.tooLarge', { size: formatFileSize(problem.maxBytes) });
    case 'empty':
      return t('data.import.file.empty');
    case 'noHeaderNames':
      return t('data.import.file.noHeaderNames');
    case 'headerUnreadable':
      return t('data.import.file.headerUnreadable', { line: uiFormats().count(problem.line), problem: describeCsvRecordProblem(problem.problem) });
    case 'unreadable':
      return t('data.import.file.unreadable');
  }
}
