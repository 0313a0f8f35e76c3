import { useId } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { setChannel, setSignals } from '@/lib/db/leads';
import { t } from '@/lib/i18n';
import { CHANNELS, ChannelSchema, INTEREST_SIGNALS, type InterestSignal, type Lead } from '@/lib/model/lead';
import { fieldLabel } from '@/lib/model/lead-edit';
import { saveWithReport } from './save-with-report';

export interface InterestFieldsProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  /** A readable message when a write failed, '' after a success. */
  onError: (message: string) => void;
}

/** How the interest started (channel) and what the prospect did (signals); the signals feed the score. */
export function InterestFields({ db, now, lead, onError }: InterestFieldsProps) {
  const ids = useId();

  function save(action: () => Promise<unknown>) {
    return saveWithReport(action, onError);
  }

  function changeChannel(value: string) {
    const channel = ChannelSchema.safeParse(value);
    void save(() => setChannel(db, lead.id, channel.success ? channel.data : undefined, now()));
  }

  function toggleSignal(signal: InterestSignal, on: boolean) {
    const next = on ? [...lead.signals, signal] : lead.signals.filter((s) => s !== signal);
    void save(() => setSignals(db, lead.id, next, now()));
  }

  return (
    <section className="interest" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('lead.interest.heading')}</h3>
      <div className="row">
        <label htmlFor={`${ids}-channel`}>{fieldLabel('channel')}</label>
        <select id={`${ids}-channel`} value={lead.channel ?? ''} onChange={(event) => changeChannel(event.target.value)}>
          <option value="">{t('lead.notSet')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channel.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="signals">
        <legend>{t('lead.interest.signals')}</legend>
        {INTEREST_SIGNALS.map((signal) => (
          <label key={signal.id}>
            <input
              type="checkbox"
              checked={lead.signals.includes(signal.id)}
              onChange={(event) => toggleSignal(signal.id, event.target.checked)}
            />
            {signal.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
