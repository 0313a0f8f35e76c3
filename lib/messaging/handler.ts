import { parseMessage, type Failure, type LeadSummary, type MessageType, type Outcome, type RequestOf, type ReplyOf } from './protocol';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { getSettings } from '@/lib/db/settings';
import { enrichCompanyLeads, findLeadForDraft, saveOrMergeProspect } from '@/lib/db/leads';
import type { Lead } from '@/lib/model/lead';
import { normaliseDraft } from '@/lib/model/normalise';
import { defaultCountryOf } from '@/lib/model/settings';
import { isSupportedCountry } from 'libphonenumber-js';
import { stageLabel } from '@/lib/model/stage';

function summarise(lead: Lead): LeadSummary {
  return { id: lead.id, fullName: lead.fullName, stage: lead.stage, stageLabel: stageLabel(lead.stage) };
}

export type MessageSender = { id?: string };

export type HandlerDeps = {
  db: LeadlineDatabase;
  extensionId: string;
  now: () => number;
  /** Rebuilds alarms and the badge from the stored reminders. */
  syncReminders?: () => Promise<void>;
  /** The rep's language (the browser's): country names in it, and the default country for phone numbers. */
  locale?: string;
  /** Applies the stored settings the background acts on (registers or unregisters LinkedIn's content script). */
  syncSettings?: () => Promise<void>;
};

type Handlers = { [T in MessageType]: (request: RequestOf<T>) => Promise<ReplyOf<T>> };

/** One function per message type: what the background does with it. */
function handlers({ db, now, syncReminders, locale, syncSettings }: HandlerDeps): Handlers {
  return {
    async 'capture.save'({ drafts }) {
      const saved: ReplyOf<'capture.save'>['saved'] = [];
      const rejected: string[] = [];
      const settings = await getSettings(db);
      const own = new Set(settings.ownAddresses.map((address) => address.toLowerCase()));
      const defaultCountry = defaultCountryOf(settings, locale);
      const options = { language: locale, ...(defaultCountry && isSupportedCountry(defaultCountry) ? { defaultCountry } : {}) };
      for (const input of drafts) {
        const result = normaliseDraft(input, options);
        if (!result.ok) {
          rejected.push(result.message);
          continue;
        }
        if (result.draft.email && own.has(result.draft.email)) {
          rejected.push(`${result.draft.email} is one of your own addresses (see Settings), so it was not saved`);
          continue;
        }
        const outcome = await saveOrMergeProspect(db, result.draft, now());
        saved.push({ ...summarise(outcome.lead), status: outcome.status });
      }
      return { saved, rejected };
    },
    async 'capture.lookup'({ profileUrl, email }) {
      const lead = await findLeadForDraft(db, { profileUrl, email });
      return { lead: lead ? summarise(lead) : null };
    },
    async 'company.enrich'({ company }) {
      const { linkedInUrl: _url, ...details } = company;
      return { updated: await enrichCompanyLeads(db, details, now()) };
    },
    async 'reminders.sync'() {
      await syncReminders?.();
      return {};
    },
    async 'settings.sync'() {
      await syncSettings?.();
      return {};
    },
  };
}

/**
 * The background's one message handler. Messages from anything but this extension's own scripts are
 * refused, and every message is parsed against its type's schema before it is acted on.
 */
export function createMessageHandler(deps: HandlerDeps) {
  const handle = handlers(deps);
  return async function handleMessage(message: unknown, sender: MessageSender): Promise<Outcome<MessageType>> {
    if (sender.id !== deps.extensionId) return refuse('Message refused: it did not come from Leadline.');
    const parsed = parseMessage(message);
    if (!parsed) return refuse('Message refused: Leadline did not understand it.');
    try {
      const { type, ...request } = parsed;
      const reply = await (handle[type] as (request: unknown) => Promise<object>)(request);
      return { ok: true, ...reply } as Outcome<MessageType>;
    } catch (error) {
      console.error('Leadline: message failed', error);
      return refuse(describeStorageError(error));
    }
  };
}

const refuse = (error: string): Failure => ({ ok: false, error });
