/** The popup page opened on one lead: what a follow-up notification's click opens. */
export function leadLink(leadId: string): `/popup.html#lead=${string}` {
  return `/popup.html#lead=${encodeURIComponent(leadId)}`;
}

/** The lead a popup page was opened on, if any. */
export function leadIdFromHash(hash: string): string | undefined {
  const match = /^#lead=([^&]+)$/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
