import { describe, expect, it } from 'vitest';
import { formatsFor } from '@/lib/i18n/format';

// Intl separates a number from "%" and "€" with a no-break space (U+00A0) in German: written out so
// the expectations show what a rep sees.
const NBSP = '\u00a0';
/** The space before AM/PM is a narrow no-break space in newer ICU data (browsers) and a plain one in older (Node 20). */
const plainSpaces = (text: string) => text.replace(/\s/g, ' ');
const NEW_YEARS_EVE = Date.UTC(2026, 11, 31, 14, 5); // 15:05 in Berlin, 9:05 in New York

describe('numbers, money and dates in the rep’s locale', () => {
  const de = formatsFor('de-DE', 'Europe/Berlin');
  const us = formatsFor('en-US', 'America/New_York');

  it('groups counts the way each locale does', () => {
    expect(de.count(12345)).toBe('12.345');
    expect(us.count(12345)).toBe('12,345');
    expect(us.count(1)).toBe('1');
  });

  it('writes decimals with a comma in German and a point in English, to one place unless told', () => {
    expect(de.number(1234.56)).toBe('1.234,6');
    expect(us.number(1234.56)).toBe('1,234.6');
    expect(us.number(2.125, 2)).toBe('2.13');
  });

  it('writes a ratio as a percentage', () => {
    expect(de.percent(0.425)).toBe(`42,5${NBSP}%`);
    expect(us.percent(0.425)).toBe('42.5%');
    expect(us.percent(1 / 3, 0)).toBe('33%');
  });

  it('writes money in the currency given, placed as the locale places it', () => {
    expect(de.currency(1234.5, 'EUR')).toBe(`1.234,50${NBSP}€`);
    expect(us.currency(1234.5, 'USD')).toBe('$1,234.50');
    expect(de.currency(99, 'USD')).toBe(`99,00${NBSP}$`);
  });

  it('keeps the amount readable when the currency code is not one Intl accepts', () => {
    expect(de.currency(1500, 'E$')).toBe('1.500 E$');
  });

  it('writes days and times in the rep’s time zone and order', () => {
    expect(de.date(NEW_YEARS_EVE)).toBe('31.12.2026');
    expect(us.date(NEW_YEARS_EVE)).toBe('Dec 31, 2026');
    expect(de.time(NEW_YEARS_EVE)).toBe('15:05');
    expect(plainSpaces(us.time(NEW_YEARS_EVE))).toBe('9:05 AM');
    expect(de.dateTime(NEW_YEARS_EVE)).toBe('31.12.2026, 15:05');
    expect(plainSpaces(us.dateTime(new Date(NEW_YEARS_EVE)))).toBe('Dec 31, 2026, 9:05 AM');
  });

  it('hands back the same formats for the same locale, built once', () => {
    expect(formatsFor('de-DE', 'Europe/Berlin')).toBe(de);
  });
});
