import './zod-config';
import { z } from 'zod';
import { ChannelSchema } from './lead';
import type { SiteId } from './page-urls';
import { DEFAULT_CORNER, WIDGET_CORNERS } from './widget-corner';

export const SettingsSchema = z.object({
  /** The framework new leads start with. */
  defaultFrameworkId: z.string().min(1).default('bant'),
  /** The rep's own email addresses: never captured as leads from an inbox. */
  ownAddresses: z.array(z.email()).max(50).default([]),
  /** Spend per channel, in the rep's currency, for cost per lead and per customer. */
  spendByChannel: z.partialRecord(ChannelSchema, z.number().nonnegative()).default({}),
  currency: z.string().length(3).default('USD'),
  /**
   * The country a phone number written without its country code is read in, when the page says
   * nothing about where the person is. Unset: the region of the browser's language.
   */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** Discreet mode when false: Leadline runs no script on LinkedIn, and captures there only on request (toolbar, menu, shortcut). */
  showLinkedInButton: z.boolean().default(true),
  /** Off: Leadline runs no script in Gmail, and captures there only on request. */
  showGmailButton: z.boolean().default(true),
  /** Off: Leadline runs no script in Outlook on the web, and captures there only on request. */
  showOutlookButton: z.boolean().default(true),
  /** Where the in-page button floats when there is no toolbar or action bar to sit beside. */
  widgetCorner: z.enum(WIDGET_CORNERS).default(DEFAULT_CORNER),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The region of a language tag ("en-GB" → GB, "de" → DE), for the default country; undefined when it names none. */
export function localeRegion(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

/** The rep's default country for phone numbers: the one they chose, else their browser language's region. */
export function defaultCountryOf(settings: Pick<Settings, 'defaultCountry'>, locale: string | undefined): string | undefined {
  return settings.defaultCountry ?? localeRegion(locale);
}

/** Which setting says whether the in-page button shows on a site (LinkedIn's is its discreet mode). */
export const BUTTON_SETTING = {
  linkedin: 'showLinkedInButton',
  gmail: 'showGmailButton',
  outlook: 'showOutlookButton',
} as const satisfies Record<SiteId, keyof Settings>;

/** On which sites the in-page button shows (and so Leadline's script runs). */
export function buttonSites(settings: Pick<Settings, (typeof BUTTON_SETTING)[SiteId]>): Record<SiteId, boolean> {
  return { linkedin: settings.showLinkedInButton, gmail: settings.showGmailButton, outlook: settings.showOutlookButton };
}
