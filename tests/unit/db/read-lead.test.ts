import { describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { leadPage } from '@/lib/db/lead-pages';
import { saveOrMergeProspect } from '@/lib/db/leads';

describe('reading leads written by older versions or damaged on disk', () => {
  it('fills in the fields an older version did not have', async () => {
    const db = freshDatabase();
    await db.leads.put({ id: 'v1', fullName: 'Ana Souza', source: 'linkedin', capturedAt: 1, createdAt: 1, updatedAt: 1 } as never);
    const lead = await db.leads.get('v1');
    expect(lead).toMatchObject({ fullName: 'Ana Souza', stage: 'new', stageHistory: [], checklist: { frameworkId: 'bant', answers: {} }, tags: [] });
  });

  it('keeps what is readable in a damaged record, says so in the console, and never hands the popup a broken lead', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = freshDatabase();
    await saveOrMergeProspect(db, { source: 'web', fullName: 'Bo Chen', company: 'Acme', confidence: 0.9 }, 5);
    await db.leads.put({ id: 'bad', fullName: 42, company: 'Globex', stage: 'lost', checklist: 'oops', createdAt: 10, updatedAt: 10 } as never);
    const damaged = await db.leads.get('bad');
    expect(damaged).toMatchObject({ id: 'bad', fullName: 'Unnamed lead (damaged record)', company: 'Globex', stage: 'new', createdAt: 10 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('lead bad was damaged'));
    expect((await leadPage(db, 'newest', 0, 10)).map((lead) => lead.fullName)).toEqual(['Unnamed lead (damaged record)', 'Bo Chen']);
  });
});
