import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase, useFreshDatabase } from '../../../fake-database';
import { normaliseDraft } from '@/lib/model/normalise';
import { LeadlineDatabase } from '@/lib/db/database';
import { activitiesFor, editLeadFields, saveOrMergeProspect, setNotes, setStage, timelineFor } from '@/lib/db/leads';
import { leadsToCsv } from '@/lib/io/export-csv';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { parseCsv } from '@/lib/io/import/parse';
import { formatImportReport, importRows, type ImportOptions, type ImportReport } from '@/lib/io/import/run';
import { validateRows, type ValidatedRow } from '@/lib/io/import/validate';
import { leadsToPresetCsv } from '@/lib/io/presets';
import type { Activity, Lead } from '@/lib/model/lead';
import type { Stage } from '@/lib/model/stage';
import { fixtureBytes } from './fixtures';

const T0 = Date.UTC(2025, 2, 3, 9, 0);
const T1 = T0 + 86_400_000;
const noWait = () => Promise.resolve();

async function rowsFrom(input: string | Uint8Array): Promise<ValidatedRow[]> {
  const parsed = await parseCsv(input);
  if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
  return validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers), { defaultCountry: 'US' });
}

const options = (overrides: Partial<ImportOptions> = {}): ImportOptions => ({
  listName: 'HubSpot export Feb 2025',
  mode: 'valid-only',
  now: T1,
  yieldToUi: noWait,
  ...overrides,
});

async function byEmail(db: LeadlineDatabase, email: string): Promise<Lead | undefined> {
  return db.leads.where('emailKey').equals(email).first();
}

async function snapshot(db: LeadlineDatabase) {
  return { leads: await db.leads.orderBy('id').toArray(), activities: await db.activities.orderBy('id').toArray() };
}

