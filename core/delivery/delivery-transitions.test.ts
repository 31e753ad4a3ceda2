import type { Delivery } from './deliveries.repository';
import { afterAttempt } from './delivery-transitions';
import type { SendOutcome } from './send-outcome';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const backoff = { baseMs: 1_000, maxMs: 60_000 };
const limits = { maxAttempts: 3, maxThrottled: 4, backoff };

function row(changes: Partial<Delivery> = {}): Delivery {
  return {
    campaignId: 'c1',
    bucket: 3,
    personId: 'oid:p1',
    locale: 'it-IT',
    status: 'pending',
    target: { serviceUrl: 'https://smba.example/', conversationId: 'a:1' },
    attempts: 0,
    throttled: 0,
    notBefore: 0,
    inDoubt: false,
    updatedAt: new Date(NOW - 60_000),
    ...changes,
  };
}

/** Applies the same outcome until the row is settled; how many attempts it took. */
function attemptsUntilSettled(outcome: SendOutcome): { attempts: number; settled: Delivery } {
  let current = row();
  for (let attempts = 1; attempts <= 100; attempts++) {
    current = afterAttempt(current, outcome, NOW + attempts * 120_000, limits);
    if (current.status !== 'pending') return { attempts, settled: current };
  }
  throw new Error('never settled');
}

describe('the row after a send attempt', () => {
  it('sent: sent at that time, the last error cleared, attempts unchanged', () => {
    const next = afterAttempt(
      row({ attempts: 1, lastError: '503' }),
      { kind: 'sent' },
      NOW,
      limits,
    );

    expect(next).toMatchObject({ status: 'sent', sentAt: new Date(NOW), attempts: 1 });
    expect(next.lastError).toBeUndefined();
    expect(next.updatedAt).toEqual(new Date(NOW));
  });

  it('blocked or failed: settled at once with the error, one attempt counted', () => {
    const blocked = { kind: 'blocked', error: '403 MessageWritesBlocked' } as const;
    const failed = { kind: 'failed', error: '400 BadSyntax' } as const;

    expect(afterAttempt(row(), blocked, NOW, limits)).toMatchObject({
      status: 'blocked',
      attempts: 1,
      lastError: '403 MessageWritesBlocked',
    });
    expect(afterAttempt(row(), failed, NOW, limits)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '400 BadSyntax',
    });
  });

  it('skipped (a missed slot, a pause): pending again as it was, no attempt counted', () => {
    const before = row({ attempts: 2, throttled: 1, notBefore: NOW - 5 });

    expect(afterAttempt(before, 'skipped', NOW, limits)).toEqual({
      ...before,
      status: 'pending',
      updatedAt: new Date(NOW),
    });
  });

  it('a retryable error: pending again after a backoff that grows with the attempts', () => {
    const first = afterAttempt(row(), { kind: 'retry', error: '503' }, NOW, limits);
    const second = afterAttempt(first, { kind: 'retry', error: '503' }, NOW, limits);

    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: '503' });
    expect(first.notBefore - NOW).toBeGreaterThanOrEqual(500);
    expect(first.notBefore - NOW).toBeLessThanOrEqual(1_000);
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    expect(second.notBefore - NOW).toBeGreaterThanOrEqual(1_000);
    expect(second.notBefore - NOW).toBeLessThanOrEqual(2_000);
  });

  it('a retryable error on the last allowed attempt fails the row: exactly maxAttempts requests', () => {
    const last = afterAttempt(
      row({ attempts: limits.maxAttempts - 1 }),
      { kind: 'retry', error: '504' },
      NOW,
      limits,
    );

    expect(last).toMatchObject({
      status: 'failed',
      attempts: limits.maxAttempts,
      lastError: '504',
    });
    expect(attemptsUntilSettled({ kind: 'retry', error: '503' })).toMatchObject({
      attempts: limits.maxAttempts,
      settled: { status: 'failed', attempts: limits.maxAttempts },
    });
  });

  it('a 429 waits for Retry-After (or backs off) without counting an attempt', () => {
    const told = afterAttempt(
      row({ attempts: 1 }),
      { kind: 'throttled', retryAfterMs: 7_000 },
      NOW,
      limits,
    );
    const untold = afterAttempt(row({ throttled: 2 }), { kind: 'throttled' }, NOW, limits);

    expect(told).toMatchObject({
      status: 'pending',
      attempts: 1,
      throttled: 1,
      notBefore: NOW + 7_000,
      lastError: '429',
    });
    expect(untold).toMatchObject({ status: 'pending', throttled: 3 });
    expect(untold.notBefore - NOW).toBeGreaterThanOrEqual(2_000);
    expect(untold.notBefore - NOW).toBeLessThanOrEqual(4_000);
  });

  it('429s are capped: the maxThrottled-th one fails the row', () => {
    const capped = afterAttempt(
      row({ throttled: limits.maxThrottled - 1 }),
      { kind: 'throttled', retryAfterMs: 1_000 },
      NOW,
      limits,
    );

    expect(capped).toMatchObject({
      status: 'failed',
      throttled: limits.maxThrottled,
      attempts: 0,
      lastError: '429 too many times',
    });
    expect(attemptsUntilSettled({ kind: 'throttled' })).toMatchObject({
      attempts: limits.maxThrottled,
      settled: { status: 'failed', throttled: limits.maxThrottled },
    });
  });
});
