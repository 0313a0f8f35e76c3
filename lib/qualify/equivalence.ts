import type { Criterion, Framework } from '@/lib/model/framework';
import type { Checklist, CriterionAnswer } from '@/lib/model/lead';

/**
 * A question that several frameworks ask under different names. `members` are built-in criteria as
 * "framework.criterion"; `words` recognise the concept in a rep's own template by its label, since
 * custom criteria carry no concept of their own.
 */
export interface Concept {
  id: string;
  members: readonly string[];
  words: readonly string[];
}

/**
 * Only true equivalents: an answer moved along one of these lines must still be right. MEDDIC's
 * metrics are not a budget, CHAMP's prioritization is not a timeline, FAINT's interest is not a need,
 * so those stay unmapped and their answers are reported as dropped.
 */
export const CONCEPTS: readonly Concept[] = [
  {
    id: 'money',
    members: ['bant.budget', 'champ.money', 'anum.money', 'faint.funds', 'gpctba-ci.budget'],
    words: ['budget', 'money', 'funds', 'funding'],
  },
  {
    id: 'authority',
    members: [
      'bant.authority',
      'champ.authority',
      'anum.authority',
      'faint.authority',
      'gpctba-ci.authority',
      'meddic.economic_buyer',
      'meddpicc.economic_buyer',
    ],
    words: ['authority', 'decision maker', 'decision-maker', 'economic buyer'],
  },
  {
    id: 'need',
    members: [
      'bant.need',
      'anum.need',
      'faint.need',
      'champ.challenges',
      'meddic.identify_pain',
      'meddpicc.identify_pain',
      'gpctba-ci.challenges',
    ],
    words: ['need', 'pain', 'challenge', 'challenges', 'problem'],
  },
  {
    id: 'timing',
    members: ['bant.timeline', 'faint.timing', 'gpctba-ci.timeline', 'anum.urgency'],
    words: ['timeline', 'timing', 'urgency', 'deadline'],
  },
  // MEDDPICC is MEDDIC with two more letters: the shared criteria are the same questions.
  { id: 'metrics', members: ['meddic.metrics', 'meddpicc.metrics'], words: ['metrics'] },
  {
    id: 'decision_criteria',
    members: ['meddic.decision_criteria', 'meddpicc.decision_criteria'],
    words: ['decision criteria'],
  },
  {
    id: 'decision_process',
    members: ['meddic.decision_process', 'meddpicc.decision_process'],
    words: ['decision process'],
  },
  { id: 'champion', members: ['meddic.champion', 'meddpicc.champion'], words: ['champion'] },
];

function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, ' ').trim()} `;
}

/** The concept of a custom criterion by the words of its label; a label naming two concepts maps to none. */
function conceptFromLabel(label: string): Concept | undefined {
  const text = words(label);
  const found = CONCEPTS.filter((concept) => concept.words.some((w) => text.includes(` ${w} `)));
  return found.length === 1 ? found[0] : undefined;
}

/** What a criterion means across frameworks, or undefined when it has no equivalent. */
export function conceptOf(framework: Framework, criterion: Criterion): Concept | undefined {
  const key = `${framework.id}.${criterion.id}`;
  const listed = CONCEPTS.find((concept) => concept.members.includes(key));
  if (listed || framework.builtIn) return listed;
  return conceptFromLabel(criterion.label);
}

function sameMeaning(from: Framework, a: Criterion, to: Framework, b: Criterion): boolean {
  const conceptA = conceptOf(from, a);
  if (conceptA) return conceptA === conceptOf(to, b);
  // A criterion no concept covers, e.g. "Fit" in two of the rep's templates, still matches itself.
  return a.id === b.id && a.label.trim().toLowerCase() === b.label.trim().toLowerCase();
}

function hasContent(answer: CriterionAnswer | undefined): answer is CriterionAnswer {
  return answer !== undefined && (answer.status !== 'unknown' || answer.note.trim() !== '');
}

/** Criterion ids come from labels the rep typed; "constructor" must not find Object.prototype's. */
function ownAnswer(checklist: Checklist, id: string): CriterionAnswer | undefined {
  return Object.hasOwn(checklist.answers, id) ? checklist.answers[id] : undefined;
}

export interface FrameworkSwitch {
  checklist: Checklist;
  /** Ids (in `from`) of the criteria whose answers moved to the new framework. */
  kept: string[];
  /** Ids (in `from`) of the criteria whose answers have no place in the new framework. */
  dropped: string[];
}

/**
 * Moves a checklist to another framework, keeping each answer (status and note) where a criterion
 * means the same. Answers with nowhere to go are listed in `dropped` so the UI can warn first;
 * criteria never answered are in neither list.
 */
export function switchFramework(checklist: Checklist, from: Framework, to: Framework): FrameworkSwitch {
  const answers: Record<string, CriterionAnswer> = {};
  const kept: string[] = [];
  const dropped: string[] = [];

  // Answers that say something (met or not met) win a shared target over an "unknown" with a note.
  const answered = from.criteria
    .map((criterion) => ({ criterion, answer: ownAnswer(checklist, criterion.id) }))
    .filter((entry): entry is { criterion: Criterion; answer: CriterionAnswer } => hasContent(entry.answer))
    .sort((a, b) => Number(a.answer.status === 'unknown') - Number(b.answer.status === 'unknown'));

  for (const { criterion, answer } of answered) {
    const target =
      from.id === to.id
        ? to.criteria.find((c) => c.id === criterion.id)
        : to.criteria.find((c) => sameMeaning(from, criterion, to, c));
    if (target && !Object.hasOwn(answers, target.id)) {
      answers[target.id] = { ...answer };
      kept.push(criterion.id);
    } else {
      dropped.push(criterion.id);
    }
  }

  const order = (ids: string[]) => from.criteria.map((c) => c.id).filter((id) => ids.includes(id));
  return { checklist: { frameworkId: to.id, answers }, kept: order(kept), dropped: order(dropped) };
}
