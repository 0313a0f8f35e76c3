/**
 * Where the checkbox beside a list result goes (lib/page-ui/result-checks.ts draws it): plain
 * functions of the card's box and the viewport, shared with the end-to-end test that clicks there.
 */

/** The part of a DOMRect the positioning needs. */
export type Box = { left: number; top: number; width: number; height: number };
export type Viewport = { width: number; height: number };
/** Where a checkbox goes, in viewport coordinates (its top-left corner). */
export type Spot = { left: number; top: number };

/** The checkbox's side (24 px: a comfortable target, WCAG 2.5.8) and its gap from the card. */
export const CHECK_SIZE = 24;
const GAP = 8;

/**
 * Beside the card's left edge, level with its middle; inside the card's left padding when the card
 * starts too near the screen's edge for the box to fit outside. Nothing for a card that is not laid
 * out (removed, `display: none`) or whose box would not be wholly on screen: a box half under the
 * screen's edge is hard to hit and could be taken for another row's. Nothing either where the box
 * would lie under one of `avoid` (the widget's own pick list, which is drawn above the boxes).
 */
export function checkSpot(card: Box, viewport: Viewport, avoid: readonly Box[] = []): Spot | undefined {
  if (card.width <= 0 || card.height <= 0) return undefined;
  const outside = card.left - GAP - CHECK_SIZE;
  const left = outside >= 0 ? outside : card.left + GAP;
  const top = card.top + card.height / 2 - CHECK_SIZE / 2;
  if (top < 0 || top + CHECK_SIZE > viewport.height || left + CHECK_SIZE > viewport.width) return undefined;
  const spot = { left: Math.round(left), top: Math.round(top) };
  return avoid.some((other) => overlaps({ ...spot, width: CHECK_SIZE, height: CHECK_SIZE }, other)) ? undefined : spot;
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** The point the rep would click for the card's checkbox (its centre), or nothing when it is hidden. */
export function checkCentre(card: Box, viewport: Viewport): { x: number; y: number } | undefined {
  const spot = checkSpot(card, viewport);
  return spot && { x: spot.left + CHECK_SIZE / 2, y: spot.top + CHECK_SIZE / 2 };
}
