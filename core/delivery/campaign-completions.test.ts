import fc from 'fast-check';
import { coarseCompletions } from './campaign-completions';

describe('a campaign’s completions as shown', () => {
  it('counts in steps of k, and never closer than k to everyone reached', () => {
    expect(coarseCompletions(0, 40, 5)).toEqual({ reached: 40, atLeast: 0, k: 5 });
    expect(coarseCompletions(13, 40, 5)).toMatchObject({ atLeast: 10 });
    expect(coarseCompletions(37, 40, 5)).toMatchObject({ atLeast: 35 });
    expect(coarseCompletions(40, 40, 5)).toMatchObject({ atLeast: 35 });
  });

  it('shows nothing for fewer than 2k people reached', () => {
    expect(coarseCompletions(9, 9, 5)).toEqual({ reached: 9, atLeast: null, k: 5 });
    expect(coarseCompletions(1, 1, 3)).toMatchObject({ atLeast: null });
  });

  it('never tells of anyone that they completed, or that they did not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 10 }), fc.nat(200), fc.nat(200), (k, a, b) => {
        const [completed, reached] = a <= b ? [a, b] : [b, a];
        const { atLeast } = coarseCompletions(completed, reached, k);
        if (atLeast === null) return;
        // A true lower bound, in steps of k, leaving at least k people who may or may not have.
        expect(atLeast).toBeLessThanOrEqual(completed);
        expect(atLeast % k).toBe(0);
        expect(reached - atLeast).toBeGreaterThanOrEqual(k);
      }),
    );
  });
});
