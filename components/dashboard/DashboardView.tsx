import { useLiveQuery } from 'dexie-react-hooks';
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
      byChannel: channelConversion(totals),
      bySource: sourceConversion(totals),
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
        Loading your leads…
      </p>
    );
  }

  if (totals.leads === 0) {
    return (
      <div className="card dashboard-empty">
        <h2>No leads yet</h2>
        <p>
          Capture a prospect from LinkedIn, Gmail, Outlook or any web page with the Leadline button, or import a CSV under
          “Import &amp; export”. Your funnel, conversion rates and cost per customer will appear here.
        </p>
        <p className="actions">
          {/* The full page follows its address, so a link is enough to change tabs. */}
          <a href="#data">Import a list</a>
          <a href="#welcome">See where capture works, and try a sample lead</a>
        </p>
      </div>
    );
  }

  const { counts, qualifiedNow, overall, byChannel, bySource, daysToQualify, daysToClose, weeks } = metrics;
  return (
    <div className="dashboard-view">
      <section className="card" aria-labelledby="dashboard-overall">
        <h2 id="dashboard-overall">Conversion overall</h2>
        <dl className="stats">
          <Stat term="Leads" value={formatCount(overall.leads)} />
          <Stat term="Qualified leads" value={formatCount(qualifiedNow)} detail="in the Qualified or Customer stage now" />
          <Stat
            term="Lead to qualified"
            value={formatPercent(overall.leadToQualified)}
            detail={`${formatCount(overall.qualified)} of ${formatCount(overall.leads)}`}
          />
          <Stat
            term="Qualified to customer"
            value={formatPercent(overall.qualifiedToCustomer)}
            detail={`${formatCount(overall.customers)} of ${formatCount(overall.qualified)}`}
          />
          <Stat
            term="Lead to customer"
            value={formatPercent(overall.leadToCustomer)}
            detail={`${formatCount(overall.customers)} of ${formatCount(overall.leads)}`}
          />
          <Stat term="Median time to qualify" value={formatDays(daysToQualify)} />
          <Stat term="Median time to close" value={formatDays(daysToClose)} />
        </dl>
        <p className="muted">Conversion counts every lead that reached Qualified, including those disqualified later.</p>
        {(daysToQualify === null || daysToClose === null) && (
          <p className="muted">A median appears once a lead you captured has reached that stage.</p>
        )}
      </section>

      <ChartFigure title="Funnel" chart={<FunnelChart counts={counts} />} table={<FunnelTable counts={counts} />} />

      <ChartFigure
        title="Captured vs. customers acquired per week"
        chart={<WeeklyChart weeks={weeks} />}
        table={<WeeklyTable weeks={weeks} />}
      />

      <section className="card" aria-labelledby="dashboard-by-group">
        <h2 id="dashboard-by-group">Conversion by channel and source</h2>
        <ConversionTable caption="Conversion by channel" groupName="Channel" rows={byChannel} total={overall} />
        <ConversionTable caption="Conversion by source" groupName="Source" rows={bySource} total={overall} />
      </section>

      <SpendSection db={db} totals={totals} settings={settings} />
    </div>
  );
}

function Stat({ term, value, detail }: { term: string; value: string; detail?: string }) {
  return (
    <div className="stat">
      <dt>{term}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {detail && <span className="muted"> ({detail})</span>}
      </dd>
    </div>
  );
}
