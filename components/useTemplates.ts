import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { readTemplates } from '@/lib/db/templates';
import type { Framework } from '@/lib/model/framework';

/** The rep's own checklist templates, live; undefined while loading. */
export function useTemplates(db: LeadlineDatabase): Framework[] | undefined {
  return useLiveQuery(() => readTemplates(db), [db]);
}
