import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { FrameworkSchema, type Framework } from '@/lib/model/framework';

/**
 * The rep's own checklist templates, live; undefined while loading. A damaged record is left out
 * (with a console warning) so one bad template never breaks the lead it belongs to.
 */
export function useTemplates(db: LeadlineDatabase): Framework[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.templates.toArray();
    return rows.flatMap((row) => {
      const parsed = FrameworkSchema.safeParse(row);
      if (!parsed.success) console.warn('Leadline: skipped a damaged checklist template', row.id, parsed.error);
      return parsed.success ? [parsed.data] : [];
    });
  }, [db]);
}
