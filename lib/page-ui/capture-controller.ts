import { mountSaveButton, type SaveButton, type WidgetActions } from './save-button';
import { watchNavigation } from './navigation';
import { whenReady } from './when-ready';
import { choosePlacement, isUsableAnchor, pageScheme, type Placement } from './placement';
import { DEFAULT_CORNER, type WidgetCorner } from '@/lib/model/widget-corner';
import type { CaptureSite, LookupKeys } from '@/lib/capture/site';
import type { CompanyInfo } from '@/lib/capture/linkedin/company';
import { captureFallback, fallbackHint, nothingFound, type CaptureFallback } from '@/lib/capture/fallback';
import type { ProspectDraftInput } from '@/lib/model/prospect';
import { backgroundClient, type Transport } from '@/lib/messaging/client';
import type { LeadSummary } from '@/lib/messaging/protocol';
import { PAGE_STATE, PREFILL_FIELDS, WIDGET_HIDDEN, type PageState, type Prefill } from '@/lib/messaging/page-state';
import { t, uiLocale } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';

/** Messages the extension sends this tab (the side panel asking what the page shows); the function stops listening. */
export type Listen = (answer: (message: unknown) => PageState | undefined) => () => void;

export type CaptureDeps = {
  win: Window;
  /** How messages reach the background (`browser.runtime.sendMessage`). */
  send: Transport;
  /** How the side panel's questions reach this page (`browser.runtime.onMessage`); none in tests that do not ask. */
  listen?: Listen;
  /** Capture at once instead of waiting for a click (the rep already asked, from the popup or a menu). */
  captureNow?: boolean;
  /** Which events count as the rep's: the browser's `isTrusted`, unless a unit test says otherwise. */
  trusted?: WidgetActions['trusted'];
  /** Offer "Hide on this site" (a site's own content script; "Capture this page" has nothing to hide). */
  canHide?: boolean;
  /** Draws a checkbox beside each result of a list (the LinkedIn script passes lib/page-ui/result-checks.ts). */
  resultChecks?: WidgetActions['resultChecks'];
  /** Receives the widget once it is on the page (tests read its closed root through this). */
  onWidget?: (widget: SaveButton) => void;
};

export function alreadyStoredNote(lead: Pick<LeadSummary, 'stageLabel'>): string {
  return t('widget.alreadyStored', { stage: lead.stageLabel });
}

function keysOf(draft: ProspectDraftInput): LookupKeys | undefined {
  if (!draft.email && !draft.profileUrl) return undefined;
  return { ...(draft.email ? { email: draft.email } : {}), ...(draft.profileUrl ? { profileUrl: draft.profileUrl } : {}) };
}

/** Page text cut to what a prefill may hold, so an odd page cannot get the message refused. */
function toPrefill(values: Record<string, string | undefined>): Prefill {
  const prefill: Record<string, string> = {};
  for (const [field, max] of Object.entries(PREFILL_FIELDS)) {
    const value = values[field]?.trim();
    if (value) prefill[field] = value.slice(0, max);
  }
  return prefill as Prefill;
}

type Saved = { fullName: string; status: string; stageLabel: string; filled?: number; proposed?: number };

function describeSaved(saved: Saved[]): string {
  const { count } = uiFormats();
  const [only] = saved;
  if (saved.length === 1 && only) {
    if (only.proposed) {
      const changes = [count(only.proposed), only.fullName] as [string, string];
      return only.filled ? t('widget.updatedWithChanges', only.proposed, changes) : t('widget.changesToReview', only.proposed, changes);
    }
    if (only.status === 'created') return t('widget.savedOne', { name: only.fullName });
    if (only.status === 'merged') return t('widget.updatedOne', { name: only.fullName });
    return t('widget.nothingNew', { stage: only.stageLabel });
  }
  const howMany = (status: string) => saved.filter((s) => s.status === status).length;
  const parts = (
    [
      ['created', 'widget.countSaved'],
      ['merged', 'widget.countUpdated'],
      ['unchanged', 'widget.countUnchanged'],
    ] as const
  ).flatMap(([status, key]) => {
    const n = howMany(status);
    return n > 0 ? [t(key, n, [count(n)])] : [];
  });
  // "2 saved, 1 updated": the locale's own list punctuation.
  return t('widget.summary', { parts: new Intl.ListFormat(uiLocale(), { type: 'unit', style: 'short' }).format(parts) });
}

/**
 * Shows the save button on target pages, follows in-app navigation, and turns the rep's click into a
 * capture message (with a pick list when the page shows several people). Returns a function that
 * removes everything it added.
 */
