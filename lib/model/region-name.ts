/**
 * A country's name from its ISO code, in the rep's language ("GB" → "United Kingdom"), through the
 * browser's own Intl data: structured data often gives `addressCountry: "GB"`, and a rep reads names.
 * Tiny on purpose, since extractors inside pages use it.
 */
export function regionName(code: string, locale: string | undefined): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(code)) return undefined;
  try {
    return new Intl.DisplayNames(locale ? [locale, 'en'] : ['en'], { type: 'region', fallback: 'none' }).of(code.toUpperCase());
  } catch {
    return undefined;
  }
}
