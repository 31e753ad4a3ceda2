import {
  asDate,
  EntityTable,
  MAX_BATCH,
  odata,
  type EntityMapping,
  type Stored,
} from '../store/entity-table';
import { AlreadyExistsError, ConcurrencyError } from '../store/errors';
import { retryOnConflict } from '../store/retry';
import type { TableStore } from '../store/table-store';
import { callOfIdea, type Idea, type IdeaCall, type Signer } from './idea';

/**
 * Call4Ideas storage, five tables:
 * - `ideacalls`: one partition, one row per call (a handful over the years).
 * - `ideas`: PartitionKey the call, RowKey the idea id (which starts with the call's, so a point
 *   read needs only the id). The row carries the counters (`votes`, `comments`,
 *   `openAmendments`): what a list sorted by votes reads, so a list never counts rows.
 * - `ideavotes`: PartitionKey the idea, RowKey the voter: one row per person per idea, the truth
 *   of the counts. A repeated vote is a refused insert (409), a repeated withdrawal a missing row.
 * - `ideathreads`: PartitionKey the idea; RowKey `a|<id>` amendments, `c|<id>` comments,
 *   `h|<time>|<id>` history entries. An amendment's decision and its history entry are one
 *   transaction, so an amendment is decided once.
 * - `ideatallies`: marks of work that may be unfinished, no personal data (idea ids, history
 *   entry ids and times). Partition `mark`: one row per idea whose count may lag its vote rows
 *   (upserted before a vote row is written, deleted once the count includes it; see
 *   `vote-tallies.ts`). Partition `change`: one row per idea a change writes (an amendment, its
 *   decision, a comment, a status, moderation, a merge) whose follow-ups may be unfinished,
 *   RowKey `<idea>|<key>` (written before the change, deleted once its follow-ups are done; see
 *   `unfinished-changes.ts`).
 */
export const IDEA_CALLS_TABLE = 'ideacalls';
export const IDEAS_TABLE = 'ideas';
export const IDEA_VOTES_TABLE = 'ideavotes';
export const IDEA_THREADS_TABLE = 'ideathreads';
export const IDEA_TALLIES_TABLE = 'ideatallies';

const CALLS_PARTITION = 'call';

const callMapping: EntityMapping<IdeaCall> = {
  keys: (call) => ({ partitionKey: CALLS_PARTITION, rowKey: call.id }),
  toEntity: (call) => ({
    title: call.title,
    question: call.question,
    opensAt: call.opensAt,
    closesAt: call.closesAt,
  }),
  fromEntity: (e) => ({
    id: String(e.rowKey),
    title: String(e.title),
    question: String(e.question),
    opensAt: asDate(e.opensAt),
    closesAt: asDate(e.closesAt),
  }),
};

/** An idea as read, with the store's change stamp (the row's Timestamp). */
export interface IdeaRow {
  idea: Idea;
  stamp: string;
  /**
   * The history entries of changes of this row (a status, moderation, a merge) written with it,
   * whose follow-ups (their thread row, audit entry, recount, notice) may be unfinished; see
   * `unfinished-changes.ts`. Signed: an erasure finishes them first (they move to the thread).
   */
  unfinished?: HistoryEntry[];
}

const json = (value: unknown) => JSON.stringify(value);
/** A text property, null when empty or absent. */
const opt = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

