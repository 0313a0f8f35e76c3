import './zod-config';
import { z } from 'zod';

/** Limits for every text field that can come from a page, an import or the rep. */
export const LIMITS = {
  name: 200,
  short: 300,
  url: 2048,
  email: 254,
  phone: 64,
  note: 10_000,
  tag: 60,
} as const;

// C0/C1 control characters other than tab and newline, plus bidi overrides that can disguise text.
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

// Invisible format characters (zero-width spaces, soft hyphens, byte-order marks, direction marks…).
const FORMAT_CHARS = /\p{Cf}/gu;
const JOINERS = new Set(['\u200C', '\u200D']);
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/**
 * Drops invisible format characters, except a zero-width joiner or non-joiner inside a word:
 * Indic and Persian names need them ("वर्‍मा", "کریمی‌نژاد"), while anywhere else they only hide
 * text or glue emoji together.
 */
export function stripInvisible(value: string): string {
  if (!/\p{Cf}/u.test(value)) return value;
  return value.replace(FORMAT_CHARS, (char, offset: number, whole: string) =>
    JOINERS.has(char) && LETTER_OR_MARK.test(whole[offset - 1] ?? '') && LETTER_OR_MARK.test(whole[offset + 1] ?? '') ? char : '',
  );
}

/** Collapse whitespace to single spaces and drop control and invisible characters: how any one-line field is stored. */
export function cleanLine(value: string): string {
  return stripInvisible(value.replace(UNSAFE_CHARS, '')).replace(/\s+/g, ' ').trim();
}

/** Keep line breaks (notes) but drop control characters and trailing space. */
export function cleanMultiline(value: string): string {
  return stripInvisible(value.replace(UNSAFE_CHARS, ''))
    .replace(/\r\n?/g, '\n')
    .trim();
}

/** Shorten to `max` characters without splitting a surrogate pair, marking the cut with an ellipsis. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return chars.slice(0, max - 1).join('') + '…';
}

/** A one-line text field: cleaned, empty becomes undefined, longer than `max` is refused with a readable message. */
export const lineField = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? cleanLine(v) || undefined : v),
    z.string().max(max, `${label} is longer than ${max} characters`).optional(),
  );

/** Whether a value is an absolute http(s) URL: the only kind Leadline stores or links to. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A one-line URL field: like lineField, and refused unless it is an http(s) address (no javascript:, data: or file:). */
export const webUrlField = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? cleanLine(v) || undefined : v),
    z
      .string()
      .max(max, `${label} is longer than ${max} characters`)
      .refine(isWebUrl, `${label} must be a web address starting with http:// or https://`)
      .optional(),
  );
