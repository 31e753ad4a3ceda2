import { asDate, EntityTable, type EntityMapping, type Stored } from '../store/entity-table';
import type { TableStore } from '../store/table-store';
import { bucketKey } from './campaign';

/**
 * One row per expanded bucket of a campaign: its counts and who is sending it. PartitionKey the
 * campaign id (a campaign's status is one partition read), RowKey the bucket. The lease holder is
 * the only writer; it renews the lease and the counts together after every chunk it sends.
 */
export const DELIVERY_SHARDS_TABLE = 'deliveryshards';

export interface ShardCounts {
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  unreachable: number;
  /** Sent again after a crash left them in flight: may have been received twice. */
  inDoubt: number;
}

export interface Shard extends ShardCounts {
  campaignId: string;
  bucket: number;
  done: boolean;
  leaseOwner?: string;
  /** Epoch ms; another instance may take the shard after this. */
  leaseUntil: number;
  updatedAt: Date;
}

export function emptyCounts(): ShardCounts {
  return { total: 0, sent: 0, failed: 0, blocked: 0, unreachable: 0, inDoubt: 0 };
}

const mapping: EntityMapping<Shard> = {
  keys: (s) => ({ partitionKey: s.campaignId, rowKey: bucketKey(s.bucket) }),
  toEntity: (s) => ({
    total: s.total,
    sent: s.sent,
    failed: s.failed,
    blocked: s.blocked,
    unreachable: s.unreachable,
    inDoubt: s.inDoubt,
    done: s.done,
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
    inDoubt: Number(e.inDoubt ?? 0),
    done: e.done === true,
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
    const shards: Stored<Shard>[] = [];
    for await (const shard of this.table.partition(campaignId)) shards.push(shard);
    return shards;
  }

  /** Written once, when the bucket's rows are all in place; idempotent. */
  async create(shard: Shard): Promise<void> {
    await this.table.upsert(shard);
  }

  /** Conditional on `etag`: throws ConcurrencyError if someone else changed the shard. */
  async update(shard: Shard, etag: string): Promise<string> {
    return this.table.update(shard, etag);
  }
}
