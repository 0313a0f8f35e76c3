import { t, uiLocale } from '@/lib/i18n';
import type { Lead } from '@/lib/model/lead';
import type { ExportContext } from '../export-columns';

/**
 * "BANT: 3 of 4 met (Budget, Authority, Need)" above the rep's notes, for the one free-text field a
 * CRM import offers (Salesforce Description, Pipedrive note). A checklist nobody answered adds nothing.
 */
export function qualificationAndNotes(lead: Lead, ctx: ExportContext): string {
  const met = ctx.framework.criteria
    .filter((c) => lead.checklist.answers[c.id]?.status === 'met')
    .map((c) => c.label);
  const answered = ctx.progress.met + ctx.progress.notMet > 0;
  const framework = ctx.framework.name;
  const summary = !answered
    ? ''
    : met.length > 0
      ? t('data.presets.qualificationWithMet', { framework, progress: ctx.progress.summary, met: new Intl.ListFormat(uiLocale(), { type: 'unit', style: 'short' }).format(met) })
      : t('data.presets.qualification', { framework, progress: ctx.progress.summary });
  return [summary, lead.notes].filter(Boolean).join('\n\n');
}

/** A CRM's title field: the title, or a LinkedIn headline when no position is known (as the generic preset does). */
export const jobTitle = (lead: Lead): string => lead.title ?? lead.headline ?? '';

/** CRMs want the number a phone can dial: E.164 when we have it, the raw text otherwise. */
export const dialablePhone = (lead: Lead): string => lead.phoneE164 ?? lead.phone ?? '';
