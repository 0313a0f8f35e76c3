import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import { chromeMessages, withMessages } from '../../locale-messages';
import { PLAIN_WORD, pseudoMessages, pseudoText } from '../../pseudo-locale';

describe('the pseudo locale', () => {
  it('accents every letter, lengthens by about 30% and brackets the text', () => {
    expect(pseudoText('Save lead')).toBe('[Šàṽé ļéàð···]');
    expect(PLAIN_WORD.test(pseudoText('Capture the contact details on this page'))).toBe(false);
  });

  it('counts plain words as English, but not acronyms, codes, numbers or symbols', () => {
    expect(['Save lead', 'Overdue since 9:30 AM', 'to'].map((text) => PLAIN_WORD.test(text))).toEqual([true, true, true]);
    expect(['BANT', 'USD', 'GPCTBA/C&I', '07.03.2025, 10:30', '+10 · 3 × 4 →', '[Šàṽé]'].map((text) => PLAIN_WORD.test(text))).toEqual([
      false, false, false, false, false, false,
    ]);
  });

  it('keeps named and numbered substitutions, placeholders and plural forms', () => {
    expect(pseudoText('Follow up: {name} ({company})')).toBe('[Ƒõļļõŵ ûþ: {name} ({company})·····]');
    expect(pseudoText('Leadline | Leadline: 1 follow-up due | Leadline: $1 follow-ups due')).toBe(
      '[Ļéàðļîñé···] | [Ļéàðļîñé: 1 ƒõļļõŵ-ûþ ðûé········] | [Ļéàðļîñé: $1 ƒõļļõŵ-ûþš ðûé········]',
    );
  });

  it('covers every English message, and t() reads it with its substitutions', async () => {
    const english = await chromeMessages('en');
    const pseudo = pseudoMessages(english);
    expect(Object.keys(pseudo)).toEqual(Object.keys(english));
    expect(pseudo.app_language!.message).toBe('en');
    await withMessages(pseudo, 'en-US', () => {
      expect(t('followUp.title', { name: 'Ana Bell' })).toBe('[Ƒõļļõŵ ûþ: Ana Bell····]');
      expect(t('followUp.badgeTitle', 3, ['3'])).toBe('[Ļéàðļîñé: 3 ƒõļļõŵ-ûþš ðûé········]');
    });
  });
});