describe('importing rows', () => {
  let db: LeadlineDatabase;

  useFreshDatabase((fresh) => (db = fresh));

  it('imports a HubSpot export, merging its duplicate and skipping the row without a name or email', async () => {
    const report = await importRows(db, await rowsFrom(fixtureBytes('hubspot-contacts.csv')), options());
    expect(report).toMatchObject({ imported: 6, merged: 1, skipped: 1, aborted: false });
    expect(await db.leads.count()).toBe(6);
  });

  it('reports what happened in one readable line', async () => {
    const report = await importRows(db, await rowsFrom(fixtureBytes('hubspot-contacts.csv')), options());
    expect(formatImportReport(report)).toBe(
      '6 imported, 1 merged, 1 skipped: line 5 — no name or email; line 6 — "lukas.becker(at)fabrik.example" is not a valid email address; imported without it',
    );
  });

  it('takes stages from HubSpot lifecycle stage and lead status', async () => {
    await importRows(db, await rowsFrom(fixtureBytes('hubspot-contacts.csv')), options());
    const stages = Object.fromEntries((await db.leads.toArray()).map((l) => [l.lastName, l.stage]));
    expect(stages).toEqual({
      Raman: 'qualified',
      'Ó Briain': 'contacted',
      Chen: 'nurturing',
      Becker: 'customer',
      Rossi: 'disqualified',
      Bello: 'contacted',
    });
  });

  it('records the imported stage in the stage history', async () => {
    await importRows(db, await rowsFrom(fixtureBytes('hubspot-contacts.csv')), options());
    expect((await byEmail(db, 'priya.raman@northwind.example'))?.stageHistory).toEqual([{ stage: 'qualified', at: T1 }]);
  });

  it('tags every imported lead with the list name', async () => {
    await importRows(db, await rowsFrom(fixtureBytes('hubspot-contacts.csv')), options());
    const leads = await db.leads.toArray();
    expect(leads.every((l) => l.tags.includes('HubSpot export Feb 2025'))).toBe(true);
  });

  it('logs where each new lead came from', async () => {
    await importRows(db, await rowsFrom('Name,Email\nAda Lovelace,ada@example.com\n'), options({ listName: 'SaaStr badge scans' }));
    const lead = await byEmail(db, 'ada@example.com');
    expect(lead).toMatchObject({ source: 'import', sourceList: 'SaaStr badge scans', capturedAt: T1 });
    // Told by the lead itself, not by one stored activity row per imported lead.
    expect(await activitiesFor(db, lead!.id)).toEqual([]);
    expect((await timelineFor(db, lead!)).map((a) => [a.kind, a.text, a.at])).toEqual([['imported', 'Imported from "SaaStr badge scans"', T1]]);
  });

  it('says a lead came from a file when the list has no name', async () => {
    await importRows(db, await rowsFrom('Name,Email\nAda Lovelace,ada@example.com\n'), options({ listName: '  ' }));
    const lead = await byEmail(db, 'ada@example.com');
    expect(lead?.sourceList).toBeUndefined();
    expect((await timelineFor(db, lead!)).map((a) => a.text)).toEqual(['Imported from a file']);
  });

  it('stores a formula from a cell as plain text', async () => {
    await importRows(db, await rowsFrom(fixtureBytes('hubspot-contacts.csv')), options());
    expect((await byEmail(db, 'aisha.bello@kestrel.example'))?.title).toBe('=HYPERLINK("http://evil.example","Open")');
  });

  it('reads a windows-1252 Salesforce report with stages, notes and locations', async () => {
    await importRows(db, await rowsFrom(fixtureBytes('salesforce-leads-windows-1252.csv')), options({ listName: 'Salesforce' }));
    expect(await byEmail(db, 'zoe@nordlys.example')).toMatchObject({
      fullName: 'Zoë Ångström',
      company: 'Nordlys AS',
      stage: 'customer',
      location: 'Oslo, Norway',
      notes: 'Signed annual plan, €12,000',
    });
  });

  it('reads Pipedrive labels as tags', async () => {
    await importRows(db, await rowsFrom(fixtureBytes('pipedrive-people.csv')), options({ listName: 'Pipedrive' }));
    expect((await byEmail(db, 'ana.souza@cafebrasil.example'))?.tags).toEqual(['Hot', 'Trade show 2025', 'Pipedrive']);
  });

  it('merges a row into the lead it matches, filling gaps and keeping what the rep edited', async () => {
    const captured = await saveOrMergeProspect(
      db,
      { source: 'linkedin', fullName: 'Priya Raman', company: 'Northwind Traders', email: 'priya.raman@northwind.example', confidence: 0.9 },
      T0,
    );
    await editLeadFields(db, captured.lead.id, { title: 'Chief Revenue Officer' }, T0);
    await setStage(db, captured.lead.id, 'nurturing', T0);

    const report = await importRows(
      db,
      await rowsFrom('Email,Job Title,Phone Number,Lifecycle Stage\npriya.raman@northwind.example,VP Sales,+1 415 555 0134,customer\n'),
      options(),
    );

    expect(report).toMatchObject({ imported: 0, merged: 1, skipped: 0 });
    expect(await db.leads.count()).toBe(1);
    expect(await db.leads.get(captured.lead.id)).toMatchObject({
      title: 'Chief Revenue Officer',
      phoneE164: '+14155550134',
      stage: 'nurturing',
      tags: ['HubSpot export Feb 2025'],
    });
    const texts = (await activitiesFor(db, captured.lead.id)).map((a) => a.text);
    expect(texts[0]).toBe('Updated from import "HubSpot export Feb 2025": phone, tags');
  });

  it('changes nothing when the same file is imported twice, and counts every row as merged', async () => {
    const rows = await rowsFrom(fixtureBytes('hubspot-contacts.csv'));
    await importRows(db, rows, options());
    const before = await snapshot(db);
    const again = await importRows(db, rows, options());
    expect(again).toMatchObject({ imported: 0, merged: 7, skipped: 1 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the database untouched in all-or-nothing mode when any row has a problem', async () => {
    await saveOrMergeProspect(db, { source: 'manual', fullName: 'Existing Lead', email: 'existing@example.com', confidence: 1 }, T0);
    const before = await snapshot(db);
    const report = await importRows(db, await rowsFrom(fixtureBytes('hubspot-contacts.csv')), options({ mode: 'all-or-nothing' }));
    expect(report).toMatchObject({ imported: 0, merged: 0, skipped: 8, aborted: true });
    expect(await snapshot(db)).toEqual(before);
  });

  it('explains an all-or-nothing refusal', async () => {
    const report = await importRows(db, await rowsFrom('Name,Email,Company\nAda,ada@example.com,\n,,Acme\n'), options({ mode: 'all-or-nothing' }));
    expect(formatImportReport(report)).toBe('Nothing imported (all or nothing was chosen and some rows have problems): line 3 — no name or email');
  });

  it('imports everything in all-or-nothing mode when every row is fine', async () => {
    const report = await importRows(db, await rowsFrom(fixtureBytes('pipedrive-people.csv')), options({ mode: 'all-or-nothing' }));
    expect(report).toMatchObject({ imported: 3, merged: 0, skipped: 0, aborted: false });
    expect(await db.leads.count()).toBe(3);
  });

  it('rolls back an all-or-nothing import when a write fails part way', async () => {
    const before = await snapshot(db);
    const bulkAdd = db.leads.bulkAdd.bind(db.leads);
    let calls = 0;
    // One row per batch, so the third batch's write fails after two batches were written in the same transaction.
    vi.spyOn(db.leads, 'bulkAdd').mockImplementation(((leads: Lead[]) => {
      calls++;
      return calls === 3 ? Promise.reject(new Error('QuotaExceededError')) : bulkAdd(leads);
    }) as never);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(
      importRows(db, await rowsFrom(fixtureBytes('pipedrive-people.csv')), options({ mode: 'all-or-nothing', batchSize: 1 })),
    ).rejects.toThrow('The import failed, so nothing was imported.');
    expect(calls).toBe(3);
    expect(await snapshot(db)).toEqual(before);
  });

  it('saves in batches and reports progress after each', async () => {
    const csv = 'Name,Email\n' + Array.from({ length: 1_200 }, (_, i) => `Person ${i},person${i}@example.com`).join('\n');
    const progress: number[] = [];
    const report = await importRows(db, await rowsFrom(csv), options({ batchSize: 500, onProgress: (done) => progress.push(done) }));
    expect(report.imported).toBe(1_200);
    expect(progress).toEqual([500, 1_000, 1_200]);
    expect(await db.leads.count()).toBe(1_200);
  });
});

describe('importing a file with the same person more than once', () => {
  let db: LeadlineDatabase;

  useFreshDatabase((fresh) => (db = fresh));

  const numberedIds = () => {
    let next = 0;
    return () => `lead-${String(++next).padStart(4, '0')}`;
  };

  /** The lead's timeline, oldest first. */
  async function activityTexts(leadId: string): Promise<string[]> {
    const lead = await db.leads.get(leadId);
    return (await timelineFor(db, lead!)).map((a) => a.text).reverse();
  }

  it('makes one lead of two rows for the same person, the second filling what the first lacked', async () => {
    const report = await importRows(
      db,
      await rowsFrom('Name,Email,Company,Job Title\nAda Lovelace,ada@analytical.example,Analytical Engines,\nAda Lovelace,ADA@analytical.example,,Countess\n'),
      options({ listName: 'Badge scans' }),
    );
    expect(report).toMatchObject({ imported: 1, merged: 1, skipped: 0, problems: [] });
    const leads = await db.leads.toArray();
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ fullName: 'Ada Lovelace', company: 'Analytical Engines', title: 'Countess', tags: ['Badge scans'] });
    expect(await activityTexts(leads[0]!.id)).toEqual(['Imported from "Badge scans"', 'Updated from import "Badge scans": title']);
  });

  it('merges a row into a lead an earlier batch of the same import created', async () => {
    const people = ['Ana Souza,ana@cafebrasil.example,Café Brasil', 'Bo Berg,bo@berg.example,Berg AB', 'Chen Wei,chen@lotus.example,Lotus'];
    const csv = `Name,Email,Company,Phone Number\n${people.join(',\n')},\nAna Souza,,Cafe Brasil,+1 415 555 0134\n`;
    const report = await importRows(db, await rowsFrom(csv), options({ batchSize: 2 }));
    expect(report).toMatchObject({ imported: 3, merged: 1, skipped: 0 });
    expect(await db.leads.count()).toBe(3);
    expect(await byEmail(db, 'ana@cafebrasil.example')).toMatchObject({ phoneE164: '+14155550134' });
  });

  it('merges a repeated person in all-or-nothing mode too', async () => {
    const report = await importRows(
      db,
      await rowsFrom('Name,Email,Company\nGrace Hopper,grace@navy.example,US Navy\nGrace Hopper,,US Navy\n'),
      options({ mode: 'all-or-nothing', batchSize: 1 }),
    );
    expect(report).toMatchObject({ imported: 1, merged: 1, skipped: 0, aborted: false });
    expect(await db.leads.count()).toBe(1);
  });

  it('proposes a later row’s different email instead of replacing the one stored', async () => {
    const csv = 'Name,Email,Company\nAda Lovelace,ada@old.example,Analytical Engines\nAda Lovelace,ada@new.example,Analytical Engines\nAda Lovelace,,Analytical Engines\n';
    const report = await importRows(db, await rowsFrom(csv), options());
    expect(report).toMatchObject({ imported: 1, merged: 2 });
    const [lead, ...others] = await db.leads.toArray();
    expect(others).toEqual([]);
    expect(lead?.email).toBe('ada@old.example');
    expect(lead?.proposals).toMatchObject([{ field: 'email', value: 'ada@new.example', source: 'import' }]);
  });

  describe('a mixed file', () => {
    const CSV = [
      'Name,Email,Company,Job Title,LinkedIn,Notes',
      'Ada Lovelace,ada@analytical.example,Analytical Engines,,,',
      'Kenji W.,,,CTO,https://linkedin.com/in/kenjiw,',
      'Mei Chen,,Lotus Analytics Ltd,Data Lead,,Met at SaaStr',
      ',,Unnamed Lead Co,,,',
      'Ada Lovelace,ada@analytical.example,,Countess,,',
      'Grace Hopper,grace@navy.example,US Navy,,,',
      'Grace Hopper,,US Navy,,,',
      'Mei Chen,priya@northwind.example,Lotus Analytics,,,',
    ].join('\n');

    async function captureExisting(target: LeadlineDatabase): Promise<Record<string, string>> {
      const drafts = {
        priya: { source: 'linkedin', fullName: 'Priya Raman', company: 'Northwind Traders', email: 'priya@northwind.example', confidence: 0.9 },
        kenji: { source: 'linkedin', fullName: 'Kenji Watanabe', company: 'Sakura Robotics', profileUrl: 'https://www.linkedin.com/in/kenjiw/', confidence: 0.9 },
        mei: { source: 'linkedin', fullName: 'Mei Chen', company: 'Lotus Analytics', confidence: 0.9 },
      } as const;
      const ids: Record<string, string> = {};
      for (const [who, draft] of Object.entries(drafts)) ids[who] = (await saveOrMergeProspect(target, draft, T0, () => `existing-${who}`)).lead.id;
      return ids;
    }

    it('imports the new people and merges each row into the lead it matches, by email, then profile URL, then name and company', async () => {
      const existing = await captureExisting(db);
      const report = await importRows(db, await rowsFrom(CSV), options({ listName: 'Mixed', newId: numberedIds() }));

      expect(report).toEqual({ imported: 2, merged: 5, skipped: 1, problems: [{ line: 5, message: 'no name or email' }], aborted: false });
      expect(await db.leads.count()).toBe(5);
      expect(await db.leads.get(existing.kenji!)).toMatchObject({ fullName: 'Kenji Watanabe', title: 'CTO', tags: ['Mixed'] });
      expect(await db.leads.get(existing.mei!)).toMatchObject({ title: 'Data Lead', notes: 'Met at SaaStr', tags: ['Mixed'] });
      // The email decides before name and company do.
      expect(await db.leads.get(existing.priya!)).toMatchObject({ fullName: 'Priya Raman', company: 'Northwind Traders', tags: ['Mixed'] });
      expect((await activityTexts(existing.mei!)).at(-1)).toBe('Updated from import "Mixed": first name, last name, title, tags, notes');
      expect(await byEmail(db, 'ada@analytical.example')).toMatchObject({ id: 'lead-0001', title: 'Countess', company: 'Analytical Engines' });
      expect(await activityTexts('lead-0001')).toEqual(['Imported from "Mixed"', 'Updated from import "Mixed": title']);
      expect(await byEmail(db, 'grace@navy.example')).toMatchObject({ id: 'lead-0002' });
      expect(await activityTexts('lead-0002')).toEqual(['Imported from "Mixed"']);
    });

    it('saves the same leads and activities whatever the batch size', async () => {
      const other = freshDatabase();
      try {
        await captureExisting(db);
        await captureExisting(other);
        const rows = await rowsFrom(CSV);
        const oneByOne = await importRows(db, rows, options({ listName: 'Mixed', newId: numberedIds(), batchSize: 1 }));
        const together = await importRows(other, rows, options({ listName: 'Mixed', newId: numberedIds() }));
        expect(together).toEqual(oneByOne);
        expect(await snapshot(other)).toEqual(await snapshot(db));
      } finally {
        await other.delete();
      }
    });
  });
});

