import type { Placement, Scheme } from './placement';
import type { WidgetCorner } from '@/lib/model/widget-corner';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { ResultChecks, showResultChecks } from './result-checks';

/**
 * The in-page "Save lead" widget and its pick list: plain DOM in a CLOSED shadow root, so the page
 * can neither restyle it nor read it, and no framework ships into LinkedIn or Gmail. All text is set
 * with textContent, never as markup.
 *
 * What the page must not learn: whether the person it shows is in the rep's Leadline, and at which
 * stage. A page can change its own URL to any profile and watch the widget, so:
 * - only clicks the browser marks as the rep's (`event.isTrusted`) do anything; a page script's
 *   `.click()` or dispatched event is ignored;
 * - what comes from the rep's data (already stored, its stage, what a save changed) is shown only
 *   inside the closed root, and never changes the widget's size: a fixed-size mark on the button
 *   (filled when the person is stored), a tooltip, text for screen readers that takes no space, and
 *   a status box of one fixed size whatever it says. The host element measures the same either way,
 *   so `getBoundingClientRect()` tells the page nothing either.
 */

export type ButtonState =
  /** `known`: "Already in Leadline (stage: Nurturing)", shown as the mark and tooltip only. */
  | { kind: 'idle'; label?: string; known?: string }
  | { kind: 'busy' }
  /** `canOpen`: offer "Open in Leadline". */
  | { kind: 'done'; note: string; canOpen?: boolean }
  /** `canAddManually`: offer "Add manually". */
  | { kind: 'error'; message: string; canAddManually?: boolean }
  /**
   * The page gave no prospect, or only a name: what was found (an alert when nothing), what the rep
   * can do next, and "Add manually". Page-derived only, so its box may take the room it needs.
   */
  | { kind: 'fallback'; message: string; hint: string; isError: boolean };

/** `element`: the person's result card on the page, to draw a checkbox beside (LinkedIn lists). */
export type PickItem = { label: string; detail?: string; known?: string; checked: boolean; element?: Element };

export type WidgetActions = {
  onSave: () => void;
  onOpen?: () => void;
  onAddManually?: () => void;
  /** Offers "Hide on this site" (the sites' own content scripts; not "Capture this page"). */
  onHide?: () => void;
  /** Which events count as the rep's. The browser's `isTrusted` unless a unit test (happy-dom has no trusted events) says otherwise. */
  trusted?: (event: Event) => boolean;
  /**
   * Draws the checkboxes beside a list's results (lib/page-ui/result-checks.ts). Passed in by the
   * LinkedIn content script only, so Gmail's, Outlook's and "Capture this page"'s scripts do not carry it.
   */
  resultChecks?: typeof showResultChecks;
};

export type SaveButton = {
  host: HTMLElement;
  /** The closed root, for Leadline's own code (and tests); the page gets `null` from `host.shadowRoot`. */
  root: ShadowRoot;
  setState(state: ButtonState): void;
  /**
   * Shows a checkbox per person, "Select all", "Save selected (N)" and "Close", and one beside each
   * item's `element` on the page, both ticking the same selection; calls back with the chosen indexes.
   */
  pick(items: PickItem[], onSave: (indexes: number[]) => void): void;
  /** Closes the pick list and the boxes beside the page's results (the page moved on: they would name the old page's people). */
  closePick(): void;
  /** Marks a pick-list entry as already stored ("Already in Leadline (stage: …)"), inside the closed root only. */
  setPickKnown(index: number, known: string): void;
  /** Puts the widget beside the page's own actions, or floating in a corner (placement.ts decides which). */
  place(placement: Placement): void;
  /** Follows the page's light or dark scheme. */
  setScheme(scheme: Scheme): void;
  remove(): void;
};

export const HOST_TAG = 'leadline-capture';

/**
 * The host's own box, set from inside the closed root so the host element carries no attribute or
 * class the page could read. Floating, it is fixed in the rep's corner; beside the page's actions it
 * takes no room (the panel floats from it), so its box says nothing either.
 */
const HOST_BASE = 'all: initial; z-index: 2147483647;';
const HOST_AT: Readonly<Record<WidgetCorner, string>> = {
  'bottom-left': 'left: 16px; bottom: 16px;',
  'bottom-right': 'right: 16px; bottom: 16px;',
  'top-left': 'left: 16px; top: 16px;',
  'top-right': 'right: 16px; top: 16px;',
};
const HOST_BESIDE = 'position: relative; display: inline-block; vertical-align: top; align-self: flex-start; width: 0; height: 0; margin: 0 8px;';

/**
 * The widget's colours in the page's light and dark schemes. Every text colour keeps at least 4.5:1
 * contrast on the background it is used on (tests/unit/page-ui/placement.test.ts checks each pair).
 */
