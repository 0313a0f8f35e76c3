import { describe, expect, it } from 'vitest';
import { CHECK_SIZE, checkCentre, checkSpot } from '@/lib/page-ui/check-spot';

const viewport = { width: 1280, height: 720 };
// A LinkedIn search result card: the results column starts 240 px in, each card about 110 px tall.
const card = (top: number, left = 240) => ({ left, top, width: 560, height: 110 });

describe('where the checkbox beside a list result goes', () => {
  it('sits just left of the card, level with its middle', () => {
    const spot = checkSpot(card(200), viewport)!;
    expect(spot.left + CHECK_SIZE).toBeLessThan(240);
    expect(spot.left + CHECK_SIZE).toBeGreaterThan(240 - 16);
    expect(spot.top + CHECK_SIZE / 2).toBe(255);
  });

  it('moves inside the card’s left edge when the card starts too near the screen’s edge', () => {
    const spot = checkSpot(card(200, 12), viewport)!;
    expect(spot.left).toBeGreaterThanOrEqual(12);
    expect(spot.left + CHECK_SIZE).toBeLessThan(12 + 560);
  });

  it('follows the card as the page scrolls: same column, 300 px higher', () => {
    expect(checkSpot(card(500), viewport)!.top - checkSpot(card(200), viewport)!.top).toBe(300);
    expect(checkSpot(card(500), viewport)!.left).toBe(checkSpot(card(200), viewport)!.left);
  });

  it('hides for a card scrolled off screen, above or below, or with its middle past the edge', () => {
    expect(checkSpot(card(-400), viewport)).toBeUndefined();
    expect(checkSpot(card(900), viewport)).toBeUndefined();
    expect(checkSpot(card(-60), viewport)).toBeUndefined();
    expect(checkSpot(card(660), viewport)).toBeUndefined();
    expect(checkSpot(card(-40), viewport)).toBeDefined();
  });

  it('hides for a card that is not laid out (removed by the page, or display: none)', () => {
    expect(checkSpot({ left: 0, top: 0, width: 0, height: 0 }, viewport)).toBeUndefined();
  });

  it('hides where the widget’s own pick list lies over the spot, not elsewhere', () => {
    // The pick list floating bottom left: 16 px in, 320 px wide, over the lower half of the screen.
    const pickList = { left: 16, top: 300, width: 320, height: 400 };
    expect(checkSpot(card(400), viewport, [pickList])).toBeUndefined();
    expect(checkSpot(card(100), viewport, [pickList])).toBeDefined();
    expect(checkSpot(card(400, 500), viewport, [pickList])).toBeDefined();
  });

  it('gives the point a rep clicks: the box’s centre', () => {
    const spot = checkSpot(card(200), viewport)!;
    expect(checkCentre(card(200), viewport)).toEqual({ x: spot.left + CHECK_SIZE / 2, y: spot.top + CHECK_SIZE / 2 });
    expect(checkCentre(card(900), viewport)).toBeUndefined();
  });
});
