import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../fake-database';
import type { LeadlineDatabase } from '@/lib/db/database';
import { setStageOfLeads, undoStageOfLeads } from '@/lib/db/bulk-leads';
import { setStage } from '@/lib/db/leads';
import { saveOutcomeModel } from '@/lib/db/settings';
import { saveTemplate } from '@/lib/db/templates';
import { getTotals, rebuildTotals } from '@/lib/db/totals';
import { withDerivedKeys } from '@/lib/model/keys';
import type { Activity, Lead } from '@/lib/model/lead';
import type { Framework } from '@/lib/model/framework';
import type { Stage } from '@/lib/model/stage';
import { finaliseLead, NOT_ENGAGEMENT } from '@/lib/qualify/finalise-lead';
import { makeLead } from '../io/lead-factory';

// The bulk stage change batches, reads engagement per range and reads templates once per run: here
// it is held to what moving each lead on its own with setStage stores, on generated leads.

const T = Date.UTC(2025, 4, 12, 8, 0);
const DAY = 86_400_000;
const STAGES: Stage[] = ['new', 'contacted', 'qualified', 'customer', 'disqualified'];
const TITLES = ['CEO', 'VP Sales', 'Intern', 'Head of Data', 'Procurement Manager', undefined];
const KINDS: Activity['kind'][] = ['email', 'note', 'captured', 'followup', 'imported', 'stage'];
const TEMPLATE = {
  id: 'fit-check',
  name: 'Fit check',
  builtIn: false,
  criteria: [
    { id: 'budget', label: 'Budget', question: 'Is there budget?', weight: 2 },
    { id: 'team', label: 'Team', question: 'Is the team big enough?', weight: 1 },
  ],
  rule: { minMet: 1 },
} as unknown as Framework;
const MODEL = { weights: [0.9, 0.4, 1.3, 0.7], bias: -1.1, trainedOn: 42 };

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function world(seed: number, count: number): { leads: Lead[]; activities: Activity[] } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const leads: Lead[] = [];
  const activities: Activity[] = [];
  for (let n = 0; n < count; n++) {
    const stage = pick(STAGES);
    const createdAt = T - Math.floor(next() * 90) * DAY;
    const custom = next() < 0.3;
    const id = `lead-${Math.floor(next() * 1e9).toString(36)}-${n}`;
    leads.push(
      withDerivedKeys(
        makeLead({
          id,
          fullName: `Person ${n}`,
          email: next() < 0.7 ? `person.${n}@company${n % 7}.example` : undefined,
          company: `Company ${n % 7}`,
          title: pick(TITLES),
          stage,
          createdAt,
          capturedAt: createdAt,
          updatedAt: createdAt,
          stageHistory: stage === 'new' ? [{ stage: 'new', at: createdAt }] : [{ stage: 'new', at: createdAt }, { stage, at: createdAt + DAY }],
          checklist: custom
            ? { frameworkId: 'fit-check', answers: next() < 0.5 ? { budget: { status: 'met' } } : {} }
            : { frameworkId: 'bant', answers: next() < 0.4 ? { budget: { status: 'met' }, need: { status: 'not_met' } } : {} },
        }),
      ),
    );
    const logged = Math.floor(next() * 4);
    for (let a = 0; a < logged; a++) {
      activities.push({ leadId: id, kind: pick(KINDS), at: createdAt + Math.floor(next() * 30) * DAY, text: `Activity ${a} of ${n}` });
    }
  }
  return { leads, activities };
}

async function stored(db: LeadlineDatabase, { leads, activities }: { leads: Lead[]; activities: Activity[] }): Promise<void> {
  await saveTemplate(db, TEMPLATE);
  await saveOutcomeModel(db, MODEL);
  await db.leads.bulkAdd(leads);
  await db.activities.bulkAdd(activities);
}

