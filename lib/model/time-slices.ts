/**
 * Long work on the page's main thread, cut into short tasks. A task longer than ~50 ms is a pause the
 * rep can feel (a click or a keystroke waits for it); sorting 100,000 names at once held the lead
 * table for ~450 ms (npm run bench). Work done in slices checks the clock every few hundred items and,
 * once it has run for its budget, lets the browser in (input, painting) before going on.
 */

/** Lets the browser run what is waiting, then resumes: `scheduler.yield()` where there is one, else a macrotask. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Thrown out of sliced work that was cancelled (its result is no longer wanted). */
export class SlicesCancelled extends Error {
  constructor() {
    super('Work in slices cancelled');
    this.name = 'SlicesCancelled';
  }
}

/** How often (in items) sliced loops look at the clock: reading it costs more than most items. */
export const CHECK_EVERY = 512;

export interface Slicer {
  /** Yields to the page if this slice has run for its budget; throws SlicesCancelled once cancelled. */
  pause(): Promise<void> | undefined;
  cancel(): void;
  readonly cancelled: boolean;
}

/**
 * A budget per slice (25 ms leaves room for the browser's own work in the same task and stays well
 * under the 50 ms of a long task). `yieldTo` and `clock` are for tests.
 */
export function createSlicer({ budgetMs = 25, yieldTo = yieldToPage, clock = () => performance.now() } = {}): Slicer {
  let sliceStart = clock();
  let cancelled = false;
  return {
    pause() {
      if (cancelled) throw new SlicesCancelled();
      if (clock() - sliceStart < budgetMs) return undefined;
      return yieldTo().then(() => {
        if (cancelled) throw new SlicesCancelled();
        sliceStart = clock();
      });
    },
    cancel() {
      cancelled = true;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

/** Items sorted at once before the merges: one such sort is a few milliseconds even for names. */
const RUN = 1_024;

/**
 * A stable sort of `items` by `compare` (a new array), in slices: runs of RUN items sorted at once,
 * then merged pairwise, the merges themselves paused every CHECK_EVERY items. n·log n comparisons
 * like Array.prototype.sort, never more than a slice's budget at a time.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, slicer: Slicer): Promise<T[]> {
  let source: T[] = [];
  for (let start = 0; start < items.length; start += RUN) {
    const run = items.slice(start, start + RUN).sort(compare);
    for (const item of run) source.push(item);
    await slicer.pause();
  }
  let target: T[] = new Array<T>(source.length);
  for (let width = RUN; width < source.length; width *= 2) {
    for (let left = 0; left < source.length; left += 2 * width) {
      const middle = Math.min(left + width, source.length);
      const end = Math.min(left + 2 * width, source.length);
      let i = left;
      let j = middle;
      let k = left;
      while (k < end) {
        // Ties take the left item first: equal items keep their order.
        if (i < middle && (j >= end || compare(source[i]!, source[j]!) <= 0)) target[k++] = source[i++]!;
        else target[k++] = source[j++]!;
        if (k % CHECK_EVERY === 0) await slicer.pause();
      }
    }
    [source, target] = [target, source];
  }
  return source;
}

/** The items that pass `test`, in order, tested in slices. */
export async function filterInSlices<T>(items: Iterable<T>, test: (item: T) => boolean, slicer: Slicer): Promise<T[]> {
  const kept: T[] = [];
  let seen = 0;
  for (const item of items) {
    if (test(item)) kept.push(item);
    if (++seen % CHECK_EVERY === 0) await slicer.pause();
  }
  return kept;
}
