/**
 * Which country a piece of page text points at: an address or place line ("Chicago, IL 60606",
 * "Nairobi, Kenya", "Санкт-Петербург, Россия"), a domain's country code (".co.uk", ".de"), or a
 * language tag with a region ("de-AT"). Used by the background to read national phone numbers and
 * to split names; country names come from the browser's own Intl data in several languages, so
 * nothing here is a long hand-written list. Never guesses: undefined when the text does not say.
 */

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR'.split(
    ' ',
  ),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));

// Country names in the languages reps and prospects most often write them in; the rep's own
// language is added on first use.
const NAME_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'sv', 'pl', 'ru', 'tr', 'ar', 'ja', 'zh'];

// Names that are not the ISO short name in any of those languages.
const ALIASES: Record<string, string> = {
  usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'united states of america': 'US', america: 'US', uk: 'GB', 'u.k.': 'GB',
  england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', 'great britain': 'GB', britain: 'GB',
  uae: 'AE', 'the netherlands': 'NL', holland: 'NL', 'czech republic': 'CZ', 'south korea': 'KR', korea: 'KR',
  'republic of korea': 'KR', россия: 'RU', 'hong kong sar': 'HK', deutschland: 'DE', österreich: 'AT', schweiz: 'CH',
  suisse: 'CH', svizzera: 'CH', españa: 'ES', méxico: 'MX', brasil: 'BR', 'côte d’ivoire': 'CI', "côte d'ivoire": 'CI',
};

// Major business cities, for a place line that names only its city ("Milano", "10117 Berlin").
const CITIES: Record<string, string> = {
  london: 'GB', manchester: 'GB', birmingham: 'GB', edinburgh: 'GB', glasgow: 'GB', leeds: 'GB', bristol: 'GB',
  dublin: 'IE', paris: 'FR', lyon: 'FR', marseille: 'FR', toulouse: 'FR', lille: 'FR', bordeaux: 'FR', nantes: 'FR',
  berlin: 'DE', münchen: 'DE', munich: 'DE', hamburg: 'DE', frankfurt: 'DE', köln: 'DE', cologne: 'DE',
  stuttgart: 'DE', düsseldorf: 'DE', leipzig: 'DE', wien: 'AT', vienna: 'AT', innsbruck: 'AT', graz: 'AT',
  salzburg: 'AT', zürich: 'CH', zurich: 'CH', genève: 'CH', geneva: 'CH', basel: 'CH', bern: 'CH', lausanne: 'CH',
  milano: 'IT', milan: 'IT', roma: 'IT', rome: 'IT', torino: 'IT', turin: 'IT', bologna: 'IT', firenze: 'IT',
  madrid: 'ES', barcelona: 'ES', valencia: 'ES', sevilla: 'ES', seville: 'ES', bilbao: 'ES', lisboa: 'PT',
  lisbon: 'PT', porto: 'PT', amsterdam: 'NL', rotterdam: 'NL', utrecht: 'NL', brussels: 'BE', bruxelles: 'BE',
  brussel: 'BE', antwerpen: 'BE', antwerp: 'BE', copenhagen: 'DK', københavn: 'DK', stockholm: 'SE',
  göteborg: 'SE', oslo: 'NO', bergen: 'NO', helsinki: 'FI', warszawa: 'PL', warsaw: 'PL', kraków: 'PL',
  praha: 'CZ', prague: 'CZ', budapest: 'HU', athens: 'GR', istanbul: 'TR', 'tel aviv': 'IL', dubai: 'AE',
  'abu dhabi': 'AE', riyadh: 'SA', doha: 'QA', cairo: 'EG', nairobi: 'KE', lagos: 'NG', johannesburg: 'ZA',
  'cape town': 'ZA', mumbai: 'IN', bengaluru: 'IN', bangalore: 'IN', 'new delhi': 'IN', delhi: 'IN', pune: 'IN',
  hyderabad: 'IN', chennai: 'IN', singapore: 'SG', tokyo: 'JP', osaka: 'JP', seoul: 'KR', shanghai: 'CN',
  beijing: 'CN', shenzhen: 'CN', 'hong kong': 'HK', sydney: 'AU', melbourne: 'AU', auckland: 'NZ', toronto: 'CA',
  montréal: 'CA', montreal: 'CA', vancouver: 'CA', 'são paulo': 'BR', 'sao paulo': 'BR', 'rio de janeiro': 'BR',
  'ciudad de méxico': 'MX', 'mexico city': 'MX', 'buenos aires': 'AR', santiago: 'CL', bogotá: 'CO', bogota: 'CO',
  lima: 'PE',
};

