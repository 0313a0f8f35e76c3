import type { ProspectDraftInput } from '@/lib/model/prospect';
import { cleanLine } from '@/lib/model/text';
import { bodyText, isHidden } from './body-text';
import type { MailboxOptions } from './gmail';
import { OUTLOOK_REPLY_HEADER } from './quoted-reply';
import { isOutlookHost } from '@/lib/model/page-urls';
import { OwnIdentity, addressesIn, emailAddress, parseNameAndAddress, threadDrafts, type ThreadMessage, type ThreadPerson } from './thread';

/**
 * The open conversation in Outlook on the web, on every host in OUTLOOK_HOSTS (work accounts,
 * personal ones). Outlook's class names are hashed and change with every release, so this reads
 * roles, aria-labels, ids and `title` attributes only.
 */

const PANE = '#ReadingPaneContainerId, div[aria-label="Reading Pane"], [role="main"]';
const BODY = '[role="document"], div[aria-label^="Message body"], div[id^="UniqueMessageBody"]';
const ITEM = 'div[aria-label="Email message"]';
const SUBJECT = '[role="heading"][aria-level="2"]';
const QUOTED = 'blockquote, [class*="gmail_quote"], [class*="yahoo_quoted"]';
const QUOTE_START = OUTLOOK_REPLY_HEADER;
const SIGNATURE = '[id$="Signature"], [class*="gmail_signature"]';
const MAX_MESSAGES = 100;
const MAX_PEOPLE_PER_MESSAGE = 50;

function visible(root: Document | Element, selector: string, max = 50): Element[] {
  return Array.from(root.querySelectorAll(selector))
    .slice(0, max)
    .filter((el) => !isHidden(el));
}

/** The innermost reading pane with a message in it: `[role="main"]` can also wrap the message list. */
function readingPane(doc: Document): Element | undefined {
  const panes = visible(doc, PANE, 20).filter((pane) => pane.querySelector(BODY) || pane.querySelector(ITEM));
  return panes.find((pane) => !panes.some((other) => other !== pane && pane.contains(other)));
}

