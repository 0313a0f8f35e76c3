import { useId, useState, type ReactNode } from 'react';
import { t } from '@/lib/i18n';

/**
 * A chart with its numbers as a table. The table is always in the page for screen readers (the
 * chart itself is one image with a summary); "Show as table" also shows it on screen.
 */
export function ChartFigure({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <section className="card chart-figure" aria-labelledby={`${id}-title`}>
      <div className="chart-heading">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" className="link-button" aria-expanded={shown} aria-controls={`${id}-table`} onClick={() => setShown(!shown)}>
          {shown ? t('dashboard.chart.hideTable') : t('dashboard.chart.showTable')}
        </button>
      </div>
      {chart}
      <div id={`${id}-table`} className={shown ? 'chart-table' : 'visually-hidden'}>
        {table}
      </div>
    </section>
  );
}
