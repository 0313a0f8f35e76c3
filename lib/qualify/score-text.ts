import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { Framework } from '@/lib/model/framework';
import { InterestSignalSchema, type ScoreReason } from '@/lib/model/lead';
import { inUiLanguage } from './frameworks/text';
import { FEATURE_NAMES, type FeatureName } from './learned-weights';

/**
 * A score reason in the rep's language, worded when shown rather than when scored: "+10 senior
 * title (VP)", "+10 Budget erfüllt". `framework` is the lead's, for its criteria's names. A reason
 * stored before reasons said what they mean, or one this version does not know, keeps its text.
 */
export function scoreReasonText(reason: ScoreReason, framework: Framework): string {
  const said = reason.says ? describe(reason.says.id, reason.says.values ?? {}, framework) : undefined;
  if (said === undefined) return reason.text;
  if (reason.says?.id === 'disqualified' || reason.says?.id === 'learnedFrom' || reason.says?.id === 'learnedNothing') {
    return said;
  }
  return t('lead.score.reason', { points: signed(reason.points), reason: said });
}

type Values = Record<string, string | number>;

function describe(id: string, values: Values, framework: Framework): string | undefined {
  const formats = uiFormats();
  const count = (name: string) => (typeof values[name] === 'number' ? values[name] : Number.NaN);
  switch (id) {
    case 'seniorTitle':
      return typeof values.title === 'string' ? t('lead.score.seniorTitle', { title: values.title }) : undefined;
    case 'company':
      return t('lead.score.company');
    case 'email':
      return t('lead.score.email');
    case 'phone':
      return t('lead.score.phone');
    case 'signal':
      return signalText(values.signal);
    case 'stale':
      return Number.isFinite(count('days')) ? t('lead.score.stale', { days: formats.count(count('days')) }) : undefined;
    case 'contactToday':
    case 'contactYesterday':
    case 'contactDaysAgo': {
      const activities = count('count');
      if (!Number.isFinite(activities)) return undefined;
      const shown = [formats.count(activities)] as [string];
      if (id === 'contactToday') return t('lead.score.contactToday', activities, shown);
      if (id === 'contactYesterday') return t('lead.score.contactYesterday', activities, shown);
      const days = count('days');
      return Number.isFinite(days)
        ? t('lead.score.contactDaysAgo', activities, shown, { days: formats.count(days) })
        : undefined;
    }
    case 'criterionMet':
    case 'criterionNotMet': {
      const criterion = criterionLabel(values, framework);
      if (criterion === undefined) return undefined;
      return id === 'criterionMet' ? t('lead.score.criterionMet', { criterion }) : t('lead.score.criterionNotMet', { criterion });
    }
    case 'disqualified':
      return t('lead.score.disqualified');
    case 'learnedFrom': {
      const part = partName(values.part);
      return part && Number.isFinite(count('count'))
        ? t('lead.score.learnedFrom', { count: formats.count(count('count')), part })
        : undefined;
    }
    case 'learnedNothing':
      return Number.isFinite(count('count')) ? t('lead.score.learnedNothing', { count: formats.count(count('count')) }) : undefined;
    case 'startingPoint':
      return t('lead.score.startingPoint');
    case 'learnedPart': {
      const part = partName(values.part);
      const weight = count('weight');
      return part && Number.isFinite(weight) ? t('lead.score.learnedPart', { part, weight: signed(weight, 1) }) : undefined;
    }
    default:
      return undefined;
  }
}

/** "+5", "−10", "+0.4": a sign always, the number as the rep's locale writes it. */
function signed(value: number, digits = 0): string {
  const formats = uiFormats();
  const magnitude = digits === 0 ? formats.count(Math.abs(value)) : formats.number(Math.abs(value), digits);
  return `${value < 0 ? '\u2212' : '+'}${magnitude}`;
}

function signalText(signal: unknown): string | undefined {
  const parsed = InterestSignalSchema.safeParse(signal);
  if (!parsed.success) return undefined;
  switch (parsed.data) {
    case 'form_fill':
      return t('lead.score.form_fill');
    case 'download':
      return t('lead.score.download');
    case 'cta_click':
      return t('lead.score.cta_click');
    case 'newsletter':
      return t('lead.score.newsletter');
    case 'demo_request':
      return t('lead.score.demo_request');
  }
}

/** The criterion's name in the UI language when it is a built-in one; a template's as the rep wrote it. */
function criterionLabel(values: Values, framework: Framework): string | undefined {
  const shown = inUiLanguage(framework).criteria.find((criterion) => criterion.id === values.criterion);
  if (shown) return shown.label;
  return typeof values.label === 'string' ? values.label : undefined;
}

function partName(part: unknown): string | undefined {
  if (!FEATURE_NAMES.includes(part as FeatureName)) return undefined;
  switch (part as FeatureName) {
    case 'fit':
      return t('lead.score.part.fit');
    case 'intent':
      return t('lead.score.part.intent');
    case 'engagement':
      return t('lead.score.part.engagement');
    case 'qualification':
      return t('lead.score.part.qualification');
  }
}
