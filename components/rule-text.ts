import type { Framework } from '@/lib/model/framework';

/**
 * What a framework still needs, in words: "needs 3 of 4 met." or, when required criteria are
 * missing, "needs 3 of 4 met, and these required ones: Challenges, Prioritization."
 */
export function describeRule(framework: Framework, missingRequired: readonly string[]): string {
  const missing = framework.criteria.filter((c) => missingRequired.includes(c.id)).map((c) => c.label);
  const count = `${framework.rule.minMet} of ${framework.criteria.length} met`;
  if (missing.length === 0) return `needs ${count}.`;
  return `needs ${count}, and ${missing.length === 1 ? 'this required one' : 'these required ones'}: ${missing.join(', ')}.`;
}
