/**
 * Resolves with `probe()`'s first defined value, checking now and then after DOM changes under `root`,
 * at most once per animation frame. The observer is scoped to the part of the page that renders the
 * thread or profile and is disconnected as soon as the value is there, the time is up, or `cancel` fires.
 */
export function whenReady<T>(
  win: Window,
  root: Node,
  probe: () => T | undefined,
  { timeoutMs = 10_000, signal }: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<T | undefined> {
  const first = probe();
  if (first !== undefined || signal?.aborted) return Promise.resolve(first);
  return new Promise((resolve) => {
    let scheduled = false;
    const finish = (value: T | undefined) => {
      observer.disconnect();
      win.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(undefined);
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      win.requestAnimationFrame(() => {
        scheduled = false;
        const value = probe();
        if (value !== undefined) finish(value);
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = win.setTimeout(() => finish(probe()), timeoutMs);
    signal?.addEventListener('abort', onAbort);
  });
}
