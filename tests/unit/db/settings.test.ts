import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { getSettings, saveSettings } from '@/lib/db/settings';

describe('settings', () => {
  it('gives the defaults before anything is saved', async () => {
    const db = freshDatabase();
    expect(await getSettings(db)).toEqual({
      defaultFrameworkId: 'bant',
      ownAddresses: [],
      spendByChannel: {},
      currency: 'USD',
      showLinkedInButton: true,
      showGmailButton: true,
      showOutlookButton: true,
      widgetCorner: 'bottom-left',
    });
  });

  it('keeps what was saved and refuses an invalid address', async () => {
    const db = freshDatabase();
    await saveSettings(db, { defaultFrameworkId: 'meddic', ownAddresses: ['sam@contoso.com'] });
    await expect(saveSettings(db, { ownAddresses: ['not an address'] })).rejects.toThrow();
    expect(await getSettings(db)).toMatchObject({ defaultFrameworkId: 'meddic', ownAddresses: ['sam@contoso.com'] });
  });

  it('falls back to the defaults when the stored record is damaged', async () => {
    const db = freshDatabase();
    await db.settings.put({ key: 'settings', value: { defaultFrameworkId: 42 } });
    expect((await getSettings(db)).defaultFrameworkId).toBe('bant');
  });

  it('upgrades a version 1 database without losing its leads', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const v1 = new Dexie(name);
    v1.version(1).stores({ leads: 'id, emailKey, profileKey, nameCompanyKey, stage, createdAt, updatedAt, nextFollowUpAt', activities: '++id, leadId, at', reminders: 'id, leadId, dueAt, status', templates: 'id' });
    await v1.table('leads').add({ id: 'kept', fullName: 'Ana Bell' });
    v1.close();
    const db = new LeadlineDatabase(name);
    expect(await db.leads.get('kept')).toMatchObject({ fullName: 'Ana Bell' });
    expect(await getSettings(db)).toMatchObject({ defaultFrameworkId: 'bant' });
  });
});