/** Whether a message is open in the reading pane, whatever the URL says (the split view keeps `/mail/inbox`). */
export function hasOutlookReadingPane(doc: Document): boolean {
  try {
    return readingPane(doc) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The outside people in the open Outlook conversation, most relevant first (see `threadDrafts`).
 * The rep comes from the account manager button and `options.ownAddresses`. [] when no message is open.
 */
export function extractOutlookThread(doc: Document, url: URL, options: MailboxOptions = {}): ProspectDraftInput[] {
  try {
    return readConversation(doc, url, options);
  } catch (error) {
    console.warn('Leadline: could not read this Outlook conversation', error);
    return [];
  }
}

function ownIdentity(doc: Document, options: MailboxOptions): OwnIdentity {
  const own = new OwnIdentity();
  for (const address of options.ownAddresses ?? []) own.add(address);
  for (const button of visible(doc, 'button[aria-label*="Account manager for"], [id="O365_MainLink_Me"]', 10)) {
    for (const address of addressesIn(button.getAttribute('aria-label') ?? '')) own.add(address);
  }
  // The account card's second line is the signed-in address ("Account manager for Jordan Lee" carries none).
  for (const el of Array.from(doc.querySelectorAll('#mectrl_currentAccount_secondary')).slice(0, 5)) {
    own.add(cleanLine(el.textContent ?? ''));
  }
  return own;
}

/** A person chip: "Name <address>" as text or aria-label, or a name whose `title` is the address. */
function personFrom(el: Element): ThreadPerson | undefined {
  const title = el.getAttribute('title');
  const titled = title ? parseNameAndAddress(title) : undefined;
  const text = cleanLine((el.textContent ?? '').slice(0, 400));
  const fromText = text ? parseNameAndAddress(text) : undefined;
  const label = el.getAttribute('aria-label');
  const fromLabel = label ? parseNameAndAddress(label) : undefined;
  const email = titled?.email ?? fromLabel?.email ?? fromText?.email;
  if (!email) return undefined;
  let name = titled?.name ?? fromLabel?.name ?? fromText?.name;
  if (!name && titled && text && !text.includes('@')) name = text.replace(/^(?:from|to|cc)\s?:\s*/i, '');
  return { email, name: name || undefined };
}

const PERSON_CHIPS = '[title*="@"], button[aria-label*="@"], [role="button"][aria-label*="@"], span[aria-label*="@"]';
// "From: Ana Souza <ana@acme.io>" written out in a header; bounded so a long header costs little.
const FROM_TEXT = /(?:^|\s)from:\s*([^<>\n]{0,120}?)\s*<([^<>\s]{3,254})>/i;

/** The people in a message's header (the item minus its body): the first is the sender. */
function headerPeople(item: Element, body: Element | undefined): { from?: ThreadPerson; recipients: ThreadPerson[] } {
  const chips = Array.from(item.querySelectorAll(PERSON_CHIPS))
    .slice(0, MAX_PEOPLE_PER_MESSAGE)
    .filter((el) => !body?.contains(el) && !(body && el.contains(body)))
    // A chip inside another chip (a span with the address in a button with the same label) is one person.
    .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)));
  const people: ThreadPerson[] = [];
  for (const chip of chips) {
    const found = personFrom(chip);
    if (!found) continue;
    const known = people.find((p) => p.email === found.email);
    if (known) known.name ??= found.name;
    else people.push(found);
  }
  let from = people[0];
  const headerText = headerTextOf(item, body);
  const written = FROM_TEXT.exec(headerText);
  if (written?.[2]) {
    const email = emailAddress(written[2]);
    const name = cleanLine(written[1] ?? '').replace(/^["']|["']$/g, '');
    if (email) from = { email, name: name || people.find((p) => p.email === email)?.name };
  }
  return { from, recipients: people.filter((p) => p.email !== from?.email) };
}

function headerTextOf(item: Element, body: Element | undefined): string {
  let text = '';
  const walker = item.ownerDocument.createTreeWalker(item, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(), n = 0; node && text.length < 4000 && n < 2000; node = walker.nextNode(), n++) {
    if (body?.contains(node)) continue;
    text += ` ${node.nodeValue ?? ''}`;
  }
  return cleanLine(text);
}

// Parts of the app around a message; a message's header never contains them.
const NOT_IN_A_MESSAGE = '[role="listbox"], [role="navigation"], [role="tree"], [role="search"], [role="banner"]';

/** The largest ancestor of a body that holds no other body and none of the app around it: the message with its header. */
function itemOf(body: Element, pane: Element, bodies: Element[]): Element {
  const declared = body.closest(ITEM);
  if (declared && pane.contains(declared)) return declared;
  let item = body;
  for (let node = body.parentElement, depth = 0; node && node !== pane && depth < 12; node = node.parentElement, depth++) {
    if (bodies.some((other) => other !== body && node?.contains(other))) break;
    if (node.querySelector(NOT_IN_A_MESSAGE)) break;
    item = node;
  }
  return item;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const inPageOrder = (a: Element, b: Element) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1);

/** When a message was sent, if its header says so in a form `Date.parse` reads ("Tue 3/4/2025 9:14 AM"). */
function sentAt(item: Element, body: Element | undefined): number | undefined {
  for (const el of Array.from(item.querySelectorAll('time[datetime], [title]')).slice(0, 40)) {
    if (body?.contains(el)) continue;
    const raw = el.getAttribute('datetime') ?? el.getAttribute('title') ?? '';
    if (raw.length > 60 || !/\d{1,2}:\d{2}/.test(raw) || !/\b\d{4}\b/.test(raw)) continue;
    const time = Date.parse(raw.replace(/^[A-Za-z]{3},?\s+(?=\d)/, ''));
    if (!Number.isNaN(time)) return time;
  }
  return undefined;
}

function readConversation(doc: Document, url: URL, options: MailboxOptions): ProspectDraftInput[] {
  if (!isOutlookHost(url)) return [];
  const pane = readingPane(doc);
  if (!pane) return [];

  const bodies = visible(pane, BODY, MAX_MESSAGES).filter((el, _, all) => !all.some((o) => o !== el && o.contains(el)));
  const items = new Map<Element, Element | undefined>();
  for (const item of visible(pane, ITEM, MAX_MESSAGES)) items.set(item, undefined);
  for (const body of bodies) items.set(itemOf(body, pane, bodies), body);

  const messages: Array<ThreadMessage & { at?: number }> = [];
  for (const item of [...items.keys()].sort(inPageOrder)) {
    const body = items.get(item);
    const bodyEl = body ?? item.querySelector(BODY) ?? undefined;
    const { from, recipients } = headerPeople(item, bodyEl);
    if (!from) continue;
    const text = bodyEl ? bodyText(bodyEl, { skip: QUOTED, stopAt: QUOTE_START, signature: SIGNATURE }) : undefined;
    messages.push({ from, recipients, body: text, at: sentAt(item, bodyEl) });
  }
  if (messages.length === 0) return [];

  // Outlook shows the newest message on top unless told otherwise; dates, when every header has one, decide.
  const dated = messages.every((m) => m.at !== undefined);
  const chronological = dated ? [...messages].sort((a, b) => (a.at ?? 0) - (b.at ?? 0)) : [...messages].reverse();

  const subjectEl = visible(pane, SUBJECT, 10)[0] ?? visible(doc, '#ConversationReadingPaneContainer span[title]', 5)[0];
  const subject = cleanLine(subjectEl?.getAttribute('title') || subjectEl?.textContent || '') || undefined;
  return threadDrafts(chronological, ownIdentity(doc, options), { source: 'outlook', sourceUrl: url.href, subject });
}
