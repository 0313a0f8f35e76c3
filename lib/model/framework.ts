import './zod-config';
import { z } from 'zod';

export const CriterionSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1).max(80),
  questions: z.array(z.string().min(1).max(300)).min(1),
  weight: z.number().positive().default(1),
  required: z.boolean().default(false),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** When a lead counts as qualified: at least `minMet` criteria met, and every required one met. */
export const QualifyRuleSchema = z.object({
  minMet: z.number().int().nonnegative(),
});

export const FrameworkSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(80),
  description: z.string().max(300).default(''),
  criteria: z.array(CriterionSchema).min(1),
  rule: QualifyRuleSchema,
  builtIn: z.boolean().default(false),
});
export type Framework = z.infer<typeof FrameworkSchema>;
export type FrameworkInput = z.input<typeof FrameworkSchema>;
