import type { Lead } from '@/lib/model/lead';

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const E164 = /^\+[1-9]\d{6,14}$/;

const encoder = new TextEncoder();

/** RFC 6350 §3.4: backslash, comma, semicolon and line breaks in a text value are escaped. */
export function escapeVCardText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 6350 §3.2: a line longer than 75 octets continues on the next line after CRLF and one space.
 * Counted in UTF-8 octets and cut between code points, so "é" or an emoji is never split in two.
 */
export function foldVCardLine(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  // The first line may hold 75 octets; continuation lines hold 74 after their leading space.
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

function property(name: string, value: string | undefined, params = ''): string[] {
  return value ? [`${name}${params}:${value}`] : [];
}

/** One contact card for a lead: the fields a phone's or mail client's address book can use. */
export function leadToVCard(lead: Lead): string {
  const text = (value: string | undefined) => (value ? escapeVCardText(value) : undefined);
  const phone = lead.phoneE164 && E164.test(lead.phoneE164) ? lead.phoneE164 : undefined;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${escapeVCardText(lead.fullName)}`,
    // Family; Given; Additional; Prefixes; Suffixes
    `N:${escapeVCardText(lead.lastName ?? '')};${escapeVCardText(lead.firstName ?? '')};;;`,
    ...property('ORG', text(lead.company)),
    ...property('TITLE', text(lead.title ?? lead.headline)),
    ...property('EMAIL', text(lead.email)),
    ...(phone ? [`TEL;VALUE=uri:tel:${phone}`] : property('TEL', text(lead.phone))),
    // URI values are not text: their commas and semicolons are part of the address.
    ...property('URL', lead.website),
    ...property('URL', lead.profileUrl),
    ...property('NOTE', text(lead.notes)),
    'END:VCARD',
  ];
  return lines.map(foldVCardLine).join(CRLF) + CRLF;
}

/** Several cards in one .vcf file, which address books import in one go. */
export function leadsToVCard(leads: readonly Lead[]): string {
  return leads.map(leadToVCard).join('');
}
