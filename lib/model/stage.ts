import { idsOf } from './enum-ids';

// No zod here: the stage list reaches the content scripts (messages name a lead's stage), where every kilobyte counts.

export const STAGES = [
  { id: 'new', label: 'New' },
  { id: 'contacted', label: 'Contacted' },
  { id: 'nurturing', label: 'Nurturing' },
  { id: 'qualified', label: 'Qualified' },
  { id: 'customer', label: 'Customer' },
  { id: 'disqualified', label: 'Disqualified' },
] as const;

export const STAGE_IDS = idsOf(STAGES);
export type Stage = (typeof STAGE_IDS)[number];

export function stageLabel(stage: Stage): string {
  return STAGES.find((s) => s.id === stage)?.label ?? stage;
}
