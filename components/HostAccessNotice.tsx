import { useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { listOfNames, requestSiteAccess, sitesWithoutAccess, type PermissionsApi, type SiteOrigins } from '@/lib/permissions/host-access';

export interface HostAccessNoticeProps {
  permissions: PermissionsApi;
  /** The sites whose access matters (contentScriptSites() in the extension). */
  sites: readonly SiteOrigins[];
}

type Outcome = { kind: 'granted' | 'declined' | 'failed'; names: string } | undefined;

/**
 * Says when the browser has not given Leadline access to LinkedIn, Gmail or Outlook (so no Save
 * button there), and asks for exactly those sites when the rep clicks.
 */
export function HostAccessNotice({ permissions, sites }: HostAccessNoticeProps) {
  const id = useId();
  const [missing, setMissing] = useState<SiteOrigins[] | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome>(undefined);

  async function refresh(): Promise<SiteOrigins[]> {
    try {
      const now = await sitesWithoutAccess(permissions, sites);
      setMissing(now);
      return now;
    } catch (error) {
      // Without an answer there is nothing useful to say; the buttons on the sites tell the rest.
      console.error('Leadline: could not check site access', error);
      setMissing([]);
      return [];
    }
  }

  useEffect(() => {
    void refresh();
  }, [permissions, sites]);

  function allow(asked: SiteOrigins[]) {
    const names = listOfNames(asked.map((site) => site.name));
    // No await before the request: the browser only prompts while it handles this click.
    requestSiteAccess(permissions, asked)
      .then(async (granted) => {
        const still = await refresh();
        setOutcome({ kind: granted && still.length === 0 ? 'granted' : 'declined', names });
      })
      .catch((error: unknown) => {
        console.error('Leadline: the site access request failed', error);
        setOutcome({ kind: 'failed', names });
      });
  }

  if (missing === undefined) return null;
  if (missing.length === 0) {
    return outcome?.kind === 'granted' ? (
      <p role="status" className="status">
        {t('popup.hostAccess.granted', { sites: outcome.names })}
      </p>
    ) : null;
  }

  const names = listOfNames(missing.map((site) => site.name));
  return (
    <section className="host-access" aria-labelledby={`${id}-text`}>
      <p id={`${id}-text`}>
        {t('popup.hostAccess.missing', missing.length, { sites: names })}
      </p>
      {outcome && outcome.kind !== 'granted' && (
        <p role="alert" className="alert">
          {outcome.kind === 'declined'
            ? t('popup.hostAccess.declined', { sites: outcome.names })
            : t('popup.hostAccess.failed', { sites: outcome.names })}
        </p>
      )}
      <button type="button" onClick={() => allow(missing)}>
        {t('popup.hostAccess.allow', { sites: names })}
      </button>
    </section>
  );
}