/** The activity log without its auto-increment ids, in a fixed order. */
async function logOf(db: LeadlineDatabase): Promise<Omit<Activity, 'id'>[]> {
  const all = (await db.activities.toArray()).map(({ id: _id, ...rest }) => rest);
  const key = (a: Omit<Activity, 'id'>) => `${a.leadId}|${String(a.at).padStart(15, '0')}|${a.kind}|${a.text}`;
  return all.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The score a lead should have from scratch: its templates, the model and every activity logged for it. */
async function scoredFromScratch(db: LeadlineDatabase, lead: Lead, now: number): Promise<Pick<Lead, 'score' | 'scoreReasons'>> {
  const engaged = (await db.activities.where('leadId').equals(lead.id).toArray()).filter((a) => !NOT_ENGAGEMENT.has(a.kind));
  const lastAt = engaged.length > 0 ? Math.max(...engaged.map((a) => a.at)) : undefined;
  const activity = { count: engaged.length, ...(lastAt !== undefined ? { lastAt } : {}) };
  const { score, scoreReasons } = finaliseLead(lead, now, { templates: [TEMPLATE], model: MODEL, activity });
  return { score, scoreReasons };
}

describe('a bulk stage change stores what moving each lead on its own stores', () => {
  // Every lead selected (its batches are whole ranges of ids) and a scattered third of them.
  it.each([
    { name: 'every lead selected', seed: 7, count: 320, share: 1 },
    { name: 'a scattered third selected', seed: 11, count: 320, share: 1 / 3 },
  ])('$name', async ({ seed, count, share }) => {
    const data = world(seed, count);
    const choose = random(seed + 1);
    const selected = data.leads.filter(() => choose() < share).map((lead) => lead.id);
    // In the order a table hands them over (not by id), with one lead deleted meanwhile.
    const ids = [...selected].sort((a, b) => (a.slice(-3) < b.slice(-3) ? -1 : 1)).concat('lead-deleted-meanwhile');
    const now = T + DAY;
    const bulk = freshDatabase();
    const single = freshDatabase();
    try {
      await stored(bulk, data);
      await stored(single, data);

      const change = await setStageOfLeads(bulk, ids, 'qualified', now);
      const byId = new Map(data.leads.map((lead) => [lead.id, lead]));
      for (const id of selected) if (byId.get(id)!.stage !== 'qualified') await setStage(single, id, 'qualified', now);

      // In the order the leads were given, as the undo record lists them.
      const moved = ids.filter((id) => byId.has(id) && byId.get(id)!.stage !== 'qualified');
      expect(moved.length).toBeGreaterThan(30);
      expect(change).toMatchObject({ stage: 'qualified', changed: moved.length, unchanged: selected.length - moved.length, missing: 1, at: now });
      expect(change.before).toEqual(moved.map((id) => ({ id, stage: byId.get(id)!.stage, stageHistory: byId.get(id)!.stageHistory })));
      // Stage, history, score and its reasons, updatedAt: every stored field of every lead.
      expect(await bulk.leads.toArray()).toEqual(await single.leads.toArray());
      expect(await logOf(bulk)).toEqual(await logOf(single));
      expect(await getTotals(bulk)).toEqual(await getTotals(single));
      expect(await getTotals(bulk)).toEqual(await rebuildTotals(bulk));
      expect(await bulk.leadWords.toArray()).toEqual(await single.leadWords.toArray());
      expect(await bulk.wordCounts.toArray()).toEqual(await single.wordCounts.toArray());

      const totalsBefore = await getTotals(single);
      const logBefore = await logOf(bulk);
      const later = now + DAY;
      expect(await undoStageOfLeads(bulk, change, later)).toBe(moved.length);

      const movedSet = new Set(moved);
      for (const lead of await bulk.leads.toArray()) {
        const original = byId.get(lead.id)!;
        const { updatedAt, score, scoreReasons, ...rest } = lead;
        const { updatedAt: _u, score: _s, scoreReasons: _r, ...originalRest } = original;
        // The earlier stage and history back, every other field as it was before the move.
        expect(rest).toEqual(originalRest);
        if (movedSet.has(lead.id)) {
          expect(updatedAt).toBe(later);
          expect({ score, scoreReasons }).toEqual(await scoredFromScratch(bulk, lead, later));
        } else {
          expect(lead).toEqual((await single.leads.get(lead.id))!);
        }
      }
      const undone = (await logOf(bulk)).filter((entry) => !logBefore.some((earlier) => JSON.stringify(earlier) === JSON.stringify(entry)));
      expect(undone.map((entry) => entry.leadId).sort()).toEqual([...moved].sort());
      expect(undone.every((entry) => entry.at === later && /^Undone: Stage: Qualified → /.test(entry.text))).toBe(true);
      expect(await getTotals(bulk)).toEqual(await rebuildTotals(bulk));
      // Only the stages moved back; so the per-stage counts are those from before the move, less the moves.
      const totalsAfterUndo = await getTotals(bulk);
      const original = await (async () => {
        const fresh = freshDatabase();
        try {
          await stored(fresh, data);
          return await getTotals(fresh);
        } finally {
          fresh.close();
          await fresh.delete();
        }
      })();
      expect(totalsAfterUndo).toEqual(original);
      expect(totalsAfterUndo).not.toEqual(totalsBefore);
    } finally {
      bulk.close();
      single.close();
      await bulk.delete();
      await single.delete();
    }
  }, 60_000);
});
