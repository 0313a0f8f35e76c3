import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase, useFreshDatabase } from '../../fake-database';
import { normaliseDraft, type NormalisedDraft } from '@/lib/model/normalise';
import { LeadlineDatabase } from '@/lib/db/database';
import { activitiesFor, answerCriterion, editLeadFields, enrichCompanyLeads, saveOrMergeProspect, setStage, switchLeadFramework } from '@/lib/db/leads';
import { saveSettings } from '@/lib/db/settings';

const T0 = Date.UTC(2026, 10, 2, 9, 0);
const T1 = T0 + 3_600_000;

const maria: NormalisedDraft = {
  source: 'linkedin',
  sourceUrl: 'https://www.linkedin.com/in/maria-jose-garcia-lopez/',
  profileUrl: 'https://www.linkedin.com/in/maria-jose-garcia-lopez/',
  fullName: 'María José García-López',
  firstName: 'María José',
  lastName: 'García-López',
  headline: 'Head of Revenue Operations at Nimbus Analytics',
  title: 'Head of Revenue Operations',
  company: 'Nimbus Analytics',
  location: 'Madrid, Spain',
  confidence: 0.95,
};

describe('saveOrMergeProspect', () => {
  let db: LeadlineDatabase;

  useFreshDatabase((fresh) => (db = fresh));

  it('creates a new lead in stage New and logs the capture', async () => {
    const outcome = await saveOrMergeProspect(db, maria, T0);
    expect(outcome.status).toBe('created');
    const lead = await db.leads.get(outcome.lead.id);
    expect(lead).toMatchObject({ fullName: 'María José García-López', stage: 'new', company: 'Nimbus Analytics' });
    expect(lead?.stageHistory).toEqual([{ stage: 'new', at: T0 }]);
    expect((await activitiesFor(db, outcome.lead.id)).map((a) => a.text)).toEqual(['Captured from LinkedIn']);
  });

  it('recognises the same profile under another URL form and does not create a twin', async () => {
    await saveOrMergeProspect(db, maria, T0);
    const recaptured = normaliseDraft({ ...maria, profileUrl: 'https://es.linkedin.com/in/Maria-Jose-Garcia-Lopez?originalSubdomain=es' });
    if (!recaptured.ok) throw new Error(recaptured.message);
    const again = await saveOrMergeProspect(db, recaptured.draft, T1);
    expect(again.status).toBe('unchanged');
    expect(await db.leads.count()).toBe(1);
  });

  it('matches by email regardless of case, and fills the fields the new source adds', async () => {
    await saveOrMergeProspect(db, { ...maria, email: 'mj.garcia@nimbus.example' }, T0);
    const fromInbox: NormalisedDraft = {
      source: 'gmail',
      fullName: 'María García',
      email: 'MJ.Garcia@Nimbus.example',
      phone: '+34 612 34 56 78',
      phoneE164: '+34612345678',
      website: 'https://nimbus.example/',
      confidence: 0.8,
    };
    const outcome = await saveOrMergeProspect(db, fromInbox, T1);
    expect(outcome.status).toBe('merged');
    const [lead] = await db.leads.toArray();
    expect(await db.leads.count()).toBe(1);
    expect(lead).toMatchObject({
      fullName: 'María José García-López',
      phone: '+34 612 34 56 78',
      phoneE164: '+34612345678',
      website: 'https://nimbus.example/',
    });
    const log = await activitiesFor(db, lead!.id);
    expect(log[0]?.text).toBe('Updated from Gmail: phone, website');
  });

  it('matches by name and company when there is no email or profile URL', async () => {
    await saveOrMergeProspect(db, maria, T0);
    const outcome = await saveOrMergeProspect(
      db,
      { source: 'web', fullName: 'Maria Jose Garcia-Lopez', company: 'Nimbus Analytics, Inc.', email: 'mj@nimbus.example', confidence: 0.6 },
      T1,
    );
    expect(outcome.status).toBe('merged');
    expect(await db.leads.count()).toBe(1);
  });

  it('proposes a changed job from a newer capture of the same source instead of writing it', async () => {
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    const outcome = await saveOrMergeProspect(db, { ...maria, title: 'VP Revenue', company: 'Stratus Cloud' }, T1);
    expect(outcome).toMatchObject({ status: 'merged', changedFields: [], proposedFields: ['title', 'company'] });
    const stored = await db.leads.get(lead.id);
    expect(stored).toMatchObject({ title: 'Head of Revenue Operations', company: 'Nimbus Analytics', jobChangeAt: T1 });
    expect(stored?.proposals).toEqual([
      { field: 'title', value: 'VP Revenue', source: 'linkedin', at: T1 },
      { field: 'company', value: 'Stratus Cloud', source: 'linkedin', at: T1 },
    ]);
    expect((await activitiesFor(db, lead.id)).map((a) => a.text)).toEqual(
      expect.arrayContaining([
        'LinkedIn now says title: VP Revenue (was Head of Revenue Operations)',
        'LinkedIn now says company: Stratus Cloud (was Nimbus Analytics)',
      ]),
    );
  });

  it('asks once: the same capture again adds no second proposal and no second log line', async () => {
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    await saveOrMergeProspect(db, { ...maria, title: 'VP Revenue' }, T1);
    const again = await saveOrMergeProspect(db, { ...maria, title: 'VP Revenue' }, T1 + 1);
    expect(again.status).toBe('unchanged');
    expect((await db.leads.get(lead.id))?.proposals).toHaveLength(1);
    const log = (await activitiesFor(db, lead.id)).map((a) => a.text);
    expect(log.filter((text) => text.startsWith('LinkedIn now says'))).toHaveLength(1);
  });

  it('takes the whole of a text a list showed cut short, without asking', async () => {
    const { lead } = await saveOrMergeProspect(db, { ...maria, headline: 'Head of Revenue Operations at Nim…' }, T0);
    const outcome = await saveOrMergeProspect(db, maria, T1);
    expect(outcome).toMatchObject({ status: 'merged', changedFields: ['headline'], proposedFields: [] });
    expect((await db.leads.get(lead.id))?.headline).toBe(maria.headline);
  });

  it('forgets a proposal when the page says the stored value again', async () => {
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    await saveOrMergeProspect(db, { ...maria, title: 'VP Revenue' }, T1);
    await saveOrMergeProspect(db, maria, T1 + 1);
    const stored = await db.leads.get(lead.id);
    expect(stored?.proposals).toBeUndefined();
    expect(stored?.jobChangeAt).toBeUndefined();
  });

  it('never overwrites a field the rep edited by hand, and proposes the page’s new value instead', async () => {
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    await editLeadFields(db, lead.id, { title: 'Head of RevOps (EMEA)' }, T0 + 1);
    await saveOrMergeProspect(db, { ...maria, title: 'VP Revenue' }, T1);
    const stored = await db.leads.get(lead.id);
    expect(stored?.title).toBe('Head of RevOps (EMEA)');
    expect(stored?.proposals).toMatchObject([{ field: 'title', value: 'VP Revenue' }]);
  });

  it('does not propose back the value the rep typed over', async () => {
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    await editLeadFields(db, lead.id, { title: 'Head of RevOps (EMEA)' }, T0 + 1);
    const again = await saveOrMergeProspect(db, maria, T1);
    expect(again.status).toBe('unchanged');
    expect((await db.leads.get(lead.id))?.proposals).toBeUndefined();
  });

  it('does not refill a field the rep emptied by hand', async () => {
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    await editLeadFields(db, lead.id, { location: undefined }, T0 + 1);
    await saveOrMergeProspect(db, { ...maria, source: 'gmail', email: 'mj@nimbus.example' }, T1);
    expect((await db.leads.get(lead.id))?.location).toBeUndefined();
  });

  it('never lets another source replace a value it already has', async () => {
    const { lead } = await saveOrMergeProspect(db, { ...maria, email: 'mj.garcia@nimbus.example' }, T0);
    await saveOrMergeProspect(db, { source: 'gmail', fullName: 'Maria G.', email: 'mj.garcia@nimbus.example', confidence: 0.7 }, T1);
    expect((await db.leads.get(lead.id))?.fullName).toBe('María José García-López');
  });

  it('keeps the existing lead whole when the write fails half-way', async () => {
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    vi.spyOn(db.activities, 'add').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(saveOrMergeProspect(db, { ...maria, title: 'VP Revenue' }, T1)).rejects.toThrow();
    expect(await db.leads.get(lead.id)).toEqual(lead);
    expect(await db.leads.count()).toBe(1);
  });

  it('records every stage change with its time', async () => {
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    await setStage(db, lead.id, 'contacted', T1);
    const updated = await db.leads.get(lead.id);
    expect(updated?.stage).toBe('contacted');
    expect(updated?.stageHistory).toEqual([
      { stage: 'new', at: T0 },
      { stage: 'contacted', at: T1 },
    ]);
    expect((await activitiesFor(db, lead.id))[0]?.text).toBe('Stage: New → Contacted');
  });
});

