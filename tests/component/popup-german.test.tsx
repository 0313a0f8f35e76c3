import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/components/App';
import { describeDue, describeWhen } from '@/components/when';
import { logImport } from '@/lib/db/import-log';
import { addReminder } from '@/lib/db/reminders';
import { inBrowserLanguage } from '../locale-messages';
import { DAY, HOUR, NOW, addLead, linkedInDraft, useTestDatabase } from './popup-data';

const database = useTestDatabase();

// NOW is Friday 7 March 2025, 10:30 local time; the popup words times in the local zone.
describe('the popup in a German browser', () => {
  test('Today speaks German, with German times, counts and plurals', async () => {
    const db = database();
    const ada = await addLead(db, linkedInDraft('Ada', 'Lovelace', { company: 'Analytical Engines', email: 'ada@engines.example' }), NOW - DAY);
    const alan = await addLead(db, linkedInDraft('Alan', 'Turing'), NOW - DAY);
    await addReminder(db, { leadId: ada.id, dueAt: NOW - HOUR, note: 'Angebot besprechen' }, NOW - DAY);
    await addReminder(db, { leadId: alan.id, dueAt: NOW + 2 * HOUR + 15 * 60 * 1000 }, NOW - DAY);
    // A morning's badge-scan import, as the import writes it to the log Today reads.
    await logImport(db, { list: 'SaaStr Badge-Scans', imported: 1234, at: NOW - 2 * HOUR });

    await inBrowserLanguage('de', 'de-DE', async () => {
      const user = userEvent.setup();
      render(<App db={db} now={() => NOW} />);

      expect(screen.getByRole('button', { name: 'Heute' }).getAttribute('aria-pressed')).toBe('true');
      expect(screen.getByRole('button', { name: 'Alle Leads' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Qualifizierte Leads exportieren' })).toBeTruthy();

      const followUps = await screen.findByRole('list', { name: 'Heute fällige Wiedervorlagen' });
      const [overdue, later] = within(followUps).getAllByRole('listitem');
      expect(within(overdue!).getByRole('time').textContent).toBe('Überfällig seit 09:30');
      expect(within(later!).getByRole('time').textContent).toBe('Heute 12:45');
      expect(within(overdue!).getByRole('button', { name: 'E-Mail-Adresse von Ada Lovelace kopieren' })).toBeTruthy();

      const imports = screen.getByRole('list', { name: 'Heute importiert' });
      expect(within(imports).getByRole('link').textContent).toBe('1.234 Leads heute aus „SaaStr Badge-Scans“ importiert');

      await user.click(within(overdue!).getByRole('button', { name: 'Erledigt' }));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Wiedervorlage erledigt: Ada Lovelace.'));
      const undo = await screen.findByRole('region', { name: 'Rückgängig' });
      expect(undo.textContent).toContain('Wiedervorlage mit Ada Lovelace als erledigt markiert.');

      await user.click(within(undo).getByRole('button', { name: 'Rückgängig' }));
      expect((await within(undo).findByRole('status')).textContent).toBe('Die Wiedervorlage mit Ada Lovelace ist wieder offen.');
    });
  });

  test('All leads counts and searches in German', async () => {
    const db = database();
    await addLead(db, linkedInDraft('Ada', 'Lovelace'), NOW - DAY);

    await inBrowserLanguage('de', 'de-DE', async () => {
      const user = userEvent.setup();
      render(<App db={db} now={() => NOW} />);
      await user.click(screen.getByRole('button', { name: 'Alle Leads' }));

      const search = await screen.findByRole('searchbox', { name: 'Leads durchsuchen' });
      expect(search.getAttribute('placeholder')).toBe('Nach Name, Firma oder E-Mail suchen');
      expect(await screen.findByText('1 Lead')).toBeTruthy();
      await user.type(search, 'Grace');
      expect(await screen.findByText('Keine Leads passen zu „Grace“.')).toBeTruthy();
    });
  });

  test('follow-up times use German day words and weekday names', async () => {
    await inBrowserLanguage('de', 'de-DE', () => {
      expect(describeWhen(NOW + DAY - HOUR, NOW)).toBe('Morgen 09:30');
      expect(describeDue(NOW - DAY, NOW)).toBe('Überfällig seit gestern 10:30');
      // Monday 10 March: ICU versions differ on the abbreviation's full stop.
      expect(describeWhen(NOW + 3 * DAY, NOW)).toMatch(/^Mo\.? 10:30$/);
    });
    // And back in English, as the other tests expect.
    expect(describeWhen(NOW + DAY - HOUR, NOW)).toBe('Tomorrow 9:30 AM');
    expect(describeDue(NOW - DAY, NOW)).toBe('Overdue since yesterday 10:30 AM');
  });
});
