import type { Conversion, GroupConversion } from '@/lib/metrics/funnel';
import { t } from '@/lib/i18n';
import { formatCount, formatPercent } from './format';

/** Conversion from lead to qualified to customer, one row per channel or source, all leads at the foot. */
export function ConversionTable({
  caption,
  groupName,
  rows,
  total,
}: {
  caption: string;
  groupName: string;
  rows: readonly GroupConversion[];
  total: Conversion;
}) {
  return (
    <div className="table-scroll">
      <table className="numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupName}</th>
            <th scope="col">{t('dashboard.conversion.leads')}</th>
            <th scope="col">{t('dashboard.conversion.qualified')}</th>
            <th scope="col">{t('dashboard.conversion.customers')}</th>
            <th scope="col">{t('dashboard.conversion.leadToQualified')}</th>
            <th scope="col">{t('dashboard.conversion.qualifiedToCustomer')}</th>
            <th scope="col">{t('dashboard.conversion.leadToCustomer')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ConversionRow key={row.key} label={row.label} conversion={row} />
          ))}
        </tbody>
        <tfoot>
          <ConversionRow label={t('dashboard.conversion.allLeads')} conversion={total} />
        </tfoot>
      </table>
    </div>
  );
}

function ConversionRow({ label, conversion }: { label: string; conversion: Conversion }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatCount(conversion.leads)}</td>
      <td>{formatCount(conversion.qualified)}</td>
      <td>{formatCount(conversion.customers)}</td>
      <td>{formatPercent(conversion.leadToQualified)}</td>
      <td>{formatPercent(conversion.qualifiedToCustomer)}</td>
      <td>{formatPercent(conversion.leadToCustomer)}</td>
    </tr>
  );
}
