import { useId, useMemo, useState } from 'react';
import { t, uiLocale } from '@/lib/i18n';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { saveChannelSpend, saveSettings } from '@/lib/db/settings';
import type { ChannelCost, ChannelSpend } from '@/lib/metrics/funnel';
import { channelCosts, type LeadTotals } from '@/lib/metrics/totals';
import { CHANNELS, type Channel } from '@/lib/model/lead';
import type { Settings } from '@/lib/model/settings';
import { formatCount, formatMoney } from './format';

const currencyNames = new Map<string, Intl.DisplayNames>();

/** "Euro", "US-Dollar": a currency's name in the rep's language. */
function currencyName(code: string): string {
  const locale = uiLocale();
  let names = currencyNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'currency' });
    currencyNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

function currencyOptions(current: string): string[] {
  const codes = new Set(Intl.supportedValuesOf('currency'));
  codes.add(current);
  return [...codes].sort();
}

const EVERY_CHANNEL: ChannelSpend = Object.fromEntries(CHANNELS.map((c) => [c.id, 0]));

/** Leads and customers per channel, from the running totals, asked for every channel at once. */
function channelCounts(totals: LeadTotals): { perLead: ChannelCost[]; perCustomer: ChannelCost[] } {
  return { perLead: channelCosts(totals, EVERY_CHANNEL, 'leads'), perCustomer: channelCosts(totals, EVERY_CHANNEL, 'customers') };
}

/** The same figures costPerLead and costPerCustomer give, for the channels the rep entered a spend for. */
function costsFor(counts: ReturnType<typeof channelCounts>, spend: ChannelSpend): { perLead: ChannelCost; perCustomer: ChannelCost }[] {
  const withSpend = (row: ChannelCost): ChannelCost => {
    const amount = spend[row.channel] ?? 0;
    return { ...row, spend: amount, cost: row.count === 0 ? null : amount / row.count };
  };
  return CHANNELS.flatMap((channel) => {
    const perLead = counts.perLead.find((row) => row.channel === channel.id);
    const perCustomer = counts.perCustomer.find((row) => row.channel === channel.id);
    if (spend[channel.id] === undefined || !perLead || !perCustomer) return [];
    return [{ perLead: withSpend(perLead), perCustomer: withSpend(perCustomer) }];
  });
}

/** What each channel cost: the rep types spend per channel, and sees cost per lead and per customer. */
export function SpendSection({ db, totals, settings }: { db: LeadlineDatabase; totals: LeadTotals; settings: Settings }) {
  const id = useId();
  // What the rep is typing, per channel, so "12." or an empty field is not overwritten by the stored number.
  const [drafts, setDrafts] = useState<Partial<Record<Channel, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<Channel, string>>>({});
  const [saveError, setSaveError] = useState('');
  const spend = settings.spendByChannel;
  const currency = settings.currency;

  const counts = useMemo(() => channelCounts(totals), [totals]);
  const costs = useMemo(() => costsFor(counts, spend), [counts, spend]);
  const currencies = useMemo(() => currencyOptions(currency), [currency]);

  async function changeSpend(channel: Channel, label: string, text: string) {
    setDrafts((d) => ({ ...d, [channel]: text }));
    const trimmed = text.trim();
    const amount = trimmed === '' ? undefined : Number(trimmed);
    if (amount !== undefined && (!Number.isFinite(amount) || amount < 0)) {
      setErrors((e) => ({ ...e, [channel]: t('dashboard.spend.invalid', { channel: label }) }));
      return;
    }
    setErrors((e) => ({ ...e, [channel]: undefined }));
    try {
      await saveChannelSpend(db, channel, amount);
      setSaveError('');
    } catch (error) {
      console.error('Leadline: could not save spend', error);
      setSaveError(describeStorageError(error));
    }
  }

  async function changeCurrency(code: string) {
    try {
      await saveSettings(db, { currency: code });
      setSaveError('');
    } catch (error) {
      console.error('Leadline: could not save the currency', error);
      setSaveError(describeStorageError(error));
    }
  }

  const messages = [...CHANNELS.map((c) => errors[c.id]).filter((m): m is string => Boolean(m)), ...(saveError ? [saveError] : [])];

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('dashboard.spend.title')}</h2>
      <p className="muted">{t('dashboard.spend.intro')}</p>
      <div className="spend-currency">
        <label htmlFor={`${id}-currency`}>{t('dashboard.spend.currency')}</label>
        <select id={`${id}-currency`} value={currency} onChange={(e) => void changeCurrency(e.target.value)}>
          {currencies.map((code) => (
            <option key={code} value={code}>
              {t('dashboard.spend.currencyOption', { code, name: currencyName(code) })}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="spend-grid">
        <legend>{t('dashboard.spend.perChannel', { currency })}</legend>
        {CHANNELS.map((channel) => (
          <div key={channel.id} className="spend-field">
            <label htmlFor={`${id}-${channel.id}`}>{channel.label}</label>
            <input
              id={`${id}-${channel.id}`}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={drafts[channel.id] ?? (spend[channel.id] === undefined ? '' : String(spend[channel.id]))}
              aria-invalid={errors[channel.id] ? true : undefined}
              onChange={(e) => void changeSpend(channel.id, channel.label, e.target.value)}
            />
          </div>
        ))}
      </fieldset>
      {messages.length > 0 && (
        <div role="alert" className="alert">
          {messages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {costs.length === 0 ? (
        <p>{t('dashboard.spend.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="numbers">
            <caption>{t('dashboard.spend.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.conversion.channel')}</th>
                <th scope="col">{t('dashboard.spend.spend')}</th>
                <th scope="col">{t('dashboard.conversion.leads')}</th>
                <th scope="col">{t('dashboard.spend.costPerLead')}</th>
                <th scope="col">{t('dashboard.conversion.customers')}</th>
                <th scope="col">{t('dashboard.spend.costPerCustomer')}</th>
              </tr>
            </thead>
            <tbody>
              {costs.map(({ perLead, perCustomer }) => (
                <tr key={perLead.channel}>
                  <th scope="row">{perLead.label}</th>
                  <td>{formatMoney(perLead.spend, currency)}</td>
                  <td>{formatCount(perLead.count)}</td>
                  <td>{formatMoney(perLead.cost, currency)}</td>
                  <td>{formatCount(perCustomer.count)}</td>
                  <td>{formatMoney(perCustomer.cost, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
