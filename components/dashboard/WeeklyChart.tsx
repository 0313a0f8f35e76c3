import type { WeekPoint } from '@/lib/metrics/funnel';
import { t } from '@/lib/i18n';
import { formatCount, formatIsoWeek, formatWeekStart } from './format';

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 40;
const BOTTOM = 28;
const TOP = 10;
const PLOT = HEIGHT - TOP - BOTTOM;

/** A y-axis top that reads well: 1, 2, 5, 10, 20, 50… at or above the largest value. */
function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((s) => s * power >= value)!;
  return step * power;
}

export function weeklySummary(weeks: readonly WeekPoint[]): string {
  const captured = weeks.reduce((sum, w) => sum + w.captured, 0);
  const customers = weeks.reduce((sum, w) => sum + w.customers, 0);
  return t('dashboard.weekly.summary', { weeks: formatCount(weeks.length), captured: formatCount(captured), customers: formatCount(customers) });
}

/** Grouped bars per ISO week: leads captured (the vanity number) beside customers acquired (the one that pays). */
export function WeeklyChart({ weeks }: { weeks: readonly WeekPoint[] }) {
  const top = niceMax(Math.max(0, ...weeks.flatMap((w) => [w.captured, w.customers])));
  const slot = (WIDTH - LEFT) / Math.max(1, weeks.length);
  const bar = Math.min(18, (slot - 8) / 2);
  const y = (value: number) => TOP + PLOT - (value / top) * PLOT;
  return (
    <>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch chart-bar-1" /> {t('dashboard.weekly.captured')}
        </li>
        <li>
          <span className="swatch chart-bar-2" /> {t('dashboard.weekly.becameCustomers')}
        </li>
      </ul>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={weeklySummary(weeks)}>
        {[0, top / 2, top].map((tick) => (
          <g key={tick}>
            <line className="chart-grid" x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} />
            <text className="chart-axis" x={LEFT - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {formatCount(tick)}
            </text>
          </g>
        ))}
        {weeks.map((week, i) => {
          const x = LEFT + i * slot + (slot - 2 * bar - 2) / 2;
          return (
            <g key={week.weekStart}>
              <rect className="chart-bar-1" x={x} y={y(week.captured)} width={bar} height={TOP + PLOT - y(week.captured)} />
              <rect className="chart-bar-2" x={x + bar + 2} y={y(week.customers)} width={bar} height={TOP + PLOT - y(week.customers)} />
              <text className="chart-axis" x={LEFT + i * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle">
                {formatWeekStart(week.weekStart)}
              </text>
            </g>
          );
        })}
      </svg>
    </>
  );
}

export function WeeklyTable({ weeks }: { weeks: readonly WeekPoint[] }) {
  return (
    <table>
      <caption>{t('dashboard.weekly.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.weekly.week')}</th>
          <th scope="col">{t('dashboard.weekly.captured')}</th>
          <th scope="col">{t('dashboard.weekly.becameCustomers')}</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.weekStart}>
            <th scope="row">
              {formatIsoWeek(week.label)} <span className="muted">{t('dashboard.weekly.from', { date: formatWeekStart(week.weekStart) })}</span>
            </th>
            <td>{formatCount(week.captured)}</td>
            <td>{formatCount(week.customers)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
