import type { DirectoryService } from '../directory/directory.service';
import type { DirectoryHeadcounts } from '../directory/headcounts';
import type { OrgUnitsRepository } from '../directory/org-units.repository';
import type { Leases } from '../store/leases';
import { forEachLimit } from '../util/concurrency';
import { Periodic } from '../util/periodic';
import type { CandidatesRepository } from './candidates.repository';
import type { Candidate, RoundProgress, SelectionRound, ShortlistEntry } from './facilitators';
import type { RoundsRepository } from './rounds.repository';
import { defaultTarget, selectShortlist } from './selection';

const NAME_LOOKUPS = 16;
/** Entries written between two progress marks. */
const WRITE_CHUNK = 500;
/** How often, at most, a preparation writes its progress on the round. */
const PROGRESS_EVERY_MS = 1_000;
/**
 * How long an instance holds a round's preparation (a quiet machine prepares 100,000 assessed
 * people in about 15 s): a crashed instance's round is prepared again once it lapses.
 */
export const PREPARATION_LEASE_MS = 5 * 60_000;
/** The lease an instance holds while it prepares the round. */
export const preparationLease = (roundId: string) => `facilitator-round/${roundId}`;

/** A person's new entry on a round's shortlist, from their candidate row. */
export function shortlistEntry(
  roundId: string,
  candidate: Candidate,
  displayName: string,
  at: Date,
): ShortlistEntry {
  return {
    roundId,
    objectId: candidate.objectId,
    displayName,
    department: candidate.department,
    digitalSkills: candidate.digitalSkills,
    motivation: candidate.motivation,
    interested: candidate.interested,
    reason: 'aboveThresholds',
    status: 'proposed',
    changedAt: at,
  };
}

export interface RoundPreparationDeps {
  rounds: Pick<
    RoundsRepository,
    'round' | 'list' | 'modifyRound' | 'writeEntries' | 'shortlistRows' | 'deleteEntry'
  >;
  candidates: Pick<CandidatesRepository, 'all'>;
  directory: Pick<DirectoryService, 'find'>;
  headcounts: Pick<DirectoryHeadcounts, 'current'>;
  orgUnits: Pick<OrgUnitsRepository, 'list'>;
  leases: Pick<Leases, 'claim'>;
  /** This instance, as lease owner. */
  owner: string;
  now?: () => Date;
}

/**
 * Builds the shortlists of rounds created `preparing`, in the background: the instance that
 * created the round starts at once; every instance's periodic job looks for rounds still
 * preparing and takes over one whose lease ({@link PREPARATION_LEASE_MS}) has lapsed, after a
 * crash. A preparation sets the default targets, reads the candidates, selects, looks up names, writes the entries (an
 * earlier attempt's entries it did not select go), with its progress on the round about once a
 * second, then marks the round ready: a redo is a whole new selection, so it is safe to repeat.
 */
export class RoundPreparation {
  private readonly now: () => Date;
  private readonly periodic = new Periodic(() => this.resume());
  private readonly running = new Map<string, Promise<void>>();
  /** Until `start`: a failed preparation is found again by the periodic job of some instance. */
  private report: (error: unknown) => void = () => undefined;

  constructor(private readonly deps: RoundPreparationDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Prepares a round just created, on this instance, without waiting. */
  begin(roundId: string): void {
    this.run(roundId);
  }

  /** When this instance's preparation of the round (if any) has ended. */
  async settled(roundId: string): Promise<void> {
    await this.running.get(roundId);
  }

  /** Prepares every round still preparing whose lease is free (the periodic job). */
  async resume(): Promise<void> {
    const waiting = (await this.deps.rounds.list()).filter((round) => round.preparing);
    for (const round of waiting) {
      this.run(round.id);
      await this.settled(round.id);
    }
  }

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.report = onError;
    this.periodic.start(everyMs, onError);
  }

  async stop(): Promise<void> {
    await this.periodic.stop();
    await Promise.all(this.running.values());
  }

  private run(roundId: string): void {
    if (this.running.has(roundId)) return;
    const run = this.prepare(roundId)
      .catch((error: unknown) => this.report(error))
      .finally(() => this.running.delete(roundId));
    this.running.set(roundId, run);
  }

