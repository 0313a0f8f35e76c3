import { buildSync } from 'esbuild';
import { ROOT } from './common';

/**
 * @testing-library/dom's role and label queries (role mapping and accessible names per the ARIA
 * specs, through dom-accessibility-api), bundled once into a script that defines
 * `globalThis.LeadlineQueries` wherever it is evaluated. The Firefox driver runs it in a WebDriver
 * BiDi sandbox, so page scripts can neither see it nor tamper with it.
 */
let bundle: string | undefined;

export function domQueriesScript(): string {
  bundle ??= buildSync({
    stdin: {
      contents: "export { queryAllByRole, queryAllByLabelText } from '@testing-library/dom';",
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'LeadlineQueries',
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  }).outputFiles[0]!.text;
  return bundle;
}

/** How a Playwright-style name or text is matched; RegExps travel as source and flags. */
export type Matcher = { text: string; exact: boolean } | { source: string; flags: string };

export type Step =
  | { by: 'role'; role: string; name?: Matcher; checked?: boolean; selected?: boolean }
  | { by: 'text'; text: Matcher }
  | { by: 'label'; text: Matcher }
  | { by: 'css'; css: string }
  | { by: 'hasText'; text: Matcher }
  | { by: 'nth'; index: number };

export type Query =
  | { kind: 'count' }
  | { kind: 'visible' }
  /** Scrolls the one element into view and says where to click it, or why not yet. */
  | { kind: 'target' }
  | { kind: 'checked' }
  | { kind: 'value' }
  | { kind: 'text' }
  | { kind: 'texts' }
  | { kind: 'attribute'; name: string }
  | { kind: 'box' }
  | { kind: 'setValue'; value: string }
  | { kind: 'selectOption'; value: string }
  | { kind: 'selectAll' }
  | { kind: 'inputType' }
  /** The matching elements themselves, as node references (for evaluate and setInputFiles). */
  | { kind: 'elements' };

export type Answer =
  | { ok: true; value: unknown }
  /** `retry`: not there (yet), so an action waits; otherwise the call is wrong and fails at once. */
  | { ok: false; retry: boolean; message: string };

/**
 * Resolves a chain of locator steps in the page and answers one query about the result. Runs in
 * the page (serialised with toString), so it is self-contained; the element lookups follow
 * Playwright's rules: names and texts are whitespace-normalised, a string matches as a
 * case-insensitive substring unless exact, getByText picks the innermost elements, getByRole skips
 * what is hidden from assistive technology.
 */
export function answerInPage(stepsJson: string, queryJson: string): string | HTMLElement[] {
  const steps = JSON.parse(stepsJson) as Step[];
  const query = JSON.parse(queryJson) as Query;
  const g = globalThis as unknown as {
    LeadlineQueries?: {
      queryAllByRole(c: ParentNode, role: string, o: object): HTMLElement[];
      queryAllByLabelText(c: ParentNode, m: (content: string) => boolean, o: object): HTMLElement[];
    };
  };
  const reply = (answer: Answer) => JSON.stringify(answer);
  if (!g.LeadlineQueries) return reply({ ok: false, retry: true, message: 'queries not loaded' });
  const queries = g.LeadlineQueries;

  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
  const matches = (matcher: Matcher, raw: string | null | undefined): boolean => {
    const actual = normalise(raw ?? '');
    if ('source' in matcher) return new RegExp(matcher.source, matcher.flags).test(actual);
    const expected = normalise(matcher.text);
    return matcher.exact ? actual === expected : actual.toLowerCase().includes(expected.toLowerCase());
  };
  const textOf = (element: Element) => (element instanceof HTMLElement ? element.innerText : element.textContent) ?? '';
  const skipForText = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

  let current: ParentNode[] = [document];
  for (const step of steps) {
    const next: Element[] = [];
    for (const scope of current) {
      if (step.by === 'role') {
        next.push(
          ...queries.queryAllByRole(scope, step.role, {
            hidden: false,
            ...(step.name ? { name: (accessibleName: string) => matches(step.name!, accessibleName) } : {}),
            ...(step.checked === undefined ? {} : { checked: step.checked }),
            ...(step.selected === undefined ? {} : { selected: step.selected }),
          }),
        );
      } else if (step.by === 'label') {
        next.push(...queries.queryAllByLabelText(scope, (content: string) => matches(step.text, content), {}));
      } else if (step.by === 'css') {
        next.push(...scope.querySelectorAll(step.css));
      } else if (step.by === 'text') {
        const all = [...scope.querySelectorAll('*')].filter((element) => !skipForText.has(element.tagName));
        const hits = new Set(all.filter((element) => matches(step.text, textOf(element))));
        // The innermost elements that match, as Playwright's getByText picks them.
        next.push(...[...hits].filter((element) => ![...element.children].some((child) => hits.has(child))));
      } else if (step.by === 'hasText') {
        if (scope instanceof Element && matches(step.text, textOf(scope))) next.push(scope);
      } else {
        const list = current as Element[];
        const picked = step.index < 0 ? list[list.length + step.index] : list[step.index];
        current = picked ? [picked] : [];
        break;
      }
    }
    if (step.by !== 'nth') current = [...new Set(next)];
  }
  const found = current.filter((node): node is HTMLElement => node instanceof Element) as HTMLElement[];

  const isVisible = (element: HTMLElement) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  if (query.kind === 'count') return reply({ ok: true, value: found.length });
  if (query.kind === 'visible') return reply({ ok: true, value: found.length === 1 && isVisible(found[0]!) });
  if (query.kind === 'texts') return reply({ ok: true, value: found.map((element) => element.textContent ?? '') });
  if (query.kind === 'elements') return found;

  if (found.length === 0) return reply({ ok: false, retry: true, message: 'no element matches' });
  if (found.length > 1) return reply({ ok: false, retry: false, message: `${found.length} elements match, expected one` });
  const element = found[0]!;

  switch (query.kind) {
    case 'target': {
      if (!isVisible(element)) return reply({ ok: false, retry: true, message: 'the element is not visible' });
      const disabled = (element as HTMLButtonElement).disabled || element.getAttribute('aria-disabled') === 'true';
      if (disabled) return reply({ ok: false, retry: true, message: 'the element is disabled' });
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const box = element.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      const label = element instanceof HTMLInputElement ? element.labels?.[0] : null;
      if (!hit || !(element.contains(hit) || hit.contains(element) || (label && label.contains(hit)))) {
        return reply({ ok: false, retry: true, message: `another element (${hit?.tagName ?? 'none'}) would receive the click` });
      }
      return reply({ ok: true, value: { x, y } });
    }
    case 'checked':
      return reply({
        ok: true,
        value: element instanceof HTMLInputElement ? element.checked : element.getAttribute('aria-checked') === 'true',
      });
    case 'value':
      return reply({ ok: true, value: (element as HTMLInputElement).value });
    case 'text':
      return reply({ ok: true, value: element.textContent });
    case 'attribute':
      return reply({ ok: true, value: element.getAttribute(query.name) });
    case 'box': {
      const box = element.getBoundingClientRect();
      return reply({ ok: true, value: { x: box.x, y: box.y, width: box.width, height: box.height } });
    }
    case 'inputType':
      return reply({ ok: true, value: element instanceof HTMLInputElement ? element.type : element.tagName.toLowerCase() });
    case 'selectAll':
      element.focus();
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) element.select();
      return reply({ ok: true, value: true });
    case 'selectOption': {
      // What Playwright's selectOption does: pick the option by value or label, then announce it (React listens for change).
      const select = element as HTMLSelectElement;
      const option = [...select.options].find((o) => o.value === query.value || normalise(o.label) === normalise(query.value));
      if (!option) return reply({ ok: false, retry: true, message: `no option "${query.value}"` });
      select.focus();
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, option.value);
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return reply({ ok: true, value: [option.value] });
    }
    case 'setValue': {
      // What Playwright's fill does for inputs a keyboard cannot type into (date, time): set the
      // value through the native setter and announce it the way the browser would.
      const input = element as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, query.value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return reply({ ok: true, value: true });
    }
  }
}
