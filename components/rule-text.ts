import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { Framework } from '@/lib/model/framework';
import { inUiLanguage } from '@/lib/qualify/frameworks/text';

/**
 * What a framework still needs, in words: "needs 3 of 4 met." or, when required criteria are
 * missing, "needs 3 of 4 met, and these required ones: Challenges, Prioritization."
 */
export function describeRule(framework: Framework, missingRequired: readonly string[]): string {
  const formats = uiFormats();
  const missing = inUiLanguage(framework)
    .criteria.filter((c) => missingRequired.includes(c.id))
    .map((c) => c.label);
  const counts = { met: formats.count(framework.rule.minMet), total: formats.count(framework.criteria.length) };
  if (missing.length === 0) return t('lead.checklist.needs', counts);
  const list = missing.join(', ');
  return missing.length === 1
    ? t('lead.checklist.needsRequiredOne', { ...counts, missing: list })
    : t('lead.checklist.needsRequiredMany', { ...counts, missing: list });
}
