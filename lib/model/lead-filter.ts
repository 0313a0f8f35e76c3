import './zod-config';
import { z } from 'zod';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { idsOf } from './enum-ids';
import { matchesSearch, searchTerms } from './keys';
import { ChannelSchema, StageSchema } from './lead';
import type { LeadRow } from './lead-row';
import { localDateToEpoch, localDayStart } from './local-day';
import { SourceSchema } from './prospect';
import { isQualified } from './qualified';

/** "Follow-up" filter choices, relative to the moment the filter is applied. */
export const FOLLOW_UP_FILTERS = [
  { id: 'due', label: () => t('table.filters.due') },
  { id: 'overdue', label: () => t('table.filters.overdue') },
  { id: 'upcoming', label: () => t('table.filters.upcoming') },
  { id: 'none', label: () => t('table.filters.noFollowUp') },
] as const;
export const FollowUpFilterSchema = z.enum(idsOf(FOLLOW_UP_FILTERS));
export type FollowUpFilter = z.infer<typeof FollowUpFilterSchema>;

/** "Captured" filter choices: periods that end today, so a saved view stays current. */
export const CAPTURED_PERIODS = [
  { id: 'today', label: () => t('table.filters.today'), days: 1 },
  { id: '7d', label: () => t('table.filters.last7Days'), days: 7 },
  { id: '30d', label: () => t('table.filters.last30Days'), days: 30 },
  { id: '90d', label: () => t('table.filters.last90Days'), days: 90 },
] as const;
export const CapturedPeriodSchema = z.enum(idsOf(CAPTURED_PERIODS));
export type CapturedPeriod = z.infer<typeof CapturedPeriodSchema>;

const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date must look like 2025-03-07');
const ScoreSchema = z.number().int().min(0).max(100);

/** Where the leads came from: a source (LinkedIn, Gmail…), or one imported list ("SaaStr badge scans"). */
export const SourceFilterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('source'), source: SourceSchema }),
  z.object({ kind: z.literal('list'), list: z.string().min(1).max(60) }),
]);
export type SourceFilter = z.infer<typeof SourceFilterSchema>;

/** What the lead table shows: every condition set must hold; an unset one lets every lead through. */
export const LeadFilterSchema = z.object({
  search: z.string().max(200).default(''),
  /** Any of these stages; none listed means any stage. */
  stages: z.array(StageSchema).default([]),
  source: SourceFilterSchema.optional(),
  channel: z.union([ChannelSchema, z.literal('none')]).optional(),
  scoreMin: ScoreSchema.optional(),
  scoreMax: ScoreSchema.optional(),
  /** Leadline's one meaning of qualified (lib/model/qualified.ts). */
  qualified: z.enum(['yes', 'no']).optional(),
  followUp: FollowUpFilterSchema.optional(),
  captured: CapturedPeriodSchema.optional(),
  /** Captured on or after this local day, and on or before `capturedTo` (both `<input type="date">` values). */
  capturedFrom: LocalDateSchema.optional(),
  capturedTo: LocalDateSchema.optional(),
});
export type LeadFilter = z.infer<typeof LeadFilterSchema>;

export const NO_FILTER: LeadFilter = LeadFilterSchema.parse({});

/** How many conditions are set (the search counts as one). */
export function activeConditions(filter: LeadFilter): number {
  const set = [
    searchTerms(filter.search).length > 0,
    filter.stages.length > 0,
    filter.source !== undefined,
    filter.channel !== undefined,
    filter.scoreMin !== undefined || filter.scoreMax !== undefined,
    filter.qualified !== undefined,
    filter.followUp !== undefined,
    filter.captured !== undefined || filter.capturedFrom !== undefined || filter.capturedTo !== undefined,
  ];
  return set.filter(Boolean).length;
}

/** A filter that cannot match anything as the rep meant it, in words; undefined when it is fine. */
export function filterProblem(filter: LeadFilter): string | undefined {
  if (filter.scoreMin !== undefined && filter.scoreMax !== undefined && filter.scoreMin > filter.scoreMax) {
    const { count } = uiFormats();
    return t('table.filters.scoreOrder', { min: count(filter.scoreMin), max: count(filter.scoreMax) });
  }
  const from = filter.capturedFrom === undefined ? undefined : localDateToEpoch(filter.capturedFrom);
  const to = filter.capturedTo === undefined ? undefined : localDateToEpoch(filter.capturedTo);
  if (filter.capturedFrom !== undefined && from === undefined) return t('table.filters.notFirstDay', { date: filter.capturedFrom });
  if (filter.capturedTo !== undefined && to === undefined) return t('table.filters.notLastDay', { date: filter.capturedTo });
  if (from !== undefined && to !== undefined && from > to) return t('table.filters.dayOrder');
  return undefined;
}

type Test = (row: LeadRow) => boolean;

function capturedBounds(filter: LeadFilter, now: number): { from?: number; before?: number } {
  if (filter.captured) {
    const period = CAPTURED_PERIODS.find((p) => p.id === filter.captured)!;
    return { from: localDayStart(now, 1 - period.days) };
  }
  const from = filter.capturedFrom === undefined ? undefined : localDateToEpoch(filter.capturedFrom);
  const to = filter.capturedTo === undefined ? undefined : localDateToEpoch(filter.capturedTo);
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { before: localDayStart(to, 1) } : {}) };
}

