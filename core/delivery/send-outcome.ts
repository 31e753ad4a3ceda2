/** What one send attempt came to, as the engine acts on it. */
export type SendOutcome =
  | { kind: 'sent' }
  /** 429: the tenant is over its rate; wait `retryAfterMs` (from Retry-After) when given. */
  | { kind: 'throttled'; retryAfterMs?: number }
  /** 412, 5xx, timeouts, network errors: worth another attempt later. */
  | { kind: 'retry'; error: string }
  /** 403 MessageWritesBlocked (blocked or uninstalled) or 404 conversation: never retried. */
  | { kind: 'blocked'; error: string }
  /** Anything else (400, 401, 413…): retrying would not help. */
  | { kind: 'failed'; error: string };

const RETRYABLE = new Set([412, 500, 502, 503, 504]);

/** Classifies a Bot Connector response; `code` is the error body's `error.code` if any. */
export function classifyResponse(
  status: number,
  code: string | undefined,
  retryAfter: string | null | undefined,
  now: number = Date.now(),
): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  const error = code ? `${status} ${code}` : String(status);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return retryAfterMs === undefined ? { kind: 'throttled' } : { kind: 'throttled', retryAfterMs };
  }
  if (RETRYABLE.has(status)) return { kind: 'retry', error };
  if (status === 404 || (status === 403 && code === 'MessageWritesBlocked')) {
    return { kind: 'blocked', error };
  }
  return { kind: 'failed', error };
}

/** Retry-After as seconds or an HTTP date; capped at 5 minutes. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1_000 : Date.parse(value) - now;
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(ms, 300_000);
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** Exponential backoff with jitter: uniform in [c/2, c], c = min(max, base·2^(attempt-1)). */
export function backoffMs(
  attempt: number,
  { baseMs, maxMs }: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
