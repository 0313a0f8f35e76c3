import './zod-config';
import { z } from 'zod';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { LeadFilterSchema } from './lead-filter';
import { LeadSortSchema } from './lead-sort';

export const VIEW_NAME_MAX = 60;

/** A filter and order the rep named and kept ("My qualified from SaaStr"), offered above the lead table. */
export const SavedViewSchema = z.object({
  id: z.string().min(1),
  name: z
    .string()
    .trim()
    // Messages as functions: read when a name is refused, in the rep's language then.
    .min(1, { error: () => t('table.views.nameMissing') })
    .max(VIEW_NAME_MAX, { error: () => t('table.views.nameTooLong', { max: uiFormats().count(VIEW_NAME_MAX) }) }),
  filter: LeadFilterSchema,
  sort: LeadSortSchema,
});
export type SavedView = z.infer<typeof SavedViewSchema>;