function followUpTest(filter: FollowUpFilter, now: number): Test {
  const tomorrow = localDayStart(now, 1);
  switch (filter) {
    case 'due':
      return (row) => row.nextFollowUpAt !== undefined && row.nextFollowUpAt < tomorrow;
    case 'overdue':
      return (row) => row.nextFollowUpAt !== undefined && row.nextFollowUpAt <= now;
    case 'upcoming':
      return (row) => row.nextFollowUpAt !== undefined && row.nextFollowUpAt >= tomorrow;
    case 'none':
      return (row) => row.nextFollowUpAt === undefined;
  }
}

/**
 * The filter as one test per lead, with everything that does not depend on the lead (search words,
 * day boundaries in the rep's time zone) worked out once, so 100,000 rows are tested in milliseconds.
 */
export function compileLeadFilter(filter: LeadFilter, now: number): Test {
  const tests: Test[] = [];
  if (filter.stages.length > 0) {
    const stages = new Set(filter.stages);
    tests.push((row) => stages.has(row.stage));
  }
  const source = filter.source;
  if (source?.kind === 'source') tests.push((row) => row.source === source.source);
  if (source?.kind === 'list') tests.push((row) => row.sourceList === source.list);
  if (filter.channel === 'none') tests.push((row) => row.channel === undefined);
  else if (filter.channel) {
    const channel = filter.channel;
    tests.push((row) => row.channel === channel);
  }
  const { scoreMin, scoreMax } = filter;
  if (scoreMin !== undefined) tests.push((row) => row.score >= scoreMin);
  if (scoreMax !== undefined) tests.push((row) => row.score <= scoreMax);
  if (filter.qualified === 'yes') tests.push(isQualified);
  if (filter.qualified === 'no') tests.push((row) => !isQualified(row));
  if (filter.followUp) tests.push(followUpTest(filter.followUp, now));
  const { from, before } = capturedBounds(filter, now);
  if (from !== undefined) tests.push((row) => row.createdAt >= from);
  if (before !== undefined) tests.push((row) => row.createdAt < before);
  // Last: the dearest test, run only on the rows every other condition let through.
  const terms = searchTerms(filter.search);
  if (terms.length > 0) tests.push((row) => matchesSearch(row.searchWords, terms));

  if (tests.length === 0) return () => true;
  return (row) => {
    for (const test of tests) if (!test(row)) return false;
    return true;
  };
}

/** Today's leads from one imported list (or from imports without a list name): what Today's "34 imported today" links to. */
export function importedTodayFilter(list: string): LeadFilter {
  return { ...NO_FILTER, source: list ? { kind: 'list', list } : { kind: 'source', source: 'import' }, captured: 'today' };
}

// A filter in a page address (dashboard.html#leads?list=SaaStr&captured=today), so Today can link to
// the table filtered to one list, and a reload keeps what the rep was looking at.
const PARAM = {
  search: 'q',
  stage: 'stage',
  source: 'source',
  list: 'list',
  channel: 'channel',
  scoreMin: 'min',
  scoreMax: 'max',
  qualified: 'qualified',
  followUp: 'followup',
  captured: 'captured',
  capturedFrom: 'from',
  capturedTo: 'to',
} as const;

export function filterToParams(filter: LeadFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.search.trim()) params.set(PARAM.search, filter.search);
  for (const stage of filter.stages) params.append(PARAM.stage, stage);
  if (filter.source?.kind === 'source') params.set(PARAM.source, filter.source.source);
  if (filter.source?.kind === 'list') params.set(PARAM.list, filter.source.list);
  if (filter.channel) params.set(PARAM.channel, filter.channel);
  if (filter.scoreMin !== undefined) params.set(PARAM.scoreMin, String(filter.scoreMin));
  if (filter.scoreMax !== undefined) params.set(PARAM.scoreMax, String(filter.scoreMax));
  if (filter.qualified) params.set(PARAM.qualified, filter.qualified);
  if (filter.followUp) params.set(PARAM.followUp, filter.followUp);
  if (filter.captured) params.set(PARAM.captured, filter.captured);
  if (filter.capturedFrom) params.set(PARAM.capturedFrom, filter.capturedFrom);
  if (filter.capturedTo) params.set(PARAM.capturedTo, filter.capturedTo);
  return params;
}

/** The filter an address describes; a part that does not parse (an edited or old link) is left out, never an error. */
export function filterFromParams(params: URLSearchParams): LeadFilter {
  const number = (value: string | null) => (value === null || value.trim() === '' ? undefined : Number(value));
  const list = params.get(PARAM.list);
  const source = params.get(PARAM.source);
  const candidate: Record<keyof LeadFilter, unknown> = {
    search: params.get(PARAM.search) ?? undefined,
    stages: params.getAll(PARAM.stage).filter((stage) => StageSchema.safeParse(stage).success),
    source: list ? { kind: 'list', list } : source ? { kind: 'source', source } : undefined,
    channel: params.get(PARAM.channel) ?? undefined,
    scoreMin: number(params.get(PARAM.scoreMin)),
    scoreMax: number(params.get(PARAM.scoreMax)),
    qualified: params.get(PARAM.qualified) ?? undefined,
    followUp: params.get(PARAM.followUp) ?? undefined,
    captured: params.get(PARAM.captured) ?? undefined,
    capturedFrom: params.get(PARAM.capturedFrom) ?? undefined,
    capturedTo: params.get(PARAM.capturedTo) ?? undefined,
  };
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(candidate)) {
    if (value === undefined) continue;
    const field = LeadFilterSchema.shape[key as keyof LeadFilter].safeParse(value);
    if (field.success) filter[key] = field.data;
  }
  return LeadFilterSchema.parse(filter);
}
