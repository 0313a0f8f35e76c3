import { cleanPersonName, isHonorific, isParticle, isSuffix } from './names';

/**
 * Splitting a full name into first and last name the way the name's own culture does, as far as
 * the page tells it: Spanish and Portuguese names carry two surnames ("Tomás Álvarez Ruiz" →
 * Tomás / Álvarez Ruiz), Chinese, Japanese and Korean names put the family name first, with or
 * without a space ("王小明" → 王 / 小明), particles belong to the surname ("Aoife Ní Bhriain").
 * Honorifics and credentials are left out of the split. When the split is a guess (three words and
 * no culture to go by, a Japanese name written without a space), the result says so, so the rep
 * can be asked to check it. Runs in the background only: the vocabulary below never ships into a page.
 */

export type NameContext = {
  /** The language the page gives for the person's text (a BCP 47 tag), when it is theirs, not the rep's UI. */
  lang?: string;
  /** Where the person is, as an ISO 3166 code, when the page says it. */
  country?: string;
};

export type NameSplit = { firstName?: string; lastName?: string; uncertain?: true };

const IBERIAN_COUNTRIES = new Set([
  'ES', 'PT', 'BR', 'MX', 'AR', 'CL', 'CO', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR',
  'PA', 'UY', 'PR', 'AO', 'MZ', 'GQ',
]);
const IBERIAN_LANG = /^(?:es|pt|ca|gl)(?:-|$)/i;

// Frequent Spanish and Portuguese surnames, accents folded: two of them at the end of a name tell
// its culture when the page does not.
const IBERIAN_SURNAMES = new Set(
  (
    'garcia fernandez gonzalez rodriguez lopez martinez sanchez perez gomez martin jimenez ruiz hernandez diaz moreno ' +
    'alvarez munoz romero alonso gutierrez navarro torres dominguez vazquez ramos gil ramirez serrano blanco molina ' +
    'morales suarez ortega delgado castro ortiz rubio marin sanz nunez iglesias medina garrido cortes castillo santos ' +
    'lozano guerrero cano prieto mendez cruz calvo gallego vidal leon marquez herrera pena flores cabrera campos vega ' +
    'fuentes carrasco diez caballero reyes nieto aguilar pascual santana herrero lorenzo montero hidalgo gimenez ibanez ' +
    'ferrer duran santiago benitez mora vicente vargas arias carmona crespo roman pastor soto saez velasco moya soler ' +
    'parra esteban bravo gallardo rojas silva pereira souza sousa oliveira costa rodrigues ferreira almeida carvalho ' +
    'gomes ribeiro martins araujo lima barbosa fernandes alves rocha dias monteiro cardoso teixeira correia mendes ' +
    'nascimento moura cavalcanti pinto coelho lopes machado freitas azevedo vieira cunha castillo espinoza valenzuela ' +
    'contreras sepulveda munoz figueroa tapia vidal fuentealba salazar mejia zapata jaramillo velasquez restrepo'
  ).split(' '),
);

