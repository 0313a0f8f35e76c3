import type { FrameworkInput } from '@/lib/model/framework';

/**
 * HubSpot's GPCTBA/C&I, for consultative selling. Qualified when the goals, the challenges in the
 * way, the timeline and the person with authority are known: that is enough to build a plan with
 * the prospect. Plans, budget and the consequences and implications deepen the case but are
 * often only learned over several calls, so they do not block.
 */
export const GPCTBA_CI: FrameworkInput = {
  id: 'gpctba-ci',
  name: 'GPCTBA/C&I',
  description:
    'Goals, Plans, Challenges, Timeline, Budget, Authority, Negative consequences and Positive implications: for consultative selling.',
  builtIn: true,
  criteria: [
    {
      id: 'goals',
      label: 'Goals',
      required: true,
      questions: [
        'What are your top goals for this year, and which numbers are you measured on?',
      ],
    },
    {
      id: 'plans',
      label: 'Plans',
      questions: [
        'How are you planning to reach that goal?',
        'What have you tried before, and what would you do differently this time?',
      ],
    },
    {
      id: 'challenges',
      label: 'Challenges',
      required: true,
      questions: [
        'What could stop you from reaching that goal?',
        'Why do you think you have not solved this yet?',
      ],
    },
    {
      id: 'timeline',
      label: 'Timeline',
      required: true,
      questions: [
        'When do you want to have this in place, and why then?',
      ],
    },
    {
      id: 'budget',
      label: 'Budget',
      questions: [
        'Have you set money aside to reach this goal?',
        'If we can show a return, how would you find the budget?',
      ],
    },
    {
      id: 'authority',
      label: 'Authority',
      required: true,
      questions: [
        'Who else needs to be part of this decision, and what do they care about most?',
      ],
    },
    {
      id: 'negative_consequences',
      label: 'Negative consequences',
      questions: [
        'What happens to you and your team if you do not reach this goal?',
      ],
    },
    {
      id: 'positive_implications',
      label: 'Positive implications',
      questions: [
        'If you reach the goal, what does that make possible next?',
        'What would it mean for you personally?',
      ],
    },
  ],
  rule: { minMet: 4 },
};
