import { z } from 'zod';
import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { AlreadyExistsError } from '../store/errors';
import type { TableStore } from '../store/table-store';
import { bucketKey } from './campaign';

/**
 * One row per expanded bucket of a campaign: its counts and who is sending it. PartitionKey the
 * campaign id (a campaign's status is one partition read), RowKey the bucket. The lease holder is
 * the only writer; it renews the lease and the counts together after every step it sends.
 */
export const DELIVERY_SHARDS_TABLE = 'deliveryshards';

export interface ShardCounts {
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  unreachable: number;
  /** Invited people who had already completed the assessment: not sent. */
  alreadyCompleted: number;
  /** Sent again after a crash left them in flight: may have been received twice. */
  inDoubt: number;
}

/**
 * The recipients whose messages may be out without their outcome recorded: the step being marked
 * (before its requests go out), the previous step while it is still sending, and rows a previous
 * owner left in doubt that have not been flagged yet. A listed row written since with `mark` or
 * `previous` as its own mark has its outcome recorded.
 */
export interface InFlight {
  mark: string;
  /** The previous step's mark, while that step was still on its way. */
  previous?: string;
  /** Epoch ms of the mark: requests of the step go out within the send window after it. */
  at: number;
  personIds: string[];
}

export interface Shard extends ShardCounts {
  campaignId: string;
  bucket: number;
  done: boolean;
  inFlight?: InFlight;
  leaseOwner?: string;
  /** Epoch ms; another instance may take the shard after this. */
  leaseUntil: number;
  updatedAt: Date;
}

export function emptyCounts(): ShardCounts {
  return {
    total: 0,
    sent: 0,
    failed: 0,
    blocked: 0,
    unreachable: 0,
    alreadyCompleted: 0,
    inDoubt: 0,
  };
}

/** A string property holds 32K UTF-16 characters: the list is split over as many as it needs. */
const PROPERTY_CHARS = 30_000;
const MAX_PARTS = 30;

function inFlightProperties(inFlight: InFlight | undefined): Record<string, string> {
  if (!inFlight) return {};
  const json = JSON.stringify(inFlight);
  const parts = Math.ceil(json.length / PROPERTY_CHARS);
  if (parts > MAX_PARTS) throw new Error(`in-flight list too long (${inFlight.personIds.length})`);
  return Object.fromEntries(
    Array.from({ length: parts }, (_, i) => [
      `inFlight${i}`,
      json.slice(i * PROPERTY_CHARS, (i + 1) * PROPERTY_CHARS),
    ]),
  );
}

const InFlightSchema = z.object({
  mark: z.string(),
  previous: z.string().optional(),
  at: z.number(),
  personIds: z.array(z.string()),
});

function inFlightOf(entity: Record<string, unknown>): { inFlight?: InFlight } {
  let json = '';
  for (
    let part = entity.inFlight0, i = 0;
    typeof part === 'string';
    part = entity[`inFlight${++i}`]
  ) {
    json += part;
  }
  return json ? { inFlight: InFlightSchema.parse(JSON.parse(json)) } : {};
}

const mapping: EntityMapping<Shard> = {
  keys: (s) => ({ partitionKey: s.campaignId, rowKey: bucketKey(s.bucket) }),
  toEntity: (s) => ({
    total: s.total,
    sent: s.sent,
    failed: s.failed,
    blocked: s.blocked,
    unreachable: s.unreachable,
    alreadyCompleted: s.alreadyCompleted,
    inDoubt: s.inDoubt,
    done: s.done,
    ...inFlightProperties(s.inFlight),
    leaseOwner: s.leaseOwner,
    leaseUntil: s.leaseUntil,
    updatedAt: s.updatedAt,
  }),
  fromEntity: (e) => ({
    campaignId: String(e.partitionKey),
    bucket: Number.parseInt(String(e.rowKey).slice(1), 16),
    total: Number(e.total ?? 0),
    sent: Number(e.sent ?? 0),
    failed: Number(e.failed ?? 0),
    blocked: Number(e.blocked ?? 0),
    unreachable: Number(e.unreachable ?? 0),
    alreadyCompleted: Number(e.alreadyCompleted ?? 0),
    inDoubt: Number(e.inDoubt ?? 0),
    done: e.done === true,
    ...inFlightOf(e),
    ...(typeof e.leaseOwner === 'string' ? { leaseOwner: e.leaseOwner } : {}),
    leaseUntil: Number(e.leaseUntil ?? 0),
    updatedAt: asDate(e.updatedAt),
  }),
};

export class ShardsRepository {
  private readonly table: EntityTable<Shard>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(DELIVERY_SHARDS_TABLE), mapping);
  }

  async ofCampaign(campaignId: string): Promise<Stored<Shard>[]> {
    return this.table.all(odata`PartitionKey eq ${campaignId}`);
  }

  async get(campaignId: string, bucket: number): Promise<Stored<Shard> | undefined> {
    return this.table.get(campaignId, bucketKey(bucket));
  }

  /** Written once, when the bucket's rows are all in place; an existing shard is left alone. */
  async create(shard: Shard): Promise<void> {
    try {
      await this.table.insert(shard);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }

  /** Conditional on `etag`: throws ConcurrencyError if someone else changed the shard. */
  async update(shard: Shard, etag: string): Promise<string> {
    return this.table.update(shard, etag);
  }
}
