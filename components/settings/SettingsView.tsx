import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '@/lib/i18n';
import { useTemplates } from '@/components/useTemplates';
import type { LeadlineDatabase } from '@/lib/db/database';
import { getSettings } from '@/lib/db/settings';
import { DefaultFrameworkSection } from './DefaultFrameworkSection';
import { OwnAddressesSection } from './OwnAddressesSection';
import { PhoneCountrySection } from './PhoneCountrySection';
import { PageButtonSection } from './PageButtonSection';
import { TemplatesSection } from './TemplatesSection';

/** Settings: the default framework, the rep's own addresses, the default country for phone numbers, and custom qualification templates. */
export function SettingsView({ db, now, onSettingsChanged }: { db: LeadlineDatabase; now: () => number; onSettingsChanged?: () => void }) {
  const settings = useLiveQuery(() => getSettings(db), [db]);
  const templates = useTemplates(db);

  if (!settings || !templates) {
    return (
      <p role="status" className="muted">
        {t('settings.loading')}
      </p>
    );
  }

  return (
    <div className="settings-view">
      <DefaultFrameworkSection db={db} frameworkId={settings.defaultFrameworkId} templates={templates} />
      <OwnAddressesSection db={db} saved={settings.ownAddresses} />
      <PhoneCountrySection db={db} saved={settings.defaultCountry} />
      <PageButtonSection db={db} settings={settings} onChanged={onSettingsChanged} />
      <TemplatesSection db={db} now={now} templates={templates} />
    </div>
  );
}