// Given names written as two words ("María José", "Francisco Javier"), accents folded.
const COMPOUND_GIVEN = new Set([
  'maria jose', 'jose maria', 'juan carlos', 'jose luis', 'juan pablo', 'francisco javier', 'ana maria', 'luis miguel',
  'miguel angel', 'jose antonio', 'juan manuel', 'jose manuel', 'juan jose', 'maria teresa', 'ana isabel',
  'maria eduarda', 'joao pedro', 'ana paula', 'luiz carlos', 'luis carlos', 'carlos eduardo', 'pedro henrique',
  'maria clara', 'ana carolina', 'luis fernando', 'jorge luis', 'jose carlos', 'maria fernanda', 'ana lucia',
  'maria elena', 'rosa maria', 'juan antonio', 'maria isabel', 'maria luisa', 'jose ignacio', 'juan ignacio',
  'maria paz', 'ana belen', 'maria angeles', 'jose francisco', 'luis alberto', 'carlos alberto', 'joao paulo',
  'maria luiza', 'ana clara', 'ana beatriz', 'maria cristina', 'maria victoria', 'juan martin', 'maria laura',
  'maria jesus', 'maria pilar', 'maria dolores', 'maria carmen', 'jose angel', 'pedro pablo', 'juan diego',
  'juan sebastian', 'juan esteban', 'juan felipe', 'luis eduardo', 'mari carmen', 'ana sofia', 'maria alejandra',
  'maria camila', 'maria paula', 'maria gabriela', 'maria antonia', 'jose miguel', 'jose alberto', 'jose javier',
  'francisco jose', 'juan luis', 'luis enrique',
]);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const CHINESE_COMPOUND_SURNAMES = new Set([
  '欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容',
  '令狐', '夏侯', '长孙', '長孫', '宇文', '司徒', '端木', '澹台', '澹臺', '申屠', '轩辕', '軒轅', '呼延', '闻人', '聞人',
  '南宫', '南宮', '西门', '西門', '独孤', '獨孤',
]);
const KOREAN_COMPOUND_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방']);

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const isInitial = (token: string) => /^\p{L}\.?$/u.test(token) || /^\p{Lu}\.$/u.test(token);
const isCapitalised = (token: string) => token.length >= 3 && /^\p{Lu}+(?:[-']\p{Lu}+)*$/u.test(token);

const result = (first: string[], last: string[], uncertain = false): NameSplit => ({
  ...(first.length ? { firstName: first.join(' ') } : {}),
  ...(last.length ? { lastName: last.join(' ') } : {}),
  ...(uncertain ? { uncertain: true as const } : {}),
});

/** Split a display name into first and last name; a single name is a first name only. */
export function splitName(fullName: string, context: NameContext = {}): NameSplit {
  const cleaned = cleanPersonName(fullName);
  if (!cleaned) return {};

  let main = cleaned;
  const comma = cleaned.indexOf(',');
  if (comma >= 0) {
    const before = cleaned.slice(0, comma).trim();
    const after = cleaned.slice(comma + 1).trim();
    const afterTokens = after.split(/[\s,]+/).filter(Boolean);
    const beforeTokens = before.split(' ').filter(Boolean);
    const looksInverted =
      beforeTokens.length > 0 &&
      beforeTokens.slice(0, -1).every(isParticle) &&
      afterTokens.length > 0 &&
      afterTokens.length <= 3 &&
      afterTokens.some((t) => !isSuffix(t)) &&
      // "Doe, Jane" is a name written last-first; "Doe, CEO" is a name with a label.
      afterTokens.every((t) => isSuffix(t) || (/^\p{Lu}/u.test(t) && t !== t.toUpperCase()));
    if (looksInverted) {
      const first = afterTokens.filter((t) => !isSuffix(t) && !isHonorific(t)).join(' ');
      return first ? { firstName: first, lastName: before } : { firstName: before };
    }
    // Whatever follows a comma is credentials or a tagline, not part of the name.
    main = before;
  }

  const tokens = main.split(' ').filter(Boolean);
  while (tokens.length > 1 && isHonorific(tokens[0] ?? '')) tokens.shift();
  while (tokens.length > 1 && isSuffix(tokens[tokens.length - 1] ?? '')) tokens.pop();
  if (tokens.length === 0) return {};

  if (CJK.test(tokens.join(''))) return splitEastAsian(tokens, context);
  if (tokens.length === 1) return { firstName: tokens[0] };

  // "DUPONT Jean-Pierre": a surname written first, in capitals, as French and some Asian directories do.
  const leadingCaps = tokens.findIndex((t) => !isCapitalised(t));
  if (leadingCaps > 0) return result(tokens.slice(leadingCaps), tokens.slice(0, leadingCaps));

  if (tokens.length >= 3 && isIberian(tokens, context)) return splitIberian(tokens);

  if (tokens.length === 3 && COMPOUND_GIVEN.has(fold(`${tokens[0]} ${tokens[1]}`))) return result(tokens.slice(0, 2), tokens.slice(2));

  // The surname starts at the first particle that is neither the first nor the last word.
  for (let i = 1; i < tokens.length - 1; i++) {
    if (isParticle(tokens[i] ?? '')) return result(tokens.slice(0, i), tokens.slice(i));
  }
  // "Mary Ann Smith" or "Ann Smith Jones"? Middle initials are middle names; other words could be either.
  const middle = tokens.slice(1, -1);
  return result(tokens.slice(0, -1), tokens.slice(-1), middle.length > 0 && !middle.every(isInitial));
}

function isIberian(tokens: string[], context: NameContext): boolean {
  if (context.country && IBERIAN_COUNTRIES.has(context.country.toUpperCase())) return true;
  if (context.lang && IBERIAN_LANG.test(context.lang)) return true;
  const surnames = tokens.slice(1).filter((t) => !isParticle(t));
  const lastTwo = surnames.slice(-2);
  const known = lastTwo.filter((t) => IBERIAN_SURNAMES.has(fold(t))).length;
  // Two frequent surnames, or one and the accents of Spanish or Portuguese spelling.
  return lastTwo.length === 2 && (known === 2 || (known === 1 && /[áéíóúñãõç]/i.test(tokens.join(' '))));
}

/** Given names first, then two surnames, each with its particles ("Lucía | Fernández de Córdoba", "Gustavo | Pereira da Silva"). */
function splitIberian(tokens: string[]): NameSplit {
  const units: string[][] = [];
  for (let i = tokens.length - 1; i >= 0; ) {
    const unit = [tokens[i] ?? ''];
    i--;
    while (i >= 1 && isParticle(tokens[i] ?? '')) unit.unshift(tokens[i--] ?? '');
    units.unshift(unit);
  }
  if (units.length < 2) return result(tokens.slice(0, 1), tokens.slice(1), true);
  const compound = units.length >= 3 && COMPOUND_GIVEN.has(fold(`${units[0]?.join(' ')} ${units[1]?.join(' ')}`));
  let given = compound ? 2 : Math.max(1, units.length - 2);
  if (units.length === 2) given = 1;
  return result(units.slice(0, given).flat(), units.slice(given).flat(), units.length - given > 2 || given > 2);
}

/** Family name first: by the space when there is one, else by known surnames. */
function splitEastAsian(tokens: string[], context: NameContext): NameSplit {
  if (tokens.length > 1) return result(tokens.slice(1), tokens.slice(0, 1), tokens.length > 2);
  const name = tokens[0] ?? '';
  const chars = Array.from(name);
  if (chars.length < 2) return { firstName: name };
  const pair = chars.slice(0, 2).join('');
  if (HANGUL.test(name)) {
    const family = KOREAN_COMPOUND_SURNAMES.has(pair) && chars.length > 2 ? 2 : 1;
    return result([chars.slice(family).join('')], [chars.slice(0, family).join('')]);
  }
  const japanese = KANA.test(name) || /^ja(?:-|$)/i.test(context.lang ?? '') || context.country?.toUpperCase() === 'JP';
  if (japanese) {
    // Most Japanese family names are two characters, but not all: a guess the rep should check.
    const family = chars.length >= 3 ? 2 : 1;
    return result([chars.slice(family).join('')], [chars.slice(0, family).join('')], true);
  }
  const family = CHINESE_COMPOUND_SURNAMES.has(pair) && chars.length > 2 ? 2 : 1;
  return result([chars.slice(family).join('')], [chars.slice(0, family).join('')], chars.length >= 4 && family === 1);
}
