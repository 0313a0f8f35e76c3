import { t } from '@/lib/i18n';
import type { Framework } from '@/lib/model/framework';
import { FRAMEWORKS } from './index';
import { MEDDIC } from './meddic';

/**
 * A framework as the rep reads it: a built-in one (matched by id) with its description, criteria and
 * discovery questions in the UI language from `frameworks.<id>.…` in the locale files; the rep's own
 * templates exactly as written. The framework files stay the source of the rules (ids, weights,
 * required criteria), and nothing translated is ever stored, so backups and exports of data do not
 * depend on the language. English comes out identical to the files (tests/unit/qualify/framework-text.test.ts).
 */
export function inUiLanguage(framework: Framework): Framework {
  const builtIn = FRAMEWORKS.find((known) => known.id === framework.id);
  // Rep-written templates never take a built-in id (lib/qualify/templates.ts refuses it).
  if (!builtIn) return framework;
  const language = t('app.language');
  const cached = translated.get(framework.id);
  if (cached?.language === language) return cached.framework;
  const fwKey = keyOf(framework.id);
  const result: Framework = {
    ...builtIn,
    description: text(`frameworks.${fwKey}.description`),
    criteria: builtIn.criteria.map((criterion) => {
      const base = `frameworks.${criterionOwner(framework.id, criterion.id)}.${keyOf(criterion.id)}`;
      return {
        ...criterion,
        label: text(`${base}.label`),
        questions: criterion.questions.map((_, index) => text(`${base}.q${index + 1}`)),
      };
    }),
  };
  translated.set(framework.id, { language, framework: result });
  return result;
}

/** Translated frameworks are built once per language: the lead table and the score read them often. */
const translated = new Map<string, { language: string; framework: Framework }>();

/** Message names allow letters, digits and underscores only ("gpctba-ci" → "gpctba_ci"). */
function keyOf(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

/** MEDDPICC reuses MEDDIC's criteria word for word; their texts live once, under meddic. */
function criterionOwner(frameworkId: string, criterionId: string): string {
  if (frameworkId === 'meddpicc' && MEDDIC.criteria.some((c) => c.id === criterionId)) return 'meddic';
  return keyOf(frameworkId);
}

/** The keys are built from the framework's ids, so their type is only known at run time. */
function text(key: string): string {
  return t(key as 'frameworks.bant.description');
}
