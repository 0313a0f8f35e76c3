import './zod-config';
import { z } from 'zod';

export const STAGES = [
  { id: 'new', label: 'New' },
  { id: 'contacted', label: 'Contacted' },
  { id: 'nurturing', label: 'Nurturing' },
  { id: 'qualified', label: 'Qualified' },
  { id: 'customer', label: 'Customer' },
  { id: 'disqualified', label: 'Disqualified' },
] as const;

export const StageSchema = z.enum(['new', 'contacted', 'nurturing', 'qualified', 'customer', 'disqualified']);
export type Stage = z.infer<typeof StageSchema>;

export function stageLabel(stage: Stage): string {
  return STAGES.find((s) => s.id === stage)?.label ?? stage;
}
