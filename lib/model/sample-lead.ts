import type { Checklist, Lead } from './lead';
import type { NormalisedDraft } from './normalise';

/**
 * The one lead "Try it on a sample lead" adds on the welcome page: a realistic prospect, named as a
 * sample wherever it shows (list, table, exports), half qualified so one more answer shows how a met
 * checklist offers the move to Qualified. Addresses use example.com, which can never reach anyone.
 */
export const SAMPLE_DRAFT: NormalisedDraft = {
  source: 'manual',
  fullName: 'Sam Rivera (sample)',
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
};

/** What the sample carries beyond the captured fields: half a BANT checklist, a channel, an interest signal and a note. */
export function sampleDetails(lead: Lead): Lead {
  const checklist: Checklist = {
    frameworkId: 'bant',
    answers: {
      budget: { status: 'met', note: 'Budget set aside for a new routing tool this quarter' },
      need: { status: 'met', note: 'Inbound leads wait two days for a rep today' },
    },
  };
  return {
    ...lead,
    checklist,
    channel: 'event',
    signals: ['demo_request'],
    tags: [...new Set([...lead.tags, 'sample'])],
    notes:
      'A sample lead from the welcome page, to try Leadline on. Answer Authority or Timeline as met and Leadline offers to move Sam to Qualified. Remove the sample from the welcome page when you are done.',
  };
}
