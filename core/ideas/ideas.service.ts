import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log';
import type { Leases } from '../store/leases';
import { AlreadyExistsError, ConcurrencyError } from '../store/errors';
import {
  callOfIdea,
  isAuthor,
  isCallOpen,
  newCallId,
  newIdeaId,
  type Idea,
  type IdeaCall,
  type IdeaStatus,
  type IdeaText,
  type Signer,
} from './idea';
import { decisionEntryId, proposalEntryId, type IdeaNotice } from './idea-changes';
import { IdeaError } from './idea-errors';
import type {
  Amendment,
  AmendmentField,
  ChangeMark,
  Comment,
  HistoryEntry,
  IdeasRepository,
} from './ideas.repository';
import { IdeasViews, type IdeaQuery } from './ideas-view';
import { merge, unmerge, voteGroup } from './merging';
import { changeStatus } from './status-machine';
import { UnfinishedChanges } from './unfinished-changes';
import { VoteTallies } from './vote-tallies';

/** Who acts: their object id, name and department as the directory has them (if at all). */
export interface Actor {
  objectId: string;
  name: string | null;
  department: string | null;
  admin: boolean;
}

export interface IdeasDeps {
  repository: IdeasRepository;
  audit: AuditLog;
  /** Sends a notice through the delivery engine (never throws for nobody to tell). */
  notify: (notice: IdeaNotice) => Promise<void>;
  /** The vote counts' reconcile runs under a lease. */
  leases: Leases;
  owner: string;
  now?: () => Date;
}

export interface IdeaPage {
  idea: Idea;
  call: IdeaCall;
  amendments: Amendment[];
  history: HistoryEntry[];
  voted: boolean;
}

const CALLS_TTL_MS = 1_000;
const signer = (actor: Actor): Signer => ({ objectId: actor.objectId, name: actor.name });
/** The mark of a change recorded by `entry`, written before it (see UnfinishedChanges). */
const markOf = (entry: HistoryEntry): ChangeMark => ({
  ideaId: entry.ideaId,
  key: entry.id,
  at: entry.at,
  entryId: entry.id,
});
/** The audit log's action for an admin's change, by its history entry. */
const AUDITED: Partial<Record<HistoryEntry['event'], string>> = {
  status: 'ideas.status',
  hidden: 'ideas.hide',
  restored: 'ideas.restore',
  merged: 'ideas.merge',
  unmerged: 'ideas.unmerge',
};
const rowId = (at: Date) => `${at.toISOString()}|${randomBytes(3).toString('hex')}`;

/**
 * Call4Ideas: calls, ideas, votes, amendments, comments, the status workflow, moderation and
 * merging. Writes go to the store first; lists and search read this instance's {@link IdeasViews}.
 */
export class IdeasService {
  readonly views: IdeasViews;
  /** The store, for benchmarks and the personal-data holder's scans. */
  readonly repository: IdeasRepository;
  /** Vote counts: coalesced changes, marks, the reconcile (started by main). */
  readonly tallies: VoteTallies;
  /** Amendments, decisions and comments finished after a crash (the sweep started by main). */
  readonly changes: UnfinishedChanges;
  private readonly now: () => Date;
  private calls: { at: number; calls: IdeaCall[] } | undefined;

  constructor(private readonly deps: IdeasDeps) {
    this.now = deps.now ?? (() => new Date());
    this.repository = deps.repository;
    this.views = new IdeasViews(deps.repository, () => this.now().getTime());
    this.tallies = new VoteTallies({
      repository: deps.repository,
      leases: deps.leases,
      owner: deps.owner,
      now: this.now,
      written: (idea) => this.views.apply(idea),
    });
    this.changes = new UnfinishedChanges({
      repository: deps.repository,
      notify: deps.notify,
      leases: deps.leases,
      owner: deps.owner,
      now: this.now,
      followUp: (entry) => this.followUp(entry),
      written: (idea) => this.views.apply(idea),
    });
  }

  // ---- calls ----

