import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '@/lib/i18n';
import { useMemo } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { getSettings } from '@/lib/db/settings';
import { getTotals } from '@/lib/db/totals';
import { qualifiedCount } from '@/lib/model/qualified';
import {
  channelConversion,
  medianDaysToCloseOf,
  medianDaysToQualifyOf,
  overallConversion,
  sourceConversion,
  stageCountsOf,
  weeklyPoints,
  type LeadTotals,
} from '@/lib/metrics/totals';
import { namedChannels, namedSources } from '@/lib/metrics/group-names';
import { ChartFigure } from './ChartFigure';
import { ConversionTable } from './ConversionTable';
import { formatCount, formatDays, formatPercent } from './format';
import { FunnelChart, FunnelTable } from './FunnelChart';
import { SpendSection } from './SpendSection';
import { WeeklyChart, WeeklyTable } from './WeeklyChart';

const WEEKS = 12;

/**
 * Every figure from the running totals (one small record, kept up to date by each write), never
 * from the leads themselves: the dashboard is as quick with 100,000 leads as with ten.
 */
function useMetrics(totals: LeadTotals | undefined, now: () => number) {
  return useMemo(() => {
    if (!totals) return undefined;
    return {
      counts: stageCountsOf(totals),
      qualifiedNow: qualifiedCount(stageCountsOf(totals)),
      overall: overallConversion(totals),
      byChannel: namedChannels(channelConversion(totals)),
      bySource: namedSources(sourceConversion(totals)),
      daysToQualify: medianDaysToQualifyOf(totals),
      daysToClose: medianDaysToCloseOf(totals),
      weeks: weeklyPoints(totals, now(), WEEKS),
    };
  }, [totals, now]);
}

/** The acquisition dashboard: which channels bring leads that become customers, not just leads. */
export function DashboardView({ db, now }: { db: LeadlineDatabase; now: () => number }) {
  const totals = useLiveQuery(() => getTotals(db), [db]);
  const settings = useLiveQuery(() => getSettings(db), [db]);
  const metrics = useMetrics(totals, now);

  if (!totals || !metrics || !settings) {
    return (
      <p role="status" className="muted">
        {t('dashboard.loading')}
      </p>
    );
  }

  if (totals.leads === 0) {
    return (
      <div className="card dashboard-empty">
        <h2>{t('dashboard.empty.title')}</h2>
        <p>{t('dashboard.empty.body')}</p>
        <p className="actions">
          {/* The full page follows its address, so a link is enough to change tabs. */}
          <a href="#data">{t('dashboard.empty.importList')}</a>
          <a href="#welcome">{t('dashboard.empty.seeWelcome')}</a>
        </p>
      </div>
    );
  }

  const { counts, qualifiedNow, overall, byChannel, bySource, daysToQualify, daysToClose, weeks } = metrics;
  return (
    <div className="dashboard-view">
      <section className="card" aria-labelledby="dashboard-overall">
        <h2 id="dashboard-overall">{t('dashboard.overall.title')}</h2>
        <dl className="stats">
          <Stat term={t('dashboard.overall.leads')} value={formatCount(overall.leads)} />
          <Stat term={t('dashboard.overall.qualifiedLeads')} value={formatCount(qualifiedNow)} detail={t('dashboard.overall.qualifiedNow')} />
          <Stat
            term={t('dashboard.conversion.leadToQualified')}
            value={formatPercent(overall.leadToQualified)}
            detail={partOf(overall.qualified, overall.leads)}
          />
          <Stat
            term={t('dashboard.conversion.qualifiedToCustomer')}
            value={formatPercent(overall.qualifiedToCustomer)}
            detail={partOf(overall.customers, overall.qualified)}
          />
          <Stat
            term={t('dashboard.conversion.leadToCustomer')}
            value={formatPercent(overall.leadToCustomer)}
            detail={partOf(overall.customers, overall.leads)}
          />
          <Stat term={t('dashboard.overall.medianToQualify')} value={formatDays(daysToQualify)} />
          <Stat term={t('dashboard.overall.medianToClose')} value={formatDays(daysToClose)} />
        </dl>
        <p className="muted">{t('dashboard.overall.conversionNote')}</p>
        {(daysToQualify === null || daysToClose === null) && <p className="muted">{t('dashboard.overall.medianNote')}</p>}
      </section>

      <ChartFigure title={t('dashboard.funnel.title')} chart={<FunnelChart counts={counts} />} table={<FunnelTable counts={counts} />} />

      <ChartFigure
        title={t('dashboard.weekly.title')}
        chart={<WeeklyChart weeks={weeks} />}
        table={<WeeklyTable weeks={weeks} />}
      />

      <section className="card" aria-labelledby="dashboard-by-group">
        <h2 id="dashboard-by-group">{t('dashboard.conversion.title')}</h2>
        <ConversionTable caption={t('dashboard.conversion.byChannel')} groupName={t('dashboard.conversion.channel')} rows={byChannel} total={overall} />
        <ConversionTable caption={t('dashboard.conversion.bySource')} groupName={t('dashboard.conversion.source')} rows={bySource} total={overall} />
      </section>

      <SpendSection db={db} totals={totals} settings={settings} />
    </div>
  );
}

/** "3 of 8". */
function partOf(part: number, whole: number): string {
  return t('dashboard.overall.partOf', { part: formatCount(part), whole: formatCount(whole) });
}

function Stat({ term, value, detail }: { term: string; value: string; detail?: string }) {
  return (
    <div className="stat">
      <dt>{term}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {detail && <span className="muted"> {t('dashboard.overall.detail', { detail })}</span>}
      </dd>
    </div>
  );
}
