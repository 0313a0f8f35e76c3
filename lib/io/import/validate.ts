import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { CountryCode } from 'libphonenumber-js';
import { normaliseDraft, normaliseEmail, type NormalisedDraft } from '@/lib/model/normalise';
import { ChannelSchema, CHANNELS, type Channel } from '@/lib/model/lead';
import { STAGES, type Stage } from '@/lib/model/stage';
import { LIMITS, cleanLine, cleanMultiline, truncate } from '@/lib/model/text';
import { processInChunks, yieldToEventLoop, type OnProgress, type YieldToUi } from '../chunked';
import { neutraliseFormula } from '../csv';
import { headerKey, mapRow, type ColumnMapping, type ImportField } from './mapping';
import { describeCsvRecordProblem } from './messages';
import type { CsvProblem, CsvRow, ParsedCsv } from './parse';

/** A row ready to save: the draft goes through the same merge rules as a capture; the rest is Leadline's own. */
export interface ImportRecord {
  line: number;
  draft: NormalisedDraft;
  stage?: Stage;
  tags: string[];
  notes?: string;
  channel?: Channel;
  /** Kept anyway, but worth telling the rep. */
  warnings: string[];
}

export type ValidatedRow = ({ ok: true } & ImportRecord) | { ok: false; line: number; message: string };

export interface ValidateOptions {
  /** For phone numbers written without a country code. */
  defaultCountry?: CountryCode;
}

/**
 * Leadline's exports put a quote before a cell that a spreadsheet would run as a formula. Importing
 * such a file gives back the original text; any other leading quote is the rep's and stays.
 */
export function restoreNeutralisedFormula(cell: string): string {
  if (!cell.startsWith("'")) return cell;
  const original = cell.slice(1);
  return neutraliseFormula(original) === cell ? original : cell;
}

// Stage names as Leadline, HubSpot (lifecycle stage and lead status, labels or internal values) and
// Salesforce (default Lead Status values) write them, compared by headerKey().
const STAGE_WORDS: Record<Stage, readonly string[]> = {
  new: ['new', 'lead', 'subscriber', 'open', 'opennotcontacted', 'notcontacted'],
  contacted: ['contacted', 'attemptedtocontact', 'connected', 'workingcontacted', 'working'],
  nurturing: ['nurturing', 'nurture', 'marketingqualifiedlead', 'mql', 'inprogress', 'badtiming'],
  qualified: ['qualified', 'salesqualifiedlead', 'sql', 'opportunity', 'opendeal'],
  customer: ['customer', 'evangelist', 'closedconverted', 'converted', 'closedwon', 'won'],
  disqualified: ['disqualified', 'unqualified', 'closednotconverted', 'notconverted', 'closedlost', 'lost', 'junk'],
};
const STAGE_BY_WORD = new Map<string, Stage>(
  (Object.entries(STAGE_WORDS) as [Stage, readonly string[]][]).flatMap(([stage, words]) => words.map((w) => [w, stage] as const)),
);
// HubSpot's "Other" lifecycle stage says nothing by itself; the lead status next to it decides.
const NEUTRAL_STAGE_WORDS = new Set(['other']);
const STAGE_ORDER: readonly Stage[] = STAGES.map((s) => s.id);

export function stageFromText(text: string): Stage | undefined {
  const key = headerKey(text);
  // A file exported in the rep's own language ("Qualifiziert") reads as well as an English one.
  return STAGE_BY_WORD.get(key) ?? STAGES.find((s) => headerKey(s.label) === key)?.id;
}

/**
 * A file may say the stage twice (HubSpot: lifecycle stage and lead status). Disqualified wins;
 * otherwise the furthest stage does, so "lead" + "Attempted to contact" is Contacted.
 */
function resolveStage(values: readonly string[], warnings: string[]): Stage | undefined {
  const stages: Stage[] = [];
  for (const value of values) {
    const stage = stageFromText(value);
    if (stage) stages.push(stage);
    else if (!NEUTRAL_STAGE_WORDS.has(headerKey(value))) warnings.push(t('data.import.row.unknownStage', { stage: cleanLine(value) }));
  }
  if (stages.includes('disqualified')) return 'disqualified';
  return stages.sort((a, b) => STAGE_ORDER.indexOf(b) - STAGE_ORDER.indexOf(a))[0];
}

const CHANNEL_WORDS: Record<Channel, readonly string[]> = {
  ad: ['ad', 'ads', 'paidsearch', 'paidsocial', 'ppc', 'advertising', 'paid'],
  content: ['content', 'emailmarketing', 'webinar', 'blog'],
  seo: ['seo', 'organicsearch', 'organic'],
  social: ['social', 'socialmedia', 'organicsocial'],
  landing_page: ['landingpage', 'directtraffic', 'website'],
  referral: ['referral', 'referrals', 'partnerreferral', 'employeereferral', 'externalreferral'],
  outbound: ['outbound', 'coldcall', 'coldemail', 'prospecting'],
  event: ['event', 'events', 'tradeshow', 'conference', 'seminar'],
};
const CHANNEL_BY_WORD = new Map<string, Channel>([
  ...CHANNELS.map((c) => [headerKey(c.english), c.id] as const),
  ...(Object.entries(CHANNEL_WORDS) as [Channel, readonly string[]][]).flatMap(([channel, words]) =>
    words.map((w) => [w, channel] as const),
  ),
]);

