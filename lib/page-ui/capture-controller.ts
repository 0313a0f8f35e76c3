import { mountSaveButton, type SaveButton } from './save-button';
import { watchNavigation } from './navigation';
import type { ProspectDraftInput } from '@/lib/model/prospect';
import { CaptureLookupReplySchema, CaptureSaveReplySchema, type Message } from '@/lib/messaging/protocol';

/** What a site contributes to capture: where the button belongs, how to recognise a stored prospect, how to read one. */
export type CaptureSite = {
  isTarget(url: URL): boolean;
  lookupKeys(url: URL, doc: Document): { profileUrl?: string; email?: string } | undefined;
  extract(doc: Document, url: URL): ProspectDraftInput[];
};

export type CaptureDeps = {
  win: Window;
  send: (message: Message) => Promise<unknown>;
};

export const NO_PROSPECT = 'No prospect found on this page.';
const UNREACHABLE = 'Leadline is not responding. Reload the page and try again.';

function alreadyStoredNote(lead: { stageLabel: string }): string {
  return `Already in Leadline (stage: ${lead.stageLabel})`;
}

/**
 * Shows the save button on target pages, follows in-app navigation, and turns a click into a
 * capture message. Returns a function that removes everything it added.
 */
export function startCapture(site: CaptureSite, { win, send }: CaptureDeps): () => void {
  const doc = win.document;
  let button: SaveButton | undefined;
  let generation = 0;

  async function lookup(url: URL, forGeneration: number) {
    const keys = site.lookupKeys(url, doc);
    if (!keys) return;
    const reply = CaptureLookupReplySchema.safeParse(await send({ type: 'capture.lookup', ...keys }).catch(() => undefined));
    if (forGeneration !== generation || !reply.success || !reply.data.ok || !reply.data.lead) return;
    button?.setState({ kind: 'idle', note: alreadyStoredNote(reply.data.lead) });
  }

  async function save() {
    if (!button) return;
    const url = new URL(win.location.href);
    let drafts: ProspectDraftInput[];
    try {
      drafts = site.extract(doc, url);
    } catch (error) {
      console.error('Leadline: extraction failed', error);
      drafts = [];
    }
    const first = drafts[0];
    if (!first) {
      button.setState({ kind: 'error', message: NO_PROSPECT });
      return;
    }
    button.setState({ kind: 'busy' });
    const reply = CaptureSaveReplySchema.safeParse(await send({ type: 'capture.save', drafts: [first] }).catch(() => undefined));
    if (!reply.success) {
      button.setState({ kind: 'error', message: UNREACHABLE });
      return;
    }
    if (!reply.data.ok) {
      button.setState({ kind: 'error', message: reply.data.error });
      return;
    }
    const saved = reply.data.saved[0];
    if (!saved) {
      button.setState({ kind: 'error', message: `Not saved: ${reply.data.rejected.join('; ') || NO_PROSPECT}` });
      return;
    }
    const note =
      saved.status === 'created'
        ? `Saved ${saved.fullName} to Leadline`
        : saved.status === 'merged'
          ? `Updated ${saved.fullName} in Leadline`
          : `${alreadyStoredNote(saved)}. Nothing new on this page.`;
    button.setState({ kind: 'done', note });
  }

  function render(url: URL) {
    generation += 1;
    if (!site.isTarget(url)) {
      button?.remove();
      button = undefined;
      return;
    }
    button ??= mountSaveButton(doc, () => void save());
    button.setState({ kind: 'idle' });
    void lookup(url, generation);
  }

  render(new URL(win.location.href));
  const stopWatching = watchNavigation(win, render);
  return () => {
    stopWatching();
    button?.remove();
  };
}