// Country-code domains used as generic ones: they say nothing about where a company is.
const GENERIC_CCTLDS = new Set(['io', 'ai', 'co', 'me', 'tv', 'ly', 'fm', 'am', 'gg', 'to', 'cc', 'ws', 'so', 'sh', 'vc', 'la', 'app', 'is', 'im', 'xyz', 'eu', 'asia']);
// Domain endings that are not the ISO code of their country.
const TLD_COUNTRY: Record<string, string> = { uk: 'GB' };

let names: Map<string, string> | undefined;
const addedLanguages = new Set<string>();

const key = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

function regionCodes(): string[] {
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  return codes;
}

function addLanguage(map: Map<string, string>, language: string): void {
  if (addedLanguages.has(language)) return;
  addedLanguages.add(language);
  let display: Intl.DisplayNames;
  try {
    display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return;
  }
  for (const code of regionCodes()) {
    if (['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB'].includes(code)) continue;
    const name = display.of(code);
    if (name && name !== code && !map.has(key(name))) map.set(key(name), code);
  }
}

/** The country names map, built from Intl on first use (a few milliseconds, in the background only). */
function countryNames(extraLanguage?: string): Map<string, string> {
  if (!names) {
    names = new Map(Object.entries(ALIASES));
    for (const language of NAME_LANGUAGES) addLanguage(names, language);
  }
  const base = extraLanguage?.split('-')[0];
  if (base) addLanguage(names, base);
  return names;
}

/** ISO code of a country name in any common language ("Deutschland", "Kenya", "Россия"), or undefined. */
export function countryFromName(name: string, language?: string): string | undefined {
  return countryNames(language).get(key(name));
}

const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/;
const CA_POSTCODE = /\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b/;
const MAX_PLACE = 500;

/**
 * The country an address or place line names: a country name anywhere in it (in several languages),
 * a US state or Canadian province code with its postcode or after a comma, a UK postcode, or a major
 * city. Undefined when it names none of these.
 */
export function countryFromPlace(raw: string | undefined, language?: string): string | undefined {
  if (!raw) return undefined;
  const text = raw.slice(0, MAX_PLACE);
  const map = countryNames(language);
  const parts = text
    .split(/[,،、·|\n;]+|\s[-–]\s/)
    .map((p) => p.trim())
    .filter(Boolean);
  // A country name: a whole part ("Kenya"), or its last words ("Ciudad de México" → "México").
  for (const part of [...parts].reverse()) {
    const words = part.split(/\s+/);
    for (let n = Math.min(4, words.length); n >= 1; n--) {
      for (let start = words.length - n; start >= 0; start--) {
        const found = map.get(key(words.slice(start, start + n).join(' ').replace(/^[(]|[).]$/g, '')));
        // Two-letter words ("IN", "DE") are too often something else to count as a country name.
        if (found && (n > 1 || (words[start] ?? '').length > 2)) return found;
      }
    }
  }
  for (const part of parts) {
    const state = /^([A-Z]{2})(?:\s+(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d))?$/.exec(part);
    if (state?.[1] && US_STATES.has(state[1]) && !state[2]?.match(/[A-Z]/)) return 'US';
    if (state?.[1] && CA_PROVINCES.has(state[1])) return 'CA';
  }
  if (UK_POSTCODE.test(text)) return 'GB';
  if (CA_POSTCODE.test(text) && /\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\b/.test(text)) return 'CA';
  for (const part of parts) {
    const city = key(part.replace(/^(?:[A-Z]{1,2}-)?\d{4,5}\s+/, '').replace(/\s+\d{4,5}$/, ''));
    const found = CITIES[city];
    if (found) return found;
  }
  return undefined;
}

/** The country of a domain's country-code ending ("acme.co.uk" → GB, "acme.de" → DE); undefined for .com, .io and the like. */
export function countryFromHost(host: string | undefined): string | undefined {
  const tld = host?.toLowerCase().replace(/\.$/, '').split('.').pop();
  if (!tld || tld.length !== 2 || GENERIC_CCTLDS.has(tld)) return undefined;
  const code = TLD_COUNTRY[tld] ?? tld.toUpperCase();
  return countryNames().size && isRegion(code) ? code : undefined;
}

function isRegion(code: string): boolean {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code) !== undefined;
  } catch {
    return false;
  }
}

/** The region of a language tag: "de-AT" → AT, "fr" → FR (the language's main country), "en" → undefined (spoken too widely to say). */
export function countryFromLang(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  try {
    const locale = new Intl.Locale(lang);
    if (locale.region) return locale.region;
    if (['en', 'es', 'ar', 'pt', 'zh', 'ms', 'sw'].includes(locale.language)) return undefined;
    return new Intl.Locale(lang).maximize().region;
  } catch {
    return undefined;
  }
}
