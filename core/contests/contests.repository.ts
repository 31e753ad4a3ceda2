import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { retryOnConflict } from '../store/retry';
import type { TableStore } from '../store/table-store';
import type { ClosedContest, Contest, Entry, EntryImage, ImageVariantName, Vote } from './contest';

/** One row per contest, in one partition (a handful a year). */
export const CONTESTS_TABLE = 'contests';
/**
 * Per contest (PartitionKey = contest id): `e|<entryId>` per entry, and `n|<authorId>` with how
 * many entries the author submitted, written in the same transaction as the entry, so that two
 * uploads at once cannot pass the contest's limit.
 */
export const CONTEST_ENTRIES_TABLE = 'contestentries';
/** Per contest, RowKey = the voter's object id: one vote per person, replaced when changed. */
export const CONTEST_VOTES_TABLE = 'contestvotes';

const CONTESTS_PARTITION = 'contest';

const contestMapping: EntityMapping<Contest> = {
  keys: (c) => ({ partitionKey: CONTESTS_PARTITION, rowKey: c.id }),
  toEntity: (c) => ({
    title: c.title,
    description: c.description,
    rules: c.rules,
    entriesOpenAt: c.entriesOpenAt,
    entriesCloseAt: c.entriesCloseAt,
    votingOpenAt: c.votingOpenAt,
    votingCloseAt: c.votingCloseAt,
    maxEntriesPerPerson: c.maxEntriesPerPerson,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    closed: c.closed ? JSON.stringify(c.closed) : '',
  }),
  fromEntity: (e) => {
    const closed = typeof e.closed === 'string' ? e.closed : '';
    return {
      id: String(e.rowKey),
      title: String(e.title),
      description: String(e.description),
      rules: String(e.rules),
      entriesOpenAt: asDate(e.entriesOpenAt),
      entriesCloseAt: asDate(e.entriesCloseAt),
      votingOpenAt: asDate(e.votingOpenAt),
      votingCloseAt: asDate(e.votingCloseAt),
      maxEntriesPerPerson: Number(e.maxEntriesPerPerson),
      createdBy: String(e.createdBy),
      createdAt: asDate(e.createdAt),
      ...(closed ? { closed: parseClosed(closed) } : {}),
    };
  },
};

function parseClosed(json: string): ClosedContest {
  const raw = JSON.parse(json) as Omit<ClosedContest, 'at'> & { at: string };
  return { ...raw, at: new Date(raw.at) };
}

type EntryRow =
  | { kind: 'entry'; entry: Entry }
  | { kind: 'count'; contestId: string; authorId: string; count: number };

const entryKey = (id: string) => `e|${id}`;
const countKey = (authorId: string) => `n|${authorId}`;

const entryMapping: EntityMapping<EntryRow> = {
  keys: (row) =>
    row.kind === 'entry'
      ? { partitionKey: row.entry.contestId, rowKey: entryKey(row.entry.id) }
      : { partitionKey: row.contestId, rowKey: countKey(row.authorId) },
  toEntity: (row) =>
    row.kind === 'entry'
      ? {
          authorId: row.entry.authorId,
          title: row.entry.title,
          description: row.entry.description,
          images: JSON.stringify(row.entry.images),
          createdAt: row.entry.createdAt,
          hidden: row.entry.hidden ? JSON.stringify(row.entry.hidden) : '',
        }
      : { authorId: row.authorId, count: row.count },
  fromEntity: (e) => {
    const rowKey = String(e.rowKey);
    if (rowKey.startsWith('n|')) {
      return {
        kind: 'count',
        contestId: String(e.partitionKey),
        authorId: String(e.authorId),
        count: Number(e.count),
      };
    }
    const hidden = typeof e.hidden === 'string' ? e.hidden : '';
    const parsedHidden = hidden
      ? (JSON.parse(hidden) as { reason: string; by: string; at: string })
      : undefined;
    return {
      kind: 'entry',
      entry: {
        contestId: String(e.partitionKey),
        id: rowKey.slice(2),
        authorId: String(e.authorId),
        title: String(e.title),
        description: String(e.description),
        images: JSON.parse(String(e.images)) as Record<ImageVariantName, EntryImage>,
        createdAt: asDate(e.createdAt),
        ...(parsedHidden ? { hidden: { ...parsedHidden, at: new Date(parsedHidden.at) } } : {}),
      },
    };
  },
};

const voteMapping: EntityMapping<Vote> = {
  keys: (v) => ({ partitionKey: v.contestId, rowKey: v.voterId }),
  toEntity: (v) => ({ entryId: v.entryId, at: v.at }),
  fromEntity: (e) => ({
    contestId: String(e.partitionKey),
    voterId: String(e.rowKey),
    entryId: String(e.entryId),
    at: asDate(e.at),
  }),
};

/** The entries of a contest: RowKeys from `e|` up to (not including) `e}`. */
const entriesOf = (contestId: string) =>
  odata`PartitionKey eq ${contestId} and RowKey ge 'e|' and RowKey lt 'e}'`;

