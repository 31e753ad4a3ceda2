import { BUCKETS } from './campaign';
import { campaignProgress } from './campaign-progress';
import { emptyCounts } from './shards.repository';

const RATE = 10;

describe('campaign progress', () => {
  it('is not done while most of the audience is unread, and estimates the rest', () => {
    const counts = { ...emptyCounts(), total: 12, sent: 12 };
    const progress = campaignProgress(counts, { state: 'running', expandedBuckets: 1 }, RATE);

    expect(progress.expectedTotal).toBe(12 * BUCKETS);
    expect(progress.progress).toBeCloseTo(12 / (12 * BUCKETS));
    expect(progress.etaSeconds).toBe(Math.ceil((12 * BUCKETS - 12) / RATE));
  });

  it('stays below 1 until the last part is read, even when everyone found is settled', () => {
    const counts = { ...emptyCounts(), total: 100, sent: 100 };
    const progress = campaignProgress(
      counts,
      { state: 'running', expandedBuckets: BUCKETS - 1 },
      RATE,
    );

    expect(progress.progress).toBeLessThan(1);
  });

  it('counts the people who had already completed as settled', () => {
    const counts = { ...emptyCounts(), total: 10, sent: 6, alreadyCompleted: 4 };
    const progress = campaignProgress(counts, { state: 'running', expandedBuckets: BUCKETS }, RATE);

    expect(progress.counts.pending).toBe(0);
    expect(progress.progress).toBe(1);
  });

  it('has no ETA while paused or before any part is read', () => {
    const counts = { ...emptyCounts(), total: 10, sent: 5 };
    const paused = campaignProgress(counts, { state: 'paused', expandedBuckets: BUCKETS }, RATE);
    const unread = campaignProgress(
      emptyCounts(),
      { state: 'preparing', expandedBuckets: 0 },
      RATE,
    );

    expect(paused.etaSeconds).toBeUndefined();
    expect(paused.progress).toBe(0.5);
    expect(unread.etaSeconds).toBeUndefined();
    expect(unread.expectedTotal).toBeUndefined();
  });

  it('calls an empty audience done only when the campaign completed', () => {
    const read = { expandedBuckets: BUCKETS };
    expect(campaignProgress(emptyCounts(), { ...read, state: 'completed' }, RATE).progress).toBe(1);
    expect(campaignProgress(emptyCounts(), { ...read, state: 'cancelled' }, RATE).progress).toBe(0);
  });
});
