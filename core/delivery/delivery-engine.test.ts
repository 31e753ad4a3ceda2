import { stepSize } from './delivery-engine';

describe('stepSize', () => {
  it('takes the configured chunk while every slot is busy', () => {
    expect(stepSize(20, 8, 8)).toBe(20);
  });

  it('grows while fewer shards are held, never past slots × chunk in flight', () => {
    for (const working of [1, 2, 3, 5, 7]) {
      const step = stepSize(10, 8, working);
      expect(step).toBeGreaterThan(10);
      expect(step * working).toBeLessThanOrEqual(10 * 8);
    }
  });

  it('stays within one transaction of outcomes', () => {
    expect(stepSize(20, 8, 1)).toBe(100);
    expect(stepSize(100, 8, 2)).toBe(100);
  });
});
