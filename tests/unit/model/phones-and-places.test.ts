import { describe, expect, it } from 'vitest';
import { normaliseDraft, phoneCountries, readPhone } from '@/lib/model/normalise';
import { countryFromHost, countryFromLang, countryFromPlace } from '@/lib/model/places';

function stored(input: Record<string, unknown>, options = {}) {
  const result = normaliseDraft({ source: 'gmail', fullName: 'Ana Bell', ...input }, options);
  if (!result.ok) throw new Error(result.message);
  return result.draft;
}

describe('the country a place or address line names', () => {
  it.each([
    ['333 W Wacker Dr, Suite 1400, Chicago, IL 60606', 'US'],
    ['Dallas, TX', 'US'],
    ['Toronto, ON M5V 2T6', 'CA'],
    ['1 Poultry, London EC2R 8EJ', 'GB'],
    ['Nairobi, Kenya', 'KE'],
    ['Ciudad de México', 'MX'],
    ['Köln, Nordrhein-Westfalen, Deutschland', 'DE'],
    ['Санкт-Петербург, Россия', 'RU'],
    ['دبي، الإمارات العربية المتحدة', 'AE'],
    ['Via Tortona 27, 20144 Milano', 'IT'],
    ['Atlanta, Georgia, United States', 'US'],
  ])('%s → %s', (text, country) => {
    expect(countryFromPlace(text)).toBe(country);
  });

  it('names no country for a place it cannot place', () => {
    expect(countryFromPlace('Greater Chicago Area')).toBeUndefined();
    expect(countryFromPlace('Head of Sales')).toBeUndefined();
  });

  it('reads a country-code domain, but not a generic one used for its letters', () => {
    expect(countryFromHost('mail.cabinet-marchand.fr')).toBe('FR');
    expect(countryFromHost('fenwickpartners.co.uk')).toBe('GB');
    expect(countryFromHost('savannahagri.co.ke')).toBe('KE');
    expect(countryFromHost('agrisense.io')).toBeUndefined();
    expect(countryFromHost('acme.com')).toBeUndefined();
  });

  it('reads a language tag’s region, and not a language spoken in many countries', () => {
    expect(countryFromLang('de-AT')).toBe('AT');
    expect(countryFromLang('fr')).toBe('FR');
    expect(countryFromLang('en')).toBeUndefined();
    expect(countryFromLang('es')).toBeUndefined();
  });
});

describe('a national phone number becomes E.164 in the country the page points at', () => {
  it('uses the country code written in the number first', () => {
    expect(stored({ phone: '+254 722 555 014', email: 'a@b.de' }).phoneE164).toBe('+254722555014');
    expect(stored({ phone: '0044 20 7946 0958' }).phoneE164).toBe('+442079460958');
  });

  it('then the country of the address shown with the person', () => {
    expect(stored({ phone: '(312) 555-0187', hints: { address: '333 W Wacker Dr, Suite 1400, Chicago, IL 60606' } }).phoneE164).toBe('+13125550187');
    expect(stored({ phone: '55 1234 5678', location: 'Ciudad de México' }).phoneE164).toBe('+525512345678');
  });

  it('then the company domain’s country', () => {
    expect(stored({ phone: '06 12 34 56 78', email: 'camille@maison-lefevre.fr' }).phoneE164).toBe('+33612345678');
    expect(stored({ phone: '915 55 123', email: 'henrik@fjordline-energy.no' }).phoneE164).toBe('+4791555123');
  });

  it('then the language of the person’s own page', () => {
    expect(stored({ phone: '089 12345678', hints: { lang: 'de' } }).phoneE164).toBe('+498912345678');
  });

  it('then the rep’s default country', () => {
    expect(stored({ phone: '(503) 555-0129' }, { defaultCountry: 'US' }).phoneE164).toBe('+15035550129');
  });

  it('keeps a number as written and asks the rep to check it when nothing says the country', () => {
    const draft = stored({ phone: '(503) 555-0129', email: 'anjali@ridgewayhealth.org' });
    expect(draft.phoneE164).toBeUndefined();
    expect(draft.phone).toBe('(503) 555-0129');
    expect(draft.checks).toContain('phoneCountry');
  });

  it('accepts a number of the right length in a reserved range when the country is known (UK drama numbers)', () => {
    expect(readPhone('07700 900123', ['GB'])).toBe('+447700900123');
  });

  it('lists the countries to try, most telling first, without repeats', () => {
    expect(
      phoneCountries({ email: 'x@acme.de', location: 'Wien, Österreich', hints: { lang: 'de-CH' } }, { defaultCountry: 'US' }),
    ).toEqual(['AT', 'DE', 'CH', 'US']);
  });
});

describe('the name split the background stores', () => {
  it('splits by the culture the page gives, and flags a guess for the rep', () => {
    expect(stored({ fullName: 'Tomás Álvarez Ruiz', location: 'Madrid, España' })).toMatchObject({ firstName: 'Tomás', lastName: 'Álvarez Ruiz' });
    expect(stored({ fullName: '王小明' })).toMatchObject({ firstName: '小明', lastName: '王' });
    const guess = stored({ fullName: 'Mary Ann Smith' });
    expect(guess.checks).toContain('nameSplit');
    expect(stored({ fullName: 'Ana Bell' }).checks).toBeUndefined();
  });

  it('keeps a split the page gave', () => {
    expect(stored({ fullName: '山田 太郎', firstName: '太郎', lastName: '山田' })).toMatchObject({ firstName: '太郎', lastName: '山田' });
  });

  it('does not store the hints', () => {
    expect(stored({ phone: '030 1234567', hints: { address: '10117 Berlin' } })).not.toHaveProperty('hints');
  });
});
