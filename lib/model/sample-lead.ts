import { t } from '@/lib/i18n';
import type { Checklist, Lead } from './lead';
import type { NormalisedDraft } from './normalise';

/**
 * The one lead "Try it on a sample lead" adds on the welcome page: a realistic prospect, named as a
 * sample wherever it shows (list, table, exports), half qualified so one more answer shows how a met
 * checklist offers the move to Qualified. Addresses use example.com, which can never reach anyone.
 * The person is made up and stays as is; the words that say it is a sample are in the rep's language
 * when it is added.
 */
export const sampleDraft = (): NormalisedDraft => ({
  source: 'manual',
  fullName: t('welcome.sample.name', { name: 'Sam Rivera' }),
  firstName: 'Sam',
  lastName: 'Rivera',
  title: 'Head of Revenue Operations',
  company: 'Northwind Traders',
  email: 'sam.rivera@example.com',
  phone: '+1 512 555 0142',
  phoneE164: '+15125550142',
  location: 'Austin, Texas',
  website: 'https://example.com/',
  confidence: 1,
});

/** What the sample carries beyond the captured fields: half a BANT checklist, a channel, an interest signal and a note. */
export function sampleDetails(lead: Lead): Lead {
  const checklist: Checklist = {
    frameworkId: 'bant',
    answers: {
      budget: { status: 'met', note: t('welcome.sample.budgetNote') },
      need: { status: 'met', note: t('welcome.sample.needNote') },
    },
  };
  return {
    ...lead,
    checklist,
    channel: 'event',
    signals: ['demo_request'],
    tags: [...new Set([...lead.tags, 'sample'])],
    notes: t('welcome.sample.notes'),
  };
}