const ideaMapping: EntityMapping<IdeaRow> = {
  keys: ({ idea }) => ({ partitionKey: idea.callId, rowKey: idea.id }),
  toEntity: ({ idea, unfinished }) => ({
    title: idea.title,
    procedure: idea.procedure,
    office: idea.office,
    problem: idea.problem,
    proposal: idea.proposal,
    benefits: idea.benefits,
    beneficiaries: json(idea.beneficiaries),
    links: json(idea.links),
    area: idea.area,
    theme: idea.theme,
    status: idea.status,
    statusReason: idea.statusReason ?? '',
    labId: idea.labId ?? '',
    authors: json(idea.authors),
    mergedAuthors: json(idea.mergedAuthors),
    mergedInto: idea.mergedInto ?? '',
    mergedFrom: json(idea.mergedFrom),
    votes: idea.votes,
    comments: idea.comments,
    openAmendments: idea.openAmendments,
    hidden: idea.hidden ? json(idea.hidden) : '',
    createdAt: idea.createdAt,
    unfinished: unfinished?.length ? json(unfinished) : '',
  }),
  fromEntity: (e) => {
    const hidden = opt(e.hidden)
      ? (JSON.parse(opt(e.hidden)!) as { reason: string; at: string })
      : null;
    return {
      stamp: String(e.timestamp ?? ''),
      unfinished: (JSON.parse(opt(e.unfinished) ?? '[]') as HistoryEntry[]).map((entry) => ({
        ...entry,
        at: new Date(entry.at),
      })),
      idea: {
        id: String(e.rowKey),
        callId: String(e.partitionKey),
        title: String(e.title),
        procedure: String(e.procedure),
        office: String(e.office),
        problem: String(e.problem),
        proposal: String(e.proposal),
        benefits: String(e.benefits),
        beneficiaries: JSON.parse(String(e.beneficiaries)) as Idea['beneficiaries'],
        links: JSON.parse(String(e.links)) as string[],
        area: String(e.area),
        theme: String(e.theme) as Idea['theme'],
        status: String(e.status) as Idea['status'],
        statusReason: opt(e.statusReason),
        labId: opt(e.labId),
        authors: JSON.parse(String(e.authors)) as Signer[],
        mergedAuthors: JSON.parse(String(e.mergedAuthors)) as Record<string, Signer[]>,
        mergedInto: opt(e.mergedInto),
        mergedFrom: JSON.parse(String(e.mergedFrom)) as string[],
        votes: Number(e.votes),
        comments: Number(e.comments),
        openAmendments: Number(e.openAmendments),
        hidden: hidden ? { reason: hidden.reason, at: new Date(hidden.at) } : null,
        createdAt: asDate(e.createdAt),
      },
    };
  },
};

export interface Vote {
  ideaId: string;
  voter: string;
  at: Date;
}

interface QueuedVote {
  vote: Vote;
  resolve: (inserted: boolean) => void;
  reject: (error: unknown) => void;
}

const voteMapping: EntityMapping<Vote> = {
  keys: (vote) => ({ partitionKey: vote.ideaId, rowKey: vote.voter }),
  toEntity: (vote) => ({ at: vote.at }),
  fromEntity: (e) => ({
    ideaId: String(e.partitionKey),
    voter: String(e.rowKey),
    at: asDate(e.at),
  }),
};

/** An idea whose count may lag its vote rows, since `at`. */
export interface TallyMark {
  ideaId: string;
  at: Date;
}

const MARKS_PARTITION = 'mark';

const markMapping: EntityMapping<TallyMark> = {
  keys: (mark) => ({ partitionKey: MARKS_PARTITION, rowKey: mark.ideaId }),
  toEntity: (mark) => ({ at: mark.at }),
  fromEntity: (e) => ({ ideaId: String(e.rowKey), at: asDate(e.at) }),
};

/**
 * A change of an idea whose follow-ups (the idea row brought up to its thread, the row's
 * unfinished entries, the notice of the history entry `entryId`) may be unfinished, since `at`.
 */
export interface ChangeMark {
  ideaId: string;
  /** The change's history entry id, or the comment's id for a comment. */
  key: string;
  at: Date;
  entryId: string | null;
}

const CHANGES_PARTITION = 'change';

const changeMapping: EntityMapping<ChangeMark> = {
  keys: (mark) => ({ partitionKey: CHANGES_PARTITION, rowKey: `${mark.ideaId}|${mark.key}` }),
  toEntity: (mark) => ({ ideaId: mark.ideaId, at: mark.at, entryId: mark.entryId ?? '' }),
  fromEntity: (e) => {
    const ideaId = String(e.ideaId);
    return {
      ideaId,
      key: String(e.rowKey).slice(ideaId.length + 1),
      at: asDate(e.at),
      entryId: opt(e.entryId),
    };
  },
};

export type AmendmentField = 'proposal' | 'problem';