  private async prepare(roundId: string): Promise<void> {
    const now = this.now().getTime();
    const lease = preparationLease(roundId);
    if (!(await this.deps.leases.claim(lease, this.deps.owner, now, now + PREPARATION_LEASE_MS))) {
      return;
    }
    const stored = await this.deps.rounds.round(roundId);
    if (!stored?.preparing) return;
    const round = await this.withDefaultTargets(stored);
    const progress = new ProgressMarks(roundId, this.deps.rounds, this.now);
    const shortlist = await this.shortlistOf(round, await this.deps.candidates.all(), progress);
    const selected = new Set(shortlist.map((entry) => entry.objectId));
    for (const row of await this.deps.rounds.shortlistRows(roundId)) {
      if (!selected.has(row.value.objectId)) await this.deps.rounds.deleteEntry(row);
    }
    for (let from = 0; from < shortlist.length; from += WRITE_CHUNK) {
      const chunk = shortlist.slice(from, from + WRITE_CHUNK);
      await this.deps.rounds.writeEntries(chunk);
      await progress.step(chunk.length);
    }
    await this.deps.rounds.modifyRound(roundId, ({ preparing, ...ready }) =>
      preparing ? ready : undefined,
    );
  }

  /** Every department's target: the admin's where given, else its default (kept on the round). */
  private async withDefaultTargets(round: SelectionRound): Promise<SelectionRound> {
    const [counts, units] = await Promise.all([
      this.deps.headcounts.current(),
      this.deps.orgUnits.list(),
    ]);
    const departments = units.filter((unit) => unit.path.length === 1).map((u) => u.path[0]!);
    const targets = Object.fromEntries(
      departments.map((d) => [d, round.targets[d] ?? defaultTarget(counts.subtree([d]))]),
    );
    const stored = await this.deps.rounds.modifyRound(round.id, (current) =>
      current.preparing ? { ...current, targets } : undefined,
    );
    return stored ?? { ...round, targets };
  }

  /**
   * The selection with each person's name from the directory; people no longer in it are left
   * out and the selection made again without them (a department's next best fills the place).
   */
  private async shortlistOf(
    round: SelectionRound,
    candidates: readonly Candidate[],
    progress: ProgressMarks,
  ): Promise<ShortlistEntry[]> {
    const names = new Map<string, string | null>();
    for (;;) {
      const selected = selectShortlist(
        candidates.filter((c) => names.get(c.objectId) !== null),
        round.thresholds,
        round.targets,
      );
      const unknown = selected.filter(({ candidate }) => !names.has(candidate.objectId));
      if (unknown.length === 0) {
        const at = this.now();
        return selected.map(({ candidate, reason }) => ({
          ...shortlistEntry(round.id, candidate, names.get(candidate.objectId)!, at),
          reason,
        }));
      }
      // Each new name to look up, then each entry to write.
      progress.more(2 * unknown.length);
      await forEachLimit(unknown, NAME_LOOKUPS, async ({ candidate }) => {
        const person = await this.deps.directory.find({ objectId: candidate.objectId });
        names.set(candidate.objectId, person?.displayName ?? null);
        if (!person) progress.more(-1);
        await progress.step(1);
      });
    }
  }
}

/** A preparation's progress, written on its round at most every {@link PROGRESS_EVERY_MS}. */
class ProgressMarks {
  private readonly progress: RoundProgress = { done: 0, total: 0 };
  private writing: Promise<void> | undefined;
  private writtenAt = 0;

  constructor(
    private readonly roundId: string,
    private readonly rounds: Pick<RoundsRepository, 'modifyRound'>,
    private readonly now: () => Date,
  ) {}

  more(steps: number): void {
    this.progress.total += steps;
  }

  /** `steps` done; waits for the progress write this started, if any. */
  async step(steps: number): Promise<void> {
    this.progress.done = Math.min(this.progress.total, this.progress.done + steps);
    const now = this.now().getTime();
    if (this.writing || now - this.writtenAt < PROGRESS_EVERY_MS) return;
    this.writtenAt = now;
    const progress = { ...this.progress };
    this.writing = this.rounds
      .modifyRound(this.roundId, (round) =>
        round.preparing ? { ...round, preparing: progress } : undefined,
      )
      .then(() => undefined)
      .finally(() => {
        this.writing = undefined;
      });
    await this.writing;
  }
}
