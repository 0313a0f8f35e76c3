import { describe, expect, it } from 'vitest';
import { corpus, REGRESSION_FOLDERS } from './corpus';
import { accuracyReport, precisionOf } from './report';
import { SCORED_FIELDS } from './score';

/**
 * `npm run accuracy`, first report: the regression corpus, pages written beside the extractors.
 * It guards against regressions; it says little about pages nobody here wrote (see blind.test.ts).
 */
const PRECISION_FLOOR = 0.95;

describe('capture accuracy over the regression corpus', () => {
  const pages = corpus(REGRESSION_FOLDERS);
  const report = accuracyReport('Regression corpus (written with the extractors)', pages, SCORED_FIELDS);
  console.log(report.lines.join('\n'));

  it('covers at least 25 realistic pages across every source', () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
    expect([...report.bySource.keys()].sort()).toEqual(['gmail', 'linkedin', 'outlook', 'web']);
  });

  for (const field of SCORED_FIELDS) {
    it(`keeps ${field} precision at or above ${PRECISION_FLOOR} in every source`, () => {
      for (const [source, totals] of report.bySource) {
        const precision = precisionOf(totals[field]);
        if (precision !== undefined) expect(precision, `${source} ${field} precision`).toBeGreaterThanOrEqual(PRECISION_FLOOR);
      }
    });
  }
});
