import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { saveOrMergeProspect } from '@/lib/db/leads';
import {
  RestoreError,
  backupFileName,
  backupToJson,
  createBackup,
  restoreBackup,
  type Backup,
} from '@/lib/io/backup';
import { parseBackup } from '@/lib/io/backup-parse';
import type { Framework } from '@/lib/model/framework';
import { getOutcomeModel, getSettings, saveOutcomeModel, saveSettings } from '@/lib/db/settings';

const T0 = Date.UTC(2025, 2, 3, 9, 0);
const T1 = T0 + 86_400_000;

const CUSTOM_TEMPLATE: Framework = {
  id: 'custom-saas',
  name: 'Our SaaS checklist',
  description: '',
  builtIn: false,
  rule: { minMet: 2 },
  criteria: [
    { id: 'pain', label: 'Pain', questions: ['What hurts today?'], weight: 1, required: true },
    { id: 'seats', label: 'Seats', questions: ['How many people would use it?'], weight: 1, required: false },
  ],
};

async function seed(db: LeadlineDatabase, count: number, now = T0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const outcome = await saveOrMergeProspect(
      db,
      {
        source: 'linkedin',
        fullName: `Person ${i}`,
        firstName: 'Person',
        lastName: String(i),
        company: `Company ${i}`,
        email: `person${i}@company${i}.example`,
        confidence: 0.9,
      },
      now,
      () => `lead-${i}`,
    );
    ids.push(outcome.lead.id);
  }
  await db.reminders.add({ id: 'rem-1', leadId: 'lead-1', dueAt: now + 3_600_000, note: 'Call back', status: 'pending' });
  await db.templates.add(CUSTOM_TEMPLATE);
  return ids;
}

async function snapshot(db: LeadlineDatabase) {
  return {
    leads: await db.leads.orderBy('id').toArray(),
    activities: await db.activities.orderBy('id').toArray(),
    reminders: await db.reminders.orderBy('id').toArray(),
    templates: await db.templates.orderBy('id').toArray(),
  };
}

