/**
 * The words and patterns every extractor shares: what makes a line a job title, what an email
 * address looks like, which elements hold no readable text. Plain data, no dependencies, so it can
 * ship inside each content script. Name particles and honorifics live with the name rules in
 * lib/model/names.ts, which the background's name splitting uses as well.
 */

/** A plain email address, nothing around it. */
export const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[^\s@<>()[\]\\,;:"'.]{2,}$/;

/** How many ASCII digits `text` holds: phone numbers are told from years and prices by their digit count. */
export function digitCount(text: string): number {
  let count = 0;
  for (const c of text) if (c >= '0' && c <= '9') count++;
  return count;
}

/** Elements whose content is never visible text (code, styles, templates, vector graphics). */
export const NON_TEXT_TAGS: readonly string[] = ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG'];

/** Words that make a line a job title rather than a name or a company ("VP Marketing", "Head of Sales"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'cro', 'cpo', 'ciso', 'cso', 'vp', 'svp', 'evp', 'avp', 'vice',
  'president', 'director', 'manager', 'head', 'chief', 'founder', 'co-founder', 'cofounder', 'owner', 'partner',
  'principal', 'lead', 'leader', 'engineer', 'developer', 'designer', 'architect', 'consultant', 'advisor', 'adviser',
  'analyst', 'specialist', 'executive', 'officer', 'representative', 'coordinator', 'associate', 'assistant',
  'administrator', 'senior', 'sr', 'junior', 'jr', 'intern', 'sales', 'marketing', 'product', 'account', 'accounts',
  'business', 'development', 'operations', 'ops', 'engineering', 'strategy', 'growth', 'recruiter', 'talent', 'editor',
  'scientist', 'researcher', 'professor', 'attorney', 'counsel', 'accountant', 'controller', 'treasurer', 'secretary',
  'chair', 'chairman', 'chairwoman', 'board', 'customer', 'success', 'support', 'finance', 'legal', 'procurement',
  'purchasing', 'revenue', 'partnerships', 'alliances', 'enterprise', 'strategic', 'global', 'regional', 'technical',
  'it', 'hr', 'people',
]);

/**
 * Stems of job titles in the languages prospects write them in, inflected and compounded
 * ("Vertriebsleiterin", "Directora de Compras", "Diretora Financeira", "Коммерческий директор",
 * "Avocate associée"). Tested against a whole line, so a stem must be distinctive enough not to
 * hide in a name or a company.
 */
export const TITLE_STEMS =
  /leiter|leitung|führer|vorstand|vertrieb|einkauf|einkäufer|prokurist|inhaber|gründer|berater|referent|direktor|sachbearbeit|kaufm|managerin|geschäftsf|directeur|directrice|responsable|gérant|presiden|ingénieur|chargée?|chef(?!\p{L})|commercial|achat|acheteu|fondat|associée?(?!\p{L})|avocat|juriste|gerente|jef[ea](?!\p{L})|direttore|direttrice|responsabile|amministrat|titolare|director[a]?(?!\p{L})|diretor[a]?(?!\p{L})|fundador|presidente|coordinador|coordenador|ejecutiv|comprador|vendedor|ingenier|engenheir|abogad|advogad|consultor|asesor|analista|socio(?!\p{L})|sócio|propietari|proprietári|encargad|direktør|ansvarlig|innkjøp|daglig leder|inköp|hoofd|inkoper|eigenaar|oprichter|директор|руководител|менеджер|начальник|глава|специалист|部長|課長|社長|取締役|マネージャー|経理|営業|مدير|رئيس/iu;

/** Country names as signatures and profiles write them (English and native), for place lines like "Nairobi, Kenya". */
export const COUNTRY_WORDS: ReadonlySet<string> = new Set([
  'usa', 'us', 'u.s.', 'united states', 'canada', 'mexico', 'méxico', 'brazil', 'brasil', 'argentina', 'chile', 'colombia',
  'peru', 'perú', 'uk', 'united kingdom', 'england', 'scotland', 'wales', 'ireland', 'germany', 'deutschland', 'austria',
  'österreich', 'switzerland', 'schweiz', 'suisse', 'svizzera', 'france', 'belgium', 'belgique', 'belgië', 'netherlands',
  'the netherlands', 'nederland', 'luxembourg', 'spain', 'españa', 'portugal', 'italy', 'italia', 'denmark', 'danmark',
  'sweden', 'sverige', 'norway', 'norge', 'finland', 'suomi', 'poland', 'polska', 'czech republic', 'czechia', 'hungary',
  'greece', 'turkey', 'türkiye', 'israel', 'uae', 'united arab emirates', 'saudi arabia', 'qatar', 'egypt', 'kenya',
  'nigeria', 'ghana', 'south africa', 'india', 'pakistan', 'singapore', 'malaysia', 'indonesia', 'philippines', 'vietnam',
  'thailand', 'japan', 'china', 'hong kong', 'taiwan', 'south korea', 'korea', 'australia', 'new zealand', 'russia',
  'россия', 'ukraine', 'україна',
]);

const bareTitleWord = (w: string) => w.replace(/[.'’:;!?()]/g, '').toLowerCase();

/** Whether a line reads as a job title: a title word ("VP", "Head", "Engineer") or a title stem in another language. */
export function isTitleLike(text: string): boolean {
  if (text.length > 160) return false;
  return text.split(/[\s,/|·•–—-]+/).some((w) => TITLE_WORDS.has(bareTitleWord(w))) || TITLE_STEMS.test(text);
}

/** Words that name a role rather than a field of work: "Chief Revenue Officer" is a title, "Data Strategy" is not. */
const ROLE_WORDS: ReadonlySet<string> = new Set([
  'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'cro', 'cpo', 'ciso', 'cso', 'vp', 'svp', 'evp', 'avp', 'president', 'director',
  'manager', 'head', 'chief', 'founder', 'co-founder', 'cofounder', 'owner', 'partner', 'principal', 'lead', 'leader',
  'engineer', 'developer', 'designer', 'architect', 'consultant', 'advisor', 'adviser', 'analyst', 'specialist',
  'executive', 'officer', 'representative', 'coordinator', 'associate', 'assistant', 'administrator', 'intern',
  'recruiter', 'editor', 'scientist', 'researcher', 'professor', 'attorney', 'counsel', 'accountant', 'controller',
  'treasurer', 'secretary', 'chair', 'chairman', 'chairwoman', 'buyer', 'ae', 'sdr', 'bdr', 'gm',
]);

/** Whether a line names a role ("Chief Revenue Officer", "Directora de Compras"), not only a field ("Data Strategy"). */
export function isRoleTitle(text: string): boolean {
  if (text.length > 160) return false;
  return text.split(/[\s,/|·•–—-]+/).some((w) => ROLE_WORDS.has(bareTitleWord(w))) || TITLE_STEMS.test(text);
}
