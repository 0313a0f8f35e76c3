import type { ProspectDraftInput } from '@/lib/model/prospect';
import { overBudget, withBudget } from '@/lib/capture/budget';
import { cleanLine } from '@/lib/model/text';
import { bodyText, hiddenByStyle, isHidden } from './body-text';
import type { MailboxOptions } from './gmail';
import { OUTLOOK_REPLY_HEADER } from './quoted-reply';
import { isOutlookHost } from '@/lib/model/page-urls';
import { OwnIdentity, addressesIn, emailAddress, threadDrafts, type ThreadMessage, type ThreadPerson } from './thread';

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
    return withBudget(() => readConversation(doc, url, options));
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
  // Without an address, the rep's name: the account card, the account button's label, the page title ("Mail - Jordan Lee - Outlook").
  for (const el of Array.from(doc.querySelectorAll('#mectrl_currentAccount_primary')).slice(0, 5)) own.addName(el.textContent);
  for (const button of visible(doc, '#mectrl_main_trigger, #O365_MainLink_Me', 5)) {
    const label = cleanLine(button.getAttribute('aria-label') ?? '');
    const name = /\s(?:for|pour|für|para|per|voor|för|dla|for)\s+([^()@]{2,80}?)\s*(?:\(|$)/i.exec(label)?.[1];
    own.addName(name);
  }
  const titled = /^[^-]{1,60} - (.{2,80}) - Outlook$/.exec(cleanLine(doc.title));
  own.addName(titled?.[1]);
  return own;
}

