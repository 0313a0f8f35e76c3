/**
 * Where the in-page button floats when it finds nothing of the page's own to sit beside. Bottom left
 * by default: LinkedIn's messaging dock and Gmail's and Outlook's compose windows all open bottom
 * right, and the top corners hold the sites' search bars, profile menus and notifications.
 * Kept free of zod: the content scripts read it.
 */
import { t } from '@/lib/i18n';

export const WIDGET_CORNERS = ['bottom-left', 'bottom-right', 'top-left', 'top-right'] as const;
export type WidgetCorner = (typeof WIDGET_CORNERS)[number];
export const DEFAULT_CORNER: WidgetCorner = 'bottom-left';

/** A corner's name in the rep's language, for the setting's choices. */
export function cornerLabel(corner: WidgetCorner): string {
  return CORNER_NAMES[corner]();
}

// Message names take letters, digits and underscores only: Chrome refuses to load an extension with others.
const CORNER_NAMES: Readonly<Record<WidgetCorner, () => string>> = {
  'bottom-left': () => t('settings.pageButton.corners.bottomLeft'),
  'bottom-right': () => t('settings.pageButton.corners.bottomRight'),
  'top-left': () => t('settings.pageButton.corners.topLeft'),
  'top-right': () => t('settings.pageButton.corners.topRight'),
};

export function isWidgetCorner(value: unknown): value is WidgetCorner {
  return (WIDGET_CORNERS as readonly unknown[]).includes(value);
}
