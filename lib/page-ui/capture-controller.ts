import { mountSaveButton, type SaveButton } from './save-button';
import { watchNavigation } from './navigation';
import { whenReady } from './when-ready';
import type { ProspectDraftInput } from '@/lib/model/prospect';
import {
  CaptureLookupReplySchema,
  CaptureSaveReplySchema,
  CompanyEnrichReplySchema,
  type LeadSummary,
  type Message,
} from '@/lib/messaging/protocol';

export type LookupKeys = { profileUrl?: string; email?: string };

/** What a site contributes to capture: where the button belongs, how to recognise a stored prospect, how to read one. */
export type CaptureSite = {
  isTarget(url: URL): boolean;
  /** Keys of the main prospect on the page, to say "Already in Leadline" before any click; undefined while the page is still rendering. */
  lookupKeys(url: URL, doc: Document): LookupKeys | undefined;
  extract(doc: Document, url: URL): ProspectDraftInput[];
  /** The element the button sits beside (Gmail's thread toolbar); the button floats when there is none. */
  anchor?(doc: Document): Element | null;
  /** Which people a pick list starts with ticked: the first (an email's sender) or none (a search result list). */
  preselect?: (url: URL) => 'first' | 'none';
  /** On a page about a company rather than a person: its details, offered to the leads who work there. */
  readCompany?: (doc: Document, url: URL) => CompanyEnrichment | undefined;
  /** The button's words on this page ("Save lead" when absent). */
  buttonLabel?: (url: URL) => string | undefined;
};

export type CompanyEnrichment = Extract<Message, { type: 'company.enrich' }>['company'];

export type CaptureDeps = {
  win: Window;
  send: (message: Message) => Promise<unknown>;
  /** Capture at once instead of waiting for a click (the rep already asked, from the popup or a menu). */
  captureNow?: boolean;
};

export const NO_PROSPECT = 'No prospect found on this page.';
const UNREACHABLE = 'Leadline is not responding. Reload the page and try again.';

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
  let button: SaveButton | undefined;
  let pageWork: AbortController | undefined;

  async function lookup(keys: LookupKeys): Promise<LeadSummary | undefined> {
    const reply = CaptureLookupReplySchema.safeParse(await send({ type: 'capture.lookup', ...keys }).catch(() => undefined));
    return reply.success && reply.data.ok ? (reply.data.lead ?? undefined) : undefined;
  }

  async function saveDrafts(drafts: ProspectDraftInput[]) {
    if (!button) return;
    button.setState({ kind: 'busy' });
    const reply = CaptureSaveReplySchema.safeParse(await send({ type: 'capture.save', drafts }).catch(() => undefined));
    if (!reply.success) return button.setState({ kind: 'error', message: UNREACHABLE });
    if (!reply.data.ok) return button.setState({ kind: 'error', message: reply.data.error });
    const { saved, rejected } = reply.data;
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

  async function saveCompany(company: CompanyEnrichment) {
    if (!button) return;
    button.setState({ kind: 'busy' });
    const reply = CompanyEnrichReplySchema.safeParse(await send({ type: 'company.enrich', company }).catch(() => undefined));
    if (!reply.success) return button.setState({ kind: 'error', message: UNREACHABLE });
    if (!reply.data.ok) return button.setState({ kind: 'error', message: reply.data.error });
    const { updated } = reply.data;
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
    if (drafts.length === 0) return button.setState({ kind: 'error', message: NO_PROSPECT });
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
