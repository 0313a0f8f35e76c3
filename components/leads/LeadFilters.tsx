import { useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { CHANNELS } from '@/lib/model/lead';
import {
  CAPTURED_PERIODS,
  FOLLOW_UP_FILTERS,
  NO_FILTER,
  activeConditions,
  filterProblem,
  type LeadFilter,
  type SourceFilter,
} from '@/lib/model/lead-filter';
import { SOURCES, sourceName } from '@/lib/model/prospect';
import { STAGES, stageLabel } from '@/lib/model/stage';


const CUSTOM_PERIOD = 'between';

function sourceValue(source: SourceFilter | undefined): string {
  if (!source) return '';
  return source.kind === 'list' ? `list:${source.list}` : `source:${source.source}`;
}

function sourceFromValue(value: string): SourceFilter | undefined {
  if (value.startsWith('list:')) return { kind: 'list', list: value.slice('list:'.length) };
  const source = SOURCES.find((s) => `source:${s.id}` === value);
  return source ? { kind: 'source', source: source.id } : undefined;
}

/** An object without the keys whose value is undefined, as the filter schema's optional fields expect. */
function withOptional<T extends object>(value: T, key: keyof T, next: T[keyof T] | undefined): T {
  const { [key]: _previous, ...rest } = value;
  return (next === undefined ? rest : { ...rest, [key]: next }) as T;
}

const isBadScore = (text: string) => text.trim() !== '' && (!/^\d{1,3}$/.test(text.trim()) || Number(text.trim()) > 100);

/** A score box: typed text, applied to the filter only when it is a whole number from 0 to 100. */
function ScoreInput({ label, value, onChange, onInvalid }: { label: string; value: number | undefined; onChange: (score: number | undefined) => void; onInvalid: (bad: boolean) => void }) {
  const id = useId();
  const shown = value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  // A view chosen or the filters cleared: show the filter's own value.
  useEffect(() => {
    if (shown !== text.trim()) setText(shown);
  }, [shown]);
  return (
    <span className="filter-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="score-input"
        value={text}
        aria-invalid={isBadScore(text) || undefined}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          onInvalid(isBadScore(typed));
          if (!isBadScore(typed)) onChange(typed.trim() === '' ? undefined : Number(typed.trim()));
        }}
      />
    </span>
  );
}

export interface LeadFiltersProps {
  filter: LeadFilter;
  onChange: (filter: LeadFilter) => void;
  /** The imported lists, for the source menu; undefined while leads are being read. */
  lists: readonly { list: string; leads: number }[] | undefined;
}