export function startCapture(
  site: CaptureSite,
  { win, send, listen, captureNow = false, trusted, canHide = false, resultChecks, onWidget }: CaptureDeps,
): () => void {
  const doc = win.document;
  const sendToBackground = backgroundClient(send);
  let button: SaveButton | undefined;
  let pageWork: AbortController | undefined;
  // What the side panel may ask about this page: who it shows, what was saved from it, a manual entry asked for.
  let pageKeys: LookupKeys | undefined;
  let savedLeadId: string | undefined;
  let addRequest: Prefill | undefined;
  // What "Add manually" starts from on this page: what a capture found, or what the page's address gives.
  let manualStart: Prefill | undefined;
  // Where the widget floats when the page has nothing to sit beside: the rep's choice, once the background says it.
  let corner: WidgetCorner = DEFAULT_CORNER;
  let anchor: Element | null = null;
  let placedBeside = false;
  let stopped = false;

  const pageChanged = () => void sendToBackground('page.changed', {});

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
      return button.setState({ kind: 'error', message: t('widget.notSaved', { reasons: rejected.join('; ') || nothingFound() }) });
    }
    const skipped = rejected.length > 0 ? ` ${t('widget.skipped', rejected.length, [uiFormats().count(rejected.length), rejected.join('; ')])}` : '';
    savedLeadId = saved.length === 1 ? saved[0]?.id : undefined;
    if (saved.length === 1 && drafts.length === 1) pageKeys = keysOf(drafts[0]!) ?? pageKeys;
    button.setState({ kind: 'done', note: describeSaved(saved) + skipped, canOpen: true });
    pageChanged();
  }

  function offerPick(drafts: ProspectDraftInput[], cards: Element[] | undefined) {
    if (!button) return;
    const items = drafts.map((draft, index) => ({
      ...(cards?.[index] ? { element: cards[index] } : {}),
      label: draft.fullName ?? draft.email ?? draft.profileUrl ?? t('widget.unnamed'),
      detail: [draft.title, draft.company].filter(Boolean).join(' · ') || draft.email,
      checked: site.preselect?.(new URL(win.location.href)) !== 'none' && index === 0,
    }));
    button.pick(items, (indexes) => void saveDrafts(indexes.flatMap((i) => (drafts[i] ? [drafts[i]] : []))));
    drafts.forEach((draft, index) => {
      const keys = keysOf(draft);
      if (keys) void lookup(keys).then((lead) => lead && button?.setPickKnown(index, alreadyStoredNote(lead)));
    });
  }

  /** Nothing to save as is: say what was found, and offer the shortcut or a manual entry starting from it. */
  function offerFallback(fallback: CaptureFallback, url: URL) {
    if (!button) return;
    const found = fallback.prefill;
    const fields = ['fullName', 'title', 'company', 'email', 'phone', 'profileUrl', 'website'] as const;
    // What the page's address gives, then what was found on it (only what was found: no blanks over the address's).
    manualStart = toPrefill({
      sourceUrl: found?.sourceUrl ?? url.href,
      ...site.offer?.(doc, url),
      ...Object.fromEntries(fields.flatMap((field) => (found?.[field] ? [[field, found[field]]] : []))),
    });
    button.setState({ kind: 'fallback', message: fallback.found, hint: fallbackHint(), isError: fallback.nothing });
  }

  async function saveCompany(company: CompanyInfo) {
    if (!button) return;
    button.setState({ kind: 'busy' });
    const reply = await sendToBackground('company.enrich', { company });
    if (!reply.ok) return button.setState({ kind: 'error', message: reply.error });
    const { updated } = reply;
    const note =
      updated === 0
        ? t('widget.companyNothing', { company: company.company })
        : t('widget.companyUpdated', updated, [uiFormats().count(updated), company.company]);
    button.setState({ kind: 'done', note, canOpen: true });
  }

  function onSave() {
    if (!button) return;
    const url = new URL(win.location.href);
    if (site.readCompany) {
      const company = site.readCompany(doc, url);
      if (company) return void saveCompany(company);
    }
    let drafts: ProspectDraftInput[];
    // On a list of people, each one's result card too: the widget draws a checkbox beside it.
    let cards: Element[] | undefined;
    try {
      const listed = site.extractListed?.(doc, url);
      drafts = (listed ? listed.map((item) => item.draft) : site.extract(doc, url)).slice(0, 100);
      cards = listed?.slice(0, 100).map((item) => item.element);
    } catch (error) {
      console.error('Leadline: extraction failed', error);
      drafts = [];
    }
    const fallback = captureFallback(drafts, site.pageContacts?.(doc, url));
    if (fallback) return offerFallback(fallback, url);
    if (drafts.length === 1) return void saveDrafts(drafts);
    offerPick(drafts, cards);
  }

  async function openInLeadline(add?: Prefill) {
    addRequest = add;
    const reply = await sendToBackground('panel.open', { ...(savedLeadId && !add ? { leadId: savedLeadId } : {}), ...(add ? { add } : {}) });
    if (!reply.ok) button?.setState({ kind: 'error', message: reply.error });
  }

  function onAddManually() {
    const url = new URL(win.location.href);
    void openInLeadline(manualStart ?? toPrefill({ sourceUrl: url.href, ...site.offer?.(doc, url) }));
  }

  /** Beside the page's own actions when they are there, else in the rep's corner. */
  function place(url: URL) {
    anchor = site.anchor?.(doc, url) ?? null;
    placeWidget(choosePlacement(anchor, corner));
  }

  function placeWidget(placement: Placement) {
    placedBeside = placement.kind === 'beside';
    button?.place(placement);
  }

  async function hideHere() {
    const reply = await sendToBackground('widget.hide', {});
    if (!reply.ok) return button?.setState({ kind: 'error', message: reply.error });
    stop();
  }

  async function prepare(url: URL, signal: AbortSignal) {
    // The profile's or thread's actions may render after its address changed: wait for them (bounded).
    if (site.anchor && !anchor) {
      void whenReady(win, doc.body ?? doc.documentElement, () => site.anchor?.(doc, url) ?? undefined, { signal }).then((found) => {
        if (found && !signal.aborted) place(url);
      });
    }
    const keys = await whenReady(win, doc.body ?? doc.documentElement, () => site.lookupKeys(url, doc), { signal });
    if (signal.aborted || !button || !keys) return;
    pageKeys = keys;
    pageChanged();
    const lead = await lookup(keys);
    if (!signal.aborted && lead) button.setState({ kind: 'idle', known: alreadyStoredNote(lead) });
  }

  function render(url: URL) {
    pageWork?.abort();
    pageKeys = undefined;
    savedLeadId = undefined;
    addRequest = undefined;
    manualStart = undefined;
    pageChanged();
    if (!site.isTarget(url)) {
      button?.remove();
      button = undefined;
      return;
    }
    anchor = site.anchor?.(doc, url) ?? null;
    if (!button?.host.isConnected) {
      button?.remove();
      button = mountSaveButton(
        doc,
        {
          onSave,
          onOpen: () => void openInLeadline(),
          onAddManually,
          ...(canHide ? { onHide: () => void hideHere() } : {}),
          ...(trusted ? { trusted } : {}),
          ...(resultChecks ? { resultChecks } : {}),
        },
        choosePlacement(anchor, corner),
      );
      placedBeside = isUsableAnchor(anchor);
      onWidget?.(button);
    } else {
      // A pick list (and the boxes beside the results) named the last page's people: bound to cards a
      // single-page app may reuse for the next page's, they would tick the wrong person.
      button.closePick();
      placeWidget(choosePlacement(anchor, corner));
    }
    button.setScheme(pageScheme(win));
    const label = site.buttonLabel?.(url);
    button.setState({ kind: 'idle', ...(label ? { label } : {}) });
    pageWork = new AbortController();
    if (!captureNow) void prepare(url, pageWork.signal);
  }

  const stopListening = listen?.((message) => {
    const type = (message as { type?: unknown } | null)?.type;
    // The rep hid the button on this site in another tab (or in Settings): this tab drops it too. A
    // panel the rep asked for with "Capture this page" (canHide false) stays.
    if (type === WIDGET_HIDDEN && canHide) stop();
    if (type !== PAGE_STATE) return undefined;
    return {
      ...(pageKeys ? { keys: pageKeys } : {}),
      ...(savedLeadId ? { leadId: savedLeadId } : {}),
      ...(addRequest ? { add: addRequest } : {}),
    };
  });
  render(new URL(win.location.href));
  if (captureNow) onSave();
  const stopWatching = watchNavigation(win, render);
  void sendToBackground('widget.prefs', {}).then((reply) => {
    if (!reply.ok || stopped) return;
    corner = reply.corner;
    if (!placedBeside) place(new URL(win.location.href));
  });
  const stopKeeping = keepPlaced(win, () => {
    if (!button || stopped) return;
    // The page re-rendered the part the widget sat in, or a modal covered or uncovered it: find the actions again, or float.
    if (!button.host.isConnected || (anchor && !anchor.isConnected)) place(new URL(win.location.href));
    else if (anchor && isUsableAnchor(anchor) !== placedBeside) placeWidget(choosePlacement(anchor, corner));
  });
  const schemeQuery = win.matchMedia?.('(prefers-color-scheme: dark)');
  const onSchemeChange = () => button?.setScheme(pageScheme(win));
  schemeQuery?.addEventListener?.('change', onSchemeChange);

  function stop() {
    if (stopped) return;
    stopped = true;
    pageWork?.abort();
    stopWatching();
    stopKeeping();
    schemeQuery?.removeEventListener?.('change', onSchemeChange);
    stopListening?.();
    button?.remove();
    button = undefined;
  }
  return stop;
}

/**
 * Calls `check` at most once per animation frame after the page changed its DOM: cheap (the check
 * reads `isConnected` and one `closest()`), and what lets the widget follow a page that re-renders
 * its toolbar or opens a modal over it.
 */
function keepPlaced(win: Window, check: () => void): () => void {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    win.requestAnimationFrame(() => {
      scheduled = false;
      check();
    });
  });
  observer.observe(win.document.body ?? win.document.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}
