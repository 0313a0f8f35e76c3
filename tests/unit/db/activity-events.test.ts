import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import {
  activitiesFor,
  addManualLead,
  editLeadField,
  enrichCompanyLeads,
  resolveProposal,
  saveOrMergeProspect,
  setStage,
  timelineFor,
} from '@/lib/db/leads';
import { addReminder, addReminderToLeads, completeReminder, snoozeReminder } from '@/lib/db/reminders';
import { setStageOfLeads, undoStageOfLeads } from '@/lib/db/bulk-leads';
import { deleteTemplateMovingLeads, saveTemplate } from '@/lib/db/templates';
import { importRows } from '@/lib/io/import/run';
import { parseCsv } from '@/lib/io/import/parse';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { validateRows } from '@/lib/io/import/validate';
import { backupToJson, createBackup, restoreBackup } from '@/lib/io/backup';
import { parseBackup } from '@/lib/io/backup-parse';
import { ActivitySchema, type Activity } from '@/lib/model/lead';
import { englishText } from '@/lib/model/activity-event';
import { DAY } from '@/lib/followup/reminders';
import { freshDatabase } from '../../fake-database';

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const HOUR = 3_600_000;

/** The newest entry of a lead's log, checked against the stored shape. */
async function latest(db: Parameters<typeof activitiesFor>[0], leadId: string): Promise<Activity> {
  const [entry] = await activitiesFor(db, leadId);
  return ActivitySchema.parse(entry);
}

describe('every place that logs an activity stores what happened as an event, with its English text beside it', () => {
  const db = useFreshDatabase();

  async function captureAna() {
    return (
      await saveOrMergeProspect(
        db(),
        { source: 'linkedin', fullName: 'Ana Bell', title: 'Head of Sales', company: 'Northwind', confidence: 0.9 },
        T0,
      )
    ).lead;
  }

  it('a capture, a re-capture that fills fields, and one that proposes a change', async () => {
    const lead = await captureAna();
    expect(await latest(db(), lead.id)).toMatchObject({ kind: 'captured', text: 'Captured from LinkedIn', event: { type: 'captured', source: 'linkedin' } });

    await saveOrMergeProspect(db(), { source: 'linkedin', fullName: 'Ana Bell', company: 'Northwind', location: 'Lisbon', confidence: 0.9 }, T0 + HOUR);
    expect(await latest(db(), lead.id)).toMatchObject({
      kind: 'updated',
      text: 'Updated from LinkedIn: location',
      event: { type: 'filled', source: 'linkedin', fields: ['location'] },
    });

    await editLeadField(db(), lead.id, 'title', 'VP Sales', T0 + 2 * HOUR);
    await saveOrMergeProspect(db(), { source: 'linkedin', fullName: 'Ana Bell', company: 'Northwind', title: 'CRO', confidence: 0.9 }, T0 + 3 * HOUR);
    const log = await activitiesFor(db(), lead.id);
    expect(log.map((a) => a.event)).toContainEqual({ type: 'edited', field: 'title', from: 'Head of Sales', to: 'VP Sales' });
    expect(log.find((a) => a.event?.type === 'edited')?.text).toBe('Edited title: VP Sales (was Head of Sales)');
  });

  it('an email capture logs the thread subject as an email event', async () => {
    const { lead } = await saveOrMergeProspect(
      db(),
      { source: 'gmail', fullName: 'Ben Okafor', email: 'ben@contoso.example', context: 'Re: Pricing for 40 seats', confidence: 0.9 },
      T0,
    );
    const log = await activitiesFor(db(), lead.id);
    expect(log).toContainEqual(expect.objectContaining({ kind: 'email', text: 'Re: Pricing for 40 seats', event: { type: 'email', subject: 'Re: Pricing for 40 seats' } }));
  });

  it('a proposal accepted, a lead typed in by hand, a company page', async () => {
    const lead = await captureAna();
    await editLeadField(db(), lead.id, 'title', 'VP Sales', T0 + HOUR);
    await saveOrMergeProspect(db(), { source: 'linkedin', fullName: 'Ana Bell', company: 'Northwind', title: 'CRO', confidence: 0.9 }, T0 + 2 * HOUR);
    await resolveProposal(db(), lead.id, 'title', 'update', T0 + 3 * HOUR);
    expect(await latest(db(), lead.id)).toMatchObject({
      text: 'Updated title to CRO from LinkedIn (was VP Sales)',
      event: { type: 'proposal', choice: 'update', source: 'linkedin', field: 'title', value: 'CRO', was: 'VP Sales' },
    });

    const manual = await addManualLead(db(), { fullName: 'Chen Wei', company: 'Tailspin' }, T0);
    if (manual.status !== 'created') throw new Error(manual.status);
    expect(await latest(db(), manual.lead.id)).toMatchObject({ kind: 'captured', text: 'Added by hand', event: { type: 'added' } });

    await enrichCompanyLeads(db(), { company: 'Tailspin', industry: 'Aviation' }, T0 + HOUR);
    expect(await latest(db(), manual.lead.id)).toMatchObject({
      text: 'Company details from LinkedIn: industry',
      event: { type: 'companyDetails', fields: ['industry'] },
    });
  });

  it('a stage move keeps the checklist progress as numbers, and a rep’s reason as written', async () => {
    const lead = await captureAna();
    await setStage(db(), lead.id, 'qualified', T0 + HOUR, 'BANT 0 of 4 met');
    expect(await latest(db(), lead.id)).toMatchObject({
      kind: 'stage',
      text: 'Stage: New → Qualified (BANT 0 of 4 met)',
      event: { type: 'stage', from: 'new', to: 'qualified', checklist: { framework: 'BANT', met: 0, total: 4 } },
    });
    await setStage(db(), lead.id, 'disqualified', T0 + 2 * HOUR, 'No budget this year');
    expect((await latest(db(), lead.id)).event).toEqual({ type: 'stage', from: 'qualified', to: 'disqualified', reason: 'No budget this year' });
  });

  it('a bulk stage change and its undo', async () => {
    const lead = await captureAna();
    const change = await setStageOfLeads(db(), [lead.id], 'contacted', T0 + HOUR);
    expect((await latest(db(), lead.id)).event).toEqual({ type: 'stage', from: 'new', to: 'contacted' });
    await undoStageOfLeads(db(), change, T0 + 2 * HOUR);
    expect(await latest(db(), lead.id)).toMatchObject({
      text: 'Undone: Stage: Contacted → New',
      event: { type: 'stageUndone', from: 'contacted', to: 'new' },
    });
  });

  it('follow-ups set, snoozed and done carry their due time as an epoch', async () => {
    const lead = await captureAna();
    const reminder = await addReminder(db(), { leadId: lead.id, dueAt: T0 + DAY, note: 'Send the deck' }, T0);
    expect((await latest(db(), lead.id)).event).toEqual({ type: 'followUpSet', dueAt: T0 + DAY, note: 'Send the deck' });
    await snoozeReminder(db(), reminder.id, T0 + DAY, DAY);
    expect((await latest(db(), lead.id)).event).toEqual({ type: 'followUpSnoozed', dueAt: T0 + 2 * DAY });
    await completeReminder(db(), reminder.id, T0 + 2 * DAY);
    expect(await latest(db(), lead.id)).toMatchObject({ text: 'Follow-up done: Send the deck', event: { type: 'followUpDone', note: 'Send the deck' } });
    await addReminderToLeads(db(), [lead.id], { dueAt: T0 + 5 * DAY }, T0 + 3 * DAY);
    expect((await latest(db(), lead.id)).event).toEqual({ type: 'followUpSet', dueAt: T0 + 5 * DAY });
  });

  it('a deleted template moves the checklist and says so', async () => {
    const lead = await captureAna();
    await saveTemplate(db(), {
      id: 'custom-fit',
      name: 'Fit check',
      builtIn: false,
      criteria: [{ id: 'budget', label: 'Budget', question: 'Is there budget?', weight: 1 }],
      rule: { minMet: 1 },
    } as never);
    await db().leads.update(lead.id, { checklist: { frameworkId: 'custom-fit', answers: {} } });
    await deleteTemplateMovingLeads(db(), 'custom-fit', T0 + HOUR);
    expect((await latest(db(), lead.id)).event).toEqual({ type: 'checklistMoved', framework: 'BANT', template: 'Fit check' });
  });

  it('an import that adds to a lead, and the import a lead came from', async () => {
    const lead = await captureAna();
    await db().leads.update(lead.id, { email: 'ana@northwind.example', emailKey: 'ana@northwind.example' });
    const parsed = await parseCsv('Email,Phone Number\nana@northwind.example,+1 415 555 0134\nzoe@fabrikam.example,\n');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const rows = validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers), { defaultCountry: 'US' });
    await importRows(db(), rows, { listName: 'SaaStr badge scans', mode: 'valid-only', now: T0 + HOUR, yieldToUi: () => Promise.resolve() });
    expect(await latest(db(), lead.id)).toMatchObject({
      // The list's name becomes a tag too.
      text: 'Updated from import "SaaStr badge scans": phone, tags',
      event: { type: 'importUpdated', list: 'SaaStr badge scans', fields: ['phone'], tags: true },
    });
    const zoe = await db().leads.where('emailKey').equals('zoe@fabrikam.example').first();
    const [first] = (await timelineFor(db(), zoe!)).reverse();
    expect(first).toMatchObject({ text: 'Imported from "SaaStr badge scans"', event: { type: 'imported', list: 'SaaStr badge scans' } });
  });

  it('every stored event’s English text is what its event says in English', async () => {
    const lead = await captureAna();
    await setStage(db(), lead.id, 'contacted', T0 + HOUR);
    await addReminder(db(), { leadId: lead.id, dueAt: T0 + DAY }, T0);
    for (const entry of await db().activities.toArray()) expect(entry.text).toBe(englishText(entry.event!));
  });
});

