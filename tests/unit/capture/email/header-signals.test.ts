import { describe, expect, it } from 'vitest';
import { extractGmailThread } from '@/lib/capture/email/gmail';
import { extractOutlookThread } from '@/lib/capture/email/outlook';
import { parseSignature } from '@/lib/capture/email/signature';

const OUTLOOK_URL = new URL('https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGRlNzE0MmI0LTk5YjAtNGM1Yy05MzYx%3D');

function outlook(items: string, title = 'Mail - Maya Singh - Outlook', chrome = ''): Document {
  return new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>${chrome}
      <div id="ReadingPaneContainerId" role="main" aria-label="Reading Pane"><div role="list">${items}</div></div></body></html>`,
    'text/html',
  );
}

const body = (text: string) => `<div role="document" aria-label="Message body">${text}</div>`;

describe('Outlook headers: "Name <address>" wherever the header writes it', () => {
  it('reads a sender written as a name button followed by "<address>" text', () => {
    const doc = outlook(`<div aria-label="Email message"><div>
        <span><button type="button" aria-label="From: Nadia Rahman"><span>Nadia Rahman</span></button></span><span>&lt;nadia.rahman@crestlinemfg.com&gt;</span>
      </div><div aria-label="To"><span>To:</span> <span title="maya.singh@fieldwise.com">Maya Singh</span></div>
      ${body('Regards,<br><br>Nadia Rahman<br>Plant Controller<br>Crestline Manufacturing Co.<br>O: 937-555-0148 | C: 937-555-0193')}</div>`);
    expect(extractOutlookThread(doc, OUTLOOK_URL)).toEqual([
      expect.objectContaining({
        fullName: 'Nadia Rahman',
        email: 'nadia.rahman@crestlinemfg.com',
        title: 'Plant Controller',
        company: 'Crestline Manufacturing Co.',
        phone: '937-555-0193',
      }),
    ]);
  });

  it('reads Fluent chips ("Opens card for …") with the address beside them, the sender persona first, and a Cc', () => {
    const doc = outlook(`<div aria-label="Email message"><div>
        <button aria-label="Opens card for Liam Novak" data-testid="SenderPersona">Liam Novak</button><span>&lt;liam.novak@quarrystone.ca&gt;</span></div>
        <div aria-label="To"><span>To:</span> <button aria-label="Opens card for Maya Singh">Maya Singh</button></div>
        <div aria-label="Cc"><span>Cc:</span> <button aria-label="Opens card for Chloé Tremblay">Chloé Tremblay</button><span>&lt;chloe.tremblay@quarrystone.ca&gt;</span></div>
        ${body('Thanks')}</div>`);
    const drafts = extractOutlookThread(doc, OUTLOOK_URL);
    expect(drafts.map((d) => [d.fullName, d.email])).toEqual([
      ['Liam Novak', 'liam.novak@quarrystone.ca'],
      ['Chloé Tremblay', 'chloe.tremblay@quarrystone.ca'],
    ]);
  });

  it('recognises the rep by the name on the account button, and with their address their colleagues', () => {
    const chrome = '<button id="O365_MainLink_Me" aria-label="Account manager for Hannah Schultz"></button>';
    const doc = outlook(
      `<div aria-label="Email message"><div><span title="marco.rossi@vinicolaalba.it" role="button">Marco Rossi</span></div>
        <div aria-label="To"><span>To:</span> <span title="hannah.schultz@vinoteca-software.com">Hannah Schultz</span></div>
        <div aria-label="Cc"><span>Cc:</span> <span title="felix.braun@vinoteca-software.com">Felix Braun</span></div>
        ${body('Ciao')}</div>`,
      'Mail - Hannah Schultz - Outlook',
      chrome,
    );
    expect(extractOutlookThread(doc, OUTLOOK_URL).map((d) => d.email)).toEqual(['marco.rossi@vinicolaalba.it']);
  });

  it('reads header labels in French ("À :")', () => {
    const doc = outlook(`<div aria-label="Email message"><div><span title="elodie@cabinet-marchand.fr" role="button">Élodie Marchand</span></div>
        <div aria-label="À"><span>À :</span> <span title="julien.bernard@outlook.fr">Julien Bernard</span></div>${body('Bonjour')}</div>`,
      'Courrier - Julien Bernard - Outlook');
    expect(extractOutlookThread(doc, OUTLOOK_URL).map((d) => d.fullName)).toEqual(['Élodie Marchand']);
  });
});

describe('Gmail: a message relayed by a Google Group', () => {
  it('is the reply-to person’s, whose signature is read', () => {
    const doc = new DOMParser().parseFromString(
      `<html><head><title>CRM - chris@vantory.com - Gmail</title></head><body><div role="main"><h2 class="hP">CRM</h2>
        <div class="adn"><span class="gD" email="sales-team@vantory.com" name="'Rafael Souza' via Sales-Team">'Rafael Souza' via Sales-Team</span>
          <table><tr><td>reply-to:</td><td><span class="g2" email="rafael.souza@cafeterra.com.br" name="Rafael Souza">Rafael Souza</span></td></tr></table>
          <div class="a3s">Atenciosamente,<br>Rafael Souza<br>Gerente de Compras | Café Terra Alimentos Ltda.<br>+55 11 98765-4321</div></div></div></body></html>`,
      'text/html',
    );
    const url = new URL('https://mail.google.com/mail/u/0/#label/sales-team/FMfcgzNpeaMvcAup4FCdtLHZcQSh7a2A');
    expect(extractGmailThread(doc, url)).toEqual([
      expect.objectContaining({ fullName: 'Rafael Souza', email: 'rafael.souza@cafeterra.com.br', title: 'Gerente de Compras', phone: '+55 11 98765-4321' }),
    ]);
  });
});

describe('signature phone labels and places', () => {
  const lines = (...l: string[]) => l.join('\n');
  it.each([
    ['Tel.: +351 21 555 0134', 'Tlm: 912 345 678', '912 345 678'],
    ['Tél. : 04 72 00 11 22', 'Portable : 06 98 76 54 32', '06 98 76 54 32'],
    ['T: 020 7946 0321 | M: 07700 900123', '', '07700 900123'],
    ['T +39 02 8736 4410 | M +39 347 555 2190', '', '+39 347 555 2190'],
    ['Oficina: +56 2 2345 6789', 'Cel: +56 9 8765 4321', '+56 9 8765 4321'],
  ])('prefers the mobile in %s / %s', (first, second, phone) => {
    const signature = parseSignature(lines('Best,', 'Ana Souza', 'VP Sales', first, second), { name: 'Ana Souza', email: 'ana@acme.io' });
    expect(signature.phone).toBe(phone);
  });

  it('takes a line that is only a place as the location, and keeps an office address only as a hint', () => {
    expect(parseSignature(lines('Best,', 'Ana Souza', 'Head of Finance', 'Nairobi, Kenya'), { name: 'Ana Souza' })).toMatchObject({
      location: 'Nairobi, Kenya',
      address: 'Nairobi, Kenya',
    });
    const office = parseSignature(lines('Best,', 'Ana Souza', 'Head of Finance', '333 W Wacker Dr, Chicago, IL 60606'), { name: 'Ana Souza' });
    expect(office.location).toBeUndefined();
    expect(office.address).toBe('333 W Wacker Dr, Chicago, IL 60606');
  });
});
