// zod/mini: the same validation with a tree-shakable API, because these schemas ship inside the
// content scripts that run on LinkedIn, Gmail and Outlook, where every kilobyte counts.
import '@/lib/model/zod-config';
import * as z from 'zod/mini';
import { STAGE_IDS } from '@/lib/model/stage';
import { WIDGET_CORNERS } from '@/lib/model/widget-corner';
import { unreachable } from './replies';
import { PREFILL_FIELDS } from './page-state';

export { PAGE_STATE, PREFILL_FIELDS, type PageState, type Prefill } from './page-state';

const text = (max: number) => z.string().check(z.maxLength(max));

/**
 * How the background describes a stored lead to a content script: enough to say "Already in Leadline
 * (stage: Nurturing)" inside the widget's closed shadow root, where the page cannot read it.
 */
const LeadSummarySchema = z.object({
  id: z.string(),
  fullName: z.string(),
  stage: z.enum(STAGE_IDS),
  stageLabel: z.string(),
});
export type LeadSummary = z.infer<typeof LeadSummarySchema>;

/** What a page offered towards a lead when no prospect could be read from it: "Add manually" starts from this. */
export const PrefillSchema = z.object(
  Object.fromEntries(Object.entries(PREFILL_FIELDS).map(([field, max]) => [field, z.optional(text(max))])) as {
    [K in keyof typeof PREFILL_FIELDS]: z.ZodMiniOptional<z.ZodMiniString<string>>;
  },
);

/**
 * Every message to the background, with the shape of its request and of its reply. On the wire a
 * message is `{ type, ...request }` and a reply `{ ok: true, ...reply }` or `{ ok: false, error }`;
 * both ends parse what they receive against this map. Drafts stay `unknown` here: the background
 * normalises and validates them field by field.
 */
export const PROTOCOL = {
  /** A content script or the on-demand page capture saves the people the rep chose. */
  'capture.save': {
    request: z.object({ drafts: z.array(z.unknown()).check(z.minLength(1), z.maxLength(100)) }),
    reply: z.object({
      saved: z.array(
        z.extend(LeadSummarySchema, {
          status: z.enum(['created', 'merged', 'unchanged']),
          /** How many empty fields the page filled. */
          filled: z.optional(z.number()),
          /** How many differences the page showed that now wait for the rep's Update or Keep. */
          proposed: z.optional(z.number()),
        }),
      ),
      rejected: z.array(z.string()),
    }),
  },
  /** Is the person on this page already stored? Asked before any click. */
  'capture.lookup': {
    request: z.object({ profileUrl: z.optional(text(2048)), email: z.optional(text(254)) }),
    reply: z.object({ lead: z.nullable(LeadSummarySchema) }),
  },
  /** A company page's details, offered to the leads who work there. */
  'company.enrich': {
    request: z.object({
      company: z.object({
        company: text(300),
        website: z.optional(text(2048)),
        industry: z.optional(text(300)),
        companySize: z.optional(text(60)),
        location: z.optional(text(300)),
        linkedInUrl: text(2048),
      }),
    }),
    reply: z.object({ updated: z.number() }),
  },
  /**
   * The rep clicked "Open in Leadline" or "Add manually" in the widget: the background opens the side
   * panel beside this tab (or, where the browser does not allow that, Leadline in a new tab).
   */
  'panel.open': {
    request: z.object({ leadId: z.optional(text(100)), add: z.optional(PrefillSchema) }),
    reply: z.object({ opened: z.enum(['panel', 'tab']) }),
  },
  /** A content script's page now shows someone else (or was just saved): an open side panel follows it. */
  'page.changed': {
    request: z.object({}),
    reply: z.object({}),
  },
  /** An extension page changed reminders: the background reschedules alarms and recounts the badge. */
  'reminders.sync': {
    request: z.object({}),
    reply: z.object({}),
  },
  /** The in-page widget asks where the rep wants it when the page has nothing for it to sit beside. */
  'widget.prefs': {
    request: z.object({}),
    reply: z.object({ corner: z.enum(WIDGET_CORNERS) }),
  },
  /**
   * The rep clicked "Hide on this site" in the widget. The site is the sender's page as the browser
   * reports it, never a field of the message; Settings shows the button again.
   */
  'widget.hide': {
    request: z.object({}),
    reply: z.object({}),
  },
  /** An extension page changed settings the background acts on (a site's button on or off). */
  'settings.sync': {
    request: z.object({}),
    reply: z.object({}),
  },
} as const;

export type MessageType = keyof typeof PROTOCOL;
export type RequestOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;
export type ReplyOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['reply']>;
export type Failure = { ok: false; error: string };
/** What a sender gets back: the parsed reply, or a failure in words a rep can read. */
export type Outcome<T extends MessageType> = ({ ok: true } & ReplyOf<T>) | Failure;
/** A message as it travels: its type and its request's fields. */
export type Message = { [T in MessageType]: { type: T } & RequestOf<T> }[MessageType];

const isMessageType = (type: unknown): type is MessageType => typeof type === 'string' && Object.hasOwn(PROTOCOL, type);

/** A message received by the background, checked against its type's request schema; undefined when it is not one. */
export function parseMessage(raw: unknown): Message | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  if (!isMessageType(type)) return undefined;
  const parsed = PROTOCOL[type].request.safeParse(raw);
  return parsed.success ? ({ type, ...parsed.data } as Message) : undefined;
}

export { unreachable };

/**
 * A reply checked against its type's zod reply schema: the reference that the hand-written guards in
 * replies.ts (which the content scripts use, without zod) are tested against.
 */
export function parseReplyWithSchema<T extends MessageType>(type: T, raw: unknown): Outcome<T> {
  const reply = raw as { ok?: unknown; error?: unknown } | null;
  if (reply?.ok === false && typeof reply.error === 'string') return { ok: false, error: reply.error };
  if (reply?.ok !== true) return { ok: false, error: unreachable() };
  const parsed = PROTOCOL[type].reply.safeParse(raw);
  return parsed.success ? ({ ok: true, ...parsed.data } as Outcome<T>) : { ok: false, error: unreachable() };
}

/** A content script's answer to the side panel's `page.state` (page-state.ts), checked by the panel. */
export const PageStateSchema = z.object({
  keys: z.optional(z.object({ profileUrl: z.optional(text(2048)), email: z.optional(text(254)) })),
  leadId: z.optional(text(100)),
  add: z.optional(PrefillSchema),
});
