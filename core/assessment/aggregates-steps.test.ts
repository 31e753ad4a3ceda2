import { contributionOf } from './aggregates';
import { readySteps, type Contribution } from './aggregates-steps';
import type { AssessmentResult } from './scoring';

const DIMENSIONS = ['digital-skills', 'helping-colleagues'];

function result(scored: readonly string[] = DIMENSIONS): AssessmentResult {
  return {
    dimensions: DIMENSIONS.map((dimension) => ({
      dimension,
      score: scored.includes(dimension) ? 60 : null,
      band: scored.includes(dimension) ? 'intermediate' : null,
    })),
  } as AssessmentResult;
}

/** A person waiting in one unit with `rows` waiting rows (an erasure and a new submission: 2). */
function person(n: number, { rows = 1, scored = DIMENSIONS } = {}): Contribution {
  const at = new Date(n);
  return {
    pseudonym: `p${n}`,
    rows: Array.from({ length: rows }, (_, i) => ({
      etag: `e${i}`,
      value: {
        campaignId: 'c',
        orgUnitPath: ['Area'],
        pseudonym: `p${n}`,
        change: i === 0 ? 'add' : 'remove',
        at,
      },
    })),
    deltas: contributionOf(result(scored), 1),
  };
}

const people = (count: number, options?: Parameters<typeof person>[1]) =>
  Array.from({ length: count }, (_, n) => person(n, options));

describe('which waiting contributions a publication counts', () => {
  it('waits while fewer than k people wait in a unit, whatever their rows', () => {
    expect(readySteps(people(4), 5)).toEqual([]);
    expect(readySteps(people(4, { rows: 2 }), 5)).toEqual([]);
    expect(readySteps(people(5), 5)).toEqual([people(5)]);
  });

  it('waits while a dimension would change by fewer than k people', () => {
    const mixed = [...people(5, { scored: ['digital-skills'] }), person(9)];
    // helping-colleagues would change by one person only.
    expect(readySteps(mixed, 5)).toEqual([]);
    const enough = [
      ...people(5, { scored: ['digital-skills'] }),
      ...people(5).map((p, i) => person(20 + i)),
    ];
    expect(readySteps(enough, 5)).toHaveLength(1);
  });

  it('splits a large unit into transactions of at least k people each', () => {
    const steps = readySteps(people(1_000), 5);
    expect(steps.length).toBeGreaterThan(1);
    for (const step of steps) {
      expect(step.length).toBeGreaterThanOrEqual(5);
      // Its cells (participants and the dimensions) and its waiting rows fit one transaction.
      expect(step.length + 1 + DIMENSIONS.length).toBeLessThanOrEqual(100);
    }
    expect(steps.flat()).toHaveLength(1_000);
    expect(new Set(steps.flat().map((p) => p.pseudonym)).size).toBe(1_000);
  });
});
