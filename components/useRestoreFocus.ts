import { useEffect, useRef, type RefObject } from 'react';

/**
 * Back from a lead's detail, keyboard focus returns to that lead's button in the list, once the
 * list has loaded. Buttons carry `data-lead-id`; the first one for the lead wins.
 */
export function useRestoreFocus(
  container: RefObject<HTMLElement | null>,
  leadId: string | null | undefined,
  ready: boolean,
): void {
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !leadId || !ready || !container.current) return;
    restored.current = true;
    const buttons = container.current.querySelectorAll<HTMLButtonElement>('button[data-lead-id]');
    Array.from(buttons)
      .find((button) => button.dataset.leadId === leadId)
      ?.focus();
  }, [container, leadId, ready]);
}
