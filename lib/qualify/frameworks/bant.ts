import type { FrameworkInput } from '@/lib/model/framework';

export const BANT: FrameworkInput = {
  id: 'bant',
  name: 'BANT',
  description: 'Budget, Authority, Need, Timeline: the classic IBM checklist for a first qualification call.',
  builtIn: true,
  criteria: [
    {
      id: 'budget',
      label: 'Budget',
      questions: [
        'Is there budget set aside for this, and roughly how much?',
        'How have you paid for similar tools in the past?',
      ],
    },
    {
      id: 'authority',
      label: 'Authority',
      questions: [
        'Who else is involved in deciding on this, and who signs off?',
        'How did your team make its last purchase of this kind?',
      ],
    },
    {
      id: 'need',
      label: 'Need',
      questions: [
        'What problem are you trying to solve, and what happens if nothing changes?',
        'How are you handling it today?',
      ],
    },
    {
      id: 'timeline',
      label: 'Timeline',
      questions: [
        'When do you need a solution in place, and what is driving that date?',
      ],
    },
  ],
  rule: { minMet: 3 },
};
