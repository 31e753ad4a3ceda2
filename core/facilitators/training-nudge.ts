import { SYSTEM_ACTOR } from '../audit/audit-log';
import type { Campaign } from '../delivery/campaign';
import { CampaignError, type CampaignService } from '../delivery/campaign.service';
import type { Leases } from '../store/leases';
import { Periodic } from '../util/periodic';
import type { TrainingService } from './training.service';

/** The message kind of the monthly nudge; its subject is the month, `YYYY-MM`. */
export const TRAINING_NUDGE = 'training-nudge';
export const TRAINING_NUDGE_LEASE = 'training-nudge';
/** Long enough for one check and start; a crashed instance's claim lapses after it. */
const LEASE_MS = 10 * 60_000;

/** The month a nudge is about (UTC), its campaign's subject. */
export function nudgeMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/**
 * Once a month, a card to the facilitators behind schedule, through the delivery engine. Across
 * instances and restarts: under the store lease {@link TRAINING_NUDGE_LEASE} one instance at a
 * time checks whether the month has its campaign (kind {@link TRAINING_NUDGE}, subject the
 * month) and starts it if not. The campaign itself is the record that the month is done, so a
 * crash before it is written is retried when the lease lapses, and one after it is never
 * repeated; the engine sends each recipient of a campaign once.
 */
export class TrainingNudge {
  private readonly now: () => Date;
  private readonly periodic = new Periodic(() => this.nudgeIfDue());

  constructor(
    private readonly deps: {
      training: Pick<TrainingService, 'behindSchedule'>;
      campaigns: Pick<CampaignService, 'list' | 'start'>;
      leases: Leases;
      owner: string;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Starts this month's nudge if nobody has; the campaign, or undefined when not started now. */
  async nudgeIfDue(): Promise<Campaign | undefined> {
    const now = this.now();
    const claimed = await this.deps.leases.claim(
      TRAINING_NUDGE_LEASE,
      this.deps.owner,
      now.getTime(),
      now.getTime() + LEASE_MS,
    );
    if (!claimed) return undefined;
    const month = nudgeMonth(now);
    const campaigns = await this.deps.campaigns.list();
    if (campaigns.some((c) => c.kind === TRAINING_NUDGE && c.subject === month)) return undefined;
    if ((await this.deps.training.behindSchedule()).size === 0) return undefined;
    try {
      return await this.deps.campaigns.start({
        kind: TRAINING_NUDGE,
        subject: month,
        audience: { kind: 'chosen' },
        createdBy: SYSTEM_ACTOR,
      });
    } catch (error) {
      // Behind schedule but not in the directory (they left): nobody to nudge this time.
      if (error instanceof CampaignError && error.code === 'emptyAudience') return undefined;
      throw error;
    }
  }

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.periodic.start(everyMs, onError);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