/** The table's filters: stage, source or list, channel, score range, qualified, follow-up and when captured. */
export function LeadFilters({ filter, onChange, lists }: LeadFiltersProps) {
  const id = useId();
  const [badScore, setBadScore] = useState({ from: false, to: false });
  const [customPeriod, setCustomPeriod] = useState(false);
  const showDates = filter.captured === undefined && (customPeriod || filter.capturedFrom !== undefined || filter.capturedTo !== undefined);
  const problem = badScore.from || badScore.to ? t('table.filters.scoreRange') : filterProblem(filter);
  const conditions = activeConditions({ ...filter, search: '' });

  const set = <K extends keyof LeadFilter>(key: K, value: LeadFilter[K] | undefined) => onChange(withOptional(filter, key, value));

  function toggleStage(stage: (typeof STAGES)[number]['id'], on: boolean) {
    const stages = on ? [...filter.stages, stage] : filter.stages.filter((s) => s !== stage);
    onChange({ ...filter, stages: STAGES.map((s) => s.id).filter((s) => stages.includes(s)) });
  }

  function choosePeriod(value: string) {
    let next = withOptional(withOptional(filter, 'capturedFrom', undefined), 'capturedTo', undefined);
    setCustomPeriod(value === CUSTOM_PERIOD);
    const period = CAPTURED_PERIODS.find((p) => p.id === value);
    next = withOptional(next, 'captured', period?.id);
    onChange(next);
  }

  const listValue = sourceValue(filter.source);
  // A list named by the filter (a link, a saved view) stays choosable while the lists are still being read.
  const knownList = filter.source?.kind !== 'list' || (lists ?? []).some((l) => l.list === (filter.source as { list: string }).list);

  return (
    <fieldset className="lead-filters">
      <legend className="visually-hidden">{t('table.filters.legend')}</legend>
      <fieldset className="filter-stages">
        <legend>{t('table.filters.stage')}</legend>
        {STAGES.map((stage) => (
          <label key={stage.id} className="chip">
            <input type="checkbox" checked={filter.stages.includes(stage.id)} onChange={(event) => toggleStage(stage.id, event.target.checked)} />
            {stageLabel(stage.id)}
          </label>
        ))}
      </fieldset>

      <span className="filter-field">
        <label htmlFor={`${id}-source`}>{t('table.filters.source')}</label>
        <select id={`${id}-source`} value={listValue} onChange={(event) => set('source', sourceFromValue(event.target.value))}>
          <option value="">{t('table.filters.anySource')}</option>
          {SOURCES.map((source) => (
            <option key={source.id} value={`source:${source.id}`}>
              {sourceName(source.id)}
            </option>
          ))}
          {(lists && lists.length > 0) || !knownList ? (
            <optgroup label={t('table.filters.lists')}>
              {!knownList && filter.source?.kind === 'list' && <option value={listValue}>{filter.source.list}</option>}
              {lists?.map((entry) => (
                <option key={entry.list} value={`list:${entry.list}`}>
                  {t('table.filters.list', entry.leads, [uiFormats().count(entry.leads)], { list: entry.list })}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </span>

      <span className="filter-field">
        <label htmlFor={`${id}-channel`}>{t('table.filters.channel')}</label>
        <select
          id={`${id}-channel`}
          value={filter.channel ?? ''}
          onChange={(event) => set('channel', (event.target.value || undefined) as LeadFilter['channel'])}
        >
          <option value="">{t('table.filters.anyChannel')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channel.label}
            </option>
          ))}
          <option value="none">{t('table.filters.noChannel')}</option>
        </select>
      </span>

      <span className="filter-range">
        <ScoreInput label={t('table.filters.scoreFrom')} value={filter.scoreMin} onChange={(score) => set('scoreMin', score)} onInvalid={(bad) => setBadScore((s) => ({ ...s, from: bad }))} />
        <ScoreInput label={t('table.filters.scoreTo')} value={filter.scoreMax} onChange={(score) => set('scoreMax', score)} onInvalid={(bad) => setBadScore((s) => ({ ...s, to: bad }))} />
      </span>

      <span className="filter-field">
        <label htmlFor={`${id}-qualified`}>{t('table.filters.qualified')}</label>
        <select
          id={`${id}-qualified`}
          value={filter.qualified ?? ''}
          onChange={(event) => set('qualified', (event.target.value || undefined) as LeadFilter['qualified'])}
        >
          <option value="">{t('table.filters.anyQualified')}</option>
          <option value="yes">{t('table.filters.qualifiedYes')}</option>
          <option value="no">{t('table.filters.qualifiedNo')}</option>
        </select>
      </span>

      <span className="filter-field">
        <label htmlFor={`${id}-followup`}>{t('table.filters.followUp')}</label>
        <select
          id={`${id}-followup`}
          value={filter.followUp ?? ''}
          onChange={(event) => set('followUp', (event.target.value || undefined) as LeadFilter['followUp'])}
        >
          <option value="">{t('table.filters.anyFollowUp')}</option>
          {FOLLOW_UP_FILTERS.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label()}
            </option>
          ))}
        </select>
      </span>

      <span className="filter-field">
        <label htmlFor={`${id}-captured`}>{t('table.filters.captured')}</label>
        <select id={`${id}-captured`} value={filter.captured ?? (showDates ? CUSTOM_PERIOD : '')} onChange={(event) => choosePeriod(event.target.value)}>
          <option value="">{t('table.filters.anyTime')}</option>
          {CAPTURED_PERIODS.map((period) => (
            <option key={period.id} value={period.id}>
              {period.label()}
            </option>
          ))}
          <option value={CUSTOM_PERIOD}>{t('table.filters.between')}</option>
        </select>
      </span>
      {showDates && (
        <span className="filter-range">
          <span className="filter-field">
            <label htmlFor={`${id}-from`}>{t('table.filters.from')}</label>
            <input id={`${id}-from`} type="date" value={filter.capturedFrom ?? ''} onChange={(event) => set('capturedFrom', event.target.value || undefined)} />
          </span>
          <span className="filter-field">
            <label htmlFor={`${id}-to`}>{t('table.filters.to')}</label>
            <input id={`${id}-to`} type="date" value={filter.capturedTo ?? ''} onChange={(event) => set('capturedTo', event.target.value || undefined)} />
          </span>
        </span>
      )}

      {conditions > 0 && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setCustomPeriod(false);
            setBadScore({ from: false, to: false });
            onChange({ ...NO_FILTER, search: filter.search });
          }}
        >
          {t('table.filters.clear', { count: uiFormats().count(conditions) })}
        </button>
      )}
      {problem && (
        <p role="alert" className="alert filter-problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
