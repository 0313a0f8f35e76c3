import { uiFormats } from '@/lib/i18n/format';

/**
 * "1 lead", "9,840 leads" with English words. Leadline's own views now say counts through plural
 * messages (`t(key, count, [uiFormats().count(count)])`); this stays for views not yet translated.
 */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${uiFormats().count(count)} ${count === 1 ? singular : pluralForm}`;
}