  /** Every call, newest first (cached a second: read on every vote). */
  async allCalls(): Promise<IdeaCall[]> {
    const at = this.now().getTime();
    if (!this.calls || at - this.calls.at >= CALLS_TTL_MS) {
      const calls = await this.deps.repository.allCalls();
      calls.sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime());
      this.calls = { at, calls };
    }
    return this.calls.calls;
  }

  async openCall(): Promise<IdeaCall | undefined> {
    const now = this.now();
    return (await this.allCalls()).find((call) => isCallOpen(call, now));
  }

  /** The call a list shows by default: the open one, else the newest. */
  async defaultCall(): Promise<IdeaCall | undefined> {
    return (await this.openCall()) ?? (await this.allCalls())[0];
  }

  async call(id: string): Promise<IdeaCall> {
    const call = (await this.allCalls()).find((c) => c.id === id);
    if (!call) throw new IdeaError('unknownCall');
    return call;
  }

  isOpen(call: IdeaCall): boolean {
    return isCallOpen(call, this.now());
  }

  async saveCall(actor: Actor, input: Omit<IdeaCall, 'id'>, id?: string): Promise<IdeaCall> {
    if (!(input.opensAt < input.closesAt)) throw new IdeaError('invalidDates');
    this.calls = undefined;
    const others = (await this.allCalls()).filter((c) => c.id !== id);
    if (others.some((c) => c.opensAt < input.closesAt && input.opensAt < c.closesAt)) {
      throw new IdeaError('callsOverlap');
    }
    const call = { ...input, id: id ?? newCallId() };
    if (id) {
      const stored = await this.deps.repository.calls.get('call', id);
      if (!stored) throw new IdeaError('unknownCall');
      await this.deps.repository.calls.update(call, stored.etag);
    } else {
      await this.deps.repository.calls.insert(call);
    }
    this.calls = undefined;
    await this.audit(actor, id ? 'ideas.call.change' : 'ideas.call.create', call.id);
    return call;
  }

  async deleteCall(actor: Actor, id: string): Promise<void> {
    const stored = await this.deps.repository.calls.get('call', id);
    if (!stored) throw new IdeaError('unknownCall');
    if ((await this.deps.repository.ideasOf(id)).length > 0) throw new IdeaError('callHasIdeas');
    await this.deps.repository.calls.delete({ partitionKey: 'call', rowKey: id }, stored.etag);
    this.calls = undefined;
    await this.audit(actor, 'ideas.call.delete', id);
  }

  async ideaCount(callId: string): Promise<number> {
    return (await this.views.of(callId)).ideas.size;
  }

  // ---- ideas ----

  async propose(actor: Actor, text: IdeaText): Promise<Idea> {
    const call = await this.openCall();
    if (!call) throw new IdeaError('noOpenCall');
    const now = this.now();
    const idea: Idea = {
      ...text,
      id: newIdeaId(call.id),
      callId: call.id,
      status: 'submitted',
      statusReason: null,
      labId: null,
      authors: [signer(actor)],
      mergedAuthors: {},
      mergedInto: null,
      mergedFrom: [],
      votes: 0,
      comments: 0,
      openAmendments: 0,
      hidden: null,
      createdAt: now,
    };
    // The entry first: after a crash between the two it is in a thread nobody reads.
    await this.history(idea.id, { event: 'submitted', actor: signer(actor) });
    await this.deps.repository.ideas.insert({ idea, stamp: '' });
    this.views.apply(idea);
    return idea;
  }

  /** An idea the caller may see: a hidden one only for its authors and admins. */
  async idea(actor: Actor, id: string): Promise<Idea> {
    const stored = await this.deps.repository.getIdea(id);
    const idea = stored?.value.idea;
    if (!idea || !this.visible(actor, idea)) throw new IdeaError('unknownIdea');
    return idea;
  }

  private visible(actor: Actor, idea: Idea): boolean {
    return !idea.hidden || actor.admin || isAuthor(idea, actor.objectId);
  }

  /**
   * An idea's page: the idea as this instance's view of its call has it (as fresh as the lists;
   * a point read when the view has not seen it yet), its amendments and history in one range
   * read, and whether the caller voted it.
   */
  async page(actor: Actor, id: string): Promise<IdeaPage> {
    const call = await this.call(callOfIdea(id)).catch(() => undefined);
    if (!call) throw new IdeaError('unknownIdea');
    const seen = (await this.views.of(call.id)).ideas.get(id);
    const idea = seen && this.visible(actor, seen) ? seen : await this.idea(actor, id);
    const [{ amendments, history }, voted] = await Promise.all([
      this.deps.repository.amendmentsAndHistory(id),
      this.deps.repository.hasVoted(actor.objectId, voteGroup(idea)),
    ]);
    return { idea, call, amendments, history, voted };
  }

  async list(callId: string, query: IdeaQuery): Promise<Idea[]> {
    return (await this.views.of(callId)).list(query);
  }

  /** The call's visible, unmerged ideas most like `text`, best first. */
  async similar(callId: string, text: string, limit: number) {
    const view = await this.views.of(callId);
    return view.index
      .similar(text, limit, (id) => {
        const idea = view.ideas.get(id);
        return idea !== undefined && idea.hidden === null && idea.mergedInto === null;
      })
      .map((hit) => ({ idea: view.ideas.get(hit.id)!, score: hit.score }));
  }

  // ---- votes ----

  /**
   * One vote per person per idea; a repeated vote changes nothing. The idea is checked in this
   * instance's view of its call (at most a second old; a point read when this instance has not
   * seen it yet), so a vote costs a mark, its own row and a share of a count write (see
   * {@link VoteTallies}): a vote racing a merge within that second lands on the merged idea's
   * rows, which count on the target anyway. The count changes by one only when the person's
   * distinct vote on the idea's group appears or goes.
   */
  async vote(actor: Actor, id: string, on: boolean): Promise<{ votes: number; voted: boolean }> {
    const call = await this.call(callOfIdea(id)).catch(() => undefined);
    if (!call) throw new IdeaError('unknownIdea');
    const seen = (await this.views.of(call.id)).ideas.get(id);
    const idea = seen && this.visible(actor, seen) ? seen : await this.idea(actor, id);
    if (!this.isOpen(call)) throw new IdeaError('callClosed');
    if (idea.mergedInto !== null) throw new IdeaError('merged');
    if (on && idea.hidden) throw new IdeaError('hidden');
    const repo = this.deps.repository;
    const counted = await this.tallies.vote(id, actor.objectId, async () => {
      if (on) {
        const added = await repo.addVote({ ideaId: id, voter: actor.objectId, at: this.now() });
        // Someone who voted an idea merged into this one counts once already.
        return added && !(await repo.hasVoted(actor.objectId, idea.mergedFrom)) ? 1 : 0;
      }
      // Withdrawing from an idea withdraws the person's votes on the ideas merged into it.
      return (await repo.removeVotes(actor.objectId, voteGroup(idea))) > 0 ? -1 : 0;
    });
    return { votes: counted.votes, voted: on };
  }

  // ---- amendments ----

  async amend(actor: Actor, id: string, field: AmendmentField, text: string): Promise<Amendment> {
    const idea = await this.idea(actor, id);
    if (isAuthor(idea, actor.objectId)) throw new IdeaError('ownIdea');
    this.assertActive(idea);
    if (!this.isOpen(await this.call(idea.callId))) throw new IdeaError('callClosed');
    if (idea.status !== 'submitted' && idea.status !== 'underReview') {
      throw new IdeaError('notAmendable');
    }
    const now = this.now();
    const amendment: Amendment = {
      kind: 'amendment',
      ideaId: id,
      id: rowId(now).replace('|', '-'),
      author: signer(actor),
      field,
      text,
      before: idea[field],
      status: 'open',
      reason: null,
      createdAt: now,
      decidedAt: null,
    };
    const entry = this.entry(id, now, {
      id: proposalEntryId(amendment),
      event: 'amendmentProposed',
      actor: signer(actor),
      field,
      after: text,
      amendmentId: amendment.id,
    });
    await this.changes.run([markOf(entry)], () =>
      this.deps.repository.threads.transact([
        { op: 'insert', value: amendment },
        { op: 'insert', value: entry },
      ]),
    );
    return amendment;
  }

  /**
   * The idea's authors accept (the field takes the amendment's text, the amender becomes a
   * co-author, the history keeps both versions) or reject with a reason. The decision and its
   * history entry are one conditional write: of two concurrent decisions one wins, the other is
   * told the amendment was already decided. The idea row and the amender's notice follow (see
   * {@link UnfinishedChanges}); the same decision sent again while they are unfinished (a retry
   * after a failure) finishes them and answers as the first would have.
   */
  async decide(
    actor: Actor,
    id: string,
    amendmentId: string,
    accept: boolean,
    reason: string | null,
  ): Promise<Idea> {
    const idea = await this.idea(actor, id);
    if (!isAuthor(idea, actor.objectId)) throw new IdeaError('notAuthor');
    const stored = await this.deps.repository.thread(id, 'amendment', amendmentId);
    if (!stored) throw new IdeaError('unknownAmendment');
    const amendment = stored.value;
    if (amendment.status !== 'open') return this.decidedAgain(amendment, accept);
    if (!accept && !reason) throw new IdeaError('reasonRequired');
    const now = this.now();
    const decided: Amendment = {
      ...amendment,
      status: accept ? 'accepted' : 'rejected',
      reason: accept ? null : reason,
      decidedAt: now,
    };
    const entry = this.entry(id, now, {
      id: decisionEntryId(amendment, now),
      event: accept ? 'amendmentAccepted' : 'amendmentRejected',
      actor: signer(actor),
      reason: decided.reason,
      field: amendment.field,
      before: accept ? idea[amendment.field] : null,
      after: accept ? amendment.text : null,
      amendmentId,
    });
    return this.changes.run([markOf(entry)], async () => {
      try {
        await this.deps.repository.threads.transact([
          { op: 'update', value: decided, etag: stored.etag },
          { op: 'insert', value: entry },
        ]);
      } catch (error) {
        if (error instanceof ConcurrencyError) throw new IdeaError('alreadyDecided');
        throw error;
      }
    });
  }

  /** A decided amendment decided the same way again: its unfinished follow-ups, else a 409. */
  private async decidedAgain(amendment: Amendment, accept: boolean): Promise<Idea> {
    const same = amendment.status === (accept ? 'accepted' : 'rejected');
    const idea =
      same && amendment.decidedAt
        ? await this.changes.finishChange(
            amendment.ideaId,
            decisionEntryId(amendment, amendment.decidedAt),
          )
        : undefined;
    if (!idea) throw new IdeaError('alreadyDecided');
    return idea;
  }

  // ---- comments ----

  async comments(actor: Actor, id: string): Promise<Comment[]> {
    await this.idea(actor, id);
    return (await this.deps.repository.comments(id)).map((c) => c.value);
  }

  async comment(actor: Actor, id: string, text: string, parent: string | null): Promise<Comment> {
    const idea = await this.idea(actor, id);
    this.assertActive(idea);
    if (parent) {
      const top = await this.deps.repository.thread(id, 'comment', parent);
      if (!top) throw new IdeaError('unknownComment');
      if (top.value.parent !== null) throw new IdeaError('replyToReply');
    }
    const now = this.now();
    const comment: Comment = {
      kind: 'comment',
      ideaId: id,
      id: rowId(now).replace('|', '-'),
      parent,
      author: signer(actor),
      text,
      hidden: null,
      createdAt: now,
    };
    await this.changes.run([{ ideaId: id, key: comment.id, at: now, entryId: null }], async () => {
      await this.deps.repository.threads.insert(comment);
    });
    return comment;
  }

  // ---- the programme team ----
  // Each change below is one transaction on the call's partition of `ideas`; its history entry,
  // audit entry, recount and notice follow through UnfinishedChanges. The same change asked
  // again while they are unfinished (a retry after a failure) finishes them and answers as the
  // first would have.

  async setStatus(
    actor: Actor,
    id: string,
    input: { status: IdeaStatus; reason?: string | undefined; labId?: string | undefined },
  ): Promise<Idea> {
    const idea = await this.idea(actor, id);
    if (idea.mergedInto !== null) throw new IdeaError('merged');
    if (idea.status === input.status) {
      const again = await this.changes.askedAgain(
        id,
        (e) => e.event === 'status' && e.status === input.status,
      );
      if (again) return again;
    }
    const change = changeStatus(idea.status, input.status, input);
    const entry = this.entry(id, this.now(), {
      event: 'status',
      actor: signer(actor),
      status: change.status,
      reason: change.reason,
      labId: change.labId,
    });
    return this.changes.run([markOf(entry)], () =>
      this.deps.repository.changeIdeas(
        [id],
        ([i]) => {
          if (i!.status !== idea.status) throw new IdeaError('badTransition');
          return [
            {
              ...i!,
              status: change.status,
              statusReason: change.reason,
              labId: change.labId ?? i!.labId,
            },
          ];
        },
        [entry],
      ),
    );
  }

  async hide(actor: Actor, id: string, reason: string): Promise<void> {
    const idea = await this.idea(actor, id);
    if (idea.hidden) {
      await this.changes.askedAgain(id, (e) => e.event === 'hidden');
      return;
    }
    const at = this.now();
    const entry = this.entry(id, at, { event: 'hidden', actor: signer(actor), reason });
    await this.changes.run([markOf(entry)], () =>
      this.deps.repository.changeIdeas([id], ([i]) => [{ ...i!, hidden: { reason, at } }], [entry]),
    );
  }

  async restore(actor: Actor, id: string): Promise<void> {
    const idea = await this.idea(actor, id);
    if (!idea.hidden) {
      if (await this.changes.askedAgain(id, (e) => e.event === 'restored')) return;
      throw new IdeaError('notHidden');
    }
    const entry = this.entry(id, this.now(), { event: 'restored', actor: signer(actor) });
    await this.changes.run([markOf(entry)], () =>
      this.deps.repository.changeIdeas([id], ([i]) => [{ ...i!, hidden: null }], [entry]),
    );
  }

  async moderateComment(
    actor: Actor,
    id: string,
    commentId: string,
    hidden: { reason: string } | null,
  ): Promise<void> {
    await this.idea(actor, id);
    const stored = await this.deps.repository.thread(id, 'comment', commentId);
    if (!stored) throw new IdeaError('unknownComment');
    if (!hidden && !stored.value.hidden) throw new IdeaError('notHidden');
    await this.deps.repository.threads.update(
      { ...stored.value, hidden: hidden ? { reason: hidden.reason, at: this.now() } : null },
      stored.etag,
    );
    await this.audit(actor, hidden ? 'ideas.comment.hide' : 'ideas.comment.restore', id);
  }

  /**
   * Merges a duplicate into another idea of the same call (see {@link merge}): both rows change
   * in one transaction; the votes are recounted on the target.
   */
  async merge(actor: Actor, id: string, into: string): Promise<Idea> {
    const [source, target] = await Promise.all([this.idea(actor, id), this.idea(actor, into)]);
    if (source.callId !== target.callId) throw new IdeaError('unknownIdea');
    if (source.mergedInto === into) {
      const again = await this.changes.askedAgain(id, (e) => e.event === 'merged');
      if (again) return again;
    }
    merge(source, target);
    const now = this.now();
    const other = (idea: Idea) => ({ id: idea.id, title: idea.title });
    const merged = this.entry(id, now, {
      event: 'merged',
      actor: signer(actor),
      other: other(target),
    });
    const mergedFrom = this.entry(into, now, {
      event: 'mergedFrom',
      actor: signer(actor),
      other: other(source),
    });
    return this.changes.run([markOf(merged), markOf(mergedFrom)], () =>
      this.deps.repository.changeIdeas(
        [id, into],
        ([s, t]) => {
          const both = merge(s!, t!);
          return [both.source, both.target];
        },
        [merged, mergedFrom],
      ),
    );
  }

  /** Undoes a merge: both ideas, their authors and their votes as before it. */
  async unmerge(actor: Actor, id: string): Promise<Idea> {
    const source = await this.idea(actor, id);
    if (source.mergedInto === null) {
      if (await this.changes.askedAgain(id, (e) => e.event === 'unmerged')) {
        return this.idea(actor, id);
      }
      throw new IdeaError('notMerged');
    }
    const into = source.mergedInto;
    const target = await this.idea(actor, into);
    const now = this.now();
    const other = (idea: Idea) => ({ id: idea.id, title: idea.title });
    const unmerged = this.entry(id, now, {
      event: 'unmerged',
      actor: signer(actor),
      other: other(target),
    });
    const unmergedFrom = this.entry(into, now, {
      event: 'unmergedFrom',
      actor: signer(actor),
      other: other(source),
    });
    await this.changes.run([markOf(unmergedFrom), markOf(unmerged)], () =>
      this.deps.repository.changeIdeas(
        [id, into],
        ([s, t]) => {
          const both = unmerge(s!, t!);
          return [both.source, both.target];
        },
        [unmerged, unmergedFrom],
      ),
    );
    return await this.idea(actor, id);
  }

  /**
   * An unfinished history entry's follow-ups besides its thread row and notice: the recount a
   * merge or unmerge asks for, the audit entry of an admin's change.
   */
  private async followUp(entry: HistoryEntry): Promise<void> {
    if (
      entry.event === 'mergedFrom' ||
      entry.event === 'unmergedFrom' ||
      entry.event === 'unmerged'
    ) {
      await this.tallies.recount(entry.ideaId);
    }
    const action = AUDITED[entry.event];
    if (action) {
      await this.deps.audit.record({
        at: entry.at,
        actor: entry.actor?.objectId ?? '',
        action,
        reason: entry.ideaId,
        counts: {},
      });
    }
  }

  /** Per idea of the call, the votes cast in the last 7 days (the pipeline's trending). */
  async votesThisWeek(): Promise<Map<string, number>> {
    const since = new Date(this.now().getTime() - 7 * 86_400_000);
    const counts = new Map<string, number>();
    for (const vote of await this.deps.repository.votesSince(since)) {
      counts.set(vote.ideaId, (counts.get(vote.ideaId) ?? 0) + 1);
    }
    return counts;
  }

  // ---- erasure ----

  /**
   * A person's erasure: their votes go (and the counts with them); ideas, amendments, comments
   * and history entries they signed stay, signed by a "former employee" (unfinished changes are
   * finished first, so that their entries are among them).
   */
  async erase(objectId: string): Promise<void> {
    const repo = this.deps.repository;
    const votes = await repo.votesBy(objectId);
    await repo.removeVotes(
      objectId,
      votes.map((v) => v.ideaId),
    );
    const roots = new Set<string>();
    for (const vote of votes) {
      const idea = (await repo.getIdea(vote.ideaId))?.value.idea;
      if (idea) roots.add(idea.mergedInto ?? idea.id);
    }
    for (const root of roots) await this.tallies.recount(root);
    const former = (s: Signer): Signer =>
      s.objectId === objectId ? { objectId: null, name: null } : s;
    await this.changes.finishAll();
    // The thread first: an idea row rewritten from its thread meanwhile (see
    // UnfinishedChanges) then finds the accepted amender erased and adds nobody back.
    for (const row of await repo.signedBy(objectId)) {
      const value = row.value;
      const next =
        value.kind === 'history'
          ? { ...value, actor: value.actor ? former(value.actor) : null }
          : { ...value, author: former(value.author) };
      await repo.threads.update(next, row.etag);
    }
    for (const idea of await repo.ideasSignedBy(objectId)) {
      this.views.apply(
        await repo.modifyIdea(idea.id, (i) => ({
          ...i,
          authors: i.authors.map(former),
          mergedAuthors: Object.fromEntries(
            Object.entries(i.mergedAuthors).map(([k, list]) => [k, list.map(former)]),
          ),
        })),
      );
    }
  }

  /** What a person's "my data" shows of Call4Ideas. */
  async export(objectId: string) {
    const repo = this.deps.repository;
    const [ideas, signed, votes] = await Promise.all([
      repo.ideasSignedBy(objectId),
      repo.signedBy(objectId),
      repo.votesBy(objectId),
    ]);
    return {
      ideas: ideas.map((i) => ({ id: i.id, title: i.title, createdAt: i.createdAt })),
      ideaComments: signed
        .filter((r) => r.value.kind === 'comment')
        .map((r) => ({ ideaId: r.value.ideaId, text: (r.value as Comment).text })),
      ideaAmendments: signed
        .filter((r) => r.value.kind === 'amendment')
        .map((r) => ({ ideaId: r.value.ideaId, text: (r.value as Amendment).text })),
      ideaVotes: votes.map((v) => ({ ideaId: v.ideaId, at: v.at })),
    };
  }

  // ---- helpers ----

  private assertActive(idea: Idea): void {
    if (idea.mergedInto !== null) throw new IdeaError('merged');
    if (idea.hidden) throw new IdeaError('hidden');
  }

  private entry(
    ideaId: string,
    at: Date,
    fields: Partial<HistoryEntry> & Pick<HistoryEntry, 'event'>,
  ): HistoryEntry {
    return {
      kind: 'history',
      ideaId,
      id: rowId(at),
      at,
      actor: null,
      status: null,
      reason: null,
      field: null,
      before: null,
      after: null,
      other: null,
      labId: null,
      amendmentId: null,
      ...fields,
    };
  }

  private async history(
    ideaId: string,
    fields: Partial<HistoryEntry> & Pick<HistoryEntry, 'event'>,
  ): Promise<HistoryEntry> {
    const entry = this.entry(ideaId, this.now(), fields);
    try {
      await this.deps.repository.threads.insert(entry);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
    return entry;
  }

  private async audit(actor: Actor, action: string, reason: string): Promise<void> {
    await this.deps.audit.record({
      at: this.now(),
      actor: actor.objectId,
      action,
      reason,
      counts: {},
    });
  }
}
