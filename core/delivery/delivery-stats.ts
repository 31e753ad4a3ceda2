import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { TenantBudget } from './tenant-budget';

const STATS_INTERVAL_MS = 10_000;

/** What an instance's engine did since it started. */
export interface DeliveryCounters {
  sent: number;
  /** Send slots given up because the instance was late for them (a busy event loop). */
  lateSlots: number;
  throttled: number;
  retried: number;
  blocked: number;
  /** Shards whose lease another instance took while this one sent them. */
  leasesLost: number;
}

/**
 * Logs an engine's counters every 10 s while they change ("delivery stats": `bench:fanout` reads
 * it), with the budget's claims and lost races, how late timers ran (a busy or starved process
 * makes send slots late) and the memory in use.
 */
export class DeliveryStatsReporter {
  readonly counters: DeliveryCounters = {
    sent: 0,
    lateSlots: 0,
    throttled: 0,
    retried: 0,
    blocked: 0,
    leasesLost: 0,
  };
  private timer: NodeJS.Timeout | undefined;
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });

  constructor(
    private readonly log: { info(details: object, message: string): void },
    private readonly budget: Pick<TenantBudget, 'stats'>,
  ) {}

  start(): void {
    let logged = '';
    const { loopDelay } = this;
    loopDelay.enable();
    this.timer = setInterval(() => {
      const budget = this.budget.stats;
      const stats = { ...this.counters, claims: budget.claims, claimConflicts: budget.conflicts };
      const now = JSON.stringify(stats);
      if (now === logged) return loopDelay.reset();
      logged = now;
      const { rss, heapUsed } = process.memoryUsage();
      const mb = (bytes: number) => Math.round(bytes / 1_048_576);
      const ms = (ns: number) => Math.round(ns / 1e6);
      this.log.info(
        {
          ...stats,
          loopDelayP99Ms: ms(loopDelay.percentile(99)),
          loopDelayMaxMs: ms(loopDelay.max),
          rssMb: mb(rss),
          heapUsedMb: mb(heapUsed),
        },
        'delivery stats',
      );
      loopDelay.reset();
    }, STATS_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.loopDelay.disable();
  }
}
