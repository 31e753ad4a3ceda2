import { ConcurrencyError } from '../store/errors';
import type { Leases } from '../store/leases';
import { retryOnConflict } from '../store/retry';
import { Periodic } from '../util/periodic';
import type { Idea } from './idea';
import type { IdeasRepository } from './ideas.repository';
import { distinctVoters, voteGroup } from './merging';

export const IDEA_TALLIES_LEASE = 'idea-tallies';
/** A mark this old is a crash's (or a lost race's) leftover: its idea is recounted from rows. */
export const TALLY_GRACE_MS = 60_000;
/** One reconcile round at a time across instances; a crashed holder's claim lapses after it. */
const LEASE_MS = 50_000;

interface Waiter {
  resolve: (idea: Idea) => void;
  reject: (error: unknown) => void;
}

/** One idea's votes on this instance. */
interface Tally {
  /** Votes waiting for a recount to end (they keep the entry alive, not busy). */
  waiting: number;
  /** Votes past their mark whose change is not yet known. */
  active: number;
  /** The changes known but not yet written, and who waits for them. */
  pending: number;
  waiters: Waiter[];
  writing: boolean;
  /** The etag of this instance's latest mark of the idea. */
  mark: string | undefined;
  /** The mark being written: the votes that come meanwhile share it. */
  marking: Promise<void> | undefined;
  /** Each person's latest change in flight. */
  people: Map<string, Promise<void>>;
  /** Recounts run one after the other on it; a vote waits for the last before marking. */
  gate: Promise<unknown>;
  recounts: number;
  /** Who waits for nothing to be active, pending or being written. */
  idle: (() => void)[];
}

/**
 * Keeps each idea's `votes` equal to its distinct voters (its own and its merged ideas' vote
 * rows, each person once) without 500 simultaneous voters contending on one row:
 *
 * 1. a vote first *marks* the idea (`ideatallies`, an unconditional upsert: never contended;
 *    the votes that come while a mark is being written share it),
 * 2. then writes or deletes its own row (one per person per idea: the truth; a replay or a double
 *    click is a refused insert and changes nothing; the rows of one idea that come together go
 *    in one transaction, see {@link IdeasRepository.addVote}),
 * 3. then adds its change (+1, −1 or 0) to this instance's pending change of the idea: one writer
 *    per idea adds the pending sum to the count under the idea's etag, and the changes made while
 *    it writes go in its next write (500 simultaneous votes: a handful of writes, no retries),
 * 4. and the writer deletes the mark, if nobody marked the idea since (its etag).
 *
 * A crash between 2 and 4 leaves the mark. A recount (merge, unmerge, erasure) marks the idea
 * *after* writing its count: a vote of another instance that it counted but whose change is still
 * to come marked before its row, so its delete of the mark now fails and the mark stays. The
 * reconcile (every minute, on one instance under a lease) recounts from the rows every idea whose
 * mark is older than {@link TALLY_GRACE_MS}, then deletes the mark if nobody marked it since it
 * was listed, or marks it again: a count is exact again within about two minutes of the idea's
 * last vote (sooner when nothing went wrong: step 4). On this instance a recount waits for the
 * idea's votes in flight and holds new ones back, so it never counts a row twice.
 */
export class VoteTallies {
  private readonly tallies = new Map<string, Tally>();
  private readonly periodic = new Periodic(() => this.reconcile());

  constructor(
    private readonly deps: {
      repository: IdeasRepository;
      leases: Leases;
      owner: string;
      now: () => Date;
      /** The idea as this instance wrote it (its views apply it). */
      written: (idea: Idea) => void;
    },
  ) {}

  /**
   * Marks the idea, runs `change` (which writes or deletes the person's rows and says by how much
   * the distinct voters changed; after the person's earlier change of the idea), and resolves with the idea as written by a write that includes
   * the change.
   */
  async vote(ideaId: string, voter: string, change: () => Promise<number>): Promise<Idea> {
    const tally = this.tally(ideaId);
    tally.waiting++;
    for (let gate = tally.gate; ; gate = tally.gate) {
      await gate;
      if (gate === tally.gate) break;
    }
    tally.waiting--;
    tally.active++;
    let delta: number;
    // One person's changes of one idea one after the other: two withdrawals at once from an idea
    // the person voted twice (on it and on an idea merged into it) remove one vote, not two.
    const previous = tally.people.get(voter) ?? Promise.resolve();
    const mine = previous.then(async () => {
      await this.marked(ideaId, tally);
      return change();
    });
    const done = mine.then(
      () => undefined,
      () => undefined,
    );
    tally.people.set(voter, done);
    void done.then(() => {
      if (tally.people.get(voter) === done) tally.people.delete(voter);
    });
    try {
      delta = await mine;
    } catch (error) {
      tally.active--;
      this.settle(ideaId, tally);
      throw error;
    }
    tally.active--;
    return new Promise<Idea>((resolve, reject) => {
      tally.pending += delta;
      tally.waiters.push({ resolve, reject });
      if (!tally.writing) void this.flush(ideaId, tally);
    });
  }

  /**
   * Counts the idea's distinct voters from the rows and writes the count (etag-checked), then
   * marks the idea for the reconcile to check. On this instance, the idea's votes in flight
   * finish first and new ones wait.
   */
  recount(ideaId: string): Promise<Idea> {
    return this.exclusive(ideaId, async () => {
      const idea = await this.count(ideaId);
      await this.deps.repository.markTally(ideaId, this.deps.now());
      return idea;
    });
  }

