import type { FrameworkInput } from '@/lib/model/framework';
import { MEDDIC } from './meddic';

function meddicCriterion(id: string) {
  const criterion = MEDDIC.criteria.find((c) => c.id === id);
  if (!criterion) throw new Error(`MEDDIC has no criterion "${id}"`);
  return criterion;
}

/**
 * MEDDIC plus the paper process and the competition, in the order of the acronym. The shared
 * criteria are MEDDIC's own, so switching between the two keeps every answer. Same rule as MEDDIC:
 * economic buyer, identified pain and a champion; the paper process and the competition matter
 * for forecasting a close date, not for deciding whether the deal is worth working.
 */
export const MEDDPICC: FrameworkInput = {
  id: 'meddpicc',
  name: 'MEDDPICC',
  description: 'MEDDIC plus Paper process and Competition: for long enterprise deals with procurement and rival vendors.',
  builtIn: true,
  criteria: [
    meddicCriterion('metrics'),
    meddicCriterion('economic_buyer'),
    meddicCriterion('decision_criteria'),
    meddicCriterion('decision_process'),
    {
      id: 'paper_process',
      label: 'Paper process',
      questions: [
        'Once you decide, what happens before a contract is signed: legal, security review, procurement?',
        'How long did that take for your last vendor?',
      ],
    },
    meddicCriterion('identify_pain'),
    meddicCriterion('champion'),
    {
      id: 'competition',
      label: 'Competition',
      questions: [
        'Which other vendors or in-house options are you looking at?',
        'What do you like about them so far?',
      ],
    },
  ],
  rule: { minMet: 3 },
};
