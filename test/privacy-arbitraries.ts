import fc from 'fast-check';
import type { Cell } from '../core/privacy/org-tree';

/** Random org trees of depth 1–3 with counts 0–40, some units with members of their own. */
export const cellsArb = fc.array(
  fc
    .record({
      path: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }),
      count: fc.integer({ min: 0, max: 40 }),
      mean: fc.integer({ min: 10, max: 50 }),
    })
    .map(({ path, count, mean }): Cell => ({
      orgUnitPath: path,
      count,
      sumTenths: count * mean,
      sumSqHundredths: count * mean * mean,
      bands: { base: count, intermediate: 0, advanced: 0 },
    })),
  { minLength: 1, maxLength: 25 },
);
