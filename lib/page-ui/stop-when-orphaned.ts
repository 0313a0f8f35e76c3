import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * When a content script should take its button off the page.
 *
 * WXT stops a running copy of a content script when a newer copy announces itself with a document
 * event named `<extension id>:<entry point>:wxt:content-script-started`. A page script can dispatch
 * that event too (an extension's id is public), and WXT would then abort the script's context: a
 * hostile page could remove Leadline's button at will. So Leadline never stops on the page's word:
 * on that event it stops only when this copy is orphaned, that is the extension was updated,
 * reloaded or removed and the copy has lost its runtime (`runtime.id` is gone). A newer copy of the
 * same extension version is never injected beside a live one.
 */
export function stopWhenOrphaned(doc: Document, startedEvent: string, isOrphaned: () => boolean, stop: () => void): void {
  const check = () => {
    if (!isOrphaned()) return;
    doc.removeEventListener(startedEvent, check);
    stop();
  };
  doc.addEventListener(startedEvent, check);
}

/** Whether this content script's extension is gone (updated, reloaded or removed) while the page stayed. */
export function extensionGone(runtime: { id?: string } | undefined): boolean {
  return runtime?.id == null;
}

/**
 * The document event a newer copy of this content script announces itself with: WXT's own name
 * (`<extension id>:<entry point>:wxt:content-script-started`), read from WXT, whose types keep it private.
 */
export function scriptStartedEvent(): string {
  return (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
}
