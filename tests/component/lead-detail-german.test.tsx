import { useFreshDatabase } from '../fake-database';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadDetail } from '@/components/LeadDetail';
import { LeadlineDatabase } from '@/lib/db/database';
import { answerCriterion, saveOrMergeProspect } from '@/lib/db/leads';
import { fieldLabel } from '@/lib/model/lead-edit';
import type { NormalisedDraft } from '@/lib/model/normalise';
import { inBrowserLanguage } from '../locale-messages';

const NOW = new Date(2025, 2, 7, 10, 30).getTime();
let db: LeadlineDatabase;

useFreshDatabase((fresh) => (db = fresh));

const JONAS: NormalisedDraft = {
  source: 'linkedin',
  fullName: 'Jonas Weber',
  firstName: 'Jonas',
  lastName: 'Weber',
  title: 'Head of Operations',
  company: 'Nordlicht Logistik GmbH',
  location: 'Hamburg',
  email: 'jonas.weber@nordlicht.example',
  profileUrl: 'https://www.linkedin.com/in/jonas-weber/',
  sourceUrl: 'https://www.linkedin.com/in/jonas-weber/',
  confidence: 0.9,
};

/** Jonas, captured a minute ago, with BANT's Authority met and Budget not met. */
async function showJonas(): Promise<void> {
  const { lead } = await saveOrMergeProspect(db, JONAS, NOW - 60_000);
  await answerCriterion(db, lead.id, 'authority', { status: 'met', note: 'Unterschreibt selbst' }, NOW - 30_000);
  await answerCriterion(db, lead.id, 'budget', { status: 'not_met', note: '' }, NOW - 20_000);
  render(<LeadDetail db={db} now={() => NOW} leadId={lead.id} onBack={() => {}} />);
  await screen.findByRole('heading', { name: 'Jonas Weber' });
}

test('in a German browser the lead detail and its BANT checklist are German, scores and limits written the German way', () =>
  inBrowserLanguage('de', 'de-DE', async () => {
    await showJonas();
    const user = userEvent.setup();

    expect(screen.getByRole('button', { name: 'Zurück zu den Leads' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Schritt für Schritt qualifizieren' })).toBeTruthy();

    const checklist = within(screen.getByRole('region', { name: 'Checkliste BANT' }));
    expect(checklist.getByText('1 von 4 erfüllt')).toBeTruthy();
    expect(checklist.getByText('Noch nicht qualifiziert: benötigt 3 von 4 erfüllt.')).toBeTruthy();
    const authority = within(checklist.getByRole('group', { name: 'Entscheidungsbefugnis' }));
    expect(authority.getByText('Wer entscheidet noch mit, und wer gibt die Freigabe?')).toBeTruthy();
    expect((authority.getByRole('radio', { name: 'Erfüllt' }) as HTMLInputElement).checked).toBe(true);
    expect(authority.getByRole('textbox', { name: 'Notiz zu Entscheidungsbefugnis' })).toBeTruthy();

    // The reasons were stored when the answers were saved; they are worded now, in German.
    const reasons = within(screen.getByRole('list', { name: 'Gründe für den Score' }));
    expect(reasons.getByText('+10 leitende Position (Head)')).toBeTruthy();
    expect(reasons.getByText('+5 Firma bekannt')).toBeTruthy();
    expect(reasons.getByText('+8 Entscheidungsbefugnis erfüllt')).toBeTruthy();
    expect(reasons.getByText('\u22125 Budget nicht erfüllt')).toBeTruthy();

    // A limit in an error message is a German number: 2.048, not 2,048.
    await user.click(screen.getByText('Kontaktdaten'));
    const website = screen.getByText(fieldLabel('website'), { selector: 'dt' }).parentElement!;
    await user.click(within(website).getByRole('button'));
    await user.click(within(website).getByRole('textbox'));
    await user.paste(`https://nordlicht.example/${'a'.repeat(2_050)}`);
    await user.keyboard('{Enter}');
    expect((await within(website).findByRole('alert')).textContent).toBe(`${fieldLabel('website')} ist länger als 2.048 Zeichen.`);
  }));

test('in a German browser the walk-through asks its questions and shows its key hints in German', () =>
  inBrowserLanguage('de', 'de-DE', async () => {
    await showJonas();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Schritt für Schritt qualifizieren' }));

    // It starts at the first criterion without an answer: Need, the third of four.
    expect(screen.getByText('BANT Schritt für Schritt · Jonas Weber')).toBeTruthy();
    expect(screen.getByText('Kriterium 3 von 4 · 1 von 4 erfüllt')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Bedarf' })).toBeTruthy();
    const questions = within(screen.getByRole('list', { name: 'Zu stellende Fragen' }));
    expect(questions.getByText('Wie lösen Sie es heute?')).toBeTruthy();
    await user.keyboard('1');
    expect(await screen.findByText('Kriterium 4 von 4 · 2 von 4 erfüllt')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Zeitrahmen' })).toBeTruthy();
    expect(screen.getByText(/In der Notiz geht Eingabe weiter und Esc verlässt die Notiz\./)).toBeTruthy();
  }));
