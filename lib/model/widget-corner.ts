/**
 * Where the in-page button floats when it finds nothing of the page's own to sit beside. Bottom left
 * by default: LinkedIn's messaging dock and Gmail's and Outlook's compose windows all open bottom
 * right, and the top corners hold the sites' search bars, profile menus and notifications.
 * Kept free of zod: the content scripts read it.
 */
export const WIDGET_CORNERS = ['bottom-left', 'bottom-right', 'top-left', 'top-right'] as const;
export type WidgetCorner = (typeof WIDGET_CORNERS)[number];
export const DEFAULT_CORNER: WidgetCorner = 'bottom-left';

export const CORNER_LABELS: Readonly<Record<WidgetCorner, string>> = {
  'bottom-left': 'Bottom left',
  'bottom-right': 'Bottom right',
  'top-left': 'Top left',
  'top-right': 'Top right',
};

export function isWidgetCorner(value: unknown): value is WidgetCorner {
  return (WIDGET_CORNERS as readonly unknown[]).includes(value);
}
