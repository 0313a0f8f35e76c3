import { describe, expect, it } from 'vitest';
import { bodyText } from '@/lib/capture/email/body-text';
import { stripQuotedReply } from '@/lib/capture/email/quoted-reply';
import { parseSignature } from '@/lib/capture/email/signature';
import { isAutomatedAddress, parseNameAndAddress } from '@/lib/capture/email/thread';

const lines = (...rows: string[]) => rows.join('\n');

describe('stripQuotedReply', () => {
  it.each([
    ['Gmail', 'On Tue, Mar 4, 2025 at 9:14 AM Ana Souza <ana@acme.io> wrote:'],
    ['Apple Mail', 'On 4 Mar 2025, at 09:14, Ana Souza <ana@acme.io> wrote:'],
    ['German', 'Am Di., 4. März 2025 um 10:12 Uhr schrieb Sam Rep <sam.rep@contoso.com>:'],
    ['Thunderbird in German', 'Am 04.03.2025 um 10:12 schrieb Sam Rep:'],
    ['French', 'Le mar. 4 mars 2025 à 10:12, Sam Rep <sam.rep@contoso.com> a écrit :'],
    ['Spanish', 'El mar, 4 mar 2025 a las 10:12, Sam Rep (<sam.rep@contoso.com>) escribió:'],
    ['Outlook classic', '-----Original Message-----'],
    ['Outlook in German', '-----Ursprüngliche Nachricht-----'],
    ['a Gmail forward', '---------- Forwarded message ---------'],
    ['Outlook on the web', '________________________________'],
  ])('cuts at a %s reply header', (_, header) => {
    const text = lines('Works for us.', '', 'Ana', '', header, 'Sam Rep', 'Account Executive | Contoso');
    expect(stripQuotedReply(text)).toBe(lines('Works for us.', '', 'Ana'));
  });

  it('cuts at an intro Gmail wrapped over two lines', () => {
    const text = lines('Thanks!', 'On Tue, Mar 4, 2025 at 9:14 AM Ana Souza <ana.souza@acme.io>', 'wrote:', '> Hi Sam');
    expect(stripQuotedReply(text)).toBe('Thanks!');
  });

  it('cuts at an Outlook "From: … Sent: …" block, in English and German', () => {
    const english = lines('See below.', '', 'From: Sam Rep <sam.rep@contoso.com>', 'Sent: Monday, March 3, 2025 4:02 PM', 'To: Ana');
    const german = lines('Siehe unten.', 'Von: Sam Rep <sam.rep@contoso.com>', 'Gesendet: Montag, 3. März 2025 16:02', 'An: Jonas');
    expect(stripQuotedReply(english)).toBe('See below.');
    expect(stripQuotedReply(german)).toBe('Siehe unten.');
  });

  it('cuts at the header block when it arrives as one line', () => {
    expect(stripQuotedReply('Ok.\nFrom: Sam Rep <sam@contoso.com> Sent: Monday, March 3, 2025 4:02 PM To: Ana')).toBe('Ok.');
  });

  it('drops lines quoted with ">" and keeps inline answers', () => {
    const text = lines('> Can you do Thursday?', 'Yes, 3pm works.', '> And bring the DPA?', 'Will do.');
    expect(stripQuotedReply(text)).toBe(lines('Yes, 3pm works.', 'Will do.'));
  });

  it('keeps a sentence that merely starts with "On" or mentions someone writing', () => {
    const text = lines('On Monday the team wrote: a plan.', 'From: the desk of Ana', 'Best,', 'Ana');
    expect(stripQuotedReply(text)).toBe(text);
  });
});

