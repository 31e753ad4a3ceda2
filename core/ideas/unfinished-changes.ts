import { ConcurrencyError } from '../store/errors';
import type { Leases } from '../store/leases';
import { Periodic } from '../util/periodic';
import type { Idea } from './idea';
import { noticeOf, reconcile, revised } from './idea-changes';
import { IdeaError } from './idea-errors';
import type { ChangeMark, IdeasRepository } from './ideas.repository';
import type { IdeaNotice } from './idea-changes';

export const IDEA_CHANGES_LEASE = 'idea-changes';
/** A mark this old belongs to a change that crashed or failed: the sweep finishes it. */
export const CHANGE_GRACE_MS = 60_000;
const LEASE_MS = 50_000;

/**
 * Changes of an idea's thread (an amendment, its decision, a comment) are written in the
 * thread's partition in one transaction, but their idea row (counts, the accepted text, the
 * co-author) is in another table and their notice goes through the delivery engine. So that a
 * crash or a store error between them never leaves a change half done:
 *
 * 1. a *mark* naming the idea and the change's history entry is written first (`ideatallies`,
 *    partition `change`),
 * 2. then the change's thread rows, in one transaction,
 * 3. then the follow-ups, each the same however often it runs: the idea row is rewritten from its
 *    thread ({@link reconcile}: counts recounted, the last accepted text, accepted amenders as
 *    co-authors) under its etag, and the entry's notice is sent with an id derived from it (the
 *    engine finds the campaign instead of telling anyone twice),
 * 4. then the mark is deleted.
 *
 * A mark left behind is finished by a decision's retry (which then answers as the first would
 * have), or by the sweep: every minute, on one instance under a lease, it finishes every mark
 * older than {@link CHANGE_GRACE_MS}. A mark whose thread rows were never written finishes as a
 * harmless recount.
 */
export class UnfinishedChanges {
  private readonly periodic = new Periodic(() => this.sweep());

  constructor(
    private readonly deps: {
      repository: IdeasRepository;
      notify: (notice: IdeaNotice) => Promise<void>;
      leases: Leases;
      owner: string;
      now: () => Date;
      /** The idea as this instance wrote it (its views apply it). */
      written: (idea: Idea) => void;
    },
  ) {}

  /**
   * Marks the change, runs `write` (its thread rows), finishes it. A refused write (a conflict,
   * a domain refusal) wrote nothing: its mark goes; after any other failure the mark stays.
   */
  async run(mark: ChangeMark, write: () => Promise<void>): Promise<Idea> {
    const etag = await this.deps.repository.markChange(mark);
    try {
      await write();
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof IdeaError) {
        await this.deps.repository.clearChange(mark, etag);
      }
      throw error;
    }
    return this.finish(mark, etag);
  }

  /** The mark of a change if it is still unfinished. */
  async unfinished(ideaId: string, key: string) {
    return this.deps.repository.changeMark(ideaId, key);
  }

  /** Does the follow-ups of a marked change, then deletes its mark. */
  async finish(mark: ChangeMark, etag: string): Promise<Idea> {
    const repo = this.deps.repository;
    const idea = await repo.reviseIdea(mark.ideaId, reconcile, revised);
    if (!idea) throw new IdeaError('unknownIdea');
    this.deps.written(idea);
    const entry = mark.entryId ? await repo.historyEntry(mark.ideaId, mark.entryId) : undefined;
    const notice = entry && noticeOf(entry);
    if (notice) await this.deps.notify(notice);
    await repo.clearChange(mark, etag);
    return idea;
  }

  /**
   * Finishes every change marked more than {@link CHANGE_GRACE_MS} ago, on one instance at a
   * time; one that fails stays marked for the next round. How many it finished.
   */
  async sweep(): Promise<number> {
    const now = this.deps.now().getTime();
    if (!(await this.deps.leases.claim(IDEA_CHANGES_LEASE, this.deps.owner, now, now + LEASE_MS)))
      return 0;
    let finished = 0;
    let failure: Error | undefined;
    for (const { value: mark, etag } of await this.deps.repository.changeMarks()) {
      if (now - mark.at.getTime() < CHANGE_GRACE_MS) continue;
      try {
        await this.finish(mark, etag).catch(async (error: unknown) => {
          // An idea that is gone has nothing left to finish.
          if (!(error instanceof IdeaError)) throw error;
          await this.deps.repository.clearChange(mark, etag);
        });
        finished++;
      } catch (error) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      }
    }
    if (failure !== undefined) throw failure;
    return finished;
  }

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.periodic.start(everyMs, onError);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