  /**
   * Recounts every idea whose mark is older than {@link TALLY_GRACE_MS} and deletes its mark
   * unless it was marked again meanwhile (then marks it anew: a vote may have raced the recount);
   * on one instance at a time. How many it recounted.
   */
  async reconcile(): Promise<number> {
    const now = this.deps.now().getTime();
    if (!(await this.deps.leases.claim(IDEA_TALLIES_LEASE, this.deps.owner, now, now + LEASE_MS)))
      return 0;
    let recounted = 0;
    for (const { value: mark, etag } of await this.deps.repository.tallyMarks()) {
      if (now - mark.at.getTime() < TALLY_GRACE_MS) continue;
      await this.exclusive(mark.ideaId, async () => {
        if (await this.deps.repository.getIdea(mark.ideaId)) await this.count(mark.ideaId);
        if (!(await this.deps.repository.clearTallyMark(mark.ideaId, etag))) {
          await this.deps.repository.markTally(mark.ideaId, this.deps.now());
        }
      });
      recounted++;
    }
    return recounted;
  }

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.periodic.start(everyMs, onError);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  private tally(ideaId: string): Tally {
    let tally = this.tallies.get(ideaId);
    if (!tally) {
      tally = {
        waiting: 0,
        active: 0,
        pending: 0,
        waiters: [],
        writing: false,
        mark: undefined,
        marking: undefined,
        people: new Map(),
        gate: Promise.resolve(),
        recounts: 0,
        idle: [],
      };
      this.tallies.set(ideaId, tally);
    }
    return tally;
  }

  /** Runs `work` after the idea's earlier recounts, once its votes in flight are written. */
  private exclusive<T>(ideaId: string, work: () => Promise<T>): Promise<T> {
    const tally = this.tally(ideaId);
    tally.recounts++;
    const run = tally.gate.then(async () => {
      if (!this.isIdle(tally)) await new Promise<void>((resolve) => tally.idle.push(resolve));
      return work();
    });
    tally.gate = run.then(
      () => undefined,
      () => undefined,
    );
    void tally.gate.then(() => {
      tally.recounts--;
      this.settle(ideaId, tally);
    });
    return run;
  }

  private isIdle(tally: Tally): boolean {
    return tally.active === 0 && tally.waiters.length === 0 && !tally.writing;
  }

  /** Tells who waits for the idea to be idle; forgets it when nobody uses it any more. */
  private settle(ideaId: string, tally: Tally): void {
    if (!this.isIdle(tally)) return;
    for (const resolve of tally.idle.splice(0)) resolve();
    if (tally.recounts === 0 && tally.waiting === 0 && this.tallies.get(ideaId) === tally) {
      this.tallies.delete(ideaId);
    }
  }

  /**
   * Marks the idea before a vote's row is written. A vote may share a mark still being written
   * (it is stored after the vote began), never one already stored: the writer deletes a mark
   * only when no vote is in flight, and the reconcile only an old one.
   */
  private marked(ideaId: string, tally: Tally): Promise<void> {
    tally.marking ??= this.deps.repository.markTally(ideaId, this.deps.now()).then(
      (etag) => {
        tally.mark = etag;
        tally.marking = undefined;
      },
      (error: unknown) => {
        tally.marking = undefined;
        throw error;
      },
    );
    return tally.marking;
  }

  /** Writes the pending change, then what came in meanwhile, until nobody waits. */
  private async flush(ideaId: string, tally: Tally): Promise<void> {
    tally.writing = true;
    while (tally.waiters.length > 0) {
      const waiters = tally.waiters.splice(0);
      const delta = tally.pending;
      tally.pending = 0;
      const mark = tally.mark;
      try {
        const idea =
          delta === 0
            ? (await this.deps.repository.getIdea(ideaId))?.value.idea
            : await this.deps.repository.modifyIdea(ideaId, (i) => ({
                ...i,
                votes: Math.max(0, i.votes + delta),
              }));
        if (!idea) throw new Error(`idea ${ideaId} vanished`);
        if (delta !== 0) this.deps.written(idea);
        if (mark !== undefined && tally.active === 0 && tally.waiters.length === 0) {
          await this.deps.repository.clearTallyMark(ideaId, mark);
        }
        for (const waiter of waiters) waiter.resolve(idea);
      } catch (error) {
        // The mark stays: the reconcile brings the count back to the rows.
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    tally.writing = false;
    this.settle(ideaId, tally);
  }

  private async count(ideaId: string): Promise<Idea> {
    const idea = await retryOnConflict(
      async () => {
        const stored = await this.deps.repository.getIdea(ideaId);
        if (!stored) throw new Error(`idea ${ideaId} vanished`);
        const { idea } = stored.value;
        const rows = new Map(
          await Promise.all(
            voteGroup(idea).map(
              async (id) =>
                [id, (await this.deps.repository.votesOf(id)).map((v) => v.voter)] as const,
            ),
          ),
        );
        const votes = distinctVoters(voteGroup(idea), (id) => rows.get(id) ?? []).size;
        const next = { ...idea, votes };
        await this.deps.repository.ideas.update({ ...stored.value, idea: next }, stored.etag);
        return next;
      },
      { attempts: 20, baseDelayMs: 3, maxDelayMs: 200 },
    ).catch((error: unknown) => {
      if (error instanceof ConcurrencyError)
        throw new Error(`recount of ${ideaId} kept conflicting`);
      throw error;
    });
    this.deps.written(idea);
    return idea;
  }
}
