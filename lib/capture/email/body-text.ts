import { NON_TEXT_TAGS } from '@/lib/capture/vocabulary';
import { overBudget } from '@/lib/capture/budget';

/** A message body read out of the mail client's DOM as lines of text, bounded and skipping hidden parts. */

const SKIPPED_TAGS = new Set([...NON_TEXT_TAGS, 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'IMG']);
const BREAK_TAGS = new Set([
  'BR', 'DIV', 'P', 'LI', 'UL', 'OL', 'TR', 'TABLE', 'TBODY', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ADDRESS', 'HR', 'DL', 'DT', 'DD', 'CENTER',
]);
const MAX_BODY_CHARS = 400_000;
const MAX_BODY_NODES = 60_000;

export type BodyTextOptions = {
  /** Parts to leave out (quoted replies). */
  skip?: string;
  /** Where the new text ends: this element and everything after it is a quoted message. */
  stopAt?: string;
  /** The sender's signature element: read as a "--" block, whatever the sender wrote above it. */
  signature?: string;
};

/** Whether an element hides itself (inline style or `hidden`): Gmail and Outlook keep stale views in the page. */
export function hiddenByStyle(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export function isHidden(el: Element, within?: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 60; depth++, node = node.parentElement) {
    if (hiddenByStyle(node)) return true;
    if (node === within) break;
  }
  return false;
}

/**
 * A message body as lines of text: text nodes read one by one (scripts, styles and hidden parts
 * skipped), a line break at each block element, bounded in characters and nodes so a huge or
 * deeply nested body costs little.
 */
export function bodyText(root: Element, options: BodyTextOptions = {}): string {
  let out = '';
  let nodes = 0;
  let stopped = false;
  const stack: Array<{ node: Node; exit?: boolean }> = [{ node: root }];
  while (stack.length > 0 && !stopped && out.length < MAX_BODY_CHARS && nodes < MAX_BODY_NODES && !overBudget()) {
    const { node, exit } = stack.pop() as { node: Node; exit?: boolean };
    nodes++;
    if (node.nodeType === 3) {
      out += (node.nodeValue ?? '').slice(0, MAX_BODY_CHARS - out.length);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (exit) {
      if (BREAK_TAGS.has(el.tagName)) out += '\n';
      continue;
    }
    if (el !== root) {
      if (SKIPPED_TAGS.has(el.tagName) || hiddenByStyle(el)) continue;
      if (options.stopAt && el.matches(options.stopAt)) {
        stopped = true;
        break;
      }
      if (options.skip && el.matches(options.skip)) continue;
      if (options.signature && el.matches(options.signature)) out += '\n--\n';
    }
    if (el.tagName === 'TD' || el.tagName === 'TH') out += ' ';
    else if (BREAK_TAGS.has(el.tagName)) out += '\n';
    stack.push({ node: el, exit: true });
    const children: ChildNode[] = [];
    for (let child = el.firstChild; child && children.length < MAX_BODY_NODES; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as ChildNode });
  }
  return out.slice(0, MAX_BODY_CHARS);
}

