import { browser } from 'wxt/browser';
import type { Message, MessageType, Outcome, RequestOf } from './protocol';
import { parseReply, unreachable } from './replies';

/** How a message leaves this context: `browser.runtime.sendMessage` in the extension, a fake in tests. */
export type Transport = (message: Message) => Promise<unknown>;

export type SendToBackground = <T extends MessageType>(type: T, request: RequestOf<T>) => Promise<Outcome<T>>;

/**
 * The one way content scripts and extension pages talk to the background: a typed request in, the
 * parsed reply or a readable failure out. A background that is gone (the extension was updated
 * under an open page) or answers nonsense is a failure too, never an exception.
 */
export function backgroundClient(transport: Transport): SendToBackground {
  return async (type, request) => {
    let raw: unknown;
    try {
      raw = await transport({ type, ...request } as Message);
    } catch {
      return { ok: false, error: unreachable() };
    }
    return parseReply(type, raw);
  };
}

/** The extension's own transport: the runtime messaging of whichever browser this is. */
export const runtimeTransport: Transport = (message) => browser.runtime.sendMessage(message);

/** `backgroundClient` over the extension's runtime messaging, for content scripts and extension pages. */
export const sendToBackground: SendToBackground = backgroundClient(runtimeTransport);

/**
 * Answers the extension's own questions to this tab (the side panel's "what does this page show?")
 * through the runtime's messaging. Messages from anything but Leadline itself are not answered.
 */
export function runtimeListen(answer: (message: unknown) => object | undefined): () => void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const reply = answer(message);
    return reply === undefined ? undefined : Promise.resolve(reply);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