export class ContestsRepository {
  private readonly contests: EntityTable<Contest>;
  private readonly entries: EntityTable<EntryRow>;
  private readonly votes: EntityTable<Vote>;

  constructor(store: TableStore) {
    this.contests = new EntityTable(store.client(CONTESTS_TABLE), contestMapping);
    this.entries = new EntityTable(store.client(CONTEST_ENTRIES_TABLE), entryMapping);
    this.votes = new EntityTable(store.client(CONTEST_VOTES_TABLE), voteMapping);
  }

  async create(contest: Contest): Promise<void> {
    await this.contests.insert(contest);
  }

  async find(id: string): Promise<Contest | undefined> {
    return (await this.contests.get(CONTESTS_PARTITION, id))?.value;
  }

  async list(): Promise<Contest[]> {
    return (await this.contests.all()).map(({ value }) => value);
  }

  /** Read-modify-write of a contest; `change` returns undefined to leave it as it is. */
  async modify(
    id: string,
    change: (current: Contest | undefined) => Contest | undefined,
  ): Promise<Contest | undefined> {
    return this.contests.modify({ partitionKey: CONTESTS_PARTITION, rowKey: id }, change);
  }

  async entriesOf(contestId: string): Promise<Entry[]> {
    return (await this.entries.all(entriesOf(contestId))).flatMap(({ value }) =>
      value.kind === 'entry' ? [value.entry] : [],
    );
  }

  async entry(contestId: string, entryId: string): Promise<Entry | undefined> {
    const row = await this.entries.get(contestId, entryKey(entryId));
    return row?.value.kind === 'entry' ? row.value.entry : undefined;
  }

  /**
   * Adds the entry if its author has fewer than `max` in the contest, and counts it, in one
   * transaction; false (nothing written) when the author has reached `max`.
   */
  async addEntry(entry: Entry, max: number): Promise<boolean> {
    return retryOnConflict(async () => {
      const stored = await this.entries.get(entry.contestId, countKey(entry.authorId));
      const count = stored?.value.kind === 'count' ? stored.value.count : 0;
      if (count >= max) return false;
      const counted: EntryRow = {
        kind: 'count',
        contestId: entry.contestId,
        authorId: entry.authorId,
        count: count + 1,
      };
      await this.entries.transact([
        { op: 'insert', value: { kind: 'entry', entry } },
        stored
          ? { op: 'update', value: counted, etag: stored.etag }
          : { op: 'insert', value: counted },
      ]);
      return true;
    });
  }

  /** Read-modify-write of one entry; `change` returns undefined to leave it as it is. */
  async modifyEntry(
    contestId: string,
    entryId: string,
    change: (entry: Entry) => Entry | undefined,
  ): Promise<Entry | undefined> {
    const result = await this.entries.modify(
      { partitionKey: contestId, rowKey: entryKey(entryId) },
      (row) => {
        if (row?.kind !== 'entry') return undefined;
        const next = change(row.entry);
        return next ? { kind: 'entry', entry: next } : undefined;
      },
    );
    return result?.kind === 'entry' ? result.entry : undefined;
  }

  /** Every entry by `authorId`, in every contest (a person's data: export and erasure). */
  async entriesBy(authorId: string): Promise<Stored<Entry>[]> {
    const rows = await this.entries.all(odata`authorId eq ${authorId}`);
    return rows.flatMap(({ value, etag }) =>
      value.kind === 'entry' ? [{ value: value.entry, etag }] : [],
    );
  }

  /** Deletes the entries and the counts of `authorId` (erasure). */
  async eraseAuthor(authorId: string, keep: (entry: Entry) => boolean): Promise<Entry[]> {
    const rows = await this.entries.all(odata`authorId eq ${authorId}`);
    const deleted: Entry[] = [];
    for (const { value, etag } of rows) {
      if (value.kind === 'entry' && keep(value.entry)) continue;
      await this.entries.delete(entryMapping.keys(value), etag);
      if (value.kind === 'entry') deleted.push(value.entry);
    }
    return deleted;
  }

  async vote(vote: Vote): Promise<void> {
    await this.votes.upsert(vote);
  }

  async voteOf(contestId: string, voterId: string): Promise<Vote | undefined> {
    return (await this.votes.get(contestId, voterId))?.value;
  }

  async votesOf(contestId: string): Promise<Vote[]> {
    return (await this.votes.all(odata`PartitionKey eq ${contestId}`)).map(({ value }) => value);
  }

  /** Every vote `voterId` cast, in every contest (a person's data: export and erasure). */
  async votesBy(voterId: string): Promise<Stored<Vote>[]> {
    return this.votes.all(odata`RowKey eq ${voterId}`);
  }

  async deleteVote(stored: Stored<Vote>): Promise<void> {
    await this.votes.delete(voteMapping.keys(stored.value), stored.etag);
  }
}
