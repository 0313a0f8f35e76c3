import { describe, expect, it } from 'vitest';
import { normaliseDraft } from '@/lib/model/normalise';

function ok(input: unknown) {
  const result = normaliseDraft(input, { defaultCountry: 'US' });
  if (!result.ok) throw new Error(result.message);
  return result.draft;
}

describe('normaliseDraft', () => {
  it('splits the name and canonicalises a LinkedIn profile URL', () => {
    const draft = ok({
      source: 'linkedin',
      fullName: '  Jan   van der Berg ',
      profileUrl: 'https://nl.linkedin.com/in/Jan-van-der-Berg/details/experience/?trk=x',
    });
    expect(draft).toMatchObject({
      fullName: 'Jan van der Berg',
      firstName: 'Jan',
      lastName: 'van der Berg',
      profileUrl: 'https://www.linkedin.com/in/jan-van-der-berg/',
    });
  });

  it('lower-cases a valid email and drops a malformed one instead of storing it', () => {
    expect(ok({ source: 'gmail', fullName: 'A B', email: 'Ana.Bell@Example.COM' }).email).toBe('ana.bell@example.com');
    expect(ok({ source: 'gmail', fullName: 'A B', email: 'ana.bell@@example' }).email).toBeUndefined();
  });

  it('keeps the raw phone and adds its E.164 form', () => {
    const draft = ok({ source: 'web', fullName: 'Ana Bell', phone: '(415) 555-0132' });
    expect(draft.phone).toBe('(415) 555-0132');
    expect(draft.phoneE164).toBe('+14155550132');
  });

  it('drops a javascript: website and keeps a bare domain as https', () => {
    expect(ok({ source: 'web', fullName: 'Ana Bell', website: 'javascript:alert(1)' }).website).toBeUndefined();
    expect(ok({ source: 'web', fullName: 'Ana Bell', website: 'acme.io' }).website).toBe('https://acme.io/');
  });

  it('cuts enormous page text to the field limit instead of failing', () => {
    const draft = ok({ source: 'linkedin', fullName: 'Ana Bell', headline: 'Growth '.repeat(10_000) });
    expect(draft.headline?.length).toBe(300);
    expect(draft.headline?.endsWith('…')).toBe(true);
  });

  it('keeps markup in a name as text', () => {
    expect(ok({ source: 'linkedin', fullName: '<img src=x onerror=alert(1)>Eve' }).fullName).toBe('<img src=x onerror=alert(1)>Eve');
  });

  it('refuses a draft with nothing to identify a person, in plain words', () => {
    expect(normaliseDraft({ source: 'web', title: 'CTO' })).toEqual({
      ok: false,
      message: 'A prospect needs at least a name, an email address or a profile URL',
    });
  });

  it('refuses a draft from an unknown source', () => {
    expect(normaliseDraft({ source: 'evil', fullName: 'Ana' }).ok).toBe(false);
    expect(normaliseDraft('not an object').ok).toBe(false);
  });
});
