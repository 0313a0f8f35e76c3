import { mountSaveButton, type SaveButton } from './save-button';
import { watchNavigation } from './navigation';
import { whenReady } from './when-ready';
import type { CaptureSite, LookupKeys } from '@/lib/capture/site';
import type { CompanyInfo } from '@/lib/capture/linkedin/company';
import { FALLBACK_HINT, NOTHING_FOUND, captureFallback, type CaptureFallback } from '@/lib/capture/fallback';
import type { ProspectDraftInput } from '@/lib/model/prospect';
import { backgroundClient, type Transport } from '@/lib/messaging/client';
import type { LeadSummary } from '@/lib/messaging/protocol';

export type CaptureDeps = {
  win: Window;
  /** How messages reach the background (`browser.runtime.sendMessage`). */
  send: Transport;
  /** Capture at once instead of waiting for a click (the rep already asked, from the popup or a menu). */
  captureNow?: boolean;
};

export const NO_PROSPECT = NOTHING_FOUND;

export function alreadyStoredNote(lead: Pick<LeadSummary, 'stageLabel'>): string {
  return `Already in Leadline (stage: ${lead.stageLabel})`;
}

function keysOf(draft: ProspectDraftInput): LookupKeys | undefined {
  if (!draft.email && !draft.profileUrl) return undefined;
  return { ...(draft.email ? { email: draft.email } : {}), ...(draft.profileUrl ? { profileUrl: draft.profileUrl } : {}) };
}

function describeSaved(saved: Array<{ fullName: string; status: string; stageLabel: string }>): string {
  const [only] = saved;
  if (saved.length === 1 && only) {
    if (only.status === 'created') return `Saved ${only.fullName} to Leadline`;
    if (only.status === 'merged') return `Updated ${only.fullName} in Leadline`;
    return `${alreadyStoredNote(only)}. Nothing new on this page.`;
  }
  const count = (status: string) => saved.filter((s) => s.status === status).length;
  const parts = [`${count('created')} saved`, `${count('merged')} updated`, `${count('unchanged')} already up to date`];
  return `${parts.filter((p) => !p.startsWith('0 ')).join(', ')}.`;
}

/**
 * Shows the save button on target pages, follows in-app navigation, and turns a click into a
 * capture message (with a pick list when the page shows several people). Returns a function that
 * removes everything it added.
 */
export function startCapture(site: CaptureSite, { win, send, captureNow = false }: CaptureDeps): () => void {
  const doc = win.document;
  const sendToBackground = backgroundClient(send);
  let button: SaveButton | undefined;
  let pageWork: AbortController | undefined;

  async function lookup(keys: LookupKeys): Promise<LeadSummary | undefined> {
    const reply = await sendToBackground('capture.lookup', keys);
    return reply.ok ? (reply.lead ?? undefined) : undefined;
  }

  async function saveDrafts(drafts: ProspectDraftInput[]) {
    if (!button) return;
    button.setState({ kind: 'busy' });
    const reply = await sendToBackground('capture.save', { drafts });
    if (!reply.ok) return button.setState({ kind: 'error', message: reply.error });
    const { saved, rejected } = reply;
    if (saved.length === 0) {
      return button.setState({ kind: 'error', message: `Not saved: ${rejected.join('; ') || NO_PROSPECT}` });
    }
    const skipped = rejected.length > 0 ? ` ${rejected.length} skipped: ${rejected.join('; ')}` : '';
    button.setState({ kind: 'done', note: describeSaved(saved) + skipped });
  }

  function offerPick(drafts: ProspectDraftInput[]) {
    if (!button) return;
    const items = drafts.map((draft, index) => ({
      label: draft.fullName ?? draft.email ?? draft.profileUrl ?? 'Unnamed',
      detail: [draft.title, draft.company].filter(Boolean).join(' · ') || draft.email,
      checked: site.preselect?.(new URL(win.location.href)) !== 'none' && index === 0,
    }));
    button.pick(items, (indexes) => void saveDrafts(indexes.flatMap((i) => (drafts[i] ? [drafts[i]] : []))));
    drafts.forEach((draft, index) => {
      const keys = keysOf(draft);
      if (keys) void lookup(keys).then((lead) => lead && button?.setPickNote(index, alreadyStoredNote(lead)));
    });
  }

  /** Nothing to save as is: say what was found, and offer the shortcut or a manual entry starting from it. */
  function offerFallback(fallback: CaptureFallback, url: URL) {
    if (!button) return;
    const from = fallback.prefill;
    const prefill = { fullName: from?.fullName, title: from?.title, company: from?.company, email: from?.email, phone: from?.phone };
    button.offerFallback({
      message: fallback.found,
      isError: fallback.nothing,
      hint: FALLBACK_HINT,
      prefill: Object.fromEntries(Object.entries(prefill).filter(([, v]) => v)) as Record<string, string>,
      onSave: (fields) =>
        void saveDrafts([{ ...from, ...fields, source: from?.source ?? site.source ?? 'web', sourceUrl: from?.sourceUrl ?? url.href }]),
    });
  }

  async function saveCompany(company: CompanyInfo) {
    if (!button) return;
    button.setState({ kind: 'busy' });
    const reply = await sendToBackground('company.enrich', { company });
    if (!reply.ok) return button.setState({ kind: 'error', message: reply.error });
    const { updated } = reply;
    const note =
      updated === 0
        ? `No leads at ${company.company} needed these details.`
        : `Added ${company.company}'s details to ${updated} ${updated === 1 ? 'lead' : 'leads'}.`;
    button.setState({ kind: 'done', note });
  }

  function onClick() {
    if (!button) return;
    const url = new URL(win.location.href);
    if (site.readCompany) {
      const company = site.readCompany(doc, url);
      if (company) return void saveCompany(company);
    }
    let drafts: ProspectDraftInput[];
    try {
      drafts = site.extract(doc, url).slice(0, 100);
    } catch (error) {
      console.error('Leadline: extraction failed', error);
      drafts = [];
    }
    const fallback = captureFallback(drafts, site.pageContacts?.(doc, url));
    if (fallback) return offerFallback(fallback, url);
    if (drafts.length === 1) return void saveDrafts(drafts);
    offerPick(drafts);
  }

  async function prepare(url: URL, signal: AbortSignal) {
    const keys = await whenReady(win, doc.body ?? doc.documentElement, () => site.lookupKeys(url, doc), { signal });
    if (signal.aborted || !button) return;
    // The thread or profile has rendered by now, so its toolbar has too, where the site has one.
    const anchor = site.anchor?.(doc);
    if (anchor) button.attachTo(anchor);
    if (!keys) return;
    const lead = await lookup(keys);
    if (!signal.aborted && lead) button.setState({ kind: 'idle', note: alreadyStoredNote(lead) });
  }

  function render(url: URL) {
    pageWork?.abort();
    if (!site.isTarget(url)) {
      button?.remove();
      button = undefined;
      return;
    }
    if (!button?.host.isConnected) {
      button?.remove();
      button = mountSaveButton(doc, onClick, site.anchor?.(doc) ?? undefined);
    }
    const label = site.buttonLabel?.(url);
    button.setState({ kind: 'idle', ...(label ? { label } : {}) });
    pageWork = new AbortController();
    if (!captureNow) void prepare(url, pageWork.signal);
  }

  render(new URL(win.location.href));
  if (captureNow) onClick();
  const stopWatching = watchNavigation(win, render);
  return () => {
    pageWork?.abort();
    stopWatching();
    button?.remove();
  };
}
