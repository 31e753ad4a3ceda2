import { DEFAULT_LOCALE } from '../directory/person';
import type { Leases } from '../store/leases';
import { Periodic } from '../util/periodic';
import { programmeDate } from './lab';
import type { LabsRepository } from './labs.repository';
import type { UpdatesService } from './updates.service';
import { isoWeek, summaryDue } from './weekly';

export const WEEKLY_SUMMARY_LEASE = 'labs-weekly-summary';
/** Long enough for one pass over the labs; a crashed instance's claim lapses after it. */
const LEASE_MS = 5 * 60_000;

/**
 * Each week, from Monday 09:00, one summary card per active lab with a channel: under the store
 * lease {@link WEEKLY_SUMMARY_LEASE} one instance at a time queues what is missing, and each
 * lab's week is marked in the store when queued, so no lab gets two whichever instance runs.
 */
export class WeeklySummaries {
  private readonly periodic = new Periodic(() => this.queueDue());
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      labs: LabsRepository;
      updates: Pick<UpdatesService, 'queueSummary'>;
      leases: Leases;
      owner: string;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Queues this week's missing summaries; how many were queued now. */
  async queueDue(): Promise<number> {
    const now = this.now();
    if (!summaryDue(now)) return 0;
    const claimed = await this.deps.leases.claim(
      WEEKLY_SUMMARY_LEASE,
      this.deps.owner,
      now.getTime(),
      now.getTime() + LEASE_MS,
    );
    if (!claimed) return 0;
    const week = isoWeek(programmeDate(now));
    let queued = 0;
    for (const lab of await this.deps.labs.all()) {
      if (lab.status !== 'active' || !lab.channel) continue;
      if (await this.deps.updates.queueSummary(lab, week, DEFAULT_LOCALE)) queued++;
    }
    return queued;
  }

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.periodic.start(everyMs, onError);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
