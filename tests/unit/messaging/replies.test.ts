import { describe, expect, it } from 'vitest';
import { parseReplyWithSchema, type MessageType } from '@/lib/messaging/protocol';
import { parseReply } from '@/lib/messaging/replies';

const ana = { id: 'lead-1', fullName: 'Ana Souza', stage: 'nurturing', stageLabel: 'Nurturing' };

/** Replies a background could send, well-formed or not, for each message type. */
const SAMPLES: Array<[MessageType, unknown]> = [
  ['capture.save', { ok: true, saved: [{ ...ana, status: 'created' }], rejected: [] }],
  ['capture.save', { ok: true, saved: [{ ...ana, status: 'merged', extra: 'dropped' }], rejected: ['no name'], more: 1 }],
  ['capture.save', { ok: true, saved: [{ ...ana, status: 'deleted' }], rejected: [] }],
  ['capture.save', { ok: true, saved: [{ ...ana, stage: 'won', status: 'created' }], rejected: [] }],
  ['capture.save', { ok: true, saved: [], rejected: [3] }],
  ['capture.save', { ok: true, saved: [{ ...ana, status: 'merged', filled: 1, proposed: 2 }], rejected: [] }],
  ['capture.save', { ok: true, saved: [{ ...ana, status: 'merged', proposed: 'two' }], rejected: [] }],
  ['capture.save', { ok: true, saved: {}, rejected: [] }],
  ['capture.save', { ok: false, error: 'This page has nobody to save.' }],
  ['capture.save', { ok: false }],
  ['capture.save', undefined],
  ['capture.save', 'ok'],
  ['capture.lookup', { ok: true, lead: null }],
  ['capture.lookup', { ok: true, lead: ana }],
  ['capture.lookup', { ok: true, lead: { ...ana, fullName: 7 } }],
  ['capture.lookup', { ok: true }],
  ['company.enrich', { ok: true, updated: 3 }],
  ['company.enrich', { ok: true, updated: '3' }],
  ['panel.open', { ok: true, opened: 'panel' }],
  ['panel.open', { ok: true, opened: 'tab', extra: 1 }],
  ['panel.open', { ok: true, opened: 'window' }],
  ['panel.open', { ok: true }],
  ['page.changed', { ok: true }],
  ['page.changed', { ok: false, error: 'Message refused: Leadline does not accept this from here.' }],
  ['widget.prefs', { ok: true, corner: 'top-right' }],
  ['widget.prefs', { ok: true, corner: 'middle' }],
  ['widget.prefs', { ok: true }],
  ['widget.hide', { ok: true }],
  ['reminders.sync', { ok: true }],
  ['reminders.sync', { ok: true, anything: 1 }],
  ['reminders.sync', { ok: 'yes' }],
  ['reminders.sync', null],
];

describe('replies checked without zod', () => {
  it.each(SAMPLES.map(([type, raw], index) => [index, type, raw] as const))('sample %i (%s) gets the verdict the zod schema gives', (_, type, raw) => {
    expect(parseReply(type, raw)).toEqual(parseReplyWithSchema(type, raw));
  });

  it('accepts well-formed replies and refuses the rest', () => {
    expect(parseReply('capture.lookup', { ok: true, lead: ana })).toEqual({ ok: true, lead: ana });
    expect(parseReply('company.enrich', { ok: true, updated: '3' })).toEqual({ ok: false, error: expect.stringContaining('not responding') });
  });
});
