import './zod-config';
import { z } from 'zod';
import { LeadFilterSchema } from './lead-filter';
import { LeadSortSchema } from './lead-sort';

export const VIEW_NAME_MAX = 60;

/** A filter and order the rep named and kept ("My qualified from SaaStr"), offered above the lead table. */
export const SavedViewSchema = z.object({
  id: z.string().min(1),
  name: z
    .string()
    .trim()
    .min(1, 'Give the view a name, for example "Qualified from SaaStr"')
    .max(VIEW_NAME_MAX, `A view's name can be at most ${VIEW_NAME_MAX} characters`),
  filter: LeadFilterSchema,
  sort: LeadSortSchema,
});
export type SavedView = z.infer<typeof SavedViewSchema>;
