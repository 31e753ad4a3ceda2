import {
  KeyedLimiter,
  PER_CONVERSATION_WINDOWS,
  retryAfterSeconds,
  SlidingWindowLimiter,
  tenantWindows,
} from './rate-limits';

/** Admits as many as possible at `at`, returning how many got in. */
function burst(limiter: SlidingWindowLimiter, at: number, tries: number): number {
  let admitted = 0;
  for (let i = 0; i < tries; i++) if (limiter.tryAcquire(at).ok) admitted++;
  return admitted;
}

describe('SlidingWindowLimiter', () => {
  it('admits the tenant rate in one second and refuses the next until the first leaves', () => {
    const limiter = new SlidingWindowLimiter(tenantWindows(50));
    for (let i = 0; i < 50; i++) expect(limiter.tryAcquire(10_000 + i * 10).ok).toBe(true);
    expect(limiter.tryAcquire(10_600)).toEqual({ ok: false, retryAfterMs: 400 });
    expect(limiter.tryAcquire(10_999).ok).toBe(false);
    expect(limiter.tryAcquire(11_000).ok).toBe(true);
    expect(limiter.tryAcquire(11_000).ok).toBe(false);
  });

  it('never admits more than the limit in any sliding second', () => {
    const limiter = new SlidingWindowLimiter(tenantWindows(50));
    const admitted: number[] = [];
    for (let t = 0; t < 5_000; t += 3) if (limiter.tryAcquire(t).ok) admitted.push(t);
    for (const start of admitted) {
      expect(admitted.filter((t) => t >= start && t < start + 1_000).length).toBeLessThanOrEqual(
        50,
      );
    }
    expect(admitted.length).toBeGreaterThanOrEqual(250);
  });

  it('does not count refused requests', () => {
    const limiter = new SlidingWindowLimiter(tenantWindows(2));
    expect(burst(limiter, 0, 100)).toBe(2);
    expect(limiter.tryAcquire(1_000).ok).toBe(true);
  });

  it('applies Teams per-conversation windows: 7 per second, then 8 per two seconds', () => {
    const limiter = new SlidingWindowLimiter(PER_CONVERSATION_WINDOWS);
    expect(burst(limiter, 0, 10)).toBe(7);
    expect(limiter.tryAcquire(999)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(burst(limiter, 1_000, 10)).toBe(1);
    expect(limiter.tryAcquire(1_500)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(burst(limiter, 2_000, 10)).toBe(7);
  });

  it('applies 60 per 30 seconds and says when the oldest send leaves that window', () => {
    const limiter = new SlidingWindowLimiter(PER_CONVERSATION_WINDOWS);
    let admitted = 0;
    for (let t = 0; t < 30_000; t += 250) if (limiter.tryAcquire(t).ok) admitted++;
    expect(admitted).toBe(60);
    const refusal = limiter.tryAcquire(29_900);
    expect(refusal.ok).toBe(false);
    const wait = refusal.ok ? 0 : refusal.retryAfterMs;
    expect(limiter.tryAcquire(29_900 + wait - 1).ok).toBe(false);
    expect(limiter.tryAcquire(29_900 + wait).ok).toBe(true);
  });

  it('applies 1,800 per hour', () => {
    const limiter = new SlidingWindowLimiter(PER_CONVERSATION_WINDOWS);
    let admitted = 0;
    for (let t = 0; t < 3_600_000; t += 1_000) if (limiter.tryAcquire(t).ok) admitted++;
    expect(admitted).toBe(1_800);
    expect(limiter.tryAcquire(3_599_999).ok).toBe(false);
  });

  it('gives a wait after which the refused request is admitted, for every window', () => {
    const limiter = new SlidingWindowLimiter(PER_CONVERSATION_WINDOWS);
    let now = 0;
    let admitted = 0;
    for (let step = 0; step < 200; step++) {
      const result = limiter.tryAcquire(now);
      if (result.ok) {
        admitted++;
        now += 37;
      } else {
        expect(limiter.waitMs(now + result.retryAfterMs - 1)).toBeGreaterThan(0);
        now += result.retryAfterMs;
        expect(limiter.waitMs(now)).toBe(0);
      }
    }
    expect(admitted).toBeGreaterThan(100);
  });

  it('rejects a window that could never admit', () => {
    expect(() => new SlidingWindowLimiter([{ limit: 0, windowMs: 1_000 }])).toThrow();
  });
});

describe('retryAfterSeconds', () => {
  it('rounds up to whole seconds and is at least one', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1_000)).toBe(1);
    expect(retryAfterSeconds(1_001)).toBe(2);
    expect(retryAfterSeconds(0)).toBe(1);
  });
});

describe('KeyedLimiter', () => {
  it('limits each conversation on its own', () => {
    const limiter = new KeyedLimiter(PER_CONVERSATION_WINDOWS);
    for (let i = 0; i < 7; i++) expect(limiter.tryAcquire(1, 0).ok).toBe(true);
    expect(limiter.tryAcquire(1, 0).ok).toBe(false);
    expect(limiter.tryAcquire(2, 0).ok).toBe(true);
  });

  it('forgets conversations whose sends all left the longest window', () => {
    const limiter = new KeyedLimiter([{ limit: 1, windowMs: 1_000 }]);
    for (let i = 0; i < 1_000; i++) limiter.tryAcquire(i, 0);
    expect(limiter.size).toBe(1_000);
    limiter.tryAcquire(5_000, 5_000);
    expect(limiter.size).toBe(1);
  });
});