export const WIDGET_COLOURS = {
  light: {
    bg: '#ffffff', fg: '#1d1d1f', muted: '#555555', link: '#0b5cad', 'soft-hover': '#eef4fb',
    accent: '#0b5cad', 'accent-hover': '#094a8c', 'on-accent': '#ffffff', done: '#3f7f3f',
    'error-bg': '#fdecea', 'error-fg': '#8a1c12', 'off-bg': '#dde1e6', 'off-fg': '#4a4f55',
  },
  dark: {
    bg: '#1f2329', fg: '#eceff3', muted: '#b4bac2', link: '#9ccaff', 'soft-hover': '#2a3038',
    accent: '#1f6fc5', 'accent-hover': '#2a66b0', 'on-accent': '#ffffff', done: '#2f6b2f',
    'error-bg': '#4a1f1b', 'error-fg': '#ffc9c2', 'off-bg': '#343a42', 'off-fg': '#c3c8cf',
  },
} as const;

const cssVariables = (colours: Record<string, string>) =>
  Object.entries(colours)
    .map(([name, value]) => `--${name}: ${value};`)
    .join(' ');

const STYLE = `
.panel { display: flex; flex-direction: column; align-items: flex-end; gap: 6px;
  font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  ${cssVariables(WIDGET_COLOURS.light)} --shadow: rgba(0,0,0,.25); color: var(--fg); }
.panel.dark { ${cssVariables(WIDGET_COLOURS.dark)} --shadow: rgba(0,0,0,.6); }
.panel.left { align-items: flex-start; }
/* At the top of the screen, or beside the page's actions, the button stays put and messages open below it. */
.panel.top { flex-direction: column-reverse; }
.panel.inline { position: absolute; top: 0; left: 0; align-items: flex-start; flex-direction: column-reverse; }
.actions { display: flex; gap: 6px; align-items: center; }
button { all: unset; cursor: pointer; background: var(--accent); color: var(--on-accent); padding: 8px 14px;
  border-radius: 18px; font-weight: 600; box-shadow: 0 2px 8px var(--shadow); white-space: nowrap;
  display: inline-flex; align-items: center; gap: 8px; }
button.secondary { background: var(--bg); color: var(--link); }
button:hover { background: var(--accent-hover); }
button.secondary:hover { background: var(--soft-hover); }
button:focus-visible, input:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
button[disabled] { cursor: default; background: var(--done); }
button[hidden] { display: none; }
button.hide { padding: 4px 8px; font-size: 12px; font-weight: 400; }
.mark { width: 8px; height: 8px; flex: none; border-radius: 50%; box-sizing: border-box; border: 2px solid currentColor; }
.mark.known { background: currentColor; }
.status, .picker { width: 320px; box-sizing: border-box; background: var(--bg); padding: 6px 10px; border-radius: 8px;
  box-shadow: 0 1px 6px var(--shadow); overflow-wrap: anywhere; }
/* One size whatever it says: three lines, the rest in the tooltip. */
.status { height: calc(3 * 1.35em + 12px); overflow: hidden; }
.status[hidden] { display: none; }
.status.error { background: var(--error-bg); color: var(--error-fg); }
.status.free { height: auto; }
.hint { width: 320px; box-sizing: border-box; margin: 0; padding: 6px 10px; border-radius: 8px; background: var(--bg);
  color: var(--fg); box-shadow: 0 1px 6px var(--shadow); }
.hint[hidden] { display: none; }
.picker { max-height: 50vh; overflow: auto; padding: 8px 10px; }
.picker[hidden] { display: none; }
.picker .top { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin: 0 0 6px; }
.picker .top p { margin: 0; }
.picker ul { list-style: none; margin: 0 0 8px; padding: 0; }
.picker li { margin: 4px 0; }
.picker label { display: flex; gap: 8px; align-items: flex-start; cursor: pointer; }
.picker label .mark { margin-top: 5px; color: var(--link); }
.picker small { display: block; color: var(--muted); }
.picker .bottom { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.picker .small { padding: 4px 10px; font-weight: 400; box-shadow: none; border: 1px solid currentColor; }
/* Nothing ticked: plainly off, not the green of "Saved". */
.picker button.save[disabled] { background: var(--off-bg); color: var(--off-fg); box-shadow: none; cursor: not-allowed; }
.picker .why { margin: 0; color: var(--muted); font-size: 12px; }
.picker .why[hidden] { display: none; }
.quiet { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
`;

let uniqueId = 0;

