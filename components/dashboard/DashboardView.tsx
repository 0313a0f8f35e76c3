import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { everyLead } from '@/lib/db/lead-pages';
import { getSettings } from '@/lib/db/settings';
import {
  conversion,
  conversionByChannel,
  conversionBySource,
  countByStage,
  medianDaysToClose,
  medianDaysToQualify,
  weeklyCapturedVsCustomers,
} from '@/lib/metrics/funnel';
import type { Lead } from '@/lib/model/lead';
import { ChartFigure } from './ChartFigure';
import { ConversionTable } from './ConversionTable';
import { formatCount, formatDays, formatPercent } from './format';
import { FunnelChart, FunnelTable } from './FunnelChart';
import { SpendSection } from './SpendSection';
import { WeeklyChart, WeeklyTable } from './WeeklyChart';

const WEEKS = 12;

/**
 * Every figure from one pass over the leads, recomputed only when the leads change (a capture, a
 * stage change), never on a re-render: with 100,000 leads each pass takes a noticeable moment.
 */
function useMetrics(leads: readonly Lead[] | undefined, now: () => number) {
  return useMemo(() => {
    if (!leads) return undefined;
    return {
      counts: countByStage(leads),
      overall: conversion(leads),
      byChannel: conversionByChannel(leads),
      bySource: conversionBySource(leads),
      daysToQualify: medianDaysToQualify(leads),
      daysToClose: medianDaysToClose(leads),
      weeks: weeklyCapturedVsCustomers(leads, now(), WEEKS),
    };
  }, [leads, now]);
}

/** The acquisition dashboard: which channels bring leads that become customers, not just leads. */
export function DashboardView({ db, now }: { db: LeadlineDatabase; now: () => number }) {
  const leads = useLiveQuery(() => everyLead(db), [db]);
  const settings = useLiveQuery(() => getSettings(db), [db]);
  const metrics = useMetrics(leads, now);

  if (!leads || !metrics || !settings) {
    return (
      <p role="status" className="muted">
        Loading your leads…
      </p>
    );
  }

  if (leads.length === 0) {
    return (
      <div className="card dashboard-empty">
        <h2>No leads yet</h2>
        <p>
          Capture a prospect from LinkedIn, Gmail, Outlook or any web page with the Leadline button, or import a CSV under
          “Import &amp; export”. Your funnel, conversion rates and cost per customer will appear here.
        </p>
      </div>
    );
  }

  const { counts, overall, byChannel, bySource, daysToQualify, daysToClose, weeks } = metrics;
  return (
    <div className="dashboard-view">
      <section className="card" aria-labelledby="dashboard-overall">
        <h2 id="dashboard-overall">Conversion overall</h2>
        <dl className="stats">
          <Stat term="Leads" value={formatCount(overall.leads)} />
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

      <SpendSection db={db} leads={leads} settings={settings} />
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