describe('backups', () => {
  it('carry the events and restore them; an entry with text only restores as it was', async () => {
    const source = freshDatabase();
    const target = freshDatabase();
    try {
      const { lead } = await saveOrMergeProspect(source, { source: 'outlook', fullName: 'Dana Ruiz', confidence: 0.9 }, T0);
      await setStage(source, lead.id, 'contacted', T0 + HOUR);
      await source.activities.add({ leadId: lead.id, kind: 'note', at: T0 + 2 * HOUR, text: 'Met at the booth (written by an older version)' });
      const parsed = parseBackup(backupToJson(await createBackup(source, T0 + DAY)));
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      await restoreBackup(target, parsed.backup, 'replace');
      const restored = await activitiesFor(target, lead.id);
      expect(restored.map((a) => a.event)).toEqual([undefined, { type: 'stage', from: 'new', to: 'contacted' }, { type: 'captured', source: 'outlook' }]);
      expect(restored[0]?.text).toBe('Met at the booth (written by an older version)');
    } finally {
      await source.delete();
      await target.delete();
    }
  });

  it('from a newer version: an event this version cannot read is dropped and its text kept', () => {
    const entry = ActivitySchema.parse({ leadId: 'l1', kind: 'note', at: T0, text: 'Called, left a voicemail', event: { type: 'call', seconds: 40 } });
    expect(entry).toEqual({ leadId: 'l1', kind: 'note', at: T0, text: 'Called, left a voicemail' });
  });
});
