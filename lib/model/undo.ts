import './zod-config';
import { z } from 'zod';
import { ActivitySchema, LeadSchema, ReminderSchema, StageChangeSchema, StageSchema } from './lead';

/** How long a change can be taken back: long enough to close the popup, go back to the page and reopen it. */
export const UNDO_WINDOW_MS = 2 * 60 * 1000;

/** What it takes to put a change back exactly as it was. */
export const UndoChangeSchema = z.discriminatedUnion('kind', [
  /** Deleted leads with everything that hung off them, ids included. */
  z.object({
    kind: z.literal('delete'),
    leads: z.array(LeadSchema),
    activities: z.array(ActivitySchema),
    reminders: z.array(ReminderSchema),
  }),
  /** A follow-up as it was before "Done", and the activity "Done" logged. */
  z.object({ kind: z.literal('reminder-done'), reminder: ReminderSchema, activityId: z.number().optional() }),
  /** A lead's stage and history before a stage change, and the activity the change logged. */
  z.object({
    kind: z.literal('stage'),
    leadId: z.string(),
    stage: StageSchema,
    stageHistory: z.array(StageChangeSchema),
    activityId: z.number().optional(),
  }),
]);
export type UndoChange = z.infer<typeof UndoChangeSchema>;

export const UndoEntrySchema = z.object({
  id: z.string(),
  /** What happened, as the undo bar says it: "Deleted Ana Bell." */
  label: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  change: UndoChangeSchema,
});
export type UndoEntry = z.infer<typeof UndoEntrySchema>;
