import { describe, expect, it } from 'vitest';
import { HOLDOUT_FOLDERS, corpus } from './corpus';
import { accuracyReport, asStored } from './report';
import { BLIND_FIELDS } from './score';

/**
 * `npm run accuracy`, third report: the held-out corpus (tests/fixtures/holdout), written blind by an
 * author who read neither the extractors nor the other corpora, and never used to tune anything. It is
 * a measurement, not a target: no floor here, or the next change would be tuned to it too.
 */
describe('capture accuracy over the held-out corpus', () => {
  const pages = corpus(HOLDOUT_FOLDERS);
  const report = accuracyReport('Held-out corpus (blind, never used for tuning)', pages, BLIND_FIELDS, asStored);
  console.log(report.lines.join('\n'));

  it('covers at least 30 pages across every source', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect([...report.bySource.keys()].sort()).toEqual(['gmail', 'linkedin', 'outlook', 'web']);
  });
});
