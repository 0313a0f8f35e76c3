/**
 * The in-page "Save lead" button and its pick list: plain DOM in an open shadow root, so the host
 * page's CSS cannot restyle it and no framework ships into LinkedIn or Gmail. All text is set with
 * textContent, never as markup.
 */

export type ButtonState =
  | { kind: 'idle'; note?: string; label?: string }
  | { kind: 'busy' }
  | { kind: 'done'; note: string }
  | { kind: 'error'; message: string };

export type PickItem = { label: string; detail?: string; note?: string; checked: boolean };

/** The fields a rep can fill in by hand when a page gave too little. */
export const MANUAL_FIELDS = [
  { field: 'fullName', label: 'Name' },
  { field: 'title', label: 'Title' },
  { field: 'company', label: 'Company' },
  { field: 'email', label: 'Email' },
  { field: 'phone', label: 'Phone' },
] as const;
export type ManualField = (typeof MANUAL_FIELDS)[number]['field'];

export type Fallback = {
  /** What the page gave, said first (as an alert when it gave nothing). */
  message: string;
  isError: boolean;
  /** What the rep can do next. */
  hint: string;
  prefill: Partial<Record<ManualField, string>>;
  onSave: (fields: Partial<Record<ManualField, string>>) => void;
};

export type SaveButton = {
  host: HTMLElement;
  button: HTMLButtonElement;
  setState(state: ButtonState): void;
  /** Shows a checkbox per person and a "Save selected (N)" button; resolves with the chosen indexes. */
  pick(items: PickItem[], onSave: (indexes: number[]) => void): void;
  setPickNote(index: number, note: string): void;
  /** Moves the button beside an element of the page (Gmail's toolbar) instead of floating. */
  attachTo(anchor: Element): void;
  /** Says what the page gave and offers "Add manually", prefilled, when it gave no prospect or only a name. */
  offerFallback(fallback: Fallback): void;
  remove(): void;
};

export const HOST_TAG = 'leadline-capture';

const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
:host(.inline) { position: relative; right: auto; bottom: auto; display: inline-block; vertical-align: middle; margin: 0 8px; }
:host(.inline) .panel { position: absolute; top: 0; right: 0; }
.panel { display: flex; flex-direction: column; align-items: flex-end; gap: 6px;
  font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; }
button { all: unset; cursor: pointer; background: #0b5cad; color: #fff; padding: 8px 14px;
  border-radius: 18px; font-weight: 600; box-shadow: 0 2px 8px rgba(0,0,0,.25); white-space: nowrap; }