/** Channel values that do not match are left out quietly: sources such as "Web" or "Other" say nothing about the channel. */
function channelFromText(values: readonly string[]): Channel | undefined {
  for (const value of values) {
    const key = headerKey(value);
    const channel =
      ChannelSchema.safeParse(value.trim()).data ?? CHANNEL_BY_WORD.get(key) ?? CHANNELS.find((c) => headerKey(c.label) === key)?.id;
    if (channel) return channel;
  }
  return undefined;
}

function tagsFrom(values: readonly string[]): string[] {
  const tags = values
    .flatMap((v) => v.split(/[;,]/))
    .map((t) => truncate(cleanLine(t), LIMITS.tag))
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Turns one CSV row into a record to save, or says in plain words why it cannot be imported. */
export function validateRow(row: CsvRow, mapping: ColumnMapping, options: ValidateOptions = {}): ValidatedRow {
  const mapped = mapRow(row.cells.map(restoreNeutralisedFormula), mapping);
  const all = (field: ImportField): string[] => mapped[field] ?? [];
  const first = (field: ImportField): string | undefined => all(field)[0];
  const warnings: string[] = [];

  let email: string | undefined;
  const rawEmails = all('email');
  for (const raw of rawEmails) {
    email = normaliseEmail(raw);
    if (email) break;
  }
  if (!email && rawEmails.length > 0) warnings.push(t('data.import.row.badEmailDropped', { email: cleanLine(rawEmails[0]!) }));

  const location = first('location') ?? ([first('city'), first('region'), first('country')].filter(Boolean).join(', ') || undefined);
  const input = {
    source: 'import',
    fullName: first('fullName'),
    firstName: first('firstName'),
    lastName: first('lastName'),
    email,
    phone: first('phone'),
    title: first('title'),
    headline: first('headline'),
    company: first('company'),
    website: first('website'),
    profileUrl: first('profileUrl'),
    location,
    industry: first('industry'),
    companySize: first('companySize'),
    confidence: 1,
  };
  if (!input.fullName && !input.firstName && !input.lastName && !email) {
    const bad = rawEmails[0];
    const message = bad ? t('data.import.row.noNameBadEmail', { email: cleanLine(bad) }) : t('data.import.row.noNameOrEmail');
    return { ok: false, line: row.line, message };
  }
  const normalised = normaliseDraft(input, options);
  if (!normalised.ok) return { ok: false, line: row.line, message: normalised.message };
  if (!normalised.draft.fullName && !normalised.draft.email) return { ok: false, line: row.line, message: t('data.import.row.noNameOrEmail') };

  const stage = resolveStage(all('stage'), warnings);
  let notes = all('notes').map(cleanMultiline).filter(Boolean).join('\n\n') || undefined;
  if (notes && notes.length > LIMITS.note) {
    notes = truncate(notes, LIMITS.note);
    warnings.push(t('data.import.row.notesShortened', { max: uiFormats().count(LIMITS.note) }));
  }
  const channel = channelFromText(all('channel'));
  return {
    ok: true,
    line: row.line,
    draft: normalised.draft,
    tags: tagsFrom(all('tags')),
    warnings,
    ...(stage ? { stage } : {}),
    ...(notes ? { notes } : {}),
    ...(channel ? { channel } : {}),
  };
}

/** Every record of the file, in line order, with the rows the parser could not read as failures. */
export function validateRows(csv: Pick<ParsedCsv, 'rows' | 'problems'>, mapping: ColumnMapping, options: ValidateOptions = {}): ValidatedRow[] {
  const rows: ValidatedRow[] = csv.rows.map((row) => validateRow(row, mapping, options));
  for (const problem of csv.problems) rows.push(unreadableRow(problem));
  return rows.sort((a, b) => a.line - b.line);
}

/** A record the parser could not read, as a row that cannot be imported. */
function unreadableRow(problem: CsvProblem): ValidatedRow {
  return { ok: false, line: problem.line, message: describeCsvRecordProblem(problem) };
}

/**
 * validateRows for big files: checking 100,000 rows (phone numbers especially) takes seconds, so
 * it runs a chunk at a time and lets the UI paint its progress bar in between.
 */
export async function validateRowsInChunks(
  csv: Pick<ParsedCsv, 'rows' | 'problems'>,
  mapping: ColumnMapping,
  options: ValidateOptions = {},
  onProgress?: OnProgress,
  // 250 rows: checking phone numbers is the slow part, and a chunk is one task the page waits for.
  { chunkSize = 250, yieldToUi = yieldToEventLoop }: { chunkSize?: number; yieldToUi?: YieldToUi } = {},
): Promise<ValidatedRow[]> {
  const chunks = await processInChunks(
    csv.rows,
    chunkSize,
    (chunk) => chunk.map((row) => validateRow(row, mapping, options)),
    onProgress,
    yieldToUi,
  );
  const rows: ValidatedRow[] = chunks.flat();
  for (const problem of csv.problems) rows.push(unreadableRow(problem));
  return rows.sort((a, b) => a.line - b.line);
}
