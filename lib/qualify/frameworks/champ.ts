import type { FrameworkInput } from '@/lib/model/framework';

/**
 * CHAMP leads with the prospect's challenges rather than their budget. Qualified when Challenges,
 * Authority and Prioritization are met: money is often found once a problem is urgent and owned,
 * so it is asked about but not required.
 */
export const CHAMP: FrameworkInput = {
  id: 'champ',
  name: 'CHAMP',
  description: 'Challenges, Authority, Money, Prioritization: starts from the problem, not the budget.',
  builtIn: true,
  criteria: [
    {
      id: 'challenges',
      label: 'Challenges',
      required: true,
      questions: [
        'What is the biggest challenge your team is facing with this today?',
        'What have you already tried to fix it, and why did it not work?',
      ],
    },
    {
      id: 'authority',
      label: 'Authority',
      required: true,
      questions: [
        'Besides you, who will be involved in choosing a solution?',
        'Who has the final say on a purchase like this?',
      ],
    },
    {
      id: 'money',
      label: 'Money',
      questions: [
        'If the problem is worth solving, where would the money for it come from?',
        'Is there a budget for this already, or would it need to be approved?',
      ],
    },
    {
      id: 'prioritization',
      label: 'Prioritization',
      required: true,
      questions: [
        'Where does solving this rank among your other projects this quarter?',
        'What would have to happen for this to move to the top of the list?',
      ],
    },
  ],
  rule: { minMet: 3 },
};
