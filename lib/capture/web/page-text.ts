import { NON_TEXT_TAGS } from '@/lib/capture/vocabulary';
import { cleanLine, truncate } from '@/lib/model/text';

/** Text as a reader sees it on a web page: markup stripped, hidden and script text skipped, reads bounded. */

/** Removes tags (and whole script and style elements) from text that came with markup in it. */
export function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[a-z!][^<>]*>/gi, ' ');
}

const SKIPPED_TAGS = new Set([...NON_TEXT_TAGS, 'IFRAME', 'OBJECT']);
const HIDDEN_CLASSES = ['sr-only', 'visually-hidden', 'screen-reader-text'];
const INLINE_TAGS = new Set(['SPAN', 'A', 'B', 'STRONG', 'EM', 'I', 'U', 'TIME', 'SMALL', 'MARK', 'ABBR', 'SUB', 'SUP']);

function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.tagName) || el.hasAttribute('hidden') || HIDDEN_CLASSES.some((c) => el.classList.contains(c));
}

/**
 * The text a reader sees in `el`, whitespace collapsed and cut at `max` characters. Unlike
 * textContent it stops early, so a megabyte of text under a card costs nothing, and it skips
 * scripts, styles and screen-reader-only text.
 */
export function readText(el: Element | null | undefined, max = 300): string {
  if (!el) return '';
  const limit = 4 * max;
  let out = '';
  let nodes = 0;
  const walk = (node: Node, depth: number): void => {
    for (let child = node.firstChild; child && out.length < limit && nodes < 2000; child = child.nextSibling) {
      nodes++;
      if (child.nodeType === 3) out += (child.nodeValue ?? '').slice(0, limit - out.length);
      else if (child.nodeType === 1 && depth < 24 && !isSkipped(child as Element)) {
        const gap = INLINE_TAGS.has((child as Element).tagName) ? '' : ' ';
        out += gap;
        walk(child, depth + 1);
        out += gap;
      }
    }
  };
  walk(el, 0);
  return truncate(cleanLine(out), max);
}

