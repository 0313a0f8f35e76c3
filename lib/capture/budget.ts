/**
 * A time budget for one extraction: no page, however large or hostile, may keep a capture running.
 * The site's extractor runs inside `withBudget`; its long loops ask `overBudget()` and stop, so the
 * capture returns what it has found so far. Reading the clock costs little, but it is still only
 * read every few checks.
 */

/** How long one extraction may run. Ordinary pages take a few milliseconds; this only stops hostile ones. */
export const EXTRACTION_BUDGET_MS = 150;
let defaultMs = EXTRACTION_BUDGET_MS;

/** Changes the default budget: a DOM emulated in Node is many times slower than a browser, so unit tests raise it. */
export function setDefaultBudget(ms: number): void {
  defaultMs = ms;
}
const CHECKS_PER_CLOCK_READ = 16;

type Clock = () => number;
const defaultClock: Clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

let deadline = Number.POSITIVE_INFINITY;
let clock: Clock = defaultClock;
let checks = 0;
let exhausted = false;

/** Whether the running extraction has used up its time: loops stop and return what they have. */
export function overBudget(): boolean {
  if (exhausted) return true;
  if (deadline === Number.POSITIVE_INFINITY || ++checks % CHECKS_PER_CLOCK_READ !== 0) return false;
  exhausted = clock() >= deadline;
  return exhausted;
}

/** Runs `extract` with a deadline `ms` from now; nested calls share the outer deadline. */
export function withBudget<T>(extract: () => T, { ms = defaultMs, now = defaultClock }: { ms?: number; now?: Clock } = {}): T {
  if (deadline !== Number.POSITIVE_INFINITY) return extract();
  clock = now;
  deadline = now() + ms;
  checks = 0;
  exhausted = false;
  try {
    return extract();
  } finally {
    deadline = Number.POSITIVE_INFINITY;
    clock = defaultClock;
    exhausted = false;
  }
}