describe('parseSignature on realistic signatures', () => {
  it('reads "Title | Company", a labelled phone and the website on the sender’s domain', () => {
    const body = lines(
      'Hi Sam,', '', 'Could you send pricing for 40 seats?', '', 'Best,', 'Ana', '', '--',
      'Ana Souza', 'VP of Sales | Acme Corp', 'T: +1 (415) 555-0142', 'www.acme.io | linkedin.com/in/anasouza',
    );
    expect(parseSignature(body, { name: 'Ana Souza', email: 'ana.souza@acme.io' })).toEqual({
      title: 'VP of Sales',
      company: 'Acme Corp',
      phone: '+1 (415) 555-0142',
      website: 'www.acme.io',
    });
  });

  it('reads a German signature and prefers the mobile number', () => {
    const body = lines(
      'vielen Dank für das Angebot.', '', 'Mit freundlichen Grüßen', '', 'Jonas Weber', 'Leiter Einkauf',
      'Müller & Söhne Maschinenbau GmbH', 'Industriestraße 12, 70565 Stuttgart', 'Tel.: +49 711 123456-0',
      'Mobil: +49 171 2345678', 'www.mueller-soehne.de', '',
      'Sitz der Gesellschaft: Stuttgart, Registergericht: Amtsgericht Stuttgart HRB 123456, Geschäftsführer: Hans Müller',
    );
    expect(parseSignature(body, { name: 'Weber, Jonas', email: 'j.weber@mueller-soehne.de' })).toEqual({
      title: 'Leiter Einkauf',
      company: 'Müller & Söhne Maschinenbau GmbH',
      phone: '+49 171 2345678',
      website: 'www.mueller-soehne.de',
      address: 'Industriestraße 12, 70565 Stuttgart',
    });
  });

  it('reads "Director, IT" with the company on the next line, and keeps an office address for the phone, not as the location', () => {
    const body = lines('Sounds good.', '', '-- ', 'Lena Park', 'Director, IT', 'Initech Inc.', 'Mobile: +1 512 555 0187', '1200 Congress Ave, Suite 400, Austin, TX 78701');
    expect(parseSignature(body, { name: 'Lena Park', email: 'lena.park@initech.com' })).toEqual({
      title: 'Director, IT',
      company: 'Initech Inc.',
      phone: '+1 512 555 0187',
      address: '1200 Congress Ave, Suite 400, Austin, TX 78701',
    });
  });

  it('reads "Title, Company" on one line and skips the fax number', () => {
    const body = lines('See you Thursday.', '', 'Tom Becker', 'Head of Procurement, Globex GmbH', 'Fax +49 30 1234567-99 | Tel. +49 30 1234567-0', 'Friedrichstraße 68, 10117 Berlin, Germany', 'globex.de');
    expect(parseSignature(body, { name: 'Tom Becker', email: 'tom.becker@globex.de' })).toEqual({
      title: 'Head of Procurement',
      company: 'Globex GmbH',
      phone: '+49 30 1234567-0',
      website: 'globex.de',
      address: 'Friedrichstraße 68, 10117 Berlin, Germany',
    });
  });

  it('reads a French signature with "Cordialement"', () => {
    const body = lines(
      'Merci pour votre retour.', '', 'Cordialement,', '', 'Claire Dubois', 'Directrice des achats', 'Boulangeries Dubois SAS',
      '12 rue de la Paix, 75002 Paris', 'Tél. : +33 1 42 68 53 00', 'Portable : +33 6 12 34 56 78', 'www.boulangeries-dubois.fr',
    );
    expect(parseSignature(body, { name: 'Claire Dubois', email: 'c.dubois@boulangeries-dubois.fr' })).toEqual({
      title: 'Directrice des achats',
      company: 'Boulangeries Dubois SAS',
      phone: '+33 6 12 34 56 78',
      website: 'www.boulangeries-dubois.fr',
      address: '12 rue de la Paix, 75002 Paris',
    });
  });

  it('reads "Name | Title | Company" on one line from a personal address, ignoring "Sent from my iPhone"', () => {
    const body = lines('Cheers,', 'Ben', '', 'Ben Okafor | Founder & CEO | Brightside Bakery', 'M: 07700 900456', 'brightsidebakery.co.uk · instagram.com/brightside', 'Sent from my iPhone');
    expect(parseSignature(body, { name: 'Ben Okafor', email: 'ben.brightside@gmail.com' })).toEqual({
      title: 'Founder & CEO',
      company: 'Brightside Bakery',
      phone: '07700 900456',
      website: 'brightsidebakery.co.uk',
    });
  });

  it('reads "Title at Company" and keeps the extension with the number', () => {
    const body = lines('Best,', 'Sarah Kim', 'Account Executive at Salesforce', '(415) 555-0100 ext. 204');
    expect(parseSignature(body, { name: 'Sarah Kim', email: 'skim@salesforce.com' })).toEqual({
      title: 'Account Executive',
      company: 'Salesforce',
      phone: '(415) 555-0100 ext. 204',
    });
  });

  it('finds the name line after a first-name sign-off and a bare phone number', () => {
    const body = lines('Thanks,', 'Priya', '', 'Priya Nair', 'Partner | Northwind Partners', '+44 7700 900123', 'northwind-partners.com', 'London, UK');
    expect(parseSignature(body, { name: 'Priya Nair', email: 'priya@northwind-partners.com' })).toEqual({
      title: 'Partner',
      company: 'Northwind Partners',
      phone: '+44 7700 900123',
      website: 'northwind-partners.com',
      location: 'London, UK',
      address: 'London, UK',
    });
  });

  it('finds the name without a display name, from an address like first.last@', () => {
    const body = lines('Regards', 'Marta Nowak', 'Key Account Manager', 'Polmex Sp. z o.o.', 'tel. +48 22 123 45 67');
    expect(parseSignature(body, { email: 'marta.nowak@polmex.pl' })).toEqual({
      title: 'Key Account Manager',
      company: 'Polmex Sp. z o.o.',
      phone: '+48 22 123 45 67',
    });
  });

  it('reads the company and title when the company comes first', () => {
    const body = lines('Best regards,', 'Kenji Sato', 'Initrode KK', 'Head of Partnerships', 'Direct +81 3 1234 5678');
    expect(parseSignature(body, { name: 'Kenji Sato', email: 'kenji.sato@initrode.co.jp' })).toEqual({
      title: 'Head of Partnerships',
      company: 'Initrode KK',
      phone: '+81 3 1234 5678',
    });
  });

  it('skips pronouns under the name', () => {
    const body = lines('Best,', 'Alex Morgan', '(they/them)', 'Head of RevOps | Hooli', 'hooli.com');
    expect(parseSignature(body, { name: 'Alex Morgan', email: 'alex@hooli.com' })).toEqual({
      title: 'Head of RevOps',
      company: 'Hooli',
      website: 'hooli.com',
    });
  });
});

