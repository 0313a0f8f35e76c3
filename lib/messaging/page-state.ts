// What the content scripts and the side panel say to each other about a page, without zod: this
// module ships into LinkedIn, Gmail and Outlook (protocol.ts holds the schemas that check it).

/** The side panel's question to a tab's content script (`tabs.sendMessage`): who does the page show? */
export const PAGE_STATE = 'page.state' as const;

/**
 * The background's word to a site's open tabs that the rep hid Leadline's button there ("Hide on this
 * site" in another tab, or Settings): each drops its widget at once instead of at the next page load.
 */
export const WIDGET_HIDDEN = 'widget.hidden' as const;

/** The fields "Add manually" can start from, with their length limits. */
export const PREFILL_FIELDS = {
  fullName: 200,
  firstName: 200,
  lastName: 200,
  title: 300,
  company: 300,
  email: 254,
  phone: 64,
  location: 300,
  website: 2048,
  profileUrl: 2048,
  sourceUrl: 2048,
} as const;

/** What a page offered towards a lead typed by hand. */
export type Prefill = { [K in keyof typeof PREFILL_FIELDS]?: string };

/** A content script's answer: who the page shows, the lead saved from it, a manual entry the rep asked for there. */
export type PageState = {
  keys?: { profileUrl?: string; email?: string };
  leadId?: string;
  add?: Prefill;
};
