import { t } from '@/lib/i18n';
import { CHECK_SIZE, checkSpot, type Box } from './check-spot';

/**
 * A checkbox beside each result of a LinkedIn list, drawn inside the widget's closed shadow root:
 * Leadline adds nothing to LinkedIn's own elements (no node, attribute or listener), so the boxes
 * float in a fixed layer over the page and follow each result card's box as the page scrolls.
 * The layer lets every click through except on the boxes themselves.
 */

const STYLE = `
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
 * Draws one box per result into `layer` (an element of the closed root, inside the widget's panel
 * for its colours) and keeps each beside its card: on scroll (any scroller: a capturing listener on window) and resize, passive and at most once
 * per frame, and when a card or the widget changes size. A box under one of `widgetParts` (the pick
 * list, drawn above the layer) is hidden. `onToggle` hears the rep's ticks; a box ignores clicks
 * the browser does not mark as the rep's (`trusted`), as the rest of the widget does.
 */
export function showResultChecks(
  win: Window,
  layer: HTMLElement,
  items: ResultCheckItem[],
  onToggle: (index: number, checked: boolean) => void,
  trusted: (event: Event) => boolean,
  widgetParts: readonly HTMLElement[] = [],
): ResultChecks {
  const doc = layer.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = STYLE;
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
  layer.replaceChildren(style, ...boxes);

  /** Whether something of the page's own (a sticky header, the messaging dock) covers the card where its box would point. */
  const covered = (card: Element, rect: Box, y: number) => {
    const atPoint = doc.elementFromPoint?.(rect.left + rect.width / 2, y);
    return Boolean(atPoint && !card.contains(atPoint) && atPoint !== (layer.getRootNode() as ShadowRoot).host);
  };

  function follow() {
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    const avoid = widgetParts.filter((part) => !part.hidden).map((part) => part.getBoundingClientRect());
    items.forEach((item, index) => {
      const box = boxes[index]!;
      const element = item.element;
      const card = element?.isConnected ? element.getBoundingClientRect() : undefined;
      const spot = card && checkSpot(card, viewport, avoid);
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
  widgetParts.forEach((part) => resized?.observe(part));
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