export function mountSaveButton(doc: Document, actions: WidgetActions, placement: Placement): SaveButton {
  const trusted = actions.trusted ?? ((event: Event) => event.isTrusted);
  /** A click handler that acts only on the rep's own clicks. */
  const onRepClick = (element: HTMLElement, handler: () => void) =>
    element.addEventListener('click', (event) => {
      if (trusted(event)) handler();
    });
  /** A checkbox ticks on the rep's clicks only: a page's synthetic click is cancelled before it changes anything. */
  const ignoreUntrusted = (box: HTMLInputElement) =>
    box.addEventListener('click', (event) => {
      if (!trusted(event)) event.preventDefault();
    });
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] => {
    const element = doc.createElement(tag);
    if (className) element.className = className;
    return element;
  };

  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = make('style');
  style.textContent = STYLE;
  const hostStyle = make('style');
  const panel = make('div', 'panel');
  // The widget speaks Leadline's language, not the page's: screen readers pronounce it right. On the
  // panel inside the closed root, so the host still carries nothing the page could read.
  panel.lang = t('app.language');
  const status = make('div', 'status');
  status.hidden = true;
  // Screen readers hear the status without it taking space: announced, never measured.
  const hintText = make('p', 'hint');
  hintText.hidden = true;
  const announcer = make('div', 'quiet');
  announcer.setAttribute('role', 'status');
  const picker = make('div', 'picker');
  picker.hidden = true;
  // The checkboxes beside a list's results: a fixed layer in the panel, so it takes the panel's colours.
  const checksLayer = make('div', 'checks');
  let resultChecks: ResultChecks | undefined;
  const closeResultChecks = () => {
    resultChecks?.remove();
    resultChecks = undefined;
  };
  const buttonRow = make('div', 'actions');
  const open = make('button', 'secondary');
  open.type = 'button';
  open.textContent = t('widget.openInLeadline');
  open.hidden = true;
  onRepClick(open, () => actions.onOpen?.());
  const addManually = make('button', 'secondary');
  addManually.type = 'button';
  addManually.textContent = t('widget.addManually');
  addManually.hidden = true;
  onRepClick(addManually, () => actions.onAddManually?.());
  const button = make('button');
  button.type = 'button';
  const mark = make('span', 'mark');
  mark.setAttribute('aria-hidden', 'true');
  const label = make('span');
  const knownText = make('span', 'quiet');
  knownText.id = `leadline-known-${++uniqueId}`;
  button.append(mark, label);
  onRepClick(button, actions.onSave);
  button.className = 'save';
  buttonRow.append(open, addManually, button);
  if (actions.onHide) {
    const hide = make('button', 'secondary hide');
    hide.type = 'button';
    hide.textContent = t('widget.hide');
    hide.title = t('widget.hideTitle');
    onRepClick(hide, actions.onHide);
    buttonRow.append(hide);
  }
  panel.append(checksLayer, picker, status, hintText, announcer, knownText, buttonRow);
  root.append(style, hostStyle, panel);

  function place(next: Placement) {
    const beside = next.kind === 'beside';
    hostStyle.textContent = `:host { ${HOST_BASE} ${beside ? HOST_BESIDE : `position: fixed; ${HOST_AT[next.corner]}`} }`;
    panel.classList.toggle('inline', beside);
    panel.classList.toggle('left', !beside && next.corner.endsWith('left'));
    panel.classList.toggle('top', !beside && next.corner.startsWith('top'));
    if (beside) {
      if (host.previousElementSibling !== next.anchor) next.anchor.after(host);
    } else if (host.parentElement !== doc.documentElement) {
      doc.documentElement.append(host);
    }
  }
  place(placement);

  const pickMarks: Array<{ mark: HTMLElement; text: HTMLElement; label: HTMLElement }> = [];
  let idleLabel = t('widget.saveLead');

  function showStatus(text: string, isError: boolean, hint = '') {
    status.hidden = !text;
    status.textContent = text;
    status.title = text;
    status.classList.toggle('error', isError);
    status.classList.toggle('free', Boolean(hint));
    hintText.hidden = !hint;
    hintText.textContent = hint;
    // An error is an alert; anything else is read out once, by the announcer, not twice.
    if (isError) {
      status.setAttribute('role', 'alert');
      status.removeAttribute('aria-hidden');
    } else {
      status.removeAttribute('role');
      status.setAttribute('aria-hidden', 'true');
    }
    announcer.textContent = isError ? '' : text;
  }

  function setKnown(known: string | undefined) {
    mark.classList.toggle('known', Boolean(known));
    knownText.textContent = known ?? '';
    button.title = known ?? '';
    if (known) button.setAttribute('aria-describedby', knownText.id);
    else button.removeAttribute('aria-describedby');
  }

  setKnown(undefined);
  label.textContent = idleLabel;

  return {
    host,
    root,
    setState(state) {
      button.disabled = state.kind === 'busy' || state.kind === 'done';
      if (state.kind === 'idle') {
        idleLabel = state.label ?? idleLabel;
        setKnown(state.known);
      }
      label.textContent = state.kind === 'busy' ? t('widget.saving') : state.kind === 'done' ? t('widget.saved') : idleLabel;
      open.hidden = !(state.kind === 'done' && state.canOpen && actions.onOpen);
      const offersManual = (state.kind === 'error' && state.canAddManually) || state.kind === 'fallback';
      addManually.hidden = !(offersManual && actions.onAddManually);
      if (state.kind === 'fallback') showStatus(state.message, state.isError, state.hint);
      else showStatus(state.kind === 'error' ? state.message : state.kind === 'done' ? state.note : '', state.kind === 'error');
      if (state.kind !== 'idle') {
        picker.hidden = true;
        closeResultChecks();
      }
    },
    pick(items, onSave) {
      closeResultChecks();
      picker.replaceChildren();
      pickMarks.length = 0;
      const top = make('div', 'top');
      const heading = make('p');
      heading.textContent = t('widget.pickHeading', items.length, [uiFormats().count(items.length)]);
      const all = make('button', 'secondary small');
      all.type = 'button';
      top.append(heading, all);
      const list = make('ul');
      const boxes = items.map((item) => {
        const li = make('li');
        const row = make('label');
        const box = make('input');
        box.type = 'checkbox';
        box.checked = item.checked;
        ignoreUntrusted(box);
        const text = make('span');
        const name = make('span');
        name.textContent = item.label;
        text.append(name);
        if (item.detail) {
          const detail = make('small');
          detail.textContent = item.detail;
          text.append(detail);
        }
        const itemMark = make('span', 'mark');
        itemMark.setAttribute('aria-hidden', 'true');
        const itemKnown = make('span', 'quiet');
        text.append(itemKnown);
        pickMarks.push({ mark: itemMark, text: itemKnown, label: row });
        row.append(box, itemMark, text);
        li.append(row);
        list.append(li);
        return box;
      });
      const bottom = make('div', 'bottom');
      const save = make('button', 'save');
      save.type = 'button';
      const close = make('button', 'secondary small');
      close.type = 'button';
      close.textContent = t('widget.close');
      const why = make('p', 'why');
      why.id = `leadline-why-${++uniqueId}`;
      why.textContent = t('widget.tickOne');
      bottom.append(save, close, why);
      const refresh = () => {
        const count = boxes.filter((b) => b.checked).length;
        save.textContent = t('widget.saveSelected', [uiFormats().count(count)]);
        save.disabled = count === 0;
        why.hidden = count > 0;
        if (count === 0) save.setAttribute('aria-describedby', why.id);
        else save.removeAttribute('aria-describedby');
        all.textContent = count === boxes.length ? t('widget.clearAll') : t('widget.selectAll');
      };
      boxes.forEach((box, index) =>
        box.addEventListener('change', () => {
          resultChecks?.set(index, box.checked);
          refresh();
        }),
      );
      onRepClick(all, () => {
        const tick = boxes.some((b) => !b.checked);
        boxes.forEach((b, index) => {
          b.checked = tick;
          resultChecks?.set(index, tick);
        });
        refresh();
      });
      onRepClick(close, () => {
        this.closePick();
        button.focus();
      });
      onRepClick(save, () => onSave(boxes.flatMap((box, i) => (box.checked ? [i] : []))));
      refresh();
      picker.append(top, list, bottom);
      picker.hidden = false;
      showStatus('', false);
      items.forEach((item, index) => item.known && this.setPickKnown(index, item.known));
      const win = doc.defaultView;
      if (win && actions.resultChecks && items.some((item) => item.element)) {
        const tickInList = (index: number, checked: boolean) => {
          const box = boxes[index];
          if (box) box.checked = checked;
          refresh();
        };
        resultChecks = actions.resultChecks(win, checksLayer, items, tickInList, trusted, [picker, status, hintText, buttonRow]);
      }
      boxes[0]?.focus();
    },
    closePick() {
      closeResultChecks();
      picker.hidden = true;
      picker.replaceChildren();
    },
    setPickKnown(index, known) {
      const target = pickMarks[index];
      if (!target) return;
      target.mark.classList.add('known');
      target.text.textContent = `, ${known}`;
      target.label.title = known;
    },
    place,
    setScheme(scheme) {
      panel.classList.toggle('dark', scheme === 'dark');
    },
    remove() {
      closeResultChecks();
      host.remove();
    },
  };
}
