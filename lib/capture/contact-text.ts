import { digitCount } from './vocabulary';

/**
 * Contact lines as people write them in signatures and on team and contact pages: phone numbers
 * with their labels in many languages ("Mobil:", "Cel:", "Tlm:", "Portable :", "M", "Direct"),
 * which of them is the person's own (mobile, direct) rather than a switchboard, and which lines are
 * a postal address. Small bounded regular expressions, shared by the email and web extractors.
 */

const LABEL =
  '(?:t|tel|tél|tele|telephone|téléphone|telefon|telefone|telefono|teléfono|tlf|fon|fone|phone|ph|p|m|mob|mobile|mobil|mobiel|cell|cellular|cel|celular|móvil|movil|móvel|movel|tlm|telemóvel|telemovel|handy|portable|port|gsm|c|direct|direkt|dir|durchwahl|d|dd|ddi|office|o|work|w|main|business|fixe|bureau|büro|zentrale|switchboard|standard|ligne directe|whatsapp)';
export const LABELLED_PHONE = new RegExp(`^${LABEL}\\.?\\s*[:.]?\\s*(\\+?[\\d(][\\d\\s().\\/–-]{5,26}\\d(?:\\s*(?:ext\\.?|extn\\.?|x|poste|dw\\.?|durchwahl)\\s*\\d{1,6})?)`, 'i');
const PREFERRED_LABEL =
  /^(?:m|mob|mobile|mobil|mobiel|cell|cellular|cel|celular|móvil|movil|móvel|movel|tlm|telemóvel|telemovel|handy|portable|port|gsm|c|direct|direkt|dir|durchwahl|d|dd|ddi|ligne directe|whatsapp)(?![\p{L}])/iu;
const BARE_PHONE = /^(\+?[\d(][\d\s().\/–-]{5,26}\d(?:\s*(?:ext\.?|extn\.?|x)\s*\d{1,6})?)$/i;
const FAX = /^(?:f|fax|telefax)\b/i;
const YEAR_RANGE = /^\d{4}\s*[-–]\s*\d{4}$/;

export const SEGMENT_SPLIT = /\s+[|·•]\s+|\s{3,}|\t|\s+\/\s+(?=\D*\d)/;

export type FoundPhone = { phone: string; preferred: boolean; labelled: boolean };

// A label glued to the number before it ("… 4410 M +39 347 …") starts a segment of its own.
const NEXT_LABEL = new RegExp(`\\s+(?=${LABEL}\\.?\\s*[:.]?\\s*[+(]?\\d)`, 'giu');

/** The phone numbers in a line, as written, each with whether its label makes it the person's own (mobile, direct). */
export function phonesIn(line: string): FoundPhone[] {
  const found: FoundPhone[] = [];
  for (const segment of line.split(SEGMENT_SPLIT).flatMap((part) => part.split(NEXT_LABEL))) {
    const s = segment.trim();
    if (!s || FAX.test(s)) continue;
    const labelled = LABELLED_PHONE.exec(s);
    const number = labelled?.[1] ?? BARE_PHONE.exec(s)?.[1];
    if (!number || YEAR_RANGE.test(number)) continue;
    const digits = digitCount(number);
    if (digits < 7 || digits > 17) continue;
    found.push({ phone: number.trim(), preferred: Boolean(labelled) && PREFERRED_LABEL.test(s), labelled: Boolean(labelled) });
    if (found.length >= 4) break;
  }
  return found;
}

export const phoneIn = (line: string): FoundPhone | undefined => phonesIn(line)[0];

export const STREET_WORDS =
  /(?<![\p{L}])(?:street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd\.?|lane|drive|suite|ste\.|floor|fl\.|plaza|square|parkway|court|place|way|rue|chemin|quai|allée|via|viale|piazza|calle|avenida|paseo|postfach|p\.?\s?o\.?\s?box)(?![\p{L}])|(?:straße|strasse|str\.|platz|weg|allee|gasse|damm|ufer|ring)\s*\d/iu;
export const EU_POSTCODE_CITY = /^(?:[A-Z]{1,2}[- ])?\d{4,5}\s+(\p{Lu}[\p{L}\p{M}.' -]{1,40})$/u;
export const US_STATE_ZIP = /^[A-Z]{2}\s+\d{5}(?:-\d{4})?$/;
export const UK_CITY_POSTCODE = /^(\p{Lu}[\p{L} ]{1,30}?)\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}$/u;

/** Whether a line is (part of) a postal address: a street with a number, or a postcode with its city. */
export function isAddress(line: string): boolean {
  if (/\d/.test(line) && STREET_WORDS.test(line)) return true;
  return line.split(',').some((part) => {
    const p = part.trim();
    return EU_POSTCODE_CITY.test(p) || US_STATE_ZIP.test(p) || UK_CITY_POSTCODE.test(p);
  });
}
