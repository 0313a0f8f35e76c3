import type { ProspectDraftInput } from '@/lib/model/prospect';
import { overBudget, withBudget } from '@/lib/capture/budget';
import { cleanLine } from '@/lib/model/text';
import { bodyText, isHidden } from './body-text';
import { OUTLOOK_REPLY_HEADER } from './quoted-reply';
import { OwnIdentity, addressesIn, emailAddress, threadDrafts, type ThreadMessage, type ThreadPerson } from './thread';
import { isGmailThreadUrl } from '@/lib/model/page-urls';

/**
 * An open Gmail thread: the people in its message headers and the signatures in their messages.
 * Gmail's class names are short and obfuscated but have been stable for years, and gmail.js and
 * InboxSDK read the same ones: `span.gD[email]` is a message's sender, `span.g2[email]` a recipient,
 * `div.a3s` a message body, `h2.hP` the subject.
 */

export type MailboxOptions = { ownAddresses?: string[] };

const SUBJECT = 'h2.hP';
const MESSAGE = 'div.adn, [data-message-id], [data-legacy-message-id]';
const SENDER = 'span.gD[email]';
const RECIPIENT = 'span.g2[email]';
const BODY = 'div.a3s';
const QUOTED = '.gmail_quote, .gmail_quote_container, .gmail_extra, blockquote, [class*="yahoo_quoted"]';
const QUOTE_START = OUTLOOK_REPLY_HEADER;
const SIGNATURE = '.gmail_signature, [id$="Signature"]';
const MAX_MESSAGES = 100;
const MAX_PEOPLE_PER_MESSAGE = 50;

/**
 * The outside people in the open Gmail thread, most relevant first: the latest outside sender, then
 * the other senders, then people only copied. The rep (from the page title, the account switcher,
 * the "me" label and `options.ownAddresses`), their colleagues and no-reply senders are left out.
 * [] when no thread is open.
 */
export function extractGmailThread(doc: Document, url: URL, options: MailboxOptions = {}): ProspectDraftInput[] {
  try {
    return withBudget(() => readThread(doc, url, options));
  } catch (error) {
    console.warn('Leadline: could not read this Gmail thread', error);
    return [];
  }
}

function firstVisible(doc: Document | Element, selector: string): Element | undefined {
  for (const el of Array.from(doc.querySelectorAll(selector)).slice(0, 20)) if (!isHidden(el)) return el;
  return undefined;
}

/** "Re: Pricing - sam.rep@contoso.com - Gmail" → the subject and the account address. */
function splitTitle(title: string): { subject?: string; account?: string } {
  const parts = title.split(' - ');
  if (parts.length < 3) return {};
  const account = emailAddress(parts[parts.length - 2]);
  if (!account) return {};
  const subject = cleanLine(parts.slice(0, -2).join(' - '));
  return { account, subject: subject || undefined };
}

function ownIdentity(doc: Document, options: MailboxOptions): OwnIdentity {
  const own = new OwnIdentity();
  for (const address of options.ownAddresses ?? []) own.add(address);
  own.add(splitTitle(doc.title).account);
  for (const link of Array.from(doc.querySelectorAll('a[aria-label*="Google Account:"]')).slice(0, 10)) {
    for (const address of addressesIn(link.getAttribute('aria-label') ?? '')) own.add(address);
  }
  for (const me of Array.from(doc.querySelectorAll('span[email][name="me" i]')).slice(0, 50)) own.add(me.getAttribute('email'));
  return own;
}

function person(el: Element): ThreadPerson | undefined {
  const email = emailAddress(el.getAttribute('email'));
  if (!email) return undefined;
  const name = el.getAttribute('name') ?? el.textContent ?? '';
  return { email, name: cleanLine(name) || undefined };
}

/** The thread view the subject belongs to: its nearest ancestor that also holds the messages. */
function threadRoot(doc: Document, subject: Element | undefined): Element {
  let node = subject?.parentElement ?? null;
  for (let depth = 0; node && depth < 20; depth++, node = node.parentElement) {
    if (node.querySelector(MESSAGE) || node.querySelector(SENDER)) return node;
  }
  return firstVisible(doc, '[role="main"]') ?? doc.body ?? doc.documentElement;
}

function outermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

function readMessages(root: Element): ThreadMessage[] {
  let containers = outermost(Array.from(root.querySelectorAll(MESSAGE)).slice(0, MAX_MESSAGES)).filter(
    (el) => !isHidden(el, root),
  );
  // No message containers (markup changed): each sender chip stands for one message.
  if (containers.length === 0) containers = Array.from(root.querySelectorAll(SENDER)).slice(0, MAX_MESSAGES);

  const messages: ThreadMessage[] = [];
  for (const container of containers) {
    if (overBudget()) break;
    const senderEl = container.matches(SENDER) ? container : container.querySelector(SENDER);
    const from = senderEl ? person(senderEl) : undefined;
    const recipients = Array.from(container.querySelectorAll(RECIPIENT))
      .slice(0, MAX_PEOPLE_PER_MESSAGE)
      .map(person)
      .filter((p): p is ThreadPerson => p !== undefined);
    const bodyEl = container.matches(SENDER) ? null : container.querySelector(BODY);
    const body = bodyEl ? bodyText(bodyEl, { skip: QUOTED, stopAt: QUOTE_START, signature: SIGNATURE }) : undefined;
    if (from || recipients.length > 0) messages.push({ ...viaGroup(from, recipients), body });
  }
  return messages;
}

// "'Rafael Souza' via Sales-Team": a message relayed by a Google Group, sent from the group's address.
const VIA_GROUP = /^["'‘’]?(.+?)["'‘’]?\s+via\s+\S.*$/i;

/**
 * A message relayed by a mailing list shows the list as its sender; the person who wrote it is the
 * reply-to address with the same name. Then they are the sender (whose signature is read), and the
 * list is only a recipient.
 */
function viaGroup(from: ThreadPerson | undefined, recipients: ThreadPerson[]): { from?: ThreadPerson; recipients: ThreadPerson[] } {
  const writer = from?.name ? VIA_GROUP.exec(from.name)?.[1]?.trim() : undefined;
  const real = writer ? recipients.find((p) => p.name && p.name.toLowerCase() === writer.toLowerCase() && p.email !== from?.email) : undefined;
  if (!from || !real) return { from, recipients };
  return { from: real, recipients: [...recipients.filter((p) => p !== real), { email: from.email }] };
}

function readThread(doc: Document, url: URL, options: MailboxOptions): ProspectDraftInput[] {
  const subjectEl = firstVisible(doc, SUBJECT) ?? firstVisible(doc, '[data-thread-perm-id]');
  if (!isGmailThreadUrl(url) && !subjectEl) return [];
  const root = threadRoot(doc, subjectEl);
  const messages = readMessages(root);
  if (messages.length === 0) return [];

  const subjectText = subjectEl?.textContent ?? root.querySelector('[role="main"] h2')?.textContent ?? '';
  const subject = cleanLine(subjectText) || splitTitle(doc.title).subject;
  return threadDrafts(messages, ownIdentity(doc, options), { source: 'gmail', sourceUrl: url.href, subject });
}
