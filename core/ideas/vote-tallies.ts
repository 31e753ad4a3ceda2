import { ConcurrencyError } from '../store/errors';
import { retryOnConflict } from '../store/retry';
import type { Idea } from './idea';
import type { IdeasRepository } from './ideas.repository';
import { distinctVoters, voteGroup } from './merging';

/**
 * Keeps each idea's `votes` equal to its distinct voters (its own and its merged ideas' vote
 * rows, each person once). A vote or withdrawal writes only its own row (one per person per
 * idea: a replay or a double click is a refused insert), then asks for a recount of the idea:
 * read the idea row (its etag), count the rows, write the count only if the row still has that
 * etag, else start again. The last count written therefore began after every row written before
 * it, and a row written after it asks for a recount that must write after it: the count is exact
 * with any number of instances. On one instance, recounts of an idea are coalesced: a request
 * joins the recount queued behind the running one, so 500 simultaneous votes cost a few recounts,
 * not 500 (and no retry storm on the idea's row).
 */
export class VoteTallies {
  private readonly state = new Map<
    string,
    { running: Promise<Idea>; queued: Promise<Idea> | undefined }
  >();

  constructor(
    private readonly repository: IdeasRepository,
    private readonly written: (idea: Idea) => void,
  ) {}

  /** Resolves with the idea as written by a recount that started after this call. */
  recount(ideaId: string): Promise<Idea> {
    const current = this.state.get(ideaId);
    if (current) {
      current.queued ??= current.running.then(
        () => this.begin(ideaId, current),
        () => this.begin(ideaId, current),
      );
      return current.queued;
    }
    const fresh = { running: Promise.resolve(undefined as unknown as Idea), queued: undefined };
    this.state.set(ideaId, fresh);
    return this.begin(ideaId, fresh);
  }

  private begin(
    ideaId: string,
    entry: { running: Promise<Idea>; queued: Promise<Idea> | undefined },
  ): Promise<Idea> {
    entry.queued = undefined;
    const run = this.count(ideaId);
    entry.running = run;
    const done = () => {
      if (entry.running === run && entry.queued === undefined) this.state.delete(ideaId);
    };
    run.then(done, done);
    return run;
  }

  private async count(ideaId: string): Promise<Idea> {
    const idea = await retryOnConflict(
      async () => {
        const stored = await this.repository.getIdea(ideaId);
        if (!stored) throw new Error(`idea ${ideaId} vanished`);
        const { idea } = stored.value;
        const rows = new Map(
          await Promise.all(
            voteGroup(idea).map(
              async (id) => [id, (await this.repository.votesOf(id)).map((v) => v.voter)] as const,
            ),
          ),
        );
        const votes = distinctVoters(voteGroup(idea), (id) => rows.get(id) ?? []).size;
        const next = { ...idea, votes };
        // Written even when unchanged: a slower recount holding an older etag must fail.
        await this.repository.ideas.update({ idea: next, stamp: stored.value.stamp }, stored.etag);
        return next;
      },
      { attempts: 20, baseDelayMs: 3, maxDelayMs: 200 },
    ).catch((error: unknown) => {
      if (error instanceof ConcurrencyError)
        throw new Error(`recount of ${ideaId} kept conflicting`);
      throw error;
    });
    this.written(idea);
    return idea;
  }
}
