import type { Lead } from './lead';
import { stageEnglish, type Stage } from './stage';

/** The lead in another stage, the move added to its history; the same lead when it is in that stage already. */
export function withStage(lead: Lead, stage: Stage, now: number, reason?: string): Lead {
  if (lead.stage === stage) return lead;
  return { ...lead, stage, stageHistory: [...lead.stageHistory, { stage, at: now, ...(reason ? { reason } : {}) }] };
}

/** The activity log's English fallback text for a move: "Stage: New → Qualified (BANT 3 of 4 met)". */
export function describeStageChange(from: Stage, to: Stage, reason?: string): string {
  return `Stage: ${stageEnglish(from)} → ${stageEnglish(to)}${reason ? ` (${reason})` : ''}`;
}
