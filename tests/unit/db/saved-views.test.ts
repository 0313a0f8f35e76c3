import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { useFreshDatabase } from '../../fake-database';
import { deleteSavedView, readSavedViews, saveView } from '@/lib/db/saved-views';
import { NO_FILTER } from '@/lib/model/lead-filter';
import { DEFAULT_SORT } from '@/lib/model/lead-sort';

const database = useFreshDatabase();
const saastr = { ...NO_FILTER, qualified: 'yes' as const, source: { kind: 'list' as const, list: 'SaaStr' } };

describe('saved views', () => {
  it('keeps a view with its filter and order, listed by name', async () => {
    const db = database();
    await saveView(db, { name: 'Webinar', filter: NO_FILTER, sort: DEFAULT_SORT }, () => 'v1');
    await saveView(db, { name: ' My qualified from SaaStr ', filter: saastr, sort: { column: 'score', direction: 'desc' } }, () => 'v2');

    expect(await readSavedViews(db)).toEqual([
      { id: 'v2', name: 'My qualified from SaaStr', filter: saastr, sort: { column: 'score', direction: 'desc' } },
      { id: 'v1', name: 'Webinar', filter: NO_FILTER, sort: DEFAULT_SORT },
    ]);
  });

  it('replaces a view saved again under the same name, whatever its case', async () => {
    const db = database();
    await saveView(db, { name: 'SaaStr', filter: NO_FILTER, sort: DEFAULT_SORT }, () => 'v1');
    await saveView(db, { name: 'saastr', filter: saastr, sort: DEFAULT_SORT }, () => 'v2');

    expect(await readSavedViews(db)).toEqual([{ id: 'v1', name: 'saastr', filter: saastr, sort: DEFAULT_SORT }]);
  });

  it('refuses a view without a name and keeps the others', async () => {
    const db = database();
    await saveView(db, { name: 'Kept', filter: NO_FILTER, sort: DEFAULT_SORT });
    await expect(saveView(db, { name: '   ', filter: saastr, sort: DEFAULT_SORT })).rejects.toBeInstanceOf(ZodError);
    expect((await readSavedViews(db)).map((view) => view.name)).toEqual(['Kept']);
  });

  it('deletes one view', async () => {
    const db = database();
    await saveView(db, { name: 'A', filter: NO_FILTER, sort: DEFAULT_SORT }, () => 'a');
    await saveView(db, { name: 'B', filter: NO_FILTER, sort: DEFAULT_SORT }, () => 'b');
    await deleteSavedView(db, 'a');
    expect((await readSavedViews(db)).map((view) => view.id)).toEqual(['b']);
  });

  it('leaves out a damaged view instead of failing', async () => {
    const db = database();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.settings.put({ key: 'savedViews', value: [{ id: 'ok', name: 'Fine', filter: {}, sort: DEFAULT_SORT }, { id: 'bad', name: 'Broken', filter: { stages: ['vip'] } }] });

    expect((await readSavedViews(db)).map((view) => view.name)).toEqual(['Fine']);
    expect(warn).toHaveBeenCalledOnce();
  });
});
