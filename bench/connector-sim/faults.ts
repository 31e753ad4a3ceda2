import { seededRandom } from '../../core/util/random';

/** Extra latency per response: a fixed delay or a uniform draw in [min, max] ms. */
export type Latency = number | { min: number; max: number };

/** Fault injection settings. Shares are fractions in [0, 1]; every decision repeats per seed. */
export interface FaultOptions {
  /** Seed of every decision below (default 1). */
  seed?: number;
  /** Share of admitted writes answered 500/502/503/504 instead of being delivered. */
  serverErrorShare?: number;
  /** Share of recipients (by stable hash) whose every send gets 403 `MessageWritesBlocked`. */
  blockedShare?: number;
  /** Share of conversations (by stable hash) that answer 404 `ConversationNotFound`. */
  notFoundShare?: number;
  /** Extra latency added before each response. */
  latencyMs?: Latency;
  /**
   * A tenant-wide 429 storm: from the request after the `afterRequests`-th on, every request is
   * refused for `seconds`, each 429 carrying the storm's remaining time as `Retry-After`.
   */
  storm?: { afterRequests: number; seconds: number };
}

const SERVER_ERRORS = [500, 502, 503, 504] as const;

/** 32-bit FNV-1a with a murmur3 finaliser: cheap, stable across runs and platforms. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform fraction in [0, 1) fixed by `seed` and `key`. */
export function stableFraction(seed: number, key: string): number {
  return hash32(`${seed}|${key}`) / 2 ** 32;
}

/**
 * Fault decisions. Blocked and not-found are properties of a recipient or conversation; a 5xx is
 * decided per (conversation, n-th request to it), so the same run repeats even when concurrent
 * senders interleave differently.
 */
export class FaultPlan {
  private readonly seed: number;
  private readonly random: () => number;
  private stormStartedAt: number | undefined;

  constructor(private readonly options: FaultOptions = {}) {
    this.seed = options.seed ?? 1;
    this.random = seededRandom(this.seed);
  }

  isBlocked(recipient: string): boolean {
    return this.hit(this.options.blockedShare, `blocked|${recipient}`);
  }

  isNotFound(conversationId: string): boolean {
    return this.hit(this.options.notFoundShare, `404|${conversationId}`);
  }

  /** The 5xx status for the `ordinal`-th request to a conversation, or undefined. */
  serverError(conversationId: string, ordinal: number): number | undefined {
    const share = this.options.serverErrorShare ?? 0;
    if (share <= 0) return undefined;
    const draw = stableFraction(this.seed, `5xx|${conversationId}|${ordinal}`);
    if (draw >= share) return undefined;
    return SERVER_ERRORS[Math.floor((draw / share) * SERVER_ERRORS.length)] ?? 500;
  }

  /** The storm's remaining milliseconds at `now` for the `ordinal`-th request, or 0. */
  stormRemainingMs(ordinal: number, now: number): number {
    const storm = this.options.storm;
    if (!storm || ordinal <= storm.afterRequests) return 0;
    this.stormStartedAt ??= now;
    return Math.max(0, this.stormStartedAt + storm.seconds * 1_000 - now);
  }

  latencyMs(): number {
    const latency = this.options.latencyMs ?? 0;
    if (typeof latency === 'number') return latency;
    return latency.min + this.random() * (latency.max - latency.min);
  }

  private hit(share: number | undefined, key: string): boolean {
    return (share ?? 0) > 0 && stableFraction(this.seed, key) < (share ?? 0);
  }
}
