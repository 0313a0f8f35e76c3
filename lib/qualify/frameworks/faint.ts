import type { FrameworkInput } from '@/lib/model/framework';

/**
 * FAINT asks whether the company has funds at all, not whether a budget line exists, so it suits
 * prospects who were not planning to buy. Qualified when funds, authority and interest are met:
 * without interest there is no conversation, while need and timing can be built with the prospect.
 */
export const FAINT: FrameworkInput = {
  id: 'faint',
  name: 'FAINT',
  description: 'Funds, Authority, Interest, Need, Timing: for prospects who have money but no budget set aside yet.',
  builtIn: true,
  criteria: [
    {
      id: 'funds',
      label: 'Funds',
      required: true,
      questions: [
        'If this made clear business sense, could the company find the money for it this year?',
        'How are projects outside the plan usually funded?',
      ],
    },
    {
      id: 'authority',
      label: 'Authority',
      required: true,
      questions: [
        'Who would need to agree to spend money on this?',
      ],
    },
    {
      id: 'interest',
      label: 'Interest',
      required: true,
      questions: [
        'What caught your attention about this?',
        'Would it be worth setting up a longer session with your team?',
      ],
    },
    {
      id: 'need',
      label: 'Need',
      questions: [
        'Which problem would this solve for you, and how big is it?',
      ],
    },
    {
      id: 'timing',
      label: 'Timing',
      questions: [
        'Is there a moment when this becomes pressing, such as a renewal, a launch or a new hire?',
      ],
    },
  ],
  rule: { minMet: 3 },
};