export interface Amendment {
  kind: 'amendment';
  ideaId: string;
  id: string;
  author: Signer;
  field: AmendmentField;
  text: string;
  before: string;
  status: 'open' | 'accepted' | 'rejected';
  reason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface Comment {
  kind: 'comment';
  ideaId: string;
  id: string;
  parent: string | null;
  author: Signer;
  text: string;
  hidden: { reason: string; at: Date } | null;
  createdAt: Date;
}

export type HistoryKind =
  | 'submitted'
  | 'status'
  | 'amendmentProposed'
  | 'amendmentAccepted'
  | 'amendmentRejected'
  | 'merged'
  | 'mergedFrom'
  | 'unmerged'
  | 'unmergedFrom'
  | 'hidden'
  | 'restored';

export interface HistoryEntry {
  kind: 'history';
  ideaId: string;
  /** `<ISO time>|<random>`: sorts oldest first. */
  id: string;
  event: HistoryKind;
  at: Date;
  actor: Signer | null;
  status: Idea['status'] | null;
  reason: string | null;
  field: AmendmentField | null;
  before: string | null;
  after: string | null;
  other: { id: string; title: string } | null;
  labId: string | null;
  /** The amendment an amendment event is about (its amender is told). */
  amendmentId: string | null;
}

export type ThreadRow = Amendment | Comment | HistoryEntry;

const PREFIX = { amendment: 'a|', comment: 'c|', history: 'h|' } as const;

const threadMapping: EntityMapping<ThreadRow> = {
  keys: (row) => ({ partitionKey: row.ideaId, rowKey: PREFIX[row.kind] + row.id }),
  toEntity: (row) => {
    switch (row.kind) {
      case 'amendment':
        return {
          author: json(row.author),
          authorId: row.author.objectId ?? '',
          field: row.field,
          text: row.text,
          before: row.before,
          status: row.status,
          reason: row.reason ?? '',
          createdAt: row.createdAt,
          decidedAt: row.decidedAt ?? undefined,
        };
      case 'comment':
        return {
          author: json(row.author),
          authorId: row.author.objectId ?? '',
          parent: row.parent ?? '',
          text: row.text,
          hidden: row.hidden ? json(row.hidden) : '',
          createdAt: row.createdAt,
        };
      case 'history':
        return {
          event: row.event,
          at: row.at,
          actor: row.actor ? json(row.actor) : '',
          authorId: row.actor?.objectId ?? '',
          status: row.status ?? '',
          reason: row.reason ?? '',
          field: row.field ?? '',
          before: row.before ?? '',
          after: row.after ?? '',
          other: row.other ? json(row.other) : '',
          labId: row.labId ?? '',
          amendmentId: row.amendmentId ?? '',
        };
    }
  },
  fromEntity: (e) => {
    const key = String(e.rowKey);
    const ideaId = String(e.partitionKey);
    const id = key.slice(2);
    if (key.startsWith(PREFIX.amendment)) {
      return {
        kind: 'amendment',
        ideaId,
        id,
        author: JSON.parse(String(e.author)) as Signer,
        field: String(e.field) as AmendmentField,
        text: String(e.text),
        before: String(e.before),
        status: String(e.status) as Amendment['status'],
        reason: opt(e.reason),
        createdAt: asDate(e.createdAt),
        decidedAt: e.decidedAt ? asDate(e.decidedAt) : null,
      };
    }
    if (key.startsWith(PREFIX.comment)) {
      const hidden = opt(e.hidden)
        ? (JSON.parse(opt(e.hidden)!) as { reason: string; at: string })
        : null;
      return {
        kind: 'comment',
        ideaId,
        id,
        parent: opt(e.parent),
        author: JSON.parse(String(e.author)) as Signer,
        text: String(e.text),
        hidden: hidden ? { reason: hidden.reason, at: new Date(hidden.at) } : null,
        createdAt: asDate(e.createdAt),
      };
    }
    return {
      kind: 'history',
      ideaId,
      id,
      event: String(e.event) as HistoryKind,
      at: asDate(e.at),
      actor: opt(e.actor) ? (JSON.parse(opt(e.actor)!) as Signer) : null,
      status: (opt(e.status) as Idea['status'] | null) ?? null,
      reason: opt(e.reason),
      field: opt(e.field) as AmendmentField | null,
      before: opt(e.before),
      after: opt(e.after),
      other: opt(e.other) ? (JSON.parse(opt(e.other)!) as { id: string; title: string }) : null,
      labId: opt(e.labId),
      amendmentId: opt(e.amendmentId),
    };
  },
};

function range(partitionKey: string, prefix: string): string {
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${end}`;
}

export class IdeasRepository {
  readonly calls: EntityTable<IdeaCall>;
  readonly ideas: EntityTable<IdeaRow>;
  readonly votes: EntityTable<Vote>;
  readonly threads: EntityTable<ThreadRow>;
  readonly marks: EntityTable<TallyMark>;
  readonly changes: EntityTable<ChangeMark>;
  private readonly voteQueues = new Map<string, QueuedVote[]>();

  constructor(store: TableStore) {
    this.calls = new EntityTable(store.client(IDEA_CALLS_TABLE), callMapping);
    this.ideas = new EntityTable(store.client(IDEAS_TABLE), ideaMapping);
    this.votes = new EntityTable(store.client(IDEA_VOTES_TABLE), voteMapping);
    this.threads = new EntityTable(store.client(IDEA_THREADS_TABLE), threadMapping);
    this.marks = new EntityTable(store.client(IDEA_TALLIES_TABLE), markMapping);
    this.changes = new EntityTable(store.client(IDEA_TALLIES_TABLE), changeMapping);
  }

  async allCalls(): Promise<IdeaCall[]> {
    return (await this.calls.all(odata`PartitionKey eq ${CALLS_PARTITION}`)).map((r) => r.value);
  }

  async getIdea(id: string): Promise<Stored<IdeaRow> | undefined> {
    return this.ideas.get(callOfIdea(id), id);
  }

  /** A call's ideas changed at or after `since` (the store's Timestamp); all of them without. */
  async ideasOf(callId: string, since?: Date): Promise<IdeaRow[]> {
    const filter = since
      ? odata`PartitionKey eq ${callId} and Timestamp ge ${since}`
      : odata`PartitionKey eq ${callId}`;
    return (await this.ideas.all(filter)).map((r) => r.value);
  }

  /** Changes an idea under conflict retry; undefined from `change` leaves it. */
  async modifyIdea(id: string, change: (idea: Idea) => Idea | undefined): Promise<Idea> {
    const row = await this.ideas.modify({ partitionKey: callOfIdea(id), rowKey: id }, (current) => {
      if (!current) return undefined;
      const next = change(current.idea);
      return next ? { ...current, idea: next } : undefined;
    });
    if (!row) throw new Error(`idea ${id} vanished`);
    return row.idea;
  }

  /**
   * Rewrites an idea from its row and its thread's amendments and comments, read in that order
   * and written under the row's etag (again on a conflict): a thread row written before this
   * write is either read here or makes this write conflict. Writes nothing when `revise` changes
   * nothing worth it; undefined when the idea is gone.
   */
  async reviseIdea(
    id: string,
    revise: (idea: Idea, amendments: Amendment[], comments: number) => Idea,
    changed: (before: Idea, after: Idea) => boolean,
  ): Promise<IdeaRow | undefined> {
    return retryOnConflict(async () => {
      const stored = await this.getIdea(id);
      if (!stored) return undefined;
      const amendments: Amendment[] = [];
      let comments = 0;
      const filter = `(${range(id, PREFIX.amendment)}) or (${range(id, PREFIX.comment)})`;
      for (const { value } of await this.threads.all(filter)) {
        if (value.kind === 'amendment') amendments.push(value);
        else comments++;
      }
      const next = revise(stored.value.idea, amendments, comments);
      if (!changed(stored.value.idea, next)) return stored.value;
      const row = { ...stored.value, idea: next };
      await this.ideas.update(row, stored.etag);
      return row;
    });
  }

  /**
   * Changes ideas of one call in one transaction, each row recording its history entries (by
   * their `ideaId`) as unfinished; under conflict retry, so `change` (the ideas in the order of
   * `ids`, to the same order) must be a pure function of its input.
   */
  async changeIdeas(
    ids: readonly string[],
    change: (ideas: Idea[]) => Idea[],
    entries: readonly HistoryEntry[],
  ): Promise<void> {
    await retryOnConflict(async () => {
      const rows = await Promise.all(
        ids.map(async (id) => {
          const stored = await this.getIdea(id);
          if (!stored) throw new Error(`idea ${id} vanished`);
          return stored;
        }),
      );
      const changed = change(rows.map((row) => row.value.idea));
      await this.ideas.transact(
        rows.map(({ value, etag }, i) => ({
          op: 'update',
          value: {
            ...value,
            idea: changed[i]!,
            unfinished: [
              ...(value.unfinished ?? []),
              ...entries.filter((e) => e.ideaId === value.idea.id),
            ],
          },
          etag,
        })),
      );
    });
  }

  /** Forgets the row's unfinished entries `ids` (their follow-ups are done). */
  async settleIdea(id: string, ids: readonly string[]): Promise<IdeaRow | undefined> {
    return this.ideas.modify({ partitionKey: callOfIdea(id), rowKey: id }, (row) =>
      row?.unfinished?.some((e) => ids.includes(e.id))
        ? { ...row, unfinished: row.unfinished.filter((e) => !ids.includes(e.id)) }
        : undefined,
    );
  }

  /** Marks a change of an idea's thread as possibly unfinished; the mark's etag. */
  async markChange(mark: ChangeMark): Promise<string> {
    return this.changes.upsert(mark);
  }

  async changeMark(ideaId: string, key: string): Promise<Stored<ChangeMark> | undefined> {
    return this.changes.get(CHANGES_PARTITION, `${ideaId}|${key}`);
  }

  async changeMarks(): Promise<Stored<ChangeMark>[]> {
    return this.changes.all(odata`PartitionKey eq ${CHANGES_PARTITION}`);
  }

  /** Deletes a change's mark (its follow-ups are done); false when it was gone already. */
  async clearChange(mark: ChangeMark, etag: string): Promise<boolean> {
    try {
      return await this.changes.delete(changeMapping.keys(mark), etag);
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }

  /**
   * Inserts the vote; false when the person had voted already (a replay counts once). One insert
   * per idea at a time: the votes of an idea that come meanwhile go together in the next, one
   * transaction of up to {@link MAX_BATCH} rows; a refused transaction (one of its people had
   * voted already) is tried again row by row.
   */
  addVote(vote: Vote): Promise<boolean> {
    return new Promise((resolve, reject) => {
      let queue = this.voteQueues.get(vote.ideaId);
      const idle = !queue;
      if (!queue) this.voteQueues.set(vote.ideaId, (queue = []));
      queue.push({ vote, resolve, reject });
      if (idle) void this.insertVotes(vote.ideaId, queue);
    });
  }

  private async insertVotes(ideaId: string, queue: QueuedVote[]): Promise<void> {
    while (queue.length > 0) {
      const voters = new Set<string>();
      const batch: QueuedVote[] = [];
      for (const queued of queue) {
        if (batch.length === MAX_BATCH) break;
        if (!voters.has(queued.vote.voter)) batch.push(queued);
        voters.add(queued.vote.voter);
      }
      queue.splice(0, queue.length, ...queue.filter((q) => !batch.includes(q)));
      try {
        await this.votes.transact(batch.map(({ vote }) => ({ op: 'insert', value: vote })));
        for (const { resolve } of batch) resolve(true);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || batch.length === 1) {
          const replay = error instanceof ConcurrencyError;
          for (const { resolve, reject } of batch) {
            if (replay) resolve(false);
            else reject(error);
          }
          continue;
        }
        await Promise.all(
          batch.map(async ({ vote, resolve, reject }) => {
            try {
              await this.votes.insert(vote);
              resolve(true);
            } catch (one) {
              if (one instanceof AlreadyExistsError) resolve(false);
              else reject(one);
            }
          }),
        );
      }
    }
    this.voteQueues.delete(ideaId);
  }

  /** Removes the person's vote on each of `ideaIds` that has one; how many it removed. */
  async removeVotes(voter: string, ideaIds: readonly string[]): Promise<number> {
    const removed = await Promise.all(
      ideaIds.map(async (ideaId) => {
        const row = await this.votes.get(ideaId, voter);
        return row ? this.votes.delete({ partitionKey: ideaId, rowKey: voter }, row.etag) : false;
      }),
    );
    return removed.filter(Boolean).length;
  }

  async hasVoted(voter: string, ideaIds: readonly string[]): Promise<boolean> {
    const rows = await Promise.all(ideaIds.map((ideaId) => this.votes.get(ideaId, voter)));
    return rows.some((row) => row !== undefined);
  }

  /** Marks the idea's count as possibly behind its rows (unconditional: never contended). */
  async markTally(ideaId: string, at: Date): Promise<string> {
    return this.marks.upsert({ ideaId, at });
  }

  async tallyMarks(): Promise<Stored<TallyMark>[]> {
    return this.marks.all(odata`PartitionKey eq ${MARKS_PARTITION}`);
  }

  /** Deletes the mark if nobody marked the idea again since `etag`; false otherwise. */
  async clearTallyMark(ideaId: string, etag: string): Promise<boolean> {
    try {
      return await this.marks.delete({ partitionKey: MARKS_PARTITION, rowKey: ideaId }, etag);
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }

  async votesOf(ideaId: string): Promise<Vote[]> {
    return (await this.votes.all(odata`PartitionKey eq ${ideaId}`)).map((r) => r.value);
  }

  /** Every vote of one person (erasure, export): a scan of the votes table, rare. */
  async votesBy(voter: string): Promise<Vote[]> {
    return (await this.votes.all(odata`RowKey eq ${voter}`)).map((r) => r.value);
  }

  /** Votes cast since `since`, every idea (the pipeline's trending). */
  async votesSince(since: Date): Promise<Vote[]> {
    return (await this.votes.all(odata`at ge ${since}`)).map((r) => r.value);
  }

  /** An idea's amendments and history entries (oldest first), in one read of two ranges. */
  async amendmentsAndHistory(
    ideaId: string,
  ): Promise<{ amendments: Amendment[]; history: HistoryEntry[] }> {
    const amendments: Amendment[] = [];
    const history: HistoryEntry[] = [];
    const filter = `(${range(ideaId, PREFIX.amendment)}) or (${range(ideaId, PREFIX.history)})`;
    for (const { value } of await this.threads.all(filter)) {
      if (value.kind === 'amendment') amendments.push(value);
      else if (value.kind === 'history') history.push(value);
    }
    return { amendments, history };
  }

  async comments(ideaId: string): Promise<Stored<Comment>[]> {
    return (await this.threads.all(range(ideaId, PREFIX.comment))) as Stored<Comment>[];
  }

  async historyEntry(ideaId: string, id: string): Promise<HistoryEntry | undefined> {
    return (await this.threads.get(ideaId, PREFIX.history + id))?.value as HistoryEntry | undefined;
  }

  async thread<K extends ThreadRow['kind']>(
    ideaId: string,
    kind: K,
    id: string,
  ): Promise<Stored<Extract<ThreadRow, { kind: K }>> | undefined> {
    const row = await this.threads.get(ideaId, PREFIX[kind] + id);
    return row as Stored<Extract<ThreadRow, { kind: K }>> | undefined;
  }

  /** Every thread row (amendments, comments, history) one person signed: erasure and export. */
  async signedBy(objectId: string): Promise<Stored<ThreadRow>[]> {
    return this.threads.all(odata`authorId eq ${objectId}`);
  }

  /** Every idea one person signed (a scan of the ideas table: erasure and export). */
  async ideasSignedBy(objectId: string): Promise<Idea[]> {
    const rows = await this.ideas.all();
    return rows
      .map((r) => r.value.idea)
      .filter((idea) => idea.authors.some((a) => a.objectId === objectId));
  }

  retry<T>(operation: () => Promise<T>): Promise<T> {
    return retryOnConflict(operation);
  }
}