// The label that starts a header line: who sent it, or who it went to (in the languages Outlook speaks).
const FROM_LABEL = /^(?:from|von|de|da|van|od|från|fra|expéditeur|remitente|mittente)\s*:/i;
const TO_LABEL = /^(?:to|cc|bcc|an|à|a|para|per|aan|kopie|till|til|cci|ccn|cco|copie|do|kopia|kop)\s*:/i;
const RECIPIENT_LINE = /^(?:to|cc|bcc|an|à|a|para|per|aan|kopie|till|til|cci|ccn|cco|copie|do|kopia)(?:\s+recipients?)?$/i;
const SENDER_LINE = /^(?:from|von|de|sender|expéditeur)\b/i;
const ADDRESS_IN_ANGLES = /([^<>;]*?)<\s*([^<>\s@]{1,64}@[^<>\s]{3,190})\s*>/g;
const HEADER_BLOCKS = new Set(['DIV', 'P', 'LI', 'TR', 'TD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'HEADER', 'UL', 'DL', 'DT', 'DD', 'TABLE']);
const MAX_HEADER_NODES = 3000;

type Chip = { at: number; person: ThreadPerson };
type Line = { text: string; role?: 'from' | 'recipient'; chips: Chip[] };

/** An address in an element's title or aria-label that its text does not show ("Ana Souza" titled "ana@acme.io"). */
function hiddenAddress(el: Element, text: string): string | undefined {
  for (const attr of ['title', 'aria-label']) {
    const value = el.getAttribute(attr);
    if (!value || !value.includes('@') || value.length > 400) continue;
    const found = addressesIn(value)[0];
    if (found && !text.toLowerCase().includes(found)) return found;
  }
  return undefined;
}

function roleOf(el: Element): Line['role'] {
  const label = cleanLine(el.getAttribute('aria-label') ?? '');
  if (el.getAttribute('data-testid') === 'SenderPersona' || (label && SENDER_LINE.test(label) && !label.includes('@'))) return 'from';
  if (label && RECIPIENT_LINE.test(label)) return 'recipient';
  return undefined;
}

/**
 * The header of a message (the item minus its body) as lines of text, each with the role its label
 * or its element gives it. Addresses Outlook keeps in a chip's title or aria-label are written
 * after the chip's text as "<address>", so every generation of markup reads as "Name <address>".
 */
function headerLines(item: Element, body: Element | undefined): Line[] {
  const lines: Line[] = [];
  let current: Line = { text: '', chips: [] };
  let nodes = 0;
  const breakLine = () => {
    if (cleanLine(current.text) || current.chips.length) lines.push(current);
    current = { text: '', chips: [] };
  };
  const walk = (node: Node, role: Line['role']): void => {
    for (let child = node.firstChild; child && nodes < MAX_HEADER_NODES; child = child.nextSibling) {
      nodes++;
      if (child.nodeType === 3) {
        current.text += child.nodeValue ?? '';
        current.role ??= role;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (el === body || SKIPPED_IN_HEADER.has(el.tagName) || el.getAttribute('role') === 'toolbar' || hiddenByStyle(el)) continue;
      if (body && el.contains(body)) {
        walk(el, role);
        continue;
      }
      const block = HEADER_BLOCKS.has(el.tagName);
      if (block) breakLine();
      const ownRole = roleOf(el) ?? role;
      const before = current.text.length;
      walk(el, ownRole);
      const shown = current.text.slice(before);
      const address = hiddenAddress(el, shown);
      if (address) {
        // A chip: its text is the name exactly as shown, whatever characters it holds.
        const name = cleanLine(shown).replace(FROM_LABEL, '').replace(TO_LABEL, '').trim();
        current.chips.push({ at: before, person: { email: address, name: name && !name.includes('@') ? name : undefined } });
        current.role ??= ownRole;
      }
      if (block) breakLine();
      else if (el.tagName === 'BUTTON') current.text += ' ';
    }
  };
  walk(item, undefined);
  breakLine();
  return lines;
}

const SKIPPED_IN_HEADER = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'IMG']);

/** "To: Ana Souza <ana@acme.io>; Bo Li <bo@acme.io>" → the people in a header line, in order. */
function peopleInLine(line: Line): ThreadPerson[] {
  const found: Chip[] = [...line.chips];
  const text = line.text;
  for (const match of text.matchAll(ADDRESS_IN_ANGLES)) {
    const email = emailAddress(match[2]);
    if (!email) continue;
    const name = cleanLine((match[1] ?? '').replace(/^[\s,;:]+|[\s,;:]+$/g, ''))
      .replace(FROM_LABEL, '')
      .replace(TO_LABEL, '')
      .replace(/^["'“]|["'”]$/g, '')
      .trim();
    found.push({ at: match.index ?? 0, person: { email, name: name && !name.includes('@') && name.length <= 120 ? name : undefined } });
  }
  // Bare addresses shown without a name ("ana@acme.io").
  if (found.length === 0) for (const email of addressesIn(text)) found.push({ at: 0, person: { email } });
  return found.sort((a, b) => a.at - b.at).map((chip) => chip.person);
}

/**
 * The people in a message's header: "Name <address>" wherever the header writes it (a chip's text
 * followed by the address, a chip whose title is the address, "From: …" written out), the sender
 * being the one on the line labelled as the sender (a "From" label, Outlook's sender persona), else
 * the first person named.
 */
function headerPeople(item: Element, body: Element | undefined): { from?: ThreadPerson; recipients: ThreadPerson[] } {
  let from: ThreadPerson | undefined;
  let firstUnlabelled: ThreadPerson | undefined;
  const people: ThreadPerson[] = [];
  for (const line of headerLines(item, body)) {
    const labelled = FROM_LABEL.test(line.text) ? 'from' : TO_LABEL.test(line.text) ? 'recipient' : line.role;
    for (const person of peopleInLine(line)) {
      const known = people.find((p) => p.email === person.email);
      if (known) known.name ??= person.name;
      else people.push(person);
      const entry = known ?? person;
      if (labelled === 'from') from ??= entry;
      else if (labelled === undefined) firstUnlabelled ??= entry;
      if (people.length >= MAX_PEOPLE_PER_MESSAGE) break;
    }
  }
  from ??= firstUnlabelled;
  return { from, recipients: people.filter((p) => p !== from) };
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
    if (overBudget()) break;
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
