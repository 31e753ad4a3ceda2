import { SYSTEM_ACTOR, type AuditLog } from '../audit/audit-log';
import { ConcurrencyError } from '../store/errors';
import type { Leases } from '../store/leases';
import { Periodic } from '../util/periodic';

/** How long each kind of data is kept, in days (config: `RETENTION_*_DAYS`). */
export interface RetentionPeriods {
  /** Assessment answers and results, the respondents ledger, submissions waiting to be counted. */
  resultsDays: number;
  /** An erased person's result waiting to be taken back from the aggregates (ADR 0003). */
  erasedResultsDays: number;
  /** Delivery rows, counted from the end of their campaign. */
  deliveriesDays: number;
  auditDays: number;
}

/**
 * The defaults, and the longest periods the privacy notice promises (content/i18n,
 * `privacy.retention`): configuration may shorten a period, never lengthen it past the notice.
 * Results: the programme's 18 months plus 6 for its final report; deliveries: 90 days after a
 * campaign ends, enough to answer "did I get the invitation?"; an erased result: 30 days for the
 * publication that takes it back; the audit log: 24 months, like the results it accounts for.
 */
export const DEFAULT_RETENTION: RetentionPeriods = {
  resultsDays: 730,
  erasedResultsDays: 30,
  deliveriesDays: 90,
  auditDays: 730,
};

/** One row the purge deletes: what the dry run lists (ids and dates, never content). */
export interface ExpiredRow {
  kind: keyof RetentionPeriods;
  table: string;
  id: string;
  /** The date its period runs from. */
  since: Date;
}

/** A row past its period, and how to delete it (false when it changed or went meanwhile). */
export interface Expired {
  row: ExpiredRow;
  purge(): Promise<boolean>;
}

/** The expired rows of one table, given the cutoff of its kind (now minus its period). */
export interface RetentionRule {
  kind: keyof RetentionPeriods;
  table: string;
  expired(cutoff: Date): AsyncIterable<Expired>;
}

const DAY_MS = 86_400_000;
/** The purge runs at most once per this period across all instances. */
export const PURGE_EVERY_MS = DAY_MS;
export const RETENTION_LEASE = 'retention';

export type PurgeCounts = Record<string, number>;

/**
 * Deletes what has outlived its retention period, once a day across all instances (a lease), and
 * records each purge in the audit log with its counts.
 */
export class Retention {
  private readonly now: () => Date;
  private readonly periodic = new Periodic(() => this.purgeIfDue());

  constructor(
    private readonly deps: {
      rules: readonly RetentionRule[];
      periods: RetentionPeriods;
      audit: AuditLog;
      leases: Leases;
      /** This instance, as the lease's owner. */
      owner: string;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Every row a purge would delete now; nothing is written. */
  async dryRun(): Promise<ExpiredRow[]> {
    const rows: ExpiredRow[] = [];
    await this.each(async ({ row }) => {
      rows.push(row);
    });
    return rows;
  }

  /**
   * Purges if no instance has in the last {@link PURGE_EVERY_MS}; undefined when another one
   * did (or is doing it). Counts are per `<kind>.<table>`.
   */
  async purgeIfDue(): Promise<PurgeCounts | undefined> {
    const now = this.now().getTime();
    const claimed = await this.deps.leases.claim(
      RETENTION_LEASE,
      this.deps.owner,
      now,
      now + PURGE_EVERY_MS,
    );
    if (!claimed) return undefined;
    const counts: PurgeCounts = {};
    await this.each(async (expired) => {
      const key = `${expired.row.kind}.${expired.row.table}`;
      counts[key] = (counts[key] ?? 0) + ((await purgeUnlessChanged(expired)) ? 1 : 0);
    });
    await this.deps.audit.record({
      at: this.now(),
      actor: SYSTEM_ACTOR,
      action: 'retention.purge',
      reason: 'retention.schedule',
      counts,
    });
    return counts;
  }

  /** Purges when due every `everyMs` until {@link stop}; a failed round is reported and retried. */
  start(everyMs: number, onError: (error: unknown) => void): void {
    this.periodic.start(everyMs, onError);
  }

  /** Lets a running purge finish. */
  stop(): Promise<void> {
    return this.periodic.stop();
  }

  private async each(visit: (expired: Expired) => Promise<void>): Promise<void> {
    const now = this.now().getTime();
    for (const rule of this.deps.rules) {
      const cutoff = new Date(now - this.deps.periods[rule.kind] * DAY_MS);
      for await (const expired of rule.expired(cutoff)) await visit(expired);
    }
  }
}

/** A row written since it was read is not purged this time: it is looked at again tomorrow. */
async function purgeUnlessChanged(expired: Expired): Promise<boolean> {
  try {
    return await expired.purge();
  } catch (error) {
    if (error instanceof ConcurrencyError) return false;
    throw error;
  }
}
