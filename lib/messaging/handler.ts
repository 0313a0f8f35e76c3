import { MessageSchema, type LeadSummary, type Reply } from './protocol';
import type { Lead } from '@/lib/model/lead';
import { stageLabel } from '@/lib/model/stage';
import { normaliseDraft } from '@/lib/capture/normalise';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { getSettings } from '@/lib/db/settings';
import { enrichCompanyLeads, findLeadForDraft, saveOrMergeProspect } from '@/lib/db/leads';

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
};

/**
 * The background's one message handler. Messages from anything but this extension's own scripts are
 * refused, and every message is parsed before it is acted on.
 */
export function createMessageHandler({ db, extensionId, now, syncReminders }: HandlerDeps) {
  return async function handleMessage(message: unknown, sender: MessageSender): Promise<Reply> {
    if (sender.id !== extensionId) return { ok: false, error: 'Message refused: it did not come from Leadline.' };
    const parsed = MessageSchema.safeParse(message);
    if (!parsed.success) return { ok: false, error: 'Message refused: Leadline did not understand it.' };
    const msg = parsed.data;
    try {
      switch (msg.type) {
        case 'capture.save': {
          const saved = [];
          const rejected = [];
          const own = new Set((await getSettings(db)).ownAddresses.map((address) => address.toLowerCase()));
          for (const input of msg.drafts) {
            const result = normaliseDraft(input);
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
          return { ok: true, saved, rejected };
        }
        case 'capture.lookup': {
          const lead = await findLeadForDraft(db, { profileUrl: msg.profileUrl, email: msg.email });
          return { ok: true, lead: lead ? summarise(lead) : null };
        }
        case 'company.enrich': {
          const { linkedInUrl: _url, ...details } = msg.company;
          return { ok: true, updated: await enrichCompanyLeads(db, details, now()) };
        }
        case 'reminders.sync': {
          await syncReminders?.();
          return { ok: true };
        }
      }
    } catch (error) {
      console.error('Leadline: message failed', error);
      return { ok: false, error: describeStorageError(error) };
    }
  };
}
