import type { Lead } from '@/lib/model/lead';
import { t } from '@/lib/i18n';
import { stageLabel, type Stage } from '@/lib/model/stage';
import { selectQualified } from './export-csv';

/** Which leads an export takes. */
export type ExportScope =
  | { kind: 'qualified' }
  | { kind: 'stage'; stage: Stage }
  /** Whatever the list currently shows; the predicate is the list's own filter. */
  | { kind: 'filter'; matches: (lead: Lead) => boolean }
  | { kind: 'all' };

export type ExportScopeKind = ExportScope['kind'];

export const DEFAULT_EXPORT_SCOPE: ExportScope = { kind: 'qualified' };

/** The choices in the export menu, default first; each label is read in the rep's language. */
export const EXPORT_SCOPES: readonly { kind: ExportScopeKind; readonly label: string }[] = [
  { kind: 'qualified', get label() { return t('data.export.scope.qualified'); } },
  { kind: 'stage', get label() { return t('data.export.scope.stage'); } },
  { kind: 'filter', get label() { return t('data.export.scope.currentList'); } },
  { kind: 'all', get label() { return t('data.export.scope.all'); } },
];

const newestFirst = (leads: Lead[]): Lead[] => leads.sort((a, b) => b.updatedAt - a.updatedAt);

/** The leads in scope, most recently updated first; the input is left as it was. */
export function selectForExport(leads: readonly Lead[], scope: ExportScope = DEFAULT_EXPORT_SCOPE): Lead[] {
  switch (scope.kind) {
    case 'qualified':
      return selectQualified(leads);
    case 'stage':
      return newestFirst(leads.filter((lead) => lead.stage === scope.stage));
    case 'filter':
      return newestFirst(leads.filter(scope.matches));
    case 'all':
      return newestFirst([...leads]);
  }
}

/** The word that goes into the file name, e.g. "qualified" or "nurturing" (see exportFileName). */
export function exportScopeName(scope: ExportScope): string {
  switch (scope.kind) {
    case 'qualified':
      return 'qualified';
    case 'stage':
      return stageLabel(scope.stage);
    case 'filter':
      return 'selection';
    case 'all':
      return 'all';
  }
}
