// The background's replies, checked by hand rather than with zod: this is the only check the content
// scripts need, and zod (even zod/mini) was 40–45 % of each of them. The zod reply schemas in
// protocol.ts stay the description of record; a unit test holds these guards to the same verdicts.
import { STAGE_IDS } from '@/lib/model/stage';
import { isWidgetCorner } from '@/lib/model/widget-corner';
import type { MessageType, Outcome } from './protocol';
import { t } from '@/lib/i18n';

/** Read when shown, in the browser's language. */
export const unreachable = (): string => t('widget.unreachable');

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const STAGES: ReadonlySet<unknown> = new Set(STAGE_IDS);
const STATUSES: ReadonlySet<unknown> = new Set(['created', 'merged', 'unchanged']);

function leadSummary(raw: unknown) {
  if (!isObject(raw) || !isString(raw.id) || !isString(raw.fullName) || !STAGES.has(raw.stage) || !isString(raw.stageLabel)) return undefined;
  return { id: raw.id, fullName: raw.fullName, stage: raw.stage as (typeof STAGE_IDS)[number], stageLabel: raw.stageLabel };
}

/** Each reply's fields, picked and checked; undefined when the reply is not of that shape. */
const REPLY_GUARDS: { [T in MessageType]: (raw: Raw) => Omit<Extract<Outcome<T>, { ok: true }>, 'ok'> | undefined } = {
  'capture.save': (raw) => {
    if (!Array.isArray(raw.saved) || !Array.isArray(raw.rejected) || !raw.rejected.every(isString)) return undefined;
    const saved = [];
    for (const item of raw.saved) {
      const summary = leadSummary(item);
      if (!summary || !STATUSES.has((item as Raw).status)) return undefined;
      const { filled, proposed } = item as Raw;
      if ((filled !== undefined && typeof filled !== 'number') || (proposed !== undefined && typeof proposed !== 'number')) return undefined;
      saved.push({
        ...summary,
        status: (item as Raw).status as 'created' | 'merged' | 'unchanged',
        ...(filled !== undefined ? { filled } : {}),
        ...(proposed !== undefined ? { proposed } : {}),
      });
    }
    return { saved, rejected: [...raw.rejected] };
  },
  'capture.lookup': (raw) => {
    if (raw.lead === null) return { lead: null };
    const lead = leadSummary(raw.lead);
    return lead ? { lead } : undefined;
  },
  'company.enrich': (raw) => (typeof raw.updated === 'number' ? { updated: raw.updated } : undefined),
  'panel.open': (raw) => (raw.opened === 'panel' || raw.opened === 'tab' ? { opened: raw.opened } : undefined),
  'page.changed': () => ({}),
  'widget.prefs': (raw) => (isWidgetCorner(raw.corner) ? { corner: raw.corner } : undefined),
  'widget.hide': () => ({}),
  'reminders.sync': () => ({}),
  'settings.sync': () => ({}),
};

/** A reply received by a sender, checked against its type's reply shape. */
export function parseReply<T extends MessageType>(type: T, raw: unknown): Outcome<T> {
  const reply = raw as { ok?: unknown; error?: unknown } | null;
  if (reply?.ok === false && typeof reply.error === 'string') return { ok: false, error: reply.error };
  if (reply?.ok !== true || !isObject(reply)) return { ok: false, error: unreachable() };
  const parsed = REPLY_GUARDS[type](reply);
  return parsed ? ({ ok: true, ...parsed } as Outcome<T>) : { ok: false, error: unreachable() };
}
