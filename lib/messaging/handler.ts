import { parseMessage, type Failure, type LeadSummary, type Message, type MessageType, type Outcome, type RequestOf, type ReplyOf } from './protocol';
import { createRateLimiter, SAVE_LIMIT, tooManySaves } from './rate-limit';
import { allowedNow, captureSourceOf, checkSender, notFromHere, notFromLeadline, type MessageSender } from './sender-policy';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { getSettings, saveSettings } from '@/lib/db/settings';
import { enrichCompanyLeads, findLeadForDraft, getLead, saveOrMergeProspect } from '@/lib/db/leads';
import { hasPageGrant } from '@/lib/db/page-grants';
import type { Lead } from '@/lib/model/lead';
import { addLeadLink, leadLink } from '@/lib/model/lead-link';
import { normaliseDraft } from '@/lib/model/normalise';
import { BUTTON_SETTING, defaultCountryOf } from '@/lib/model/settings';
import { siteOf } from '@/lib/model/page-urls';
import { isSupportedCountry } from 'libphonenumber-js';
import { stageLabel } from '@/lib/model/stage';
import { t } from '@/lib/i18n';

export type { MessageSender } from './sender-policy';

function summarise(lead: Lead): LeadSummary {
  return { id: lead.id, fullName: lead.fullName, stage: lead.stage, stageLabel: stageLabel(lead.stage) };
}

/** How "Open in Leadline" reaches the browser: the side panel beside a tab, or an extension page in a tab of its own. */
export type PanelOpener = {
  /** Opens the side panel beside this tab. Browsers allow it only during the rep's click, so it is called before any await. */
  openSidePanel(tabId: number): Promise<void>;
  /** Opens an extension page (`/popup.html#lead=…`) in a new tab, where the side panel cannot open. */
  openTab(path: string, windowId?: number): Promise<void>;
};

export type HandlerDeps = {
  db: LeadlineDatabase;
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`: where the extension's own pages live. */
  extensionOrigin: string;
  now: () => number;
  /** Rebuilds alarms and the badge from the stored reminders. */
  syncReminders?: () => Promise<void>;
  /** The rep's language (the browser's): country names in it, and the default country for phone numbers. */
  locale?: string;
  /** Applies the stored settings the background acts on (registers or unregisters LinkedIn's content script). */
  syncSettings?: () => Promise<void>;
  panel?: PanelOpener;
};

/** What was started before the first await, while the rep's click still counts. */
type Started = { sidePanel?: Promise<void> };

type Handlers = { [T in MessageType]: (request: RequestOf<T>, sender: MessageSender, started: Started) => Promise<ReplyOf<T>> };

/** One function per message type: what the background does with it. */
function handlers({ db, now, syncReminders, locale, syncSettings, panel }: HandlerDeps): Handlers {
  const saves = createRateLimiter(SAVE_LIMIT);
  return {
    async 'capture.save'({ drafts }, sender) {
      if (!saves.take(String(sender.tab?.id), now())) throw new RefusedError(tooManySaves());
      // The page the browser says sent this decides the source; a draft cannot claim to be from LinkedIn.
      const source = captureSourceOf(sender.url);
      const saved: ReplyOf<'capture.save'>['saved'] = [];
      const rejected: string[] = [];
      const settings = await getSettings(db);
      const own = new Set(settings.ownAddresses.map((address) => address.toLowerCase()));
      const defaultCountry = defaultCountryOf(settings, locale);
      const options = { language: locale, ...(defaultCountry && isSupportedCountry(defaultCountry) ? { defaultCountry } : {}) };
      for (const input of drafts) {
        const result = normaliseDraft(typeof input === 'object' && input !== null ? { ...input, source } : input, options);
        if (!result.ok) {
          rejected.push(result.message);
          continue;
        }
        if (result.draft.email && own.has(result.draft.email)) {
          rejected.push(t('widget.ownAddress', { email: result.draft.email }));
          continue;
        }
        const outcome = await saveOrMergeProspect(db, result.draft, now());
        const filled = outcome.status === 'merged' ? outcome.changedFields.length : 0;
        const proposed = outcome.status === 'merged' ? outcome.proposedFields.length : 0;
        saved.push({ ...summarise(outcome.lead), status: outcome.status, ...(filled > 0 ? { filled } : {}), ...(proposed > 0 ? { proposed } : {}) });
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
    async 'panel.open'({ leadId, add }, sender, started) {
      if (!panel) throw new RefusedError(notFromHere());
      try {
        if (!started.sidePanel) throw new Error('no side panel here');
        await started.sidePanel;
        // The panel asks the tab's content script which lead (or manual entry) to show.
        return { opened: 'panel' };
      } catch {
        // Only a lead that exists is opened; an id from a content script is a hint, not an instruction.
        const known = leadId ? await getLead(db, leadId) : undefined;
        await panel.openTab(add ? addLeadLink(add) : known ? leadLink(known.id) : '/popup.html', sender.tab?.windowId);
        return { opened: 'tab' };
      }
    },
    async 'page.changed'() {
      return {};
    },
    async 'widget.prefs'() {
      return { corner: (await getSettings(db)).widgetCorner };
    },
    async 'widget.hide'(_request, sender) {
      // The browser's word on the sender's page picks the site; the policy let only a site's top frame through.
      const url = sender.url ? new URL(sender.url) : undefined;
      const site = url && siteOf(url);
      if (!site) throw new RefusedError(notFromHere());
      await saveSettings(db, { [BUTTON_SETTING[site]]: false });
      await syncSettings?.();
      return {};
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

/** A refusal whose words go back to the sender as they are. */
class RefusedError extends Error {}

/**
 * The background's one message handler. Each message is checked against its type's sender policy
 * (lib/messaging/sender-policy.ts: who may send what, from where) and parsed against its type's
 * schema before it is acted on.
 */
export function createMessageHandler(deps: HandlerDeps) {
  const handle = handlers(deps);
  const context = {
    extensionId: deps.extensionId,
    extensionOrigin: deps.extensionOrigin,
    hasPageGrant: (tabId: number) => hasPageGrant(deps.db, tabId, deps.now()),
  };
  return function handleMessage(message: unknown, sender: MessageSender): Promise<Outcome<MessageType>> {
    const parsed = parseMessage(message);
    // Before any await: the side panel opens only while the rep's click in the widget still counts.
    const started: Started = {};
    const tabId = sender.tab?.id;
    if (parsed?.type === 'panel.open' && deps.panel && tabId !== undefined && allowedNow('panel.open', sender, context)) {
      started.sidePanel = deps.panel.openSidePanel(tabId);
      started.sidePanel.catch(() => undefined);
    }
    return answer(parsed, sender, started);
  };

  async function answer(parsed: Message | undefined, sender: MessageSender, started: Started): Promise<Outcome<MessageType>> {
    if (sender.id !== deps.extensionId) return refuse(notFromLeadline());
    if (!parsed) return refuse(t('widget.notUnderstood'));
    const verdict = await checkSender(parsed.type, sender, context);
    if (!verdict.ok) return refuse(verdict.error);
    try {
      const { type: _type, ...request } = parsed;
      const run = handle[parsed.type] as (request: unknown, sender: MessageSender, started: Started) => Promise<object>;
      return { ok: true, ...(await run(request, sender, started)) } as Outcome<MessageType>;
    } catch (error) {
      if (error instanceof RefusedError) return refuse(error.message);
      console.error('Leadline: message failed', error);
      return refuse(describeStorageError(error));
    }
  }
}

const refuse = (error: string): Failure => ({ ok: false, error });