describe('parseSignature leaves a field empty rather than guess', () => {
  it('never takes a confidentiality notice for a title', () => {
    const body = lines(
      'Kind regards,', 'Mei Chen', '',
      'This email and any attachments are confidential and intended solely for the addressee. If you have received this email in error please notify the sender.',
    );
    expect(parseSignature(body, { name: 'Mei Chen', email: 'mei.chen@umbrella-logistics.co.uk' })).toEqual({});
  });

  it('never takes a short disclaimer line for a title', () => {
    const body = lines('Regards,', 'Raj Patel', 'CONFIDENTIALITY NOTICE: this message is privileged.', 'Umbrella Logistics Ltd');
    expect(parseSignature(body, { name: 'Raj Patel', email: 'raj@umbrella.example' }).title).toBeUndefined();
  });

  it('never takes an address line for a title', () => {
    const body = lines('Best,', 'Lena Park', '1200 Congress Ave, Suite 400', 'Initech Inc.');
    expect(parseSignature(body, { name: 'Lena Park', email: 'lena@initech.com' }).title).toBeUndefined();
  });

  it('reads nothing from a body without a signature', () => {
    expect(parseSignature('Sounds good, see you then.', { name: 'Ana Souza', email: 'ana@acme.io' })).toEqual({});
  });

  it('does not read the rep’s signature out of a quoted reply', () => {
    const body = lines('Yes please.', '', 'On Tue, Mar 4, 2025 at 9:14 AM Sam Rep <sam@contoso.com> wrote:', '> Sam Rep', '> Account Executive | Contoso', '> +1 206 555 0199');
    expect(parseSignature(body, { name: 'Ana Souza', email: 'ana@acme.io' })).toEqual({});
  });

  it('leaves the company empty when the line under the title is a tagline', () => {
    const body = lines('Best,', 'Ana Souza', 'VP of Sales', 'We help teams close more deals, faster than ever before.');
    expect(parseSignature(body, { name: 'Ana Souza', email: 'ana@acme.io' })).toEqual({ title: 'VP of Sales' });
  });

  it('skips social networks and picks no website from them', () => {
    const body = lines('Best,', 'Ana Souza', 'VP of Sales | Acme Corp', 'linkedin.com/in/anasouza | twitter.com/anasouza');
    expect(parseSignature(body, { name: 'Ana Souza', email: 'ana@acme.io' }).website).toBeUndefined();
  });

  it('prefers the website on the sender’s domain over another link', () => {
    const body = lines('Best,', 'Ana Souza', 'VP of Sales | Acme Corp', 'Webinar: events.example.com/acme', 'https://acme.io');
    expect(parseSignature(body, { name: 'Ana Souza', email: 'ana@acme.io' }).website).toBe('https://acme.io');
  });

  it('does not read a year range as a phone number', () => {
    const body = lines('Best,', 'Ana Souza', 'VP of Sales | Acme Corp', '2019 - 2024');
    expect(parseSignature(body, { name: 'Ana Souza', email: 'ana@acme.io' }).phone).toBeUndefined();
  });
});

