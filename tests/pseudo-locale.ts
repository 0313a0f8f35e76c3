import type { ChromeMessages } from './locale-messages';

/** Every ASCII letter has an accented twin, so pseudo text holds no plain a–z at all. */
const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'àƀçðéƒĝĥîĵķļɱñõþǫŕšţûṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĻṀÑÕÞǪŔŠŢÛṼŴẊÝŽ';
const ACCENT = new Map([...PLAIN].map((letter, index) => [letter, [...ACCENTED][index]!]));

/** What a translation must keep as it is: `{name}` and `$1` substitutions, `$name$` placeholders, `$$`, and the ` | ` between plural forms. */
const KEPT = /(\{[A-Za-z0-9_]+\}|\$[A-Za-z0-9_@]+\$|\$[1-9]|\$\$| \| )/;

/**
 * "Save lead" → "[Šàṽé ļéàð·····]": each letter accented, about 30% longer (translations often are:
 * a layout that clips or wraps badly shows it), in brackets so a string cut or glued to another
 * shows where. Placeholders and plural separators are kept; each plural form is wrapped on its own.
 */
export function pseudoText(message: string): string {
  return message
    .split(' | ')
    .map((form) => {
      const parts = form.split(KEPT);
      const accented = parts.map((part) => (KEPT.test(part) ? part : [...part].map((char) => ACCENT.get(char) ?? char).join(''))).join('');
      const letters = parts.filter((part) => !KEPT.test(part)).join('').length;
      return `[${accented}${'·'.repeat(Math.ceil(letters * 0.3))}]`;
    })
    .join(' | ');
}

/** English's messages turned pseudo, except <html lang>'s tag, which must stay a language tag. */
export function pseudoMessages(english: ChromeMessages): ChromeMessages {
  return Object.fromEntries(
    Object.entries(english).map(([key, entry]) => [key, key === 'app_language' ? entry : { ...entry, message: pseudoText(entry.message) }]),
  );
}

/**
 * Plain English left on screen: a word of two or more unaccented letters with a small letter in it.
 * Acronyms and codes (BANT, CSV, USD) read the same in every language and are not counted.
 */
export const PLAIN_WORD = /(?<![A-Za-z])(?=[A-Za-z]*[a-z])[A-Za-z]{2,}/;

/** Names that stay as they are in every language: the product's and the CRMs' and mail services' it works with. */
export const PROPER_NAMES = ['Leadline', 'LinkedIn', 'Sales Navigator', 'Gmail', 'Outlook', 'HubSpot', 'Salesforce', 'Pipedrive', 'vCard'];
