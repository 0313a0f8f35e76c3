import type { StageCounts } from '@/lib/metrics/funnel';
import { t, uiLocale } from '@/lib/i18n';
import { STAGES, stageLabel as label, type Stage } from '@/lib/model/stage';
import { formatCount } from './format';

const FUNNEL: readonly Stage[] = ['new', 'contacted', 'nurturing', 'qualified', 'customer'];

const ROW = 34;
const BAR = 22;
const LABEL_WIDTH = 120;
const WIDTH = 640;
const BAR_SPACE = WIDTH - LABEL_WIDTH - 70;
// Disqualified is drawn apart from the funnel, below a gap.
const GAP = 18;

export function funnelSummary(counts: StageCounts): string {
  const stages = FUNNEL.map((stage) => t('dashboard.funnel.stageCount', { stage: label(stage), count: formatCount(counts[stage]) }));
  return t('dashboard.funnel.summary', {
    stages: new Intl.ListFormat(uiLocale(), { type: 'unit', style: 'short' }).format(stages),
    disqualified: t('dashboard.funnel.stageCount', { stage: label('disqualified'), count: formatCount(counts.disqualified) }),
  });
}

/** Horizontal bars, one per stage in funnel order, disqualified set apart under them. */
export function FunnelChart({ counts }: { counts: StageCounts }) {
  const max = Math.max(1, ...STAGES.map((s) => counts[s.id]));
  const rows = [...FUNNEL.map((stage, i) => ({ stage, y: i * ROW })), { stage: 'disqualified' as Stage, y: FUNNEL.length * ROW + GAP }];
  const height = FUNNEL.length * ROW + GAP + ROW;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={funnelSummary(counts)}>
      <line className="chart-rule" x1={0} x2={WIDTH} y1={FUNNEL.length * ROW + GAP / 2} y2={FUNNEL.length * ROW + GAP / 2} />
      {rows.map(({ stage, y }) => {
        const width = (counts[stage] / max) * BAR_SPACE;
        return (
          <g key={stage} transform={`translate(0 ${y})`}>
            <text className="chart-label" x={LABEL_WIDTH - 10} y={ROW / 2} textAnchor="end" dominantBaseline="middle">
              {label(stage)}
            </text>
            <rect
              className={stage === 'disqualified' ? 'chart-bar-muted' : stage === 'customer' ? 'chart-bar-2' : 'chart-bar-1'}
              x={LABEL_WIDTH}
              y={(ROW - BAR) / 2}
              width={Math.max(width, counts[stage] > 0 ? 2 : 0)}
              height={BAR}
              rx={3}
            />
            <text className="chart-value" x={LABEL_WIDTH + width + 8} y={ROW / 2} dominantBaseline="middle">
              {formatCount(counts[stage])}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function FunnelTable({ counts }: { counts: StageCounts }) {
  return (
    <table>
      <caption>{t('dashboard.funnel.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.funnel.stage')}</th>
          <th scope="col">{t('dashboard.funnel.leads')}</th>
        </tr>
      </thead>
      <tbody>
        {[...FUNNEL, 'disqualified' as const].map((stage) => (
          <tr key={stage}>
            <th scope="row">{label(stage)}</th>
            <td>{formatCount(counts[stage])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
