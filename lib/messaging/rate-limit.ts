import { t } from '@/lib/i18n';

/**
 * At most `max` actions per `windowMs` for one key (a tab), and none closer than `minGapMs` to the
 * previous one. A rep clicking "Save lead" on profile after profile stays far below it; a page that
 * found a way to make the widget save in a loop is stopped after the first.
 */
export function createRateLimiter({ max, windowMs, minGapMs }: { max: number; windowMs: number; minGapMs: number }) {
  const history = new Map<string, number[]>();
  return {
    /** Counts an action at `now`; false (and not counted) when it is over the limit. */
    take(key: string, now: number): boolean {
      const recent = (history.get(key) ?? []).filter((at) => now - at < windowMs);
      const last = recent[recent.length - 1];
      if (recent.length >= max || (last !== undefined && now - last < minGapMs)) {
        history.set(key, recent);
        return false;
      }
      recent.push(now);
      history.set(key, recent);
      return true;
    },
  };
}

/** Saves from one tab: 30 a minute, none within a quarter of a second of the last. */
export const SAVE_LIMIT = { max: 30, windowMs: 60_000, minGapMs: 250 } as const;

export const tooManySaves = (): string => t('widget.tooManySaves');
