/** A limit of `limit` admitted requests in any window of `windowMs` milliseconds. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Teams' per bot, per conversation limits (send / create conversation), from PLATFORM.md. */
export const PER_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** The tenant-wide window: `perSecond` requests in any sliding second. */
export function tenantWindows(perSecond: number): RateWindow[] {
  return [{ limit: perSecond, windowMs: 1_000 }];
}

/** Outcome of {@link SlidingWindowLimiter.tryAcquire}: admitted, or how long until it would be. */
export type Admission = { ok: true } | { ok: false; retryAfterMs: number };

/** Index of the first timestamp strictly after `cutoff` in an ascending log. */
function firstAfter(times: readonly number[], cutoff: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) <= cutoff) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function validated(windows: readonly RateWindow[]): number {
  if (windows.length === 0) throw new Error('at least one window');
  for (const w of windows) {
    if (!(w.limit >= 1 && w.windowMs > 0)) throw new Error(`invalid window ${JSON.stringify(w)}`);
  }
  return Math.max(...windows.map((w) => w.windowMs));
}

/**
 * Drops from `times` (admitted requests, ascending) what the longest window no longer needs,
 * then returns the milliseconds until one more request would fit every window (0: now).
 */
function pruneAndWait(
  times: number[],
  windows: readonly RateWindow[],
  longestMs: number,
  now: number,
): number {
  const expired = firstAfter(times, now - longestMs);
  if (expired > 0) times.splice(0, expired);
  let wait = 0;
  for (const { limit, windowMs } of windows) {
    const start = firstAfter(times, now - windowMs);
    const count = times.length - start;
    if (count < limit) continue;
    // The window regains room once its (count - limit + 1) oldest entries have left it.
    wait = Math.max(wait, (times[start + count - limit] ?? now) + windowMs - now);
  }
  return wait;
}

/**
 * An exact sliding-window log over several windows at once: a request is admitted only if every
 * window still has room, and only admitted requests are counted. A refusal carries the wait after
 * which the same request would be admitted if nothing else is admitted meanwhile.
 */
export class SlidingWindowLimiter {
  private readonly times: number[] = [];
  private readonly longestMs: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longestMs = validated(windows);
  }

  /** Admits and records a request at `now` (ms), or says how long to wait. */
  tryAcquire(now: number): Admission {
    const retryAfterMs = this.waitMs(now);
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    this.times.push(now);
    return { ok: true };
  }

  /** Milliseconds until a request would be admitted (0: now). Records nothing. */
  waitMs(now: number): number {
    return pruneAndWait(this.times, this.windows, this.longestMs, now);
  }
}

/** `Retry-After` in whole seconds (as Teams sends it), rounded up so a retry then succeeds. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1_000));
}

/**
 * The same limits kept per key (a conversation's index or id): a bare timestamp array per key, so
 * 100,000 conversations with a send or two each cost a few MB. Keys whose timestamps have all left
 * the longest window are dropped on a sweep once per longest window.
 */
export class KeyedLimiter<K = number> {
  private readonly logs = new Map<K, number[]>();
  private readonly longestMs: number;
  private nextSweep = -Infinity;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longestMs = validated(windows);
  }

  tryAcquire(key: K, now: number): Admission {
    this.sweep(now);
    const times = this.logs.get(key);
    if (!times) {
      // A literal sized 1: a first push() would reserve room for 17 timestamps per key.
      this.logs.set(key, [now]);
      return { ok: true };
    }
    const retryAfterMs = pruneAndWait(times, this.windows, this.longestMs, now);
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    times.push(now);
    return { ok: true };
  }

  /** Keys currently holding state. */
  get size(): number {
    return this.logs.size;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.longestMs;
    for (const [key, times] of this.logs) {
      if ((times[times.length - 1] ?? -Infinity) <= now - this.longestMs) this.logs.delete(key);
    }
  }
}
