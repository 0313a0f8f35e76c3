import { describe, expect, it } from 'vitest';
import { overBudget, withBudget } from '@/lib/capture/budget';
import { extractWebPage } from '@/lib/capture/web/page';
import { extractPeopleCards } from '@/lib/capture/web/people-cards';
import { parseJsonLdBlock, repairSteps, type Work } from '@/lib/capture/web/json-ld';

/** A clock that moves `step` milliseconds every time it is read: time passes as work is done. */
function ticking(step: number) {
  let now = 0;
  return () => (now += step);
}

describe('the extraction time budget', () => {
  it('stops a loop that asks, once the budget is spent, and leaves no deadline behind', () => {
    let rounds = 0;
    withBudget(
      () => {
        while (!overBudget()) rounds++;
      },
      { ms: 100, now: ticking(1) },
    );
    // 16 checks per clock read, 100 reads to spend 100 ms.
    expect(rounds).toBeLessThan(2000);
    expect(overBudget()).toBe(false);
  });

  it('returns the people found so far on a page too large to read in time', () => {
    const cards = Array.from(
      { length: 400 },
      (_, i) => `<article><h3>Person Number${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}</h3>
        <p>Head of Sales</p><a href="mailto:person${i}@example-company.com">Email</a></article>`,
    ).join('');
    const doc = new DOMParser().parseFromString(`<main><h1>Our team</h1>${cards}</main>`, 'text/html');
    const url = new URL('https://www.example-company.com/team');
    const all = extractPeopleCards(doc, url);
    expect(all.length).toBe(100);
    const partial = withBudget(() => extractPeopleCards(doc, url), { ms: 3, now: ticking(1) });
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(all.length);
    // The whole page capture also ends within its budget, with what it had.
    expect(withBudget(() => extractWebPage(doc, url), { ms: 20, now: ticking(1) }).length).toBeLessThanOrEqual(50);
  });
});

describe('repairing broken JSON-LD takes work in proportion to the block, however hostile', () => {
  it('reads 200 KB of "<!--" once', () => {
    const text = '<!--'.repeat(50_000);
    const work: Work = { steps: 0 };
    repairSteps.withoutInnerComments(text, work);
    expect(work.steps).toBeLessThanOrEqual(3 * text.length);
    expect(parseJsonLdBlock(text)).toBeUndefined();
  });

  it('reads 100,000 nested brackets once, and closes them', () => {
    const text = '{"a":['.repeat(100_000) + '"x"';
    const work: Work = { steps: 0 };
    const closed = repairSteps.closeTruncated(text, work);
    expect(work.steps).toBe(text.length);
    expect(closed?.endsWith(']}'.repeat(100_000))).toBe(true);
    // A block nested that deep is not parsed at all: structured data about people is a few levels deep.
    expect(parseJsonLdBlock(text)).toBeUndefined();
  });

  it('still removes a comment between values and keeps one that holds the block', () => {
    expect(repairSteps.withoutInnerComments('{"a": 1, <!-- note --> "b": 2}')).toBe('{"a": 1,   "b": 2}');
    expect(repairSteps.withoutInnerComments('<!-- {"a": 1} -->')).toBe('<!-- {"a": 1} -->');
  });
});
