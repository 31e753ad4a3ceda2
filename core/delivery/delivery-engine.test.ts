import { stepSize } from './delivery-engine';

describe('stepSize', () => {
  it('takes half the configured chunk while every slot is busy (two steps per shard are out)', () => {
    expect(stepSize(20, 8, 8)).toBe(10);
    expect(stepSize(5, 8, 8)).toBe(3);
  });

  it('grows while fewer shards are held, never past slots × chunk in flight', () => {
    for (const working of [1, 2, 3, 5, 7]) {
      const step = stepSize(10, 8, working);
      expect(step).toBeGreaterThanOrEqual(5);
      expect(2 * step * working).toBeLessThanOrEqual(10 * 8);
    }
    expect(stepSize(10, 8, 1)).toBe(40);
    expect(stepSize(10, 8, 3)).toBe(13);
  });

  it('keeps a step to 100 recipients (its mark lists them all)', () => {
    expect(stepSize(20, 8, 1)).toBe(80);
    expect(stepSize(100, 8, 2)).toBe(100);
  });
});
