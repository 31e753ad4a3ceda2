import { isTerminal, type Delivery } from './deliveries.repository';
import { emptyCounts, type InFlight, type ShardCounts } from './shards.repository';

/** A step of a shard as its in-flight mark names it. */
export interface MarkedStep {
  mark: string;
  personIds: readonly string[];
}

/**
 * The in-flight mark written on the shard row before a step's requests go out (at `at`): the
 * step's recipients, those of the step still on its way (its mark kept as `previous`), and the
 * rows a previous owner left in flight that are not flagged in doubt yet, so that a third owner
 * still knows them.
 */
export function stepMark(
  step: MarkedStep,
  at: number,
  stillOut: MarkedStep | undefined,
  unflagged: Iterable<string>,
): InFlight {
  return {
    mark: step.mark,
    ...(stillOut ? { previous: stillOut.mark } : {}),
    at,
    personIds: [...step.personIds, ...(stillOut?.personIds ?? []), ...unflagged],
  };
}

/**
 * The rows of an in-flight mark whose outcome was never recorded: listed, still open, and not
 * written since under that mark or the previous step's. These are exactly the requests that
 * were out when the mark's owner stopped; a row recorded under either mark must not be sent
 * again.
 */
export function leftInFlight(
  inFlight: InFlight | undefined,
  rows: readonly Delivery[],
): Set<string> {
  if (!inFlight) return new Set();
  const listed = new Set(inFlight.personIds);
  // A row never written since its insert has no mark (nor has a first step a previous one).
  const recorded = (d: Delivery) =>
    d.mark !== undefined && (d.mark === inFlight.mark || d.mark === inFlight.previous);
  return new Set(
    rows
      .filter((d) => listed.has(d.personId) && !isTerminal(d.status) && !recorded(d))
      .map((d) => d.personId),
  );
}

/**
 * A row left in flight, to be sent again: in doubt (it may have been received), and not due
 * before `inFlightMs` after the mark, when its request can no longer be pending.
 */
export function inDoubt(delivery: Delivery, markedAt: number, inFlightMs: number): Delivery {
  const notBefore = Math.max(delivery.notBefore, markedAt + inFlightMs);
  return { ...delivery, inDoubt: true, notBefore };
}

/** A shard's counts from its rows (written with every mark, and with the shard's last write). */
export function countRows(rows: readonly Delivery[]): ShardCounts {
  const counts = { ...emptyCounts(), total: rows.length };
  for (const row of rows) {
    if (row.status !== 'pending') counts[row.status]++;
    if (row.inDoubt) counts.inDoubt++;
  }
  return counts;
}
