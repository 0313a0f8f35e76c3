import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '@/lib/model/framework';
import { FRAMEWORKS, getFramework } from '@/lib/qualify/frameworks';
import { inUiLanguage } from '@/lib/qualify/frameworks/text';
import { LOCALES, inBrowserLanguage } from '../../locale-messages';

describe('built-in frameworks in the UI language', () => {
  it.each(FRAMEWORKS.map((framework) => [framework.id, framework] as const))(
    'words %s in English exactly as its file does, so the locale files cannot drift from the rules',
    (_, framework) => {
      expect(inUiLanguage(framework)).toEqual(framework);
    },
  );

  it.each(LOCALES.filter((locale) => locale !== 'en'))('has every criterion and question of every built-in in %s', async (locale) => {
    const shown = await inBrowserLanguage(locale, locale.replace('_', '-'), () => FRAMEWORKS.map(inUiLanguage));
    shown.forEach((framework, index) => {
      const original = FRAMEWORKS[index]!;
      expect(framework.description).not.toBe('');
      expect(framework.criteria.map((c) => c.id)).toEqual(original.criteria.map((c) => c.id));
      for (const criterion of framework.criteria) {
        expect(criterion.label).not.toBe('');
        expect(criterion.questions.every((question) => question !== '')).toBe(true);
      }
    });
  });

  it('keeps the rules and ids and changes only the words', async () => {
    const meddpicc = await inBrowserLanguage('de', 'de-DE', () => inUiLanguage(getFramework('meddpicc')));
    expect(meddpicc.name).toBe('MEDDPICC');
    expect(meddpicc.rule).toEqual(getFramework('meddpicc').rule);
    expect(meddpicc.criteria.find((c) => c.id === 'economic_buyer')).toMatchObject({
      label: 'Wirtschaftlicher Entscheider',
      required: true,
    });
    expect(meddpicc.criteria.find((c) => c.id === 'paper_process')?.label).toBe('Beschaffungsprozess');
  });

  it('leaves a template the rep wrote as written, in any language', async () => {
    const own = FrameworkSchema.parse({
      id: 'partner-fit',
      name: 'Partner fit',
      criteria: [{ id: 'region', label: 'Covers our region', questions: ['Which countries do you sell in?'] }],
      rule: { minMet: 1 },
    });
    expect(await inBrowserLanguage('fr', 'fr-FR', () => inUiLanguage(own))).toBe(own);
  });
});