// Speed is measured by `npm run bench`; a regex that backtracked without end would still hang here.
describe('parseSignature on huge and hostile input', () => {
  it.each([
    ['a megabyte of one line', 'a'.repeat(1_000_000)],
    ['a hundred thousand short lines', 'On 1\n'.repeat(100_000)],
    ['dots that look like a domain', `www.${'a.'.repeat(200_000)}`],
    ['an endless phone number', `Tel: ${'1 '.repeat(200_000)}`],
    ['open brackets', `+1 ${'('.repeat(200_000)}`],
    ['an endless address', `From: ${'x@'.repeat(200_000)}\nSent: now`],
    ['many sign-offs', 'Best,\n'.repeat(50_000)],
  ])('still finds the signature after %s', (_, junk) => {
    const fields = parseSignature(`${junk}\nBest,\nEve Evil\nVP of Mischief | Evil Corp Ltd.`, { name: 'Eve Evil', email: 'eve@evil.example' });
    expect(fields).toMatchObject({ title: 'VP of Mischief', company: 'Evil Corp Ltd.' });
  });

  it('returns a formula-looking title as written', () => {
    const body = lines('Regards,', 'Eve Evil', "=cmd|' /C calc'!A0", 'Evil Corp Ltd.');
    expect(parseSignature(body, { name: 'Eve Evil', email: 'eve@evil.example' })).toEqual({ title: "=cmd|' /C calc'!A0", company: 'Evil Corp Ltd.' });
  });

  it('never throws on empty or odd senders', () => {
    expect(parseSignature('', {})).toEqual({});
    expect(parseSignature('Best,\n\u202eEve\n', { name: '', email: '@' })).toEqual({});
  });
});

describe('email helpers', () => {
  it.each([
    ['Ana Souza <ana@acme.io>', { name: 'Ana Souza', email: 'ana@acme.io' }],
    ['From: "Souza, Ana" <Ana@Acme.io>', { name: 'Souza, Ana', email: 'ana@acme.io' }],
    ['ana@acme.io', { email: 'ana@acme.io' }],
    ['Ana Souza', undefined],
  ])('reads %s', (raw, want) => {
    expect(parseNameAndAddress(raw)).toEqual(want);
  });

  it.each(['noreply@acme.io', 'no-reply@accounts.google.com', 'messages-noreply@linkedin.com', 'notifications@github.com', 'calendar-notification@google.com', 'MAILER-DAEMON@example.com'])(
    'knows %s is automated',
    (email) => expect(isAutomatedAddress(email)).toBe(true),
  );

  it.each(['ana@acme.io', 'nora.reply@acme.io', 'info@acme.io'])('knows %s may be a person', (email) => {
    expect(isAutomatedAddress(email)).toBe(false);
  });

  it('reads a body with a line per block, without scripts, hidden parts or quotes', () => {
    const doc = new DOMParser().parseFromString(
      `<div id="b">Hi<br>there<div>Best,</div><div>Ana</div><script>alert(1)</script><div style="display:none">hidden</div>
        <blockquote>quoted</blockquote><div class="sig">Ana Souza</div><div id="x_divRplyFwdMsg">From: Sam</div><div>old</div></div>`,
      'text/html',
    );
    const root = doc.getElementById('b');
    if (!root) throw new Error('fixture');
    const text = bodyText(root, { skip: 'blockquote', stopAt: '[id$="divRplyFwdMsg"]', signature: '.sig' });
    expect(text.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(['Hi', 'there', 'Best,', 'Ana', '--', 'Ana Souza']);
  });
});
