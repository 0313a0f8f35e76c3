import { describe, expect, it } from 'vitest';
import { inBrowserLanguage } from '../../locale-messages';
import { CHANNELS, INTEREST_SIGNALS, LEAD_CHECKS, channelLabel } from '@/lib/model/lead';
import { STAGES, stageEnglish, stageLabel } from '@/lib/model/stage';
import { SOURCES, sourceEnglish, sourceName } from '@/lib/model/prospect';
import { TEXT_FIELDS, describeFields, describeFieldsEnglish, fieldNoun } from '@/lib/model/fields';
import { fieldLabel, fieldNounOf, describeEdit } from '@/lib/model/lead-edit';
import { describeStageChange } from '@/lib/model/stage-change';

describe('the shared words', () => {
  it('read in English in an English browser', () => {
    expect(stageLabel('nurturing')).toBe('Nurturing');
    expect(sourceName('manual')).toBe('Manual entry');
    expect(channelLabel('landing_page')).toBe('Landing page');
    expect(fieldLabel('companySize')).toBe('Company size');
    expect(fieldNounOf('profileUrl')).toBe('profile URL');
    expect(fieldNounOf('channel')).toBe('channel');
  });

  it('follow the browser language when read, with German nouns keeping their capitals', async () => {
    await inBrowserLanguage('de', 'de-DE', () => {
      expect(stageLabel('qualified')).toBe('Qualifiziert');
      expect(STAGES.map((s) => s.label)).toContain('Disqualifiziert');
      expect(sourceName('web')).toBe('Webseite');
      expect(channelLabel('event')).toBe('Veranstaltung');
      expect(fieldLabel('source')).toBe('Quelle');
      expect(describeFields(['title', 'company'])).toBe('Position, Firma');
      expect(LEAD_CHECKS[0].label).toBe('Prüfen Sie, wie dieser Name aufgeteilt ist');
    });
    expect(stageLabel('qualified')).toBe('Qualified');
  });

  it('keep fixed English names for files and the activity log whatever the language', async () => {
    await inBrowserLanguage('fr', 'fr-FR', () => {
      expect(stageEnglish('customer')).toBe('Customer');
      expect(sourceEnglish('import')).toBe('Import');
      expect(describeFieldsEnglish(['profileUrl', 'companySize'])).toBe('profile URL, company size');
      expect(describeStageChange('new', 'qualified', 'BANT 3 of 4 met')).toBe('Stage: New → Qualified (BANT 3 of 4 met)');
      expect(describeEdit('channel', 'event', 'referral')).toBe('Edited channel: Referral (was Event)');
    });
  });

  it('have a translation for every stage, channel, source, signal and field in every shipped language', async () => {
    for (const [locale, language] of [['de', 'de-DE'], ['fr', 'fr-FR'], ['es', 'es-ES'], ['pt_BR', 'pt-BR']] as const) {
      await inBrowserLanguage(locale, language, () => {
        const words = [...STAGES, ...CHANNELS, ...SOURCES, ...INTEREST_SIGNALS].map((entry) => entry.label);
        const fields = Object.keys(TEXT_FIELDS).map((field) => fieldNoun(field as keyof typeof TEXT_FIELDS));
        for (const word of [...words, ...fields]) expect(word, locale).not.toBe('');
        // Most words differ from English; proper names (LinkedIn, SEO) may not.
        expect(STAGES.filter((s) => s.label !== s.english).length, locale).toBe(STAGES.length);
      });
    }
  });
});
