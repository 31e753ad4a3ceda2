import { LruCache } from '../util/lru-cache';
import type { Campaign } from './campaign';
import type { DeliveriesRepository } from './deliveries.repository';
import type { ShardsRepository } from './shards.repository';

/**
 * How many of the people a campaign reached have completed its questionnaire, as a figure that
 * cannot tell who: a lower bound in steps of k that always leaves at least k people unaccounted
 * for, so that no one is ever known to have completed (nor not to have), however small the
 * audience and however often it is read.
 */
export interface Completions {
  /** People the campaign's message reached. */
  reached: number;
  /**
   * At least this many of them have completed: a multiple of k, at most `reached − k`; null when
   * fewer than 2k were reached (any figure would then be 0 or tell too much).
   */
  atLeast: number | null;
  k: number;
}

/** The coarse figure for `completed` of `reached` people under threshold `k`. */
export function coarseCompletions(completed: number, reached: number, k: number): Completions {
  if (reached < 2 * k) return { reached, atLeast: null, k };
  const steps = Math.floor(Math.min(completed, reached - k) / k);
  return { reached, atLeast: steps * k, k };
}

/** Completions are read when a campaign is opened; a few minutes' lag changes nothing. */
const CACHE = { maxEntries: 200, ttlMs: 60_000 };

/**
 * Reads a campaign's completions: its recipient rows (one partition read per expanded part) and
 * the respondents ledger (one query), at most once a minute per campaign and instance.
 */
export class CampaignCompletions {
  private readonly cache = new LruCache<string, Promise<Completions>>(
    CACHE.maxEntries,
    CACHE.ttlMs,
  );

  constructor(
    private readonly deps: {
      shards: Pick<ShardsRepository, 'ofCampaign'>;
      deliveries: Pick<DeliveriesRepository, 'shard'>;
      /** Who is done with what a campaign asks, answered from memory (one read of the ledger). */
      doneBy(campaign: Pick<Campaign, 'kind' | 'subject'>): Promise<(objectId: string) => boolean>;
      /** The threshold locked for the assessment campaign `subject`. */
      k(subject: string): Promise<number>;
    },
  ) {}

  of(campaign: Pick<Campaign, 'id' | 'kind' | 'subject'>): Promise<Completions> {
    return this.cache.getOrLoad(campaign.id, () => this.read(campaign));
  }

  private async read(campaign: Pick<Campaign, 'id' | 'kind' | 'subject'>): Promise<Completions> {
    const { id, subject } = campaign;
    const [shards, completed, k] = await Promise.all([
      this.deps.shards.ofCampaign(id),
      this.deps.doneBy(campaign),
      this.deps.k(subject),
    ]);
    let reached = 0;
    let done = 0;
    for (const { value } of shards) {
      if (value.sent === 0) continue;
      for (const { value: row } of await this.deps.deliveries.shard(id, value.bucket)) {
        if (row.status !== 'sent') continue;
        reached++;
        // Only people known by their object id can answer the bot.
        if (row.personId.startsWith('oid:') && completed(row.personId.slice(4))) done++;
      }
    }
    return coarseCompletions(done, reached, k);
  }
}