describe('the context of a capture', () => {
  it('logs an email thread subject as an activity, once', async () => {
    const db = freshDatabase();
    const draft: NormalisedDraft = {
      source: 'gmail',
      fullName: 'Ana Bell',
      email: 'ana@acme.io',
      context: 'Email: Pricing for 50 seats',
      confidence: 0.9,
    };
    const { lead } = await saveOrMergeProspect(db, draft, T0);
    await saveOrMergeProspect(db, draft, T1);
    const texts = (await activitiesFor(db, lead.id)).map((a) => a.text);
    expect(texts.filter((t) => t === 'Email: Pricing for 50 seats')).toHaveLength(1);
    expect(texts).toContain('Captured from Gmail');
    await db.delete();
  });
});

describe('the framework a new lead starts with', () => {
  it('is the default framework from the settings', async () => {
    const db = freshDatabase();
    await saveSettings(db, { defaultFrameworkId: 'meddic' });
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    expect(lead.checklist.frameworkId).toBe('meddic');
    await db.delete();
  });
});

describe('switching a lead to another framework', () => {
  it('keeps answers whose criteria mean the same and reports the rest', async () => {
    const db = freshDatabase();
    const { lead } = await saveOrMergeProspect(db, maria, T0);
    await answerCriterion(db, lead.id, 'budget', { status: 'met', note: '€40k approved' }, T1);
    await answerCriterion(db, lead.id, 'timeline', { status: 'met', note: 'Q3' }, T1);
    const { lead: switched, kept } = await switchLeadFramework(db, lead.id, 'champ', T1 + 1);
    expect(switched.checklist.frameworkId).toBe('champ');
    expect(switched.checklist.answers['money']).toEqual({ status: 'met', note: '€40k approved' });
    expect(kept).toContain('budget');
    await db.delete();
  });
});

describe('company details from a LinkedIn company page', () => {
  it('fills empty company fields on every lead at that company and leaves others alone', async () => {
    const db = freshDatabase();
    const { lead: kwame } = await saveOrMergeProspect(db, { source: 'linkedin', fullName: 'Kwame Mensah', company: 'Lumen Analytics GmbH', location: 'Accra', confidence: 0.9 }, T0);
    const { lead: other } = await saveOrMergeProspect(db, { source: 'linkedin', fullName: 'Ana Bell', company: 'Acme', confidence: 0.9 }, T0);
    const updated = await enrichCompanyLeads(
      db,
      { company: 'Lumen Analytics', industry: 'Software Development', companySize: '201-500 employees', location: 'Berlin, Berlin' },
      T1,
    );
    expect(updated).toBe(1);
    expect(await db.leads.get(kwame.id)).toMatchObject({ industry: 'Software Development', companySize: '201-500 employees', location: 'Accra' });
    expect((await db.leads.get(other.id))?.industry).toBeUndefined();
    expect((await activitiesFor(db, kwame.id))[0]?.text).toBe('Company details from LinkedIn: industry, company size');
    await db.delete();
  });
});
