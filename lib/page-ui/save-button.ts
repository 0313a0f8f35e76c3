/**
 * The in-page "Save lead" button: plain DOM in an open shadow root, so the host page's CSS cannot
 * restyle it and no framework ships into LinkedIn or Gmail. All text is set with textContent.
 */

export type ButtonState =
  | { kind: 'idle'; note?: string }
  | { kind: 'busy' }
  | { kind: 'done'; note: string }
  | { kind: 'error'; message: string };

export type SaveButton = {
  host: HTMLElement;
  button: HTMLButtonElement;
  setState(state: ButtonState): void;
  remove(): void;
};

export const HOST_TAG = 'leadline-capture';

const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
.panel { display: flex; flex-direction: column; align-items: flex-end; gap: 6px;
  font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
button { all: unset; cursor: pointer; background: #0b5cad; color: #fff; padding: 8px 14px;
  border-radius: 18px; font-weight: 600; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
button:hover { background: #094a8c; }
button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
button[disabled] { cursor: default; background: #3f7f3f; }
.status { max-width: 280px; background: #fff; color: #1d1d1f; padding: 6px 10px; border-radius: 8px;
  box-shadow: 0 1px 6px rgba(0,0,0,.2); overflow-wrap: anywhere; }
.status:empty { display: none; }
.status.error { background: #fdecea; color: #8a1c12; }
`;

export function mountSaveButton(doc: Document, onClick: () => void): SaveButton {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  const status = doc.createElement('div');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Save lead';
  button.addEventListener('click', onClick);
  panel.append(status, button);
  root.append(style, panel);
  doc.documentElement.append(host);

  return {
    host,
    button,
    setState(state) {
      status.classList.toggle('error', state.kind === 'error');
      status.setAttribute('role', state.kind === 'error' ? 'alert' : 'status');
      button.disabled = state.kind === 'busy' || state.kind === 'done';
      button.textContent = state.kind === 'busy' ? 'Saving…' : state.kind === 'done' ? 'Saved' : 'Save lead';
      status.textContent =
        state.kind === 'error' ? state.message : state.kind === 'idle' || state.kind === 'done' ? (state.note ?? '') : '';
    },
    remove() {
      host.remove();
    },
  };
}
