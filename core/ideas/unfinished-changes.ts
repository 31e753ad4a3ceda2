import { AlreadyExistsError, ConcurrencyError } from '../store/errors';
import type { Leases } from '../store/leases';
import { Periodic } from '../util/periodic';
import type { Idea } from './idea';
import { noticeOf, reconcile, revised, type IdeaNotice } from './idea-changes';
import { IdeaError } from './idea-errors';
import type { ChangeMark, HistoryEntry, IdeasRepository } from './ideas.repository';

export const IDEA_CHANGES_LEASE = 'idea-changes';
/** A mark this old belongs to a change that crashed or failed: the sweep finishes it. */
export const CHANGE_GRACE_MS = 60_000;
const LEASE_MS = 50_000;

/**
 * A change of an idea writes rows no single transaction covers: its thread (`ideathreads`,
 * partition the idea), its row (`ideas`, partition the call), the audit log, and a notice through
 * the delivery engine. So that a crash or a store error between them never leaves it half done:
 *
 * 1. a *mark* naming the idea and the change's history entry is written first (`ideatallies`,
 *    partition `change`; one per idea a change writes),
 * 2. then the change itself, in one transaction: an amendment, a decision or a comment in the
 *    thread's partition (with their history entry); a status, moderation, merge or unmerge in
 *    the call's partition of `ideas` (both rows of a merge), each row carrying its history
 *    entries as *unfinished*,
 * 3. then the follow-ups, each the same however often it runs: the idea row is rewritten from its
 *    thread ({@link reconcile}: counts recounted, the last accepted text, accepted amenders as
 *    co-authors) under its etag; the row's unfinished entries are written to the thread (fixed
 *    ids), recounted and audited (`followUp`), then forgotten; the entries' notices are sent
 *    with ids derived from them (the engine finds the campaign instead of telling anyone twice),
 * 4. then the mark is deleted.
 *
 * A mark left behind is finished by the same change asked again (a retry after a failure, which
 * then answers as the first would have; see {@link askedAgain}), or by the sweep: every minute, on one instance under a lease, it finishes every mark
 * older than {@link CHANGE_GRACE_MS}. A mark whose change was never written finishes as a
 * harmless recount. Only an audit entry may be written twice (a crash between it and step 3's
 * end).
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
      /** An unfinished entry's follow-ups besides its thread row (audit, recount). */
      followUp: (entry: HistoryEntry) => Promise<void>;
      /** The idea as this instance wrote it (its views apply it). */
      written: (idea: Idea) => void;
    },
  ) {}

  /**
   * Marks the change (once per idea it writes), runs `write`, finishes it; the first mark's idea
   * as finished. A refused write (a conflict, a domain refusal) wrote nothing: its marks go;
   * after any other failure they stay.
   */
  async run(marks: readonly ChangeMark[], write: () => Promise<void>): Promise<Idea> {
    const repo = this.deps.repository;
    const etags = await Promise.all(marks.map((mark) => repo.markChange(mark)));
    try {
      await write();
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof IdeaError) {
        await Promise.all(marks.map((mark, i) => repo.clearChange(mark, etags[i]!)));
      }
      throw error;
    }
    const ideas: Idea[] = [];
    for (const [i, mark] of marks.entries()) ideas.push(await this.finish(mark, etags[i]!));
    return ideas[0]!;
  }

  /**
   * The idea finished, when its row still carries the entry `same` picks as unfinished: the
   * change was asked again (a retry after a failure). A merge's or unmerge's other row is finished
   * first (its recount).
   */
  async askedAgain(
    ideaId: string,
    same: (entry: HistoryEntry) => boolean,
  ): Promise<Idea | undefined> {
    const repo = this.deps.repository;
    const entry = (await repo.getIdea(ideaId))?.value.unfinished?.find(same);
    if (!entry) return undefined;
    if (entry.other) {
      const { id } = entry.other;
      const counterpart = (await repo.getIdea(id))?.value.unfinished?.find(
        (e) => e.other?.id === ideaId && e.at.getTime() === entry.at.getTime(),
      );
      if (counterpart) await this.finishChange(id, counterpart.id);
    }
    return this.finishChange(ideaId, entry.id);
  }

  /** The idea finished, when the change `key` of it is still marked. */
  async finishChange(ideaId: string, key: string): Promise<Idea | undefined> {
    const mark = await this.deps.repository.changeMark(ideaId, key);
    return mark ? this.finish(mark.value, mark.etag) : undefined;
  }

  /** Does the follow-ups of a marked change, then deletes its mark. */
  async finish(mark: ChangeMark, etag: string): Promise<Idea> {
    const repo = this.deps.repository;
    let row = await repo.reviseIdea(mark.ideaId, reconcile, revised);
    if (!row) throw new IdeaError('unknownIdea');
    this.deps.written(row.idea);
    const unfinished = row.unfinished ?? [];
    for (const entry of unfinished) {
      try {
        await repo.threads.insert(entry);
      } catch (error) {
        if (!(error instanceof AlreadyExistsError)) throw error;
      }
      await this.deps.followUp(entry);
    }
    const entries = new Map(unfinished.map((entry) => [entry.id, entry]));
    if (mark.entryId && !entries.has(mark.entryId)) {
      const entry = await repo.historyEntry(mark.ideaId, mark.entryId);
      if (entry) entries.set(entry.id, entry);
    }
    for (const entry of entries.values()) {
      const notice = noticeOf(entry);
      if (notice) await this.deps.notify(notice);
    }
    if (unfinished.length > 0) {
      row = (await repo.settleIdea(mark.ideaId, [...entries.keys()])) ?? row;
      this.deps.written(row.idea);
    }
    await repo.clearChange(mark, etag);
    return row.idea;
  }

  /**
   * Finishes every change marked more than {@link CHANGE_GRACE_MS} ago, on one instance at a
   * time; one that fails stays marked for the next round. How many it finished.
   */
  async sweep(): Promise<number> {
    const now = this.deps.now().getTime();
    if (!(await this.deps.leases.claim(IDEA_CHANGES_LEASE, this.deps.owner, now, now + LEASE_MS)))
      return 0;
    return this.finishMarked((mark) => now - mark.at.getTime() >= CHANGE_GRACE_MS);
  }

  /**
   * Finishes every marked change now, whatever its age: an erasure does, before it rewrites what
   * the person signed, so that no entry of theirs reaches the thread after it.
   */
  async finishAll(): Promise<number> {
    return this.finishMarked(() => true);
  }

  /** Finishes the marked changes `which` picks; one that fails stays marked. How many. */
  private async finishMarked(which: (mark: ChangeMark) => boolean): Promise<number> {
    let finished = 0;
    let failure: Error | undefined;
    for (const { value: mark, etag } of await this.deps.repository.changeMarks()) {
      if (!which(mark)) continue;
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
