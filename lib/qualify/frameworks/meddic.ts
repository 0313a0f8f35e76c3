import type { FrameworkInput } from '@/lib/model/framework';

/**
 * MEDDIC, for complex enterprise deals. Qualified when the economic buyer is known, the pain is
 * identified and a champion is working for you: without those three a deal rarely closes, while
 * metrics and the decision criteria and process are usually filled in as the deal goes on.
 */
export const MEDDIC: FrameworkInput = {
  id: 'meddic',
  name: 'MEDDIC',
  description: 'Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion: for complex enterprise deals.',
  builtIn: true,
  criteria: [
    {
      id: 'metrics',
      label: 'Metrics',
      questions: [
        'How will you measure whether this was a success?',
        'What numbers would have to change for this to pay off, and by how much?',
      ],
    },
    {
      id: 'economic_buyer',
      label: 'Economic buyer',
      required: true,
      questions: [
        'Who controls the budget for this and can say yes when everyone else says no?',
        'Can we get time with them before a proposal goes out?',
      ],
    },
    {
      id: 'decision_criteria',
      label: 'Decision criteria',
      questions: [
        'What will you compare solutions on: price, integrations, security, support?',
        'Which of those would rule a vendor out straight away?',
      ],
    },
    {
      id: 'decision_process',
      label: 'Decision process',
      questions: [
        'What are the steps from here to a signed decision, and who is involved in each?',
        'When did your team last buy something like this, and how did it go?',
      ],
    },
    {
      id: 'identify_pain',
      label: 'Identify pain',
      required: true,
      questions: [
        'What is this problem costing you today, in time or money?',
        'What happens if nothing changes in the next six months?',
      ],
    },
    {
      id: 'champion',
      label: 'Champion',
      required: true,
      questions: [
        'Who inside the company wants this to happen and will sell it when we are not in the room?',
        'What do they gain personally if this succeeds?',
      ],
    },
  ],
  rule: { minMet: 3 },
};
