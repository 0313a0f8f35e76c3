import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { CHANNELS } from '@/lib/model/lead';
import type { LeadRow } from '@/lib/model/lead-row';
import { sourceLabel, type TableColumn } from '@/lib/model/lead-sort';
import { stageLabel } from '@/lib/model/stage';
import { describeDue, isoTime } from '../when';

/** Each column's width in pixels: the grid's columns line up because every row uses the same template. */
export const COLUMN_WIDTHS: Record<TableColumn | 'select', number> = {
  select: 44,
  name: 200,
  company: 170,
  title: 190,
  stage: 120,
  score: 76,
  progress: 150,
  source: 170,
  channel: 120,
  followUp: 190,
  captured: 120,
  updated: 120,
};

// A day in the rep's locale and time zone (uiFormats keeps one formatter per locale for the thousands of cells).
function DateCell({ at }: { at: number }) {
  return <time dateTime={isoTime(at)}>{uiFormats().date(at)}</time>;
}

// Read when a cell is drawn, so the label is in the language of the moment.
const channelLabel = (id: string) => CHANNELS.find((channel) => channel.id === id)?.label ?? id;

/**
 * What a cell shows, as text (never markup: names and companies come from web pages). The name column
 * is drawn by the grid itself, as the button that opens the lead.
 */
export function cellContent(column: Exclude<TableColumn, 'name'>, row: LeadRow, context: { now: number; frameworkName: (id: string) => string }): ReactNode {
  switch (column) {
    case 'company':
      return row.company ?? '';
    case 'title':
      return row.title ?? '';
    case 'stage':
      return <span className={`stage stage-${row.stage}`}>{stageLabel(row.stage)}</span>;
    case 'score':
      return uiFormats().count(row.score);
    case 'progress':
      return (
        <>
          <span className="progress-framework">{context.frameworkName(row.frameworkId)}</span>{' '}
          <span className={row.checklistRuleMet ? 'progress-met' : undefined}>{t('table.progress', { met: uiFormats().count(row.criteriaMet), total: uiFormats().count(row.criteriaTotal) })}</span>
        </>
      );
    case 'source':
      return sourceLabel(row);
    case 'channel':
      return row.channel ? channelLabel(row.channel) : '';
    case 'followUp':
      return row.nextFollowUpAt === undefined ? (
        ''
      ) : (
        <time dateTime={isoTime(row.nextFollowUpAt)} className={row.nextFollowUpAt <= context.now ? 'overdue' : undefined}>
          {describeDue(row.nextFollowUpAt, context.now)}
        </time>
      );
    case 'captured':
      return <DateCell at={row.createdAt} />;
    case 'updated':
      return <DateCell at={row.updatedAt} />;
  }
}
