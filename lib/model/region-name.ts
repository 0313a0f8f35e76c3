/**
 * A country's name from its ISO code, in the rep's language ("GB" → "United Kingdom"), through the
 * browser's own Intl data: structured data often gives `addressCountry: "GB"`, and a rep reads names.
 * Tiny on purpose, since extractors inside pages use it.
 */
const displays = new Map<string, Intl.DisplayNames | null>();

export function regionName(code: string, locale: string | undefined): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(code)) return undefined;
  const key = locale ?? 'en';
  let display = displays.get(key);
  if (display === undefined) {
    try {
      display = new Intl.DisplayNames([key, 'en'], { type: 'region', fallback: 'none' });
    } catch {
      display = null;
    }
    displays.set(key, display);
  }
  try {
    return display?.of(code.toUpperCase());
  } catch {
    return undefined;
  }
}
