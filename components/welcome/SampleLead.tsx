import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { addSampleLead, getSampleLead, removeSampleLead } from '@/lib/db/sample-lead';
import { t } from '@/lib/i18n';
import { Alert } from '../Alert';


export interface SampleLeadProps {
  db: LeadlineDatabase;
  now: () => number;
  /** Opens a lead on the full page. */
  onOpenLead: (id: string) => void;
}

/** "Try it on a sample lead": adds one realistic sample, opens it, and removes it again. */
export function SampleLead({ db, now, onOpenLead }: SampleLeadProps) {
  const sample = useLiveQuery(async () => (await getSampleLead(db)) ?? null, [db]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function act(action: () => Promise<string>) {
    setError('');
    try {
      setStatus(await action());
    } catch (caught) {
      console.error(caught);
      setStatus('');
      setError(describeStorageError(caught));
    }
  }

  return (
    <div className="sample-lead">
      <div className="actions">
        {sample === null && (
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                const { lead, added } = await addSampleLead(db, now());
                if (added) return t('welcome.sample.added', { name: lead.fullName });
                return (await getSampleLead(db)) ? t('welcome.sample.existing', { name: lead.fullName }) : t('welcome.sample.taken');
              })
            }
          >
            {t('welcome.sample.add')}
          </button>
        )}
        {sample && (
          <>
            <button type="button" onClick={() => onOpenLead(sample.id)}>
              {t('welcome.sample.open')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void act(async () => {
                  await removeSampleLead(db);
                  return t('welcome.sample.removed');
                })
              }
            >
              {t('welcome.sample.remove')}
            </button>
          </>
        )}
      </div>
      <p role="status" className="status">
        {status}
      </p>
      <Alert message={error} />
    </div>
  );
}
