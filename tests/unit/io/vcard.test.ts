import { describe, expect, it } from 'vitest';
import { escapeVCardText, foldVCardLine, leadToVCard, leadsToVCard } from '@/lib/io/vcard';
import { makeLead } from './lead-factory';

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (card: string) => card.replace(/\r\n /g, '');

describe('vCard export', () => {
  it('writes a complete vCard 4.0 with CRLF line endings', () => {
    const lead = makeLead({
      fullName: 'Maria Gonzalez',
      company: 'Acme Rockets',
      title: 'VP Sales',
      email: 'maria@acme.example',
      phone: '+1 (415) 555-2671',
      phoneE164: '+14155552671',
      website: 'https://acme.example/',
      profileUrl: 'https://www.linkedin.com/in/mariagonzalez/',
      notes: 'Wants a demo',
    });
    expect(leadToVCard(lead)).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Maria Gonzalez',
        'N:Gonzalez;Maria;;;',
        'ORG:Acme Rockets',
        'TITLE:VP Sales',
        'EMAIL:maria@acme.example',
        'TEL;VALUE=uri:tel:+14155552671',
        'URL:https://acme.example/',
        'URL:https://www.linkedin.com/in/mariagonzalez/',
        'NOTE:Wants a demo',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('writes a phone without an E.164 form as text', () => {
    const card = leadToVCard(makeLead({ phone: '030 1234 5678' }));
    expect(card).toContain('\r\nTEL:030 1234 5678\r\n');
  });

  it('leaves out properties the lead does not have and never writes an address', () => {
    const card = leadToVCard(makeLead());
    expect(card).not.toMatch(/^(ORG|TITLE|EMAIL|TEL|URL|NOTE|ADR)/m);
  });

  it('escapes backslashes, commas, semicolons and line breaks in text', () => {
    expect(escapeVCardText('Acme, Inc.; R&D\\Labs\nline two')).toBe('Acme\\, Inc.\\; R&D\\\\Labs\\nline two');
  });

  it('escapes a comma in the company name', () => {
    expect(leadToVCard(makeLead({ company: 'Acme, Inc.' }))).toContain('\r\nORG:Acme\\, Inc.\r\n');
  });

  it('folds a long line at 75 octets with CRLF and a space', () => {
    const card = leadToVCard(makeLead({ notes: 'x'.repeat(200) }));
    const lines = card.split('\r\n');
    expect(lines.every((line) => octets(line) <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(unfold(card)).toContain(`NOTE:${'x'.repeat(200)}\r\n`);
  });

  it('never splits a multi-byte character when folding', () => {
    const line = `NOTE:${'é'.repeat(40)}${'🚀'.repeat(20)}${'株'.repeat(30)}`;
    const folded = foldVCardLine(line);
    const parts = folded.split('\r\n');
    expect(parts.every((part) => octets(part) <= 75)).toBe(true);
    // Every part decodes cleanly, so no character was cut in half.
    for (const part of parts) {
      const bytes = new TextEncoder().encode(part);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(part);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves a line of exactly 75 octets unfolded', () => {
    const line = `NOTE:${'a'.repeat(70)}`;
    expect(foldVCardLine(line)).toBe(line);
  });

  it('writes several leads as consecutive cards', () => {
    const text = leadsToVCard([makeLead(), makeLead({ id: 'l2', fullName: 'Ada Lovelace' })]);
    expect(text.match(/BEGIN:VCARD\r\n/g)).toHaveLength(2);
    expect(text.match(/END:VCARD\r\n/g)).toHaveLength(2);
    expect(text).toContain('FN:Ada Lovelace');
  });
});
