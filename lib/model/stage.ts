import { t } from '../i18n';
import { idsOf } from './enum-ids';

// No zod here: the stage list reaches the content scripts (messages name a lead's stage), where every kilobyte counts.

/**
 * The stages in order. `label` is read when shown (a getter, not a value frozen when the module
 * loads) and is in the rep's language; `english` is the fixed name files carry (CSV exports, the
 * activity log's English fallback text), so a German export re-imports anywhere.
 */
export const STAGES = [
  { id: 'new', english: 'New', get label() { return t('words.stage.new'); } },
  { id: 'contacted', english: 'Contacted', get label() { return t('words.stage.contacted'); } },
  { id: 'nurturing', english: 'Nurturing', get label() { return t('words.stage.nurturing'); } },
  { id: 'qualified', english: 'Qualified', get label() { return t('words.stage.qualified'); } },
  { id: 'customer', english: 'Customer', get label() { return t('words.stage.customer'); } },
  { id: 'disqualified', english: 'Disqualified', get label() { return t('words.stage.disqualified'); } },
] as const;

export const STAGE_IDS = idsOf(STAGES);
export type Stage = (typeof STAGE_IDS)[number];

/** The stage as the rep reads it, in their language. */
export function stageLabel(stage: Stage): string {
  return STAGES.find((s) => s.id === stage)?.label ?? stage;
}

/** The stage's fixed English name, for files and the activity log's fallback text. */
export function stageEnglish(stage: Stage): string {
  return STAGES.find((s) => s.id === stage)?.english ?? stage;
}
