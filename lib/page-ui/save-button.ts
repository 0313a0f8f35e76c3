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

export type PickItem = { label: string; detail?: string; known?: string; checked: boolean };

export type WidgetActions = {
  onSave: () => void;
  onOpen?: () => void;
  onAddManually?: () => void;
  /** Which events count as the rep's. The browser's `isTrusted` unless a unit test (happy-dom has no trusted events) says otherwise. */
  trusted?: (event: Event) => boolean;
};

export type SaveButton = {
  host: HTMLElement;
  /** The closed root, for Leadline's own code (and tests); the page gets `null` from `host.shadowRoot`. */
  root: ShadowRoot;
  setState(state: ButtonState): void;
  /** Shows a checkbox per person and a "Save selected (N)" button; calls back with the chosen indexes. */
  pick(items: PickItem[], onSave: (indexes: number[]) => void): void;
  /** Marks a pick-list entry as already stored ("Already in Leadline (stage: …)"), inside the closed root only. */
  setPickKnown(index: number, known: string): void;
  /** Moves the button beside an element of the page (Gmail's toolbar) instead of floating. */
  attachTo(anchor: Element): void;
  remove(): void;
};

export const HOST_TAG = 'leadline-capture';

const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
:host(.inline) { position: relative; right: auto; bottom: auto; display: inline-block; vertical-align: middle; margin: 0 8px; }
:host(.inline) .panel { position: absolute; top: 0; right: 0; }
.panel { display: flex; flex-direction: column; align-items: flex-end; gap: 6px;
  font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; }
.actions { display: flex; gap: 6px; }
button { all: unset; cursor: pointer; background: #0b5cad; color: #fff; padding: 8px 14px;
  border-radius: 18px; font-weight: 600; box-shadow: 0 2px 8px rgba(0,0,0,.25); white-space: nowrap;
  display: inline-flex; align-items: center; gap: 8px; }
button.secondary { background: #fff; color: #0b5cad; }
button:hover { background: #094a8c; }
button.secondary:hover { background: #eef4fb; }
button:focus-visible, input:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
button[disabled] { cursor: default; background: #3f7f3f; }
button[hidden] { display: none; }
.mark { width: 8px; height: 8px; flex: none; border-radius: 50%; box-sizing: border-box; border: 2px solid currentColor; }
.mark.known { background: currentColor; }
.status, .picker { width: 320px; box-sizing: border-box; background: #fff; padding: 6px 10px; border-radius: 8px;
  box-shadow: 0 1px 6px rgba(0,0,0,.2); overflow-wrap: anywhere; }
/* One size whatever it says: three lines, the rest in the tooltip. */
.status { height: calc(3 * 1.35em + 12px); overflow: hidden; }
.status[hidden] { display: none; }
.status.error { background: #fdecea; color: #8a1c12; }
.status.free { height: auto; }
.hint { width: 320px; box-sizing: border-box; margin: 0; padding: 6px 10px; border-radius: 8px; background: #fff;
  color: #333; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
.hint[hidden] { display: none; }
.picker { max-height: 50vh; overflow: auto; padding: 8px 10px; }
.picker[hidden] { display: none; }
.picker ul { list-style: none; margin: 0 0 8px; padding: 0; }
.picker li { margin: 4px 0; }
.picker label { display: flex; gap: 8px; align-items: flex-start; cursor: pointer; }
.picker label .mark { margin-top: 5px; color: #0b5cad; }
.picker small { display: block; color: #555; }
.quiet { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
`;

let uniqueId = 0;

export function mountSaveButton(doc: Document, actions: WidgetActions, anchor?: Element): SaveButton {
  const trusted = actions.trusted ?? ((event: Event) => event.isTrusted);
  /** A click handler that acts only on the rep's own clicks. */
  const onRepClick = (element: HTMLElement, handler: () => void) =>
    element.addEventListener('click', (event) => {
      if (trusted(event)) handler();
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
  const panel = make('div', 'panel');
  const status = make('div', 'status');
  status.hidden = true;
  // Screen readers hear the status without it taking space: announced, never measured.
  const hintText = make('p', 'hint');
  hintText.hidden = true;
  const announcer = make('div', 'quiet');
  announcer.setAttribute('role', 'status');
  const picker = make('div', 'picker');
  picker.hidden = true;
  const buttonRow = make('div', 'actions');
  const open = make('button', 'secondary');
  open.type = 'button';
  open.textContent = 'Open in Leadline';
  open.hidden = true;
  onRepClick(open, () => actions.onOpen?.());
  const addManually = make('button', 'secondary');
  addManually.type = 'button';
  addManually.textContent = 'Add manually';
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
  buttonRow.append(open, addManually, button);
  panel.append(picker, status, hintText, announcer, knownText, buttonRow);
  root.append(style, panel);

  const attachTo = (target: Element) => {
    if (host.previousElementSibling === target) return;
    host.classList.add('inline');
    target.after(host);
  };
  if (anchor) attachTo(anchor);
  else doc.documentElement.append(host);

  const pickMarks: Array<{ mark: HTMLElement; text: HTMLElement; label: HTMLElement }> = [];
  let idleLabel = 'Save lead';

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
      label.textContent = state.kind === 'busy' ? 'Saving…' : state.kind === 'done' ? 'Saved' : idleLabel;
      open.hidden = !(state.kind === 'done' && state.canOpen && actions.onOpen);
      const offersManual = (state.kind === 'error' && state.canAddManually) || state.kind === 'fallback';
      addManually.hidden = !(offersManual && actions.onAddManually);
      if (state.kind === 'fallback') showStatus(state.message, state.isError, state.hint);
      else showStatus(state.kind === 'error' ? state.message : state.kind === 'done' ? state.note : '', state.kind === 'error');
      if (state.kind !== 'idle') picker.hidden = true;
    },
    pick(items, onSave) {
      picker.replaceChildren();
      pickMarks.length = 0;
      const heading = make('p');
      heading.textContent = `${items.length} people on this page. Choose who to save:`;
      const list = make('ul');
      const boxes = items.map((item) => {
        const li = make('li');
        const row = make('label');
        const box = make('input');
        box.type = 'checkbox';
        box.checked = item.checked;
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
      const save = make('button');
      save.type = 'button';
      const refresh = () => {
        const count = boxes.filter((b) => b.checked).length;
        save.textContent = `Save selected (${count})`;
        save.disabled = count === 0;
      };
      boxes.forEach((box) => box.addEventListener('change', refresh));
      onRepClick(save, () => onSave(boxes.flatMap((box, i) => (box.checked ? [i] : []))));
      refresh();
      picker.append(heading, list, save);
      picker.hidden = false;
      showStatus('', false);
      items.forEach((item, index) => item.known && this.setPickKnown(index, item.known));
      boxes[0]?.focus();
    },
    setPickKnown(index, known) {
      const target = pickMarks[index];
      if (!target) return;
      target.mark.classList.add('known');
      target.text.textContent = `, ${known}`;
      target.label.title = known;
    },
    attachTo,
    remove() {
      host.remove();
    },
  };
}
