import type { WidgetCorner } from '@/lib/model/widget-corner';

/**
 * Where the widget goes and which colours it takes, decided from what the page shows (never from
 * what Leadline has stored), as plain functions the tests call without a browser.
 */

export type Placement = { kind: 'beside'; anchor: Element } | { kind: 'corner'; corner: WidgetCorner };

/**
 * Whether the rep can see and reach what the widget would sit beside: on the page, and not behind an
 * open modal (LinkedIn's contact-info overlay hides the profile behind it with aria-hidden).
 */
export function isUsableAnchor(anchor: Element | null | undefined): anchor is Element {
  return Boolean(anchor?.isConnected && !anchor.closest('[aria-hidden="true"], [inert]'));
}

/** Beside the page's own actions when the site found them and the rep can reach them, otherwise the rep's corner. */
export function choosePlacement(anchor: Element | null | undefined, corner: WidgetCorner): Placement {
  return isUsableAnchor(anchor) ? { kind: 'beside', anchor } : { kind: 'corner', corner };
}

export type Scheme = 'light' | 'dark';

/** `rgb(…)`/`rgba(…)` as computed styles give them (comma or space syntax) into channels 0–255 and alpha 0–1. */
export function parseCssColor(css: string): { r: number; g: number; b: number; a: number } | undefined {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+%?))?\s*\)$/i.exec(css.trim());
  if (!match) return undefined;
  const alphaText = match[4];
  const a = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a };
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

// Below this luminance white text contrasts more than black: the page's background counts as dark.
const DARK_BELOW = 0.179;

export type SchemeClues = {
  /** Computed background colours, innermost first (body, then html). */
  backgrounds: string[];
  /** The root's computed `color-scheme` ("normal", "light", "dark", "light dark"). */
  colorScheme: string;
  /** The system's `prefers-color-scheme: dark`. */
  prefersDark: boolean;
};

/**
 * The page's own scheme: its painted background when it has one (LinkedIn's and Gmail's dark themes
 * paint the body), else the scheme it declares, else the system's.
 */
export function schemeOf({ backgrounds, colorScheme, prefersDark }: SchemeClues): Scheme {
  for (const background of backgrounds) {
    const color = parseCssColor(background);
    if (color && color.a >= 0.5) return relativeLuminance(color) < DARK_BELOW ? 'dark' : 'light';
  }
  const declared = colorScheme.split(/\s+/);
  if (declared.includes('dark') && !declared.includes('light')) return 'dark';
  if (declared.includes('light') && !declared.includes('dark')) return 'light';
  return prefersDark ? 'dark' : 'light';
}

/** Reads the clues from a live page. */
export function pageScheme(win: Window): Scheme {
  const doc = win.document;
  const style = (element: Element | null) => (element ? win.getComputedStyle(element) : undefined);
  const body = style(doc.body);
  const root = style(doc.documentElement);
  return schemeOf({
    backgrounds: [body?.backgroundColor ?? '', root?.backgroundColor ?? ''],
    colorScheme: root?.colorScheme ?? '',
    prefersDark: win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  });
}
