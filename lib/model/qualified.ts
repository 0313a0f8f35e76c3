import type { StageChange } from './lead';
import type { Stage } from './stage';

/**
 * What "qualified" means in Leadline, everywhere (popup, export, dashboard, table): the rep moved the
 * lead to the Qualified stage, or on to Customer (every customer was qualified on the way). A checklist
 * that meets its framework's rule does not qualify a lead by itself; it offers the move, and the rep
 * decides (see offersMoveToQualified).
 */
export const QUALIFIED_STAGES: readonly Stage[] = ['qualified', 'customer'];

/** Whether a lead counts as qualified now. */
export function isQualified(lead: { stage: Stage }): boolean {
  return QUALIFIED_STAGES.includes(lead.stage);
}

/**
 * Whether a lead was qualified at some point, for conversion rates: qualified now, or its history went
 * through a qualified stage (a lead qualified and later disqualified still counts as having converted).
 */
export function reachedQualified(lead: { stage: Stage; stageHistory: readonly StageChange[] }): boolean {
  return isQualified(lead) || lead.stageHistory.some((change) => QUALIFIED_STAGES.includes(change.stage));
}

/** Whether to offer "Move to qualified": the checklist meets its framework's rule and the lead is not qualified yet. */
export function offersMoveToQualified(lead: { stage: Stage }, checklistRuleMet: boolean): boolean {
  return checklistRuleMet && !isQualified(lead);
}

/** How many leads are qualified now, from a count of leads per stage (the dashboard's running totals). */
export function qualifiedCount(perStage: Readonly<Record<Stage, number>>): number {
  return QUALIFIED_STAGES.reduce((sum, stage) => sum + perStage[stage], 0);
}