describe('JSON backup and restore', () => {
  let source: LeadlineDatabase;
  let target: LeadlineDatabase;

  beforeEach(() => {
    source = freshDatabase();
    target = freshDatabase();
  });

  afterEach(async () => {
    await source.delete();
    await target.delete();
  });

  it('writes the format, version, date and every table', async () => {
    await seed(source, 2);
    const backup = await createBackup(source, T1);
    expect(backup).toMatchObject({ format: 'leadline-backup', version: 2, exportedAt: '2025-03-04T09:00:00.000Z' });
    expect([backup.leads.length, backup.activities.length, backup.reminders.length, backup.templates.length]).toEqual([2, 2, 1, 1]);
  });

  it('restores a backup into an empty database exactly as it was', async () => {
    await seed(source, 3);
    const parsed = parseBackup(backupToJson(await createBackup(source, T1)));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    await restoreBackup(target, parsed.backup, 'replace');
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('replaces what was there in replace mode', async () => {
    await seed(source, 2);
    await seed(target, 5);
    const parsed = parseBackup(backupToJson(await createBackup(source, T1)));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    await restoreBackup(target, parsed.backup, 'replace');
    expect((await target.leads.toArray()).map((l) => l.id).sort()).toEqual(['lead-1', 'lead-2']);
  });

  it('refuses a backup with one bad lead among many, naming it, and writes nothing', async () => {
    await seed(source, 30);
    await seed(target, 2);
    const before = await snapshot(target);
    const backup = JSON.parse(backupToJson(await createBackup(source, T1))) as Backup;
    backup.leads[16] = { ...backup.leads[16]!, fullName: '' };

    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed).toEqual({ ok: false, errors: ['Lead 17: A lead needs a name'] });
    expect(await snapshot(target)).toEqual(before);
  });

  it('says a lead without any name field needs a name', async () => {
    await seed(source, 3);
    const backup = JSON.parse(backupToJson(await createBackup(source, T1))) as Record<string, unknown[]>;
    delete (backup.leads![1] as Record<string, unknown>).fullName;
    expect(parseBackup(JSON.stringify(backup))).toEqual({ ok: false, errors: ['Lead 2: A lead needs a name'] });
  });

  it('names the field of a record with a wrong type', async () => {
    await seed(source, 1);
    const backup = JSON.parse(backupToJson(await createBackup(source, T1))) as Record<string, unknown[]>;
    (backup.reminders![0] as Record<string, unknown>).dueAt = 'tomorrow';
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^Reminder 1: dueAt: Invalid input/);
  });

  it('refuses a truncated file as damaged', async () => {
    await seed(source, 5);
    const json = backupToJson(await createBackup(source, T1));
    const parsed = parseBackup(json.slice(0, Math.floor(json.length / 2)));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/damaged or incomplete/);
  });

  it('refuses a JSON file that is not a Leadline backup', () => {
    const parsed = parseBackup(JSON.stringify({ format: 'hubspot-export', contacts: [] }));
    expect(parsed).toEqual({
      ok: false,
      errors: ['This file is not a Leadline backup. Choose a file named like "leadline-backup-….json".'],
    });
  });

  it('refuses a backup from a newer version of Leadline', async () => {
    const backup = { ...(await createBackup(source, T1)), version: 3 };
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/newer version of Leadline \(backup version 3\)/);
  });

  it('refuses two leads with the same id', async () => {
    await seed(source, 2);
    const backup = await createBackup(source, T1);
    backup.leads[1] = { ...backup.leads[1]!, id: 'lead-1' };
    backup.activities = [];
    backup.reminders = [];
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed).toEqual({ ok: false, errors: ['Lead 2: has the same id as lead 1'] });
  });

  it('refuses a reminder for a lead the backup does not contain', async () => {
    await seed(source, 1);
    const backup = await createBackup(source, T1);
    backup.reminders[0] = { ...backup.reminders[0]!, leadId: 'ghost' };
    expect(parseBackup(JSON.stringify(backup))).toEqual({
      ok: false,
      errors: ['Reminder 1: belongs to a lead that is not in this backup'],
    });
  });

  it('lists at most twenty problems and counts the rest', async () => {
    await seed(source, 25);
    const backup = await createBackup(source, T1);
    backup.leads = backup.leads.map((lead) => ({ ...lead, capturedAt: 'yesterday' as unknown as number }));
    backup.activities = [];
    backup.reminders = [];
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toHaveLength(21);
      expect(parsed.errors[20]).toBe('…and 5 more problems');
    }
  });

  it('rolls back every table when a write fails part way through a restore', async () => {
    await seed(target, 3);
    const before = await snapshot(target);
    await seed(source, 4);
    const backup = await createBackup(source, T1);
    // The templates are written last; make that write fail after leads and activities were replaced.
    vi.spyOn(target.templates, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    vi.spyOn(console, 'error').mockImplementation(() => {});

    await expect(restoreBackup(target, backup, 'replace')).rejects.toBeInstanceOf(RestoreError);
    expect(await snapshot(target)).toEqual(before);
  });

  it('rolls back when the backup breaks a database constraint', async () => {
    await seed(target, 2);
    const before = await snapshot(target);
    await seed(source, 3);
    const backup = await createBackup(source, T1);
    // Not possible through parseBackup, which refuses duplicates: this is the last line of defence.
    backup.reminders.push({ ...backup.reminders[0]! });
    vi.spyOn(console, 'error').mockImplementation(() => {});

    await expect(restoreBackup(target, backup, 'replace')).rejects.toThrow(/nothing was changed/);
    expect(await snapshot(target)).toEqual(before);
  });

  it('merges a backup, keeping the newer copy of a lead found in both', async () => {
    await seed(target, 2, T0);
    await target.leads.update('lead-2', { title: 'Edited here later', updatedAt: T1 + 1 });
    await seed(source, 3, T1);
    const parsed = parseBackup(backupToJson(await createBackup(source, T1)));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

    await restoreBackup(target, parsed.backup, 'merge');
    const leads = await target.leads.orderBy('id').toArray();
    expect(leads.map((l) => l.id)).toEqual(['lead-1', 'lead-2', 'lead-3']);
    expect(leads[0]?.updatedAt).toBe(T1);
    expect(leads[1]?.title).toBe('Edited here later');
  });

  it('merges a lead stored under another id into the same person instead of making a twin', async () => {
    await seed(target, 1, T0);
    await seed(source, 1, T1);
    const backup = await createBackup(source, T1);
    backup.leads = backup.leads.map((l) => ({ ...l, id: 'other-device-1' }));
    backup.activities = backup.activities.map((a) => ({ ...a, leadId: 'other-device-1' }));
    backup.reminders = [];
    const parsed = parseBackup(JSON.stringify(backup));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

    await restoreBackup(target, parsed.backup, 'merge');
    expect((await target.leads.toArray()).map((l) => l.id)).toEqual(['lead-1']);
    expect(await target.activities.where('leadId').equals('other-device-1').count()).toBe(0);
  });

  it('does not add an activity twice when the same backup is merged again', async () => {
    await seed(source, 2);
    const parsed = parseBackup(backupToJson(await createBackup(source, T1)));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    await restoreBackup(target, parsed.backup, 'merge');
    await restoreBackup(target, parsed.backup, 'merge');
    expect(await target.activities.count()).toBe(2);
  });

  it('carries the rep’s settings and learned weights, and a replace restores them', async () => {
    await seed(source, 1);
    await saveSettings(source, {
      ownAddresses: ['sam@contoso.com'],
      spendByChannel: { referral: 1200 },
      currency: 'EUR',
      defaultFrameworkId: 'meddic',
      defaultCountry: 'DE',
      showLinkedInButton: false,
    });
    await saveOutcomeModel(source, { weights: [0.5, -0.25], bias: 0.1, trainedOn: 31 });
    const parsed = parseBackup(backupToJson(await createBackup(source, T1)));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

    expect(await getSettings(target)).not.toEqual(await getSettings(source));

    await restoreBackup(target, parsed.backup, 'replace');

    expect(await getSettings(target)).toEqual(await getSettings(source));
    expect(await getSettings(target)).toMatchObject({
      ownAddresses: ['sam@contoso.com'],
      spendByChannel: { referral: 1200 },
      currency: 'EUR',
      defaultFrameworkId: 'meddic',
      defaultCountry: 'DE',
      showLinkedInButton: false,
    });
    expect(await getOutcomeModel(target)).toEqual({ weights: [0.5, -0.25], bias: 0.1, trainedOn: 31 });
  });

  it('keeps the settings on a merge, adding the backup’s own addresses', async () => {
    await seed(source, 1);
    await saveSettings(source, { ownAddresses: ['sam@contoso.com'], currency: 'EUR' });
    await saveSettings(target, { ownAddresses: ['me@target.example'], currency: 'GBP' });
    const parsed = parseBackup(backupToJson(await createBackup(source, T1)));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

    await restoreBackup(target, parsed.backup, 'merge');

    expect(await getSettings(target)).toMatchObject({ ownAddresses: ['me@target.example', 'sam@contoso.com'], currency: 'GBP' });
  });

  it('refuses damaged settings, saying which, and writes nothing', async () => {
    await seed(source, 1);
    const backup = JSON.parse(backupToJson(await createBackup(source, T1))) as Backup & { settings: { settings: Record<string, unknown> } };
    backup.settings.settings.ownAddresses = ['not an address'];
    backup.settings.settings.currency = 'EURO';
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([expect.stringMatching(/^Settings: .*ownAddresses.*; .*currency/)]);
  });

  it('refuses a lead whose web address is not http(s), naming the lead and the field', async () => {
    await seed(source, 3);
    const backup = JSON.parse(backupToJson(await createBackup(source, T1))) as Backup;
    backup.leads[1] = { ...backup.leads[1]!, website: 'javascript:alert(document.cookie)' };
    backup.leads[2] = { ...backup.leads[2]!, profileUrl: 'data:text/html,<script>alert(1)</script>' };
    expect(parseBackup(JSON.stringify(backup))).toEqual({
      ok: false,
      errors: [
        'Lead 2: Website must be a web address starting with http:// or https://',
        'Lead 3: Profile URL must be a web address starting with http:// or https://',
      ],
    });
  });

  it('names the backup file after the local date', () => {
    expect(backupFileName(new Date(2025, 2, 7, 23, 59))).toBe('leadline-backup-2025-03-07.json');
  });
});

describe('restoring a backup made before search words existed', () => {
  it('indexes the restored leads so search finds them', async () => {
    const { LeadlineDatabase } = await import('@/lib/db/database');
    const { searchMatches } = await import('@/lib/db/leads');
    const { restoreBackup } = await import('@/lib/io/backup');
    const { parseBackup } = await import('@/lib/io/backup-parse');
    const db = freshDatabase();
    const old = {
      format: 'leadline-backup',
      version: 1,
      exportedAt: '2026-01-15T10:00:00.000Z',
      leads: [{ id: 'old-1', fullName: 'Ana Souza', company: 'Acme Corp', source: 'linkedin', capturedAt: 1, createdAt: 1, updatedAt: 1 }],
      activities: [],
      reminders: [],
      templates: [],
    };
    const parsed = parseBackup(JSON.stringify(old));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    await restoreBackup(db, parsed.backup, 'replace');
    expect((await searchMatches(db, 'acme')).leads.map((lead) => lead.fullName)).toEqual(['Ana Souza']);
  });
});
