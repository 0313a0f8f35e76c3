import { describe, expect, it } from 'vitest';
import { setDocumentLanguage, t, uiLocale } from '@/lib/i18n';
import { inBrowserLanguage } from '../../locale-messages';

describe('Leadline’s text in the browser’s language', () => {
  it('fills named placeholders', async () => {
    expect(t('followUp.titleWithCompany', { name: 'Ana Bell', company: 'Acme' })).toBe('Follow up: Ana Bell (Acme)');
    expect(await inBrowserLanguage('fr', 'fr-FR', () => t('followUp.title', { name: 'Ana Bell' }))).toBe('Relance\u00a0: Ana Bell');
  });

  it('leaves a dollar sign or braces in a name as they are', () => {
    expect(t('followUp.title', { name: 'Ana $1 {company}' })).toBe('Follow up: Ana $1 {company}');
  });

  it('marks a page with the language its text is in', async () => {
    await inBrowserLanguage('pt_BR', 'pt-BR', () => setDocumentLanguage(document));
    expect(document.documentElement.lang).toBe('pt-BR');
    setDocumentLanguage(document);
    expect(document.documentElement.lang).toBe('en');
  });

  it('formats in the browser’s UI language, and in English when it reports something Intl cannot use', async () => {
    expect(await inBrowserLanguage('de', 'de_DE', uiLocale)).toBe('de-DE');
    expect(await inBrowserLanguage('en', '', uiLocale)).toBe('en');
    expect(await inBrowserLanguage('en', 'not a language', uiLocale)).toBe('en');
  });
});
