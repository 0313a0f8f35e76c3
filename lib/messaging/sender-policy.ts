import type { MessageType } from './protocol';
import { siteOf } from '@/lib/model/page-urls';
import type { Source } from '@/lib/model/prospect';
import { t } from '@/lib/i18n';

/**
 * Where a message can come from, as the browser (not the message) says:
 * - `site`: the top frame of a page on a site Leadline has a content script for (LinkedIn, Gmail, Outlook);
 * - `linkedin`: the same, on LinkedIn;
 * - `page-capture`: the top frame of a tab where the rep asked Leadline to read the page (toolbar
 *   button, context menu, shortcut), while that permission lasts;
 * - `extension-page`: Leadline's own popup, side panel or full page.
 */
export type SenderKind = 'site' | 'linkedin' | 'page-capture' | 'extension-page';

/** Who may send each message. A type missing here fails the typecheck; a kind missing from its list is refused. */
export const SENDER_POLICY: { readonly [T in MessageType]: readonly SenderKind[] } = {
  'capture.save': ['site', 'page-capture'],
  'capture.lookup': ['site', 'page-capture'],
  'company.enrich': ['linkedin'],
  'panel.open': ['site', 'page-capture'],
  'page.changed': ['site', 'page-capture'],
  'widget.prefs': ['site', 'page-capture'],
  // Only a site's own content script: "Capture this page" on any other site has nothing to hide.
  'widget.hide': ['site'],
  'reminders.sync': ['extension-page'],
  'settings.sync': ['extension-page'],
};

/** What the browser tells the background about a message's sender (runtime.MessageSender), as far as the policy reads it. */
export type MessageSender = {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; windowId?: number };
};

export type SenderContext = {
  extensionId: string;
  /** The extension's own pages' origin: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** Whether the rep asked Leadline to read the page in this tab, recently enough. */
  hasPageGrant: (tabId: number) => Promise<boolean>;
};

// Functions, not constants: the refusal is worded in the browser's language when it is sent.
export const notFromLeadline = (): string => t('widget.notFromLeadline');
export const notFromHere = (): string => t('widget.notFromHere');

function parse(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The kinds the browser's own report on the sender proves, without reading the database. */
export function senderKindsNow(sender: MessageSender, context: Pick<SenderContext, 'extensionId' | 'extensionOrigin'>): Set<SenderKind> {
  const kinds = new Set<SenderKind>();
  if (sender.id !== context.extensionId) return kinds;
  const url = parse(sender.url);
  if (!url) return kinds;
  if (isExtensionPage(url, context.extensionOrigin)) {
    kinds.add('extension-page');
    return kinds;
  }
  if (!isTopFrameOfPage(sender, url)) return kinds;
  const site = siteOf(url);
  if (site) kinds.add('site');
  if (site === 'linkedin') kinds.add('linkedin');
  return kinds;
}

// URL.origin is "null" for chrome-extension: and moz-extension: addresses, so scheme and host are compared.
function isExtensionPage(url: URL, extensionOrigin: string): boolean {
  const own = parse(extensionOrigin);
  return own !== undefined && url.protocol === own.protocol && url.host === own.host && url.host !== '';
}

// A content script: only its tab's top frame counts (no sub-frames, which a page can fill with anything).
function isTopFrameOfPage(sender: MessageSender, url: URL): boolean {
  return sender.tab?.id !== undefined && sender.frameId === 0 && (url.protocol === 'https:' || url.protocol === 'http:');
}

/** Every kind this sender counts as. */
export async function senderKinds(sender: MessageSender, context: SenderContext): Promise<Set<SenderKind>> {
  const kinds = senderKindsNow(sender, context);
  const url = parse(sender.url);
  const tabId = sender.tab?.id;
  if (url && tabId !== undefined && !kinds.has('extension-page') && isTopFrameOfPage(sender, url) && (await context.hasPageGrant(tabId))) {
    kinds.add('page-capture');
  }
  return kinds;
}

/** Whether the policy lets this sender send this type on what the browser reports alone (no database read). */
export function allowedNow(type: MessageType, sender: MessageSender, context: Pick<SenderContext, 'extensionId' | 'extensionOrigin'>): boolean {
  const kinds = senderKindsNow(sender, context);
  return SENDER_POLICY[type].some((kind) => kinds.has(kind));
}

export type SenderVerdict = { ok: true } | { ok: false; error: string };

/** Whether a message of this type may come from this sender. */
export async function checkSender(type: MessageType, sender: MessageSender, context: SenderContext): Promise<SenderVerdict> {
  if (sender.id !== context.extensionId) return { ok: false, error: notFromLeadline() };
  if (allowedNow(type, sender, context)) return { ok: true };
  const kinds = await senderKinds(sender, context);
  return SENDER_POLICY[type].some((kind) => kinds.has(kind)) ? { ok: true } : { ok: false, error: notFromHere() };
}

/** Where a capture came from, read from the page address the browser reports, never from the message. */
export function captureSourceOf(senderUrl: string | undefined): Source {
  const url = parse(senderUrl);
  return (url && siteOf(url)) ?? 'web';
}
