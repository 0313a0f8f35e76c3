import { describe, expect, it } from 'vitest';
import { inBrowserLanguage } from '../../locale-messages';
import { formatsFor } from '@/lib/i18n/format';
import { logEntry, type ActivityEvent } from '@/lib/model/activity-event';
import { activityText } from '@/lib/model/activity-text';
import type { Activity } from '@/lib/model/lead';

// 31 Dec 2026, 23:30 UTC: already 1 January in Berlin, still 31 December in New York.
const DUE = Date.UTC(2026, 11, 31, 23, 30);
const AT = Date.UTC(2026, 11, 1, 8, 5);

const stored = (event: ActivityEvent): Activity => ({ leadId: 'lead-1', at: AT, ...logEntry(event) });

const english = formatsFor('en-US', 'America/New_York');
const german = formatsFor('de-DE', 'Europe/Berlin');

describe('an activity log entry', () => {
  const events: ActivityEvent[] = [
    { type: 'stage', from: 'new', to: 'qualified', checklist: { framework: 'BANT', met: 3, total: 4 } },
    { type: 'edited', field: 'channel', from: 'event', to: 'referral' },
    { type: 'followUpSet', dueAt: DUE, note: 'Send the deck' },
    { type: 'captured', source: 'web' },
  ];

  it('renders the same stored event in English and in German', async () => {
    const entries = events.map(stored);
    expect(entries.map((entry) => activityText(entry, english, 'en-US'))).toEqual([
      'Stage: New → Qualified (BANT 3 of 4 met)',
      'Edited channel: Referral (was Event)',
      'Follow-up set for Dec 31, 2026, 6:30 PM: Send the deck',
      'Captured from Web page',
    ]);
    await inBrowserLanguage('de', 'de-DE', () => {
      expect(entries.map((entry) => activityText(entry, german, 'de-DE'))).toEqual([
        'Phase: Neu → Qualifiziert (BANT: 3 von 4 erfüllt)',
        'Kanal geändert: Empfehlung (bisher Veranstaltung)',
        'Wiedervorlage für 01.01.2027, 00:30 geplant: Send the deck',
        'Erfasst aus Webseite',
      ]);
    });
  });

  it('shows a due time in the time zone it is given, not the one it was written in', () => {
    const entry = stored({ type: 'followUpSnoozed', dueAt: DUE });
    expect(activityText(entry, formatsFor('en-US', 'Asia/Tokyo'), 'en-US')).toBe('Follow-up snoozed to Jan 1, 2027, 8:30 AM');
    expect(activityText(entry, formatsFor('en-US', 'America/Los_Angeles'), 'en-US')).toBe('Follow-up snoozed to Dec 31, 2026, 3:30 PM');
  });

  it('written before events existed, shows its text as it was, in any language', async () => {
    const old: Activity = { leadId: 'lead-1', kind: 'stage', at: AT, text: 'Stage: New → Contacted' };
    await inBrowserLanguage('fr', 'fr-FR', () => {
      expect(activityText(old, formatsFor('fr-FR', 'Europe/Paris'), 'fr-FR')).toBe('Stage: New → Contacted');
    });
  });

  it('starts with a capital where a sentence starts with a field name, and leaves an email subject as written', async () => {
    await inBrowserLanguage('de', 'de-DE', () => {
      expect(activityText(stored({ type: 'edited', field: 'title', to: 'CRO' }), german, 'de-DE')).toBe('Position geändert: CRO');
    });
    expect(activityText(stored({ type: 'email', subject: 're: pricing' }), english, 'en-US')).toBe('re: pricing');
  });
});
