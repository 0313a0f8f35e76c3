import { useId, useMemo, useState } from 'react';
import { t, uiLocale } from '@/lib/i18n';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { saveSettings } from '@/lib/db/settings';
import { localeRegion } from '@/lib/model/settings';
import { regionName } from '@/lib/model/region-name';
import { Alert } from '../Alert';

const BROWSER = '';

/** Every region the browser can name, in the rep's language, sorted by name. */
function regions(locale: string): Array<{ code: string; name: string }> {
  const found: Array<{ code: string; name: string }> = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = regionName(code, locale);
      if (name && name !== code && !['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB'].includes(code)) found.push({ code, name });
    }
  }
  return found.sort((x, y) => x.name.localeCompare(y.name, locale));
}

/**
 * The country a phone number without a country code is read in when the page gives no clue
 * (no address, no country domain). Unset, it follows the browser's language.
 */
export function PhoneCountrySection({ db, saved, locale = uiLocale() }: { db: LeadlineDatabase; saved?: string; locale?: string }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const options = useMemo(() => regions(locale), [locale]);
  const browserRegion = localeRegion(locale);
  const browserName = browserRegion ? (regionName(browserRegion, locale) ?? browserRegion) : undefined;

  async function change(code: string) {
    setStatus('');
    setError('');
    try {
      await saveSettings(db, { defaultCountry: code === BROWSER ? undefined : code });
      const name = code === BROWSER ? browserName : regionName(code, locale);
      setStatus(name ? t('settings.phone.saved', { country: name }) : t('settings.saved'));
    } catch (e) {
      console.error('Leadline: could not save the default country', e);
      setError(describeStorageError(e));
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.phone.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t('settings.phone.label')}</label>
        <select id={`${id}-country`} value={saved ?? BROWSER} onChange={(e) => void change(e.target.value)}>
          <option value={BROWSER}>{browserName ? t('settings.phone.browserRegionNamed', { region: browserName }) : t('settings.phone.browserRegion')}</option>
          {options.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </select>
        <p className="muted">
          {t('settings.phone.hint')}
        </p>
      </div>
      <p role="status">{status}</p>
      <Alert message={error} />
    </section>
  );
}
