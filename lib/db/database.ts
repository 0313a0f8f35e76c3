import Dexie, { type EntityTable } from 'dexie';
import type { Activity, Lead, Reminder } from '@/lib/model/lead';
import type { Framework } from '@/lib/model/framework';
import { searchWords } from '@/lib/model/keys';
import { readStoredLead } from './read-lead';

/**
 * Leadline's IndexedDB. The schema is versioned from the start: a change adds a `version(n)` with an
 * upgrade function, never a wipe.
 */
export class LeadlineDatabase extends Dexie {
  leads!: EntityTable<Lead, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  reminders!: EntityTable<Reminder, 'id'>;
  templates!: EntityTable<Framework, 'id'>;
  settings!: EntityTable<{ key: string; value: unknown }, 'key'>;

  constructor(name = 'leadline') {
    super(name);
    this.version(1).stores({
      leads: 'id, emailKey, profileKey, nameCompanyKey, stage, createdAt, updatedAt, nextFollowUpAt',
      activities: '++id, leadId, at',
      reminders: 'id, leadId, dueAt, status',
      templates: 'id',
    });
    // v2: a key-value table for the rep's settings (default framework, own addresses, spend).
    this.version(2).stores({ settings: 'key' });
    // v3: a word-prefix index so a search reads only the leads that match, not every lead.
    this.version(3)
      .stores({ leads: 'id, emailKey, profileKey, nameCompanyKey, stage, createdAt, updatedAt, nextFollowUpAt, *searchWords' })
      .upgrade((tx) =>
        tx
          .table('leads')
          .toCollection()
          .modify((lead: Lead) => {
            lead.searchWords = searchWords(lead);
          }),
      );
    // v4: indexes are what a write pays for (npm run bench), so only those a query reads stay: stage,
    // updatedAt, nextFollowUpAt and activities.at were never queried. [score+createdAt] lets the popup
    // page through every lead highest score first, newest first among equals.
    this.version(4).stores({
      leads: 'id, emailKey, profileKey, nameCompanyKey, createdAt, *searchWords, [score+createdAt]',
      activities: '++id, leadId',
    });
    this.leads.hook('reading', readStoredLead);
  }
}

let shared: LeadlineDatabase | undefined;

/** The one database of this extension context (background, popup or dashboard). */
export function getDatabase(): LeadlineDatabase {
  shared ??= new LeadlineDatabase();
  return shared;
}