button:hover { background: #094a8c; }
button:focus-visible, input:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
button[disabled] { cursor: default; background: #3f7f3f; }
.status, .picker { max-width: 320px; background: #fff; padding: 6px 10px; border-radius: 8px;
  box-shadow: 0 1px 6px rgba(0,0,0,.2); overflow-wrap: anywhere; }
.status:empty { display: none; }
.status.error { background: #fdecea; color: #8a1c12; }
.picker { max-height: 50vh; overflow: auto; padding: 8px 10px; }
.picker[hidden] { display: none; }
.picker ul { list-style: none; margin: 0 0 8px; padding: 0; }
.picker li { margin: 4px 0; }
.picker label { display: flex; gap: 8px; align-items: flex-start; cursor: pointer; }
.picker small { display: block; color: #555; }
.picker .note { color: #0b5cad; }
.hint { margin: 0 0 6px; color: #333; }
.picker label.field { display: block; margin: 4px 0; }
.picker label.field input { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: 3px 4px; }
`;

export function mountSaveButton(doc: Document, onClick: () => void, anchor?: Element): SaveButton {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  const status = doc.createElement('div');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const picker = doc.createElement('div');
  picker.className = 'picker';
  picker.hidden = true;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Save lead';
  button.addEventListener('click', onClick);
  panel.append(picker, status, button);
  root.append(style, panel);
  const attachTo = (target: Element) => {
    if (host.previousElementSibling === target) return;
    host.classList.add('inline');
    target.after(host);
  };
  if (anchor) attachTo(anchor);
  else doc.documentElement.append(host);

  const pickNotes: HTMLElement[] = [];
  let idleLabel = 'Save lead';

  return {
    host,
    button,
    setState(state) {
      status.classList.toggle('error', state.kind === 'error');
      status.setAttribute('role', state.kind === 'error' ? 'alert' : 'status');
      button.disabled = state.kind === 'busy' || state.kind === 'done';
      if (state.kind === 'idle') idleLabel = state.label ?? idleLabel;
      button.textContent = state.kind === 'busy' ? 'Saving…' : state.kind === 'done' ? 'Saved' : idleLabel;
      status.textContent =
        state.kind === 'error' ? state.message : state.kind === 'idle' || state.kind === 'done' ? (state.note ?? '') : '';
      if (state.kind !== 'idle') picker.hidden = true;
    },
    pick(items, onSave) {
      picker.replaceChildren();
      pickNotes.length = 0;
      const heading = doc.createElement('p');
      heading.textContent = `${items.length} people on this page. Choose who to save:`;
      const list = doc.createElement('ul');
      const boxes = items.map((item) => {
        const li = doc.createElement('li');
        const label = doc.createElement('label');
        const box = doc.createElement('input');
        box.type = 'checkbox';
        box.checked = item.checked;
        const text = doc.createElement('span');
        const name = doc.createElement('span');
        name.textContent = item.label;
        text.append(name);
        if (item.detail) {
          const detail = doc.createElement('small');
          detail.textContent = item.detail;
          text.append(detail);
        }
        const note = doc.createElement('small');
        note.className = 'note';
        note.textContent = item.note ?? '';
        pickNotes.push(note);
        text.append(note);
        label.append(box, text);
        li.append(label);
        list.append(li);
        return box;
      });
      const save = doc.createElement('button');
      save.type = 'button';
      const refresh = () => {
        const count = boxes.filter((b) => b.checked).length;
        save.textContent = `Save selected (${count})`;
        save.disabled = count === 0;
      };
      boxes.forEach((box) => box.addEventListener('change', refresh));
      save.addEventListener('click', () => onSave(boxes.flatMap((box, i) => (box.checked ? [i] : []))));
      refresh();
      picker.append(heading, list, save);
      picker.hidden = false;
      status.textContent = '';
      boxes[0]?.focus();
    },
    attachTo,
    offerFallback({ message, isError, hint, prefill, onSave }) {
      status.classList.toggle('error', isError);
      status.setAttribute('role', isError ? 'alert' : 'status');
      status.textContent = message;
      button.disabled = false;
      button.textContent = idleLabel;
      picker.replaceChildren();
      const help = doc.createElement('p');
      help.className = 'hint';
      help.textContent = hint;
      const add = doc.createElement('button');
      add.type = 'button';
      add.textContent = 'Add manually';
      add.addEventListener('click', () => {
        const form = doc.createElement('form');
        form.setAttribute('aria-label', 'Add a lead by hand');
        const inputs = MANUAL_FIELDS.map(({ field, label }) => {
          const row = doc.createElement('label');
          row.className = 'field';
          row.textContent = label;
          const input = doc.createElement('input');
          input.value = prefill[field] ?? '';
          row.append(input);
          form.append(row);
          return [field, input] as const;
        });
        const save = doc.createElement('button');
        save.type = 'submit';
        save.textContent = 'Save lead';
        form.append(save);
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          onSave(Object.fromEntries(inputs.map(([field, input]) => [field, input.value.trim()]).filter(([, value]) => value)));
        });
        picker.replaceChildren(form);
        inputs[0]?.[1].focus();
      });
      picker.append(help, add);
      picker.hidden = false;
    },
    setPickNote(index, note) {
      const target = pickNotes[index];
      if (target) target.textContent = note;
    },
    remove() {
      host.remove();
    },
  };
}