describe('export then import', () => {
  let source: LeadlineDatabase;
  let target: LeadlineDatabase;

  beforeEach(async () => {
    source = freshDatabase();
    target = freshDatabase();
    const people: [Record<string, unknown>, Stage, string][] = [
      [
        {
          fullName: 'María José González-Núñez',
          title: 'VP Sales, EMEA',
          company: 'Acme "Rockets" GmbH',
          email: 'mj.gonzalez@acme.example',
          phone: '+49 (30) 1234-5678',
          location: 'Berlin, Germany',
          website: 'acme.example',
          profileUrl: 'https://www.linkedin.com/in/mjgonzalez/',
        },
        'qualified',
        'Met at SaaStr 🚀\nBudget: €50k, "approved"',
      ],
      [{ fullName: 'Kenji Watanabe', company: 'Sakura Robotics', email: 'k.watanabe@sakura.example', title: 'Engineering Director' }, 'nurturing', ''],
      [{ fullName: 'Ada Lovelace', company: '=cmd|\' /C calc\'!A0', email: 'ada@analytical.example' }, 'customer', '@SUM(1+1)'],
      [{ fullName: 'Grace Hopper', company: 'US Navy', phone: '+1 415 555 2671' }, 'disqualified', ''],
      [{ fullName: 'Linus Torvalds', email: 'linus@linux.example' }, 'contacted', ''],
    ];
    for (const [fields, stage, notes] of people) {
      const draft = normaliseDraft({ source: 'linkedin', ...fields });
      if (!draft.ok) throw new Error(draft.message);
      const { lead } = await saveOrMergeProspect(source, draft.draft, T0);
      await setStage(source, lead.id, stage, T0);
      if (notes) await setNotes(source, lead.id, notes, T0);
    }
  });

  afterEach(async () => {
    await source.delete();
    await target.delete();
  });

  const FIELDS = ['fullName', 'firstName', 'lastName', 'title', 'company', 'email', 'phoneE164', 'location', 'website', 'profileUrl', 'stage', 'notes'] as const;
  const essentials = (leads: Lead[]) =>
    leads
      .map((lead) => Object.fromEntries(FIELDS.map((f) => [f, lead[f]])))
      .sort((a, b) => String(a.fullName).localeCompare(String(b.fullName)));

  it('gives back the same leads from the generic export', async () => {
    const csv = leadsToCsv(await source.leads.toArray());
    const report: ImportReport = await importRows(target, await rowsFrom(csv), options({ listName: 'Round trip' }));
    expect(report).toMatchObject({ imported: 5, merged: 0, skipped: 0, problems: [] });
    expect(essentials(await target.leads.toArray())).toEqual(essentials(await source.leads.toArray()));
  });

  it('gives back the same stages from the HubSpot export', async () => {
    const csv = leadsToPresetCsv(await source.leads.toArray(), 'hubspot');
    await importRows(target, await rowsFrom(csv), options());
    const stages = (leads: Lead[]) => leads.map((l) => `${l.email ?? l.fullName}:${l.stage}`).sort();
    expect(stages(await target.leads.toArray())).toEqual(stages(await source.leads.toArray()));
  });

  it('restores a formula the export neutralised to its original text', async () => {
    const csv = leadsToCsv(await source.leads.toArray());
    expect(csv).toContain(`'=cmd|' /C calc'!A0`);
    await importRows(target, await rowsFrom(csv), options());
    expect((await byEmail(target, 'ada@analytical.example'))?.company).toBe(`=cmd|' /C calc'!A0`);
  });
});

describe('the import report', () => {
  const problems = Array.from({ length: 7 }, (_, i) => ({ line: 17 + i, message: 'no name or email' }));

  it('formats counts with en-US separators and lists the first five problems', () => {
    expect(formatImportReport({ imported: 9_840, merged: 120, skipped: 40, problems, aborted: false })).toBe(
      '9,840 imported, 120 merged, 40 skipped: line 17 — no name or email; line 18 — no name or email; line 19 — no name or email; line 20 — no name or email; line 21 — no name or email; and 2 more',
    );
  });

  it('says only the counts when there were no problems', () => {
    expect(formatImportReport({ imported: 3, merged: 0, skipped: 0, problems: [], aborted: false })).toBe('3 imported, 0 merged, 0 skipped');
  });

  it('formats a large remainder with separators too', () => {
    const many = Array.from({ length: 1_505 }, (_, i) => ({ line: i + 2, message: 'no name or email' }));
    expect(formatImportReport({ imported: 0, merged: 0, skipped: 1_505, problems: many, aborted: false })).toMatch(/; and 1,500 more$/);
  });
});
