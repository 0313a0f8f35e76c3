import { describe, expect, it } from 'vitest';
import { applyFieldEdit, describeEdit, parseFieldEdit, parseManualLead } from '@/lib/model/lead-edit';
import { mergeDraftIntoLead, newLeadFromDraft } from '@/lib/model/lead-draft';
import type { Lead } from '@/lib/model/lead';

const T0 = Date.UTC(2026, 0, 5, 9);
const ana = (): Lead =>
  newLeadFromDraft(
    { source: 'linkedin', fullName: 'Ana Bell', firstName: 'Ana', lastName: 'Bell', title: 'Head of Sales', company: 'Acme', confidence: 0.9 },
    'lead-1',
    T0,
    'bant',
  );

describe('checking what the rep typed into a field', () => {
  it.each([
    ['email', '  Ana.Bell@Acme.IO ', 'ana.bell@acme.io'],
    ['website', 'acme.io', 'https://acme.io/'],
    ['profileUrl', 'https://de.linkedin.com/in/Ana-Bell?trk=abc', 'https://www.linkedin.com/in/ana-bell/'],
    ['profileUrl', 'http://ana.example/about', 'http://ana.example/about'],
    ['phone', '+1 (415) 555-0100 ext 12', '+1 (415) 555-0100 ext 12'],
    ['title', '  VP   Sales ', 'VP Sales'],
    ['channel', 'referral', 'referral'],
    ['source', 'web', 'web'],
  ] as const)('%s "%s" is stored as "%s"', (field, raw, stored) => {
    expect(parseFieldEdit(field, raw)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ['email', ''],
    ['title', '   '],
    ['channel', ''],
  ] as const)('an emptied %s clears it', (field, raw) => {
    expect(parseFieldEdit(field, raw)).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['fullName', '', 'A lead needs a name.'],
    ['email', 'ana@acme', '"ana@acme" is not an email address. Write it like ana@acme.com.'],
    ['website', 'javascript:alert(1)', '"javascript:alert(1)" is not a web address. Write it like acme.com or https://acme.com.'],
    ['website', 'data:text/html,hi', '"data:text/html,hi" is not a web address. Write it like acme.com or https://acme.com.'],
    ['profileUrl', 'file:///etc/passwd', '"file:///etc/passwd" is not a web address. Paste the profile\'s link, like https://www.linkedin.com/in/ana-bell/.'],
    ['phone', '555', '"555" is not a phone number. Write it with the digits, like +1 415 555 0100.'],
    ['phone', 'call Ana at 4155550100', '"call Ana at 4155550100" is not a phone number. Write it with the digits, like +1 415 555 0100.'],
    ['company', 'x'.repeat(301), 'Company is longer than 300 characters.'],
    ['channel', 'billboard', 'Choose a channel from the list.'],
    ['source', 'fax', 'Choose where this lead came from.'],
  ] as const)('%s "%s" is refused: %s', (field, raw, message) => {
    expect(parseFieldEdit(field, raw)).toEqual({ ok: false, message });
  });
});

describe('applying an edit', () => {
  it('marks the field as the rep’s and remembers the value it replaced as turned down', () => {
    const edited = applyFieldEdit(ana(), 'title', 'VP Sales');
    expect(edited).toMatchObject({ title: 'VP Sales', editedFields: ['title'], declined: [{ field: 'title', value: 'Head of Sales' }] });
    // LinkedIn still saying the old title is not a change to ask about again.
    const recaptured = mergeDraftIntoLead(edited, { source: 'linkedin', fullName: 'Ana Bell', title: 'Head of Sales', confidence: 0.9 }, T0 + 1);
    expect(recaptured.proposed).toEqual([]);
    expect(recaptured.lead.title).toBe('VP Sales');
  });

  it('settles a waiting proposal for that field', () => {
    const { lead } = mergeDraftIntoLead(ana(), { source: 'linkedin', fullName: 'Ana Bell', title: 'CRO', company: 'Globex', confidence: 0.9 }, T0 + 1);
    expect(lead.proposals?.map((p) => p.field)).toEqual(['title', 'company']);
    const edited = applyFieldEdit(lead, 'title', 'Chief Revenue Officer');
    expect(edited.proposals).toEqual([{ field: 'company', value: 'Globex', source: 'linkedin', at: T0 + 1 }]);
  });

  it('keeps the full name in step with first and last name, unless the rep set the full name', () => {
    expect(applyFieldEdit(ana(), 'lastName', 'Bell-Ortiz')).toMatchObject({ fullName: 'Ana Bell-Ortiz', lastName: 'Bell-Ortiz' });
    const named = applyFieldEdit(ana(), 'fullName', 'Dr. Ana Bell');
    expect(applyFieldEdit(named, 'lastName', 'Ortiz').fullName).toBe('Dr. Ana Bell');
  });

  it('gives an edited phone its international form, and clears it with the phone', () => {
    const withPhone = applyFieldEdit(ana(), 'phone', '+44 20 7946 0958');
    expect(withPhone.phoneE164).toBe('+442079460958');
    expect(applyFieldEdit(withPhone, 'phone', undefined).phoneE164).toBeUndefined();
  });

  it('words the log line with the old value', () => {
    expect(describeEdit('title', 'Head of Sales', 'VP Sales')).toBe('Edited title: VP Sales (was Head of Sales)');
    expect(describeEdit('email', 'ana@acme.io', undefined)).toBe('Edited email: cleared (was ana@acme.io)');
    expect(describeEdit('source', 'linkedin', 'web')).toBe('Edited source: Web page (was LinkedIn)');
  });
});

describe('a lead typed by hand', () => {
  it('needs a name, and builds one from first and last name', () => {
    expect(parseManualLead({ email: 'ana@acme.io' })).toEqual({ ok: false, errors: { fullName: 'A lead needs a name.' } });
    expect(parseManualLead({ firstName: 'Ana', lastName: 'Bell' })).toEqual({
      ok: true,
      fields: { firstName: 'Ana', lastName: 'Bell', fullName: 'Ana Bell', source: 'manual' },
    });
  });

  it('reports every field that does not pass, each in its own words', () => {
    expect(parseManualLead({ fullName: 'Ana Bell', email: 'nope', website: 'javascript:x' })).toEqual({
      ok: false,
      errors: {
        email: '"nope" is not an email address. Write it like ana@acme.com.',
        website: '"javascript:x" is not a web address. Write it like acme.com or https://acme.com.',
      },
    });
  });
});
