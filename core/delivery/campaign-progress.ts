import { BUCKETS, isActive, type Campaign } from './campaign';
import type { ShardCounts } from './shards.repository';

export interface CampaignCounts extends ShardCounts {
  /** Not yet settled: sent, failed, blocked, unreachable or already completed (retries waiting included). */
  pending: number;
}

/** How far a campaign is, as the CLI and the tab show it. */
export interface CampaignProgress {
  counts: CampaignCounts;
  /** 0…1: how much of the audience has been read from the directory. */
  audienceRead: number;
  /**
   * The audience expected once it is all read: the count so far scaled by the share read (the
   * parts are equal hash ranges of the directory); undefined before any part is read.
   */
  expectedTotal: number | undefined;
  /**
   * 0…1: recipients settled over the expected audience; below 1 until the audience is all read,
   * 0 for an empty audience unless the campaign completed.
   */
  progress: number;
  /** Seconds to settle the rest of the expected audience at the tenant rate; undefined when paused, final or not yet known. */
  etaSeconds: number | undefined;
}

/** The progress of a campaign from its shards' summed counts. */
export function campaignProgress(
  counts: ShardCounts,
  campaign: Pick<Campaign, 'state' | 'expandedBuckets'>,
  ratePerSecond: number,
): CampaignProgress {
  const settled =
    counts.sent + counts.failed + counts.blocked + counts.unreachable + counts.alreadyCompleted;
  const audienceRead = campaign.expandedBuckets / BUCKETS;
  const expectedTotal =
    audienceRead >= 1
      ? counts.total
      : audienceRead > 0
        ? Math.max(counts.total, Math.round(counts.total / audienceRead))
        : undefined;
  let progress = campaign.state === 'completed' ? 1 : 0;
  if (counts.total > 0) {
    const share = settled / (expectedTotal ?? counts.total);
    // Not done while part of the audience is unread, however small the estimate says it is.
    progress = audienceRead < 1 ? Math.min(share, 0.99) : share;
  }
  return {
    counts: { ...counts, pending: counts.total - settled },
    audienceRead,
    expectedTotal,
    progress,
    etaSeconds:
      isActive(campaign.state) && expectedTotal !== undefined
        ? Math.ceil((expectedTotal - settled) / ratePerSecond)
        : undefined,
  };
}
