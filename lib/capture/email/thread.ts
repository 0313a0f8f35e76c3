import { emailDomain, isFreeMailDomain, parseSignature, type SignatureFields } from './signature';
import type { ProspectDraftInput, Source } from '@/lib/model/prospect';
import { cleanLine } from '@/lib/model/text';
import { EMAIL_PATTERN } from '@/lib/capture/vocabulary';

/**
 * What the Gmail and Outlook extractors share once they have read a thread's messages: addresses
 * in headers, who the rep is, and one ranked draft per outside person with their signature's details.
 */

/** A plain address, lower-cased, or undefined when `raw` is not one. */
export function emailAddress(raw: string | null | undefined): string | undefined {
  const value = raw?.trim().replace(/^mailto:/i, '').toLowerCase();
  return value && value.length <= 254 && EMAIL_PATTERN.test(value) ? value : undefined;
}

/** Every address written in `text` ("Account manager for Sam Rep (sam.rep@contoso.com)"). */
export function addressesIn(text: string): string[] {
  const found: string[] = [];
  for (const token of text.slice(0, 2000).split(/[\s<>()[\]"',;]+/)) {
    const email = emailAddress(token);
    if (email) found.push(email);
  }
  return found;
}

/** "Ana Souza <ana@acme.io>" → name and address; a bare address → address only. */
export function parseNameAndAddress(raw: string): { name?: string; email: string } | undefined {
  const text = cleanLine(raw.slice(0, 400)).replace(/^(?:from|von|de|da|van)\s?:\s*/i, '');
  const open = text.lastIndexOf('<');
  if (open >= 0 && text.endsWith('>')) {
    const email = emailAddress(text.slice(open + 1, -1));
    if (!email) return undefined;
    const name = text.slice(0, open).trim().replace(/^["']|["']$/g, '').trim();
    return name && !name.includes('@') ? { name, email } : { email };
  }
  const email = emailAddress(text);
  return email ? { email } : undefined;
}

// "noreply@", "messages-noreply@", "do-not-reply@", "notifications@", "calendar-notification@google.com", bounces.
const AUTOMATED_LOCAL =
  /no-?reply|do-?not-?reply|^(?:notifications?|notify|mailer-daemon|postmaster|bounces?|calendar-notification|automated|alerts?)(?:[+._-]|$)/i;

/** Notification and bounce senders: never a person to capture. */
export function isAutomatedAddress(email: string): boolean {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  return AUTOMATED_LOCAL.test(local) || /^(?:bounce|bounces|mailer|notifications?)\./.test(domain);
}

export type ThreadPerson = { name?: string; email: string };
export type ThreadMessage = { from?: ThreadPerson; recipients: ThreadPerson[]; body?: string };

/** The rep: their addresses, and their company's domain unless it is a public mail provider (colleagues are not prospects). */
export class OwnIdentity {
  readonly addresses = new Set<string>();
  readonly domains = new Set<string>();
  /** The rep's display name as the mail client shows it (account button, page title), to recognise their address in headers. */
  readonly names = new Set<string>();

  addName(raw: string | null | undefined): void {
    const name = cleanLine(raw ?? '').toLowerCase();
    if (name.length >= 3 && name.length <= 120 && !name.includes('@')) this.names.add(name);
  }

  /** Learns the rep's address from a header that shows their name with it. */
  learn(person: ThreadPerson | undefined): void {
    if (person?.name && this.names.has(cleanLine(person.name).toLowerCase())) this.add(person.email);
  }

  add(raw: string | null | undefined): void {
    const email = emailAddress(raw);
    if (!email) return;
    this.addresses.add(email);
    const domain = emailDomain(email);
    if (domain && !isFreeMailDomain(domain)) this.domains.add(domain);
  }

  includes(email: string): boolean {
    if (this.addresses.has(email)) return true;
    const domain = emailDomain(email);
    if (!domain) return false;
    for (const own of this.domains) if (domain === own || domain.endsWith(`.${own}`)) return true;
    return false;
  }
}

const INVERTED_NAME = /^(\p{Lu}[\p{L}\p{M}'’-]+(?:\s\p{Lu}[\p{L}\p{M}'’-]+)?),\s(\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*(?:\s\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*)?)$/u;

const CREDENTIALS = new Set(['phd', 'jr', 'sr', 'esq', 'msc', 'bsc', 'mba', 'md', 'ma', 'ba', 'ms', 'dipl', 'mag', 'ing']);

/** The display name as a person would write it: Exchange directories show "Weber, Jonas". */
function displayName(person: ThreadPerson): string | undefined {
  const name = person.name ? cleanLine(person.name) : '';
  if (!name || name.includes('@') || name.toLowerCase() === 'me') return undefined;
  const inverted = INVERTED_NAME.exec(name);
  if (!inverted || CREDENTIALS.has((inverted[2] ?? '').replace(/\./g, '').toLowerCase())) return name;
  return `${inverted[2]} ${inverted[1]}`;
}

const CONFIDENCE = { latestSender: 0.9, sender: 0.8, recipient: 0.5, nameless: 0.1 };
const MAX_SIGNATURES_PER_PERSON = 3;

/**
 * One draft per outside person in a thread (messages oldest first): the most recent outside sender
 * first, then the other senders, most recent first, then the people only copied, with signature
 * fields for people who sent a message. The rep, their colleagues and automated senders are left out.
 */
export function threadDrafts(
  messages: ThreadMessage[],
  own: OwnIdentity,
  base: { source: Source; sourceUrl: string; subject?: string },
): ProspectDraftInput[] {
  for (const message of messages) {
    own.learn(message.from);
    for (const to of message.recipients) own.learn(to);
  }
  const outside = (person: ThreadPerson | undefined): person is ThreadPerson =>
    person !== undefined && !own.includes(person.email) && !isAutomatedAddress(person.email);

  const people = new Map<string, { person: ThreadPerson; sent: number[]; rank: number }>();
  const order: string[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const from = messages[i]?.from;
    if (!outside(from)) continue;
    const known = people.get(from.email);
    if (known) {
      known.sent.push(i);
      known.person.name ??= displayName(from);
    } else {
      people.set(from.email, { person: { email: from.email, name: displayName(from) }, sent: [i], rank: order.length });
      order.push(from.email);
    }
  }
  for (let i = messages.length - 1; i >= 0; i--) {
    for (const to of messages[i]?.recipients ?? []) {
      if (!outside(to)) continue;
      const known = people.get(to.email);
      if (known) known.person.name ??= displayName(to);
      else {
        people.set(to.email, { person: { email: to.email, name: displayName(to) }, sent: [], rank: order.length });
        order.push(to.email);
      }
    }
  }

  const drafts: ProspectDraftInput[] = [];
  for (const email of order) {
    const entry = people.get(email);
    if (!entry) continue;
    const { person, sent } = entry;
    let confidence = sent.length === 0 ? CONFIDENCE.recipient : entry.rank === 0 ? CONFIDENCE.latestSender : CONFIDENCE.sender;
    if (!person.name) confidence -= CONFIDENCE.nameless;
    const draft: ProspectDraftInput = { source: base.source, sourceUrl: base.sourceUrl };
    if (person.name) draft.fullName = person.name;
    draft.email = person.email;

    const signature: SignatureFields = {};
    let read = 0;
    for (const index of sent) {
      const body = messages[index]?.body;
      if (!body || read >= MAX_SIGNATURES_PER_PERSON) continue;
      read++;
      const found = parseSignature(body, person);
      for (const key of ['title', 'company', 'phone', 'website', 'location', 'address'] as const) {
        if (signature[key] === undefined && found[key] !== undefined) signature[key] = found[key];
      }
    }
    const { address, ...fields } = signature;
    Object.assign(draft, fields);
    if (address) draft.hints = { address };
    if (base.subject) draft.context = `Email: ${base.subject}`;
    draft.confidence = Math.round(confidence * 100) / 100;
    drafts.push(draft);
  }
  return drafts.sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0));
}
