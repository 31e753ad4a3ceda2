import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { decodeKey, encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import {
  RoundProgressSchema,
  ShortlistReasonSchema,
  ShortlistStatusSchema,
  ThresholdsSchema,
  type SelectionRound,
  type ShortlistEntry,
} from './facilitators';

/**
 * Selection rounds: PartitionKey {@link PARTITION} (the admin lists every round, tens a year, with
 * one partition query), RowKey the encoded round id, which sorts newest first.
 */
export const FACILITATOR_ROUNDS_TABLE = 'facilitatorrounds';
/**
 * Each round's shortlist: PartitionKey the encoded round id (a round's screen reads its shortlist
 * with one partition query), RowKey the person's object id (a card's answer is one point read).
 */
export const FACILITATOR_SHORTLIST_TABLE = 'facilitatorshortlist';

const PARTITION = 'round';
/**
 * Beside the rounds in the same table, each round's version (PartitionKey {@link VERSIONS},
 * RowKey the encoded round id): a random value written after every change of the round or its
 * shortlist, so that a round's view cached by an instance is checked with one point read.
 */
const VERSIONS = 'version';

interface RoundVersion {
  roundId: string;
  version: string;
}

const versionMapping: EntityMapping<RoundVersion> = {
  keys: (v) => ({ partitionKey: VERSIONS, rowKey: encodeKey(v.roundId) }),
  toEntity: (v) => ({ version: v.version }),
  fromEntity: (e) => ({ roundId: decodeKey(String(e.rowKey)), version: String(e.version) }),
};

const TargetsSchema = z.record(z.string(), z.number().int().min(0));

const roundMapping: EntityMapping<SelectionRound> = {
  keys: (round) => ({ partitionKey: PARTITION, rowKey: encodeKey(round.id) }),
  toEntity: (round) => ({
    createdAt: round.createdAt,
    createdBy: round.createdBy,
    thresholds: JSON.stringify(round.thresholds),
    targets: JSON.stringify(round.targets),
    managerApproval: round.managerApproval,
    invitationCampaignId: round.invitationCampaignId ?? '',
    preparing: round.preparing ? JSON.stringify(round.preparing) : '',
  }),
  fromEntity: (e) => ({
    id: decodeKey(String(e.rowKey)),
    createdAt: asDate(e.createdAt),
    createdBy: String(e.createdBy),
    thresholds: ThresholdsSchema.parse(JSON.parse(String(e.thresholds))),
    targets: TargetsSchema.parse(JSON.parse(String(e.targets))),
    managerApproval: e.managerApproval === true,
    ...(typeof e.invitationCampaignId === 'string' && e.invitationCampaignId
      ? { invitationCampaignId: e.invitationCampaignId }
      : {}),
    ...(typeof e.preparing === 'string' && e.preparing
      ? { preparing: RoundProgressSchema.parse(JSON.parse(e.preparing)) }
      : {}),
  }),
};

const entryMapping: EntityMapping<ShortlistEntry> = {
  keys: (entry) => ({ partitionKey: encodeKey(entry.roundId), rowKey: entry.objectId }),
  toEntity: (entry) => ({
    displayName: entry.displayName,
    department: entry.department,
    digitalSkills: entry.digitalSkills,
    motivation: entry.motivation,
    interested: entry.interested,
    reason: entry.reason,
    status: entry.status,
    changedAt: entry.changedAt,
  }),
  fromEntity: (e) => ({
    roundId: decodeKey(String(e.partitionKey)),
    objectId: String(e.rowKey),
    displayName: String(e.displayName),
    department: String(e.department),
    digitalSkills: Number(e.digitalSkills),
    motivation: Number(e.motivation),
    interested: e.interested === true,
    reason: ShortlistReasonSchema.parse(e.reason),
    status: ShortlistStatusSchema.parse(e.status),
    changedAt: asDate(e.changedAt),
  }),
};

export class RoundsRepository {
  private readonly rounds: EntityTable<SelectionRound>;
  private readonly entries: EntityTable<ShortlistEntry>;
  private readonly versions: EntityTable<RoundVersion>;

  constructor(store: TableStore) {
    this.rounds = new EntityTable(store.client(FACILITATOR_ROUNDS_TABLE), roundMapping);
    this.entries = new EntityTable(store.client(FACILITATOR_SHORTLIST_TABLE), entryMapping);
    this.versions = new EntityTable(store.client(FACILITATOR_ROUNDS_TABLE), versionMapping);
  }

  /**
   * Writes the shortlist, then the round: a round is ready only once its shortlist is whole (a
   * round created `preparing` gets its shortlist with {@link writeEntries}).
   */
  async create(round: SelectionRound, shortlist: readonly ShortlistEntry[] = []): Promise<void> {
    await this.entries.upsertMany(shortlist);
    await this.bump(round.id);
    await this.rounds.insert(round);
  }

  /** Upserts entries of a round being prepared (its version moves when it is ready). */
  async writeEntries(shortlist: readonly ShortlistEntry[]): Promise<void> {
    await this.entries.upsertMany(shortlist);
  }

  /**
   * The round's current version: it changes after every change of the round or its shortlist
   * (written after the change, so a view read after reading a version is at least that new).
   */
  async version(roundId: string): Promise<string | undefined> {
    return (await this.versions.get(VERSIONS, encodeKey(roundId)))?.value.version;
  }

  /** Last writer wins: any new value tells readers that something changed. */
  private async bump(roundId: string): Promise<void> {
    await this.versions.upsert({ roundId, version: randomBytes(6).toString('hex') });
  }

  async round(id: string): Promise<SelectionRound | undefined> {
    return (await this.rounds.get(PARTITION, encodeKey(id)))?.value;
  }

  /** Every round, in RowKey order (newest first with time-sortable ids). */
  async list(): Promise<SelectionRound[]> {
    return (await this.rounds.all(odata`PartitionKey eq ${PARTITION}`)).map((row) => row.value);
  }

  /** Read-modify-write of a round under conflict retry (then a new version); undefined keeps it. */
  async modifyRound(
    id: string,
    change: (round: SelectionRound) => SelectionRound | undefined,
  ): Promise<SelectionRound | undefined> {
    let changed = false;
    const round = await this.rounds.modify(
      { partitionKey: PARTITION, rowKey: encodeKey(id) },
      (current) => {
        const next = current ? change(current) : undefined;
        changed = next !== undefined;
        return next;
      },
    );
    if (changed) await this.bump(id);
    return round;
  }

  async shortlist(roundId: string): Promise<ShortlistEntry[]> {
    return (await this.shortlistRows(roundId)).map((row) => row.value);
  }

  /** The round's entries as stored (with their etags). */
  shortlistRows(roundId: string): Promise<Stored<ShortlistEntry>[]> {
    return this.entries.all(odata`PartitionKey eq ${encodeKey(roundId)}`);
  }

  async entry(roundId: string, objectId: string): Promise<ShortlistEntry | undefined> {
    return (await this.entries.get(encodeKey(roundId), objectId))?.value;
  }

  /**
   * Read-modify-write of one person's entry under conflict retry (a missing entry is passed as
   * undefined, and inserted when `change` returns one), then a new version of the round;
   * undefined from `change` keeps it.
   */
  async modifyEntry(
    roundId: string,
    objectId: string,
    change: (entry: ShortlistEntry | undefined) => ShortlistEntry | undefined,
  ): Promise<ShortlistEntry | undefined> {
    let changed = false;
    const entry = await this.entries.modify(
      { partitionKey: encodeKey(roundId), rowKey: objectId },
      (current) => {
        const next = change(current);
        changed = next !== undefined;
        return next;
      },
    );
    if (changed) await this.bump(roundId);
    return entry;
  }

  /** A person's entries in every round (consent withdrawn, "my data"): one point read per round. */
  async entriesOf(objectId: string): Promise<ShortlistEntry[]> {
    const rounds = await this.list();
    const entries = await Promise.all(rounds.map((round) => this.entry(round.id, objectId)));
    return entries.filter((entry) => entry !== undefined);
  }

  /** Entries last changed before `cutoff`, in every round (the retention purge). */
  entriesChangedBefore(cutoff: Date): AsyncGenerator<Stored<ShortlistEntry>> {
    return this.entries.query(odata`changedAt lt ${cutoff}`);
  }

  async deleteEntry(row: Stored<ShortlistEntry>): Promise<boolean> {
    const deleted = await this.entries.delete(entryMapping.keys(row.value), row.etag);
    if (deleted) await this.bump(row.value.roundId);
    return deleted;
  }

  /** Deletes a person's entries in every round (erasure). */
  async eraseOf(objectId: string): Promise<void> {
    for (const round of await this.list()) {
      const stored = await this.entries.get(encodeKey(round.id), objectId);
      if (!stored) continue;
      await this.entries.delete(entryMapping.keys(stored.value), stored.etag);
      await this.bump(round.id);
    }
  }
}
