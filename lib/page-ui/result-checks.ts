import { t } from '@/lib/i18n';

/**
 * A checkbox beside each result of a LinkedIn list, drawn inside the widget's closed shadow root:
 * Leadline adds nothing to LinkedIn's own elements (no node, attribute or listener), so the boxes
 * float in a fixed layer over the page and follow each result card's box as the page scrolls.
 * The layer lets every click through except on the boxes themselves.
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
 * screen's edge is hard to hit and could be taken for another row's.
 */
export function checkSpot(card: Box, viewport: Viewport): Spot | undefined {
  if (card.width <= 0 || card.height <= 0) return undefined;
  const outside = card.left - GAP - CHECK_SIZE;
  const left = outside >= 0 ? outside : card.left + GAP;
  const top = card.top + card.height / 2 - CHECK_SIZE / 2;
  if (top < 0 || top + CHECK_SIZE > viewport.height || left + CHECK_SIZE > viewport.width) return undefined;
  return { left: Math.round(left), top: Math.round(top) };
}

/** The point the rep would click for the card's checkbox (its centre), or nothing when it is hidden. */
export function checkCentre(card: Box, viewport: Viewport): { x: number; y: number } | undefined {
  const spot = checkSpot(card, viewport);
  return spot && { x: spot.left + CHECK_SIZE / 2, y: spot.top + CHECK_SIZE / 2 };
}

export const RESULT_CHECKS_STYLE = `
.checks { position: fixed; inset: 0; overflow: hidden; pointer-events: none; }
.checks input { position: absolute; box-sizing: border-box; width: ${CHECK_SIZE}px; height: ${CHECK_SIZE}px; margin: 0;
  pointer-events: auto; cursor: pointer; accent-color: var(--accent); border-radius: 4px;
  box-shadow: 0 0 0 3px var(--bg), 0 1px 6px 3px var(--shadow); }
.checks input[hidden] { display: none; }
`;

export type ResultChecks = {
  /** Ticks or clears one result's box (the pick list changed). */
  set(index: number, checked: boolean): void;
  /** Takes the layer off and stops following the page. */
  remove(): void;
};

/** `element`: the result's card on the page; an item without one gets no box (and keeps its index). */
export type ResultCheckItem = { element?: Element; label: string; checked: boolean };

/**
 * Draws one box per result into `layer` (an element of the closed root, styled by RESULT_CHECKS_STYLE) and keeps each beside its
 * card: on scroll (any scroller: a capturing listener on window) and resize, passive and at most once
 * per frame, and when a card changes size. `onToggle` hears the rep's ticks; a box ignores clicks
 * the browser does not mark as the rep's (`trusted`), as the rest of the widget does.
 */
export function showResultChecks(
  win: Window,
  layer: HTMLElement,
  items: ResultCheckItem[],
  onToggle: (index: number, checked: boolean) => void,
  trusted: (event: Event) => boolean,
): ResultChecks {
  const doc = layer.ownerDocument;
  const boxes = items.map((item, index) => {
    const box = doc.createElement('input');
    box.type = 'checkbox';
    box.checked = item.checked;
    box.hidden = true;
    box.setAttribute('aria-label', t('widget.selectPerson', { name: item.label }));
    // Out of the tab order: the widget sits at the end of the page's, far from the results, and the
    // pick list already offers every person to the keyboard, with their title and company.
    box.tabIndex = -1;
    box.addEventListener('click', (event) => {
      if (!trusted(event)) event.preventDefault();
    });
    box.addEventListener('change', () => onToggle(index, box.checked));
    return box;
  });
  layer.replaceChildren(...boxes);

  /** Whether something of the page's own (a sticky header, the messaging dock) covers the card where its box would point. */
  const covered = (card: Element, box: Box, y: number) => {
    const atPoint = doc.elementFromPoint?.(box.left + box.width / 2, y);
    return Boolean(atPoint && !card.contains(atPoint) && atPoint !== (layer.getRootNode() as ShadowRoot).host);
  };

  function follow() {
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    items.forEach((item, index) => {
      const box = boxes[index]!;
      const element = item.element;
      const card = element?.isConnected ? element.getBoundingClientRect() : undefined;
      const spot = card && checkSpot(card, viewport);
      box.hidden = !spot || covered(element!, card!, spot.top + CHECK_SIZE / 2);
      if (spot) {
        box.style.left = `${spot.left}px`;
        box.style.top = `${spot.top}px`;
      }
    });
  }

  let frame = 0;
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(() => ((frame = 0), follow()));
  };
  const options = { passive: true, capture: true } as const;
  win.addEventListener('scroll', schedule, options);
  win.addEventListener('resize', schedule, options);
  const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : undefined;
  items.forEach((item) => item.element && resized?.observe(item.element));
  follow();

  return {
    set(index, checked) {
      const box = boxes[index];
      if (box) box.checked = checked;
    },
    remove() {
      win.removeEventListener('scroll', schedule, options);
      win.removeEventListener('resize', schedule, options);
      resized?.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
      layer.replaceChildren();
    },
  };
}
