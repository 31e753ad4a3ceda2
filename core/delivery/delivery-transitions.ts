import type { Delivery } from './deliveries.repository';
import { backoffMs, type BackoffOptions, type SendOutcome } from './send-outcome';

/** How long one recipient is tried before their row is failed. */
export interface AttemptLimits {
  /** Send attempts (412, 5xx, timeouts…; 429s are not counted). */
  maxAttempts: number;
  /** 429s: a tenant throttle says nothing about the recipient, but it cannot go on forever. */
  maxThrottled: number;
  backoff: BackoffOptions;
}

/**
 * The row after a send attempt at `now`: sent, blocked or failed for good, or pending again with
 * the time of its next try. `skipped` (a slot given up, a pause) leaves it pending as it was. The
 * attempt that reaches a limit fails the row: a recipient gets at most `maxAttempts` requests that
 * fail and `maxThrottled` 429s.
 */
export function afterAttempt(
  delivery: Delivery,
  outcome: SendOutcome | 'skipped',
  now: number,
  limits: AttemptLimits,
): Delivery {
  const base = { ...delivery, updatedAt: new Date(now) };
  if (outcome === 'skipped') return { ...base, status: 'pending' };
  switch (outcome.kind) {
    case 'sent':
      return { ...base, status: 'sent', sentAt: new Date(now), lastError: undefined };
    case 'blocked':
      return { ...base, status: 'blocked', attempts: base.attempts + 1, lastError: outcome.error };
    case 'failed':
      return { ...base, status: 'failed', attempts: base.attempts + 1, lastError: outcome.error };
    case 'throttled': {
      const throttled = base.throttled + 1;
      if (throttled >= limits.maxThrottled) {
        return { ...base, status: 'failed', throttled, lastError: '429 too many times' };
      }
      const wait = outcome.retryAfterMs ?? backoffMs(throttled, limits.backoff);
      return { ...base, status: 'pending', throttled, notBefore: now + wait, lastError: '429' };
    }
    case 'retry': {
      const attempts = base.attempts + 1;
      if (attempts >= limits.maxAttempts) {
        return { ...base, status: 'failed', attempts, lastError: outcome.error };
      }
      const notBefore = now + backoffMs(attempts, limits.backoff);
      return { ...base, status: 'pending', attempts, notBefore, lastError: outcome.error };
    }
  }
}
