import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '@/lib/model/framework';
import type { Lead } from '@/lib/model/lead';
import { getFramework } from '@/lib/qualify/frameworks';
import { applyLearnedWeights } from '@/lib/qualify/learned-weights';
import { scoreLead } from '@/lib/qualify/score';
import { scoreReasonText } from '@/lib/qualify/score-text';
import { inBrowserLanguage } from '../../locale-messages';

const NOW = Date.UTC(2026, 10, 29, 9);
const DAY = 86_400_000;
const bant = getFramework('bant');

function lead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: 'l1',
    fullName: 'Lucía Fernández',
    title: 'Directora de Ventas',
    company: 'Aurora Textil',
    email: 'lucia@aurora.example',
    source: 'linkedin',
    stage: 'contacted',
    stageHistory: [],
    checklist: { frameworkId: 'bant', answers: { need: { status: 'met', note: '' } } },
    score: 0,
    scoreReasons: [],
    tags: [],
    signals: ['demo_request'],
    notes: '',
    editedFields: [],
    createdAt: NOW - 10 * DAY,
    updatedAt: NOW - 3 * DAY,
    ...overrides,
  } as Lead;
}

const words = (subject: Lead) => scoreLead(subject, bant, NOW, { count: 4, lastAt: NOW - 3 * DAY }).reasons.map((r) => scoreReasonText(r, bant));

describe('score reasons in the UI language', () => {
  it('reads in English as the stored text does', () => {
    const { reasons } = scoreLead(lead(), bant, NOW, { count: 4, lastAt: NOW - 3 * DAY });
    expect(reasons.map((r) => scoreReasonText(r, bant))).toEqual([
      '+5 company known',
      '+5 reachable by email',
      '+20 requested a demo',
      '+13 4 activities, last contact 3 days ago',
      '+7 Need met',
    ]);
  });

  it('words the same stored reasons in Spanish, criteria by their Spanish name', async () => {
    expect(await inBrowserLanguage('es', 'es-ES', () => words(lead()))).toEqual([
      '+5 empresa conocida',
      '+5 localizable por correo electrónico',
      '+20 pidió una demo',
      '+13 4 actividades, último contacto hace 3 días',
      '+7 Necesidad: cumplido',
    ]);
  });

  it('counts one activity in the singular', async () => {
    const { reasons } = scoreLead(lead(), bant, NOW, { count: 1, lastAt: NOW - 1.5 * DAY });
    expect(await inBrowserLanguage('de', 'de-DE', () => scoreReasonText(reasons.at(-2)!, bant))).toBe('+7 1 Aktivität, letzter Kontakt gestern');
  });

  it('writes a learned weight with the locale’s decimal comma', async () => {
    const { reasons } = applyLearnedWeights({ weights: [0.4, 1.6, 0.2, 0.8], bias: -1, trainedOn: 1250 }, [0.5, 0.9, 0.4, 0.6]);
    const texts = await inBrowserLanguage('pt_BR', 'pt-BR', () => reasons.map((r) => scoreReasonText(r, bant)));
    expect(texts[0]).toBe('Aprendido com seus 1.250 leads encerrados: intenção é o que mais conta');
    expect(texts).toContainEqual(expect.stringMatching(/^\+\d+ intenção \(peso \+1,6\)$/));
  });

  it('keeps the text of a reason stored before reasons said what they mean', async () => {
    const old = { points: 5, text: '+5 company known' };
    expect(await inBrowserLanguage('fr', 'fr-FR', () => scoreReasonText(old, bant))).toBe('+5 company known');
  });

  it('names a criterion of the rep’s own template as written', async () => {
    const own = FrameworkSchema.parse({
      id: 'partner-fit',
      name: 'Partner fit',
      criteria: [{ id: 'region', label: 'Covers our region', questions: ['Which countries do you sell in?'] }],
      rule: { minMet: 1 },
    });
    const subject = lead({ checklist: { frameworkId: 'partner-fit', answers: { region: { status: 'met', note: '' } } } });
    const reason = scoreLead(subject, own, NOW).reasons.at(-1)!;
    expect(await inBrowserLanguage('de', 'de-DE', () => scoreReasonText(reason, own))).toBe('+30 Covers our region erfüllt');
  });
});
