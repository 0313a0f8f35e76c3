import { useEffect, useRef } from 'react';

/** Inputs whose keys are not text: Esc in them is free to mean "back". */
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether keys pressed in this element go into a value the rep is typing (where Esc belongs to the field). */
export function isTextEntry(element: EventTarget | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && !NOT_TEXT.has(element.type);
}

/**
 * Esc anywhere in the page goes back (from a lead's detail to the list), unless something nearer
 * took it first — a field's edit, a form's cancel, the undo bar, the walk-through all prevent or
 * stop it — or focus is in a text field, where a stray Esc must not throw away what is typed.
 * Listening on the document, not the view, keeps it working when focus has fallen to the body.
 */
export function useEscapeToGoBack(goBack: () => void, enabled = true): void {
  const latest = useRef(goBack);
  latest.current = goBack;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (isTextEntry(event.target)) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
