import type { FrameworkInput } from '@/lib/model/framework';

/**
 * ANUM puts authority and need first: talk to the person who decides, about a problem they have.
 * Qualified when both are met; urgency and money are asked about but do not block, because
 * ANUM assumes they follow once the right person has a real need.
 */
export const ANUM: FrameworkInput = {
  id: 'anum',
  name: 'ANUM',
  description: 'Authority, Need, Urgency, Money: reach the decision-maker first, then confirm the need.',
  builtIn: true,
  criteria: [
    {
      id: 'authority',
      label: 'Authority',
      required: true,
      questions: [
        'Are you the person who decides on this, or who else needs to agree?',
        'Who signed off the last tool your team bought?',
      ],
    },
    {
      id: 'need',
      label: 'Need',
      required: true,
      questions: [
        'What made you look into this now?',
        'What is not working in the way you do it today?',
      ],
    },
    {
      id: 'urgency',
      label: 'Urgency',
      questions: [
        'How soon does this need to be solved, and what happens if it slips?',
      ],
    },
    {
      id: 'money',
      label: 'Money',
      questions: [
        'Is there budget for this, or would it have to be found?',
        'What range did you have in mind?',
      ],
    },
  ],
  rule: { minMet: 2 },
};
