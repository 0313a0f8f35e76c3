import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { addSampleLead, getSampleLead, removeSampleLead } from '@/lib/db/sample-lead';
import { Alert } from '../Alert';

const TEXT = {
  add: 'Try it on a sample lead',
  added: (name: string) => `Added ${name}. Open it to answer its checklist and set a reminder.`,
  existing: (name: string) => `${name} is already in your leads.`,
  taken: 'A lead with the sample’s email address is already in Leadline, so no sample was added.',
  open: 'Open the sample lead',
  remove: 'Remove the sample lead',
  removed: 'The sample lead is removed, with its activity and reminders.',
};

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
                if (added) return TEXT.added(lead.fullName);
                return (await getSampleLead(db)) ? TEXT.existing(lead.fullName) : TEXT.taken;
              })
            }
          >
            {TEXT.add}
          </button>
        )}
        {sample && (
          <>
            <button type="button" onClick={() => onOpenLead(sample.id)}>
              {TEXT.open}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void act(async () => {
                  await removeSampleLead(db);
                  return TEXT.removed;
                })
              }
            >
              {TEXT.remove}
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
