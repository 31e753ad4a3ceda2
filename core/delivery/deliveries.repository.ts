import { z } from 'zod';
import { LocaleSchema, type Locale } from '../directory/person';
import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { decodeKey, encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import { bucketKey } from './campaign';

/**
 * One row per recipient of a campaign: what happened to their message. PartitionKey
 * `<campaignId>_<bucket>` (a shard: one of the campaign's 32 parts, written once and sent by one
 * instance at a time), RowKey the recipient's encoded person id.
 */
export const DELIVERIES_TABLE = 'deliveries';

/**
 * Rows per outcome transaction. Azurite, the local store, serves one request at a time and spends
 * ~5 ms per update at 100,000 rows: a step's 100 outcomes in one transaction would hold up every
 * budget claim and mark queued behind them for half a second. In Azure, smaller transactions cost
 * a few more round trips per step, after its sends.
 */
const UPDATE_BATCH = 10;

/**
 * pending → sent | pending (retry later) | failed | blocked. While a request is out its row is
 * listed in its shard's in-flight mark (`InFlight`, shards.repository.ts). unreachable: no conversation
 * reference (the app is not installed for the person). alreadyCompleted: an invitation's recipient
 * who has completed its assessment, never sent (decided when the audience is read).
 */
const DeliveryStatusSchema = z.enum([
  'pending',
  'sent',
  'failed',
  'blocked',
  'unreachable',
  'alreadyCompleted',
]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export function isTerminal(status: DeliveryStatus): boolean {
  return status !== 'pending';
}

/** Where a proactive 1:1 message goes, copied from the stored conversation reference. */
export const DeliveryTargetSchema = z.object({
  serviceUrl: z.url(),
  conversationId: z.string().min(1),
  tenantId: z.string().optional(),
  /** The user's channel id (29:…) and the bot's, as in the reference. */
  userId: z.string().optional(),
  botId: z.string().optional(),
});
export type DeliveryTarget = z.infer<typeof DeliveryTargetSchema>;

export interface Delivery {
  campaignId: string;
  bucket: number;
  /** The directory's person id: "oid:<object id>" (or "upn:<upn>" for people without one). */
  personId: string;
  locale: Locale;
  status: DeliveryStatus;
  target?: DeliveryTarget;
  /** Sends attempted (429s excluded: a tenant throttle says nothing about the recipient). */
  attempts: number;
  throttled: number;
  /** Epoch ms before which no retry is made. */
  notBefore: number;
  /** Left in flight by an owner that stopped, and sent again: may have been received twice. */
  inDoubt: boolean;
  /** The in-flight mark whose outcome this row records. */
  mark?: string;
  lastError?: string;
  updatedAt: Date;
  sentAt?: Date;
}

function shardKey(campaignId: string, bucket: number): string {
  return `${campaignId}_${bucketKey(bucket)}`;
}

/**
 * What sending changes in a row; recipient, language and target are written once, by the
 * expansion. A cleared error is written as ''. `mark` and `sentAt`, once set, are never cleared.
 */
function changes(d: Delivery) {
  return {
    status: d.status,
    attempts: d.attempts,
    throttled: d.throttled,
    notBefore: d.notBefore,
    inDoubt: d.inDoubt,
    mark: d.mark,
    lastError: d.lastError ?? '',
    updatedAt: d.updatedAt,
    sentAt: d.sentAt,
  };
}

const mapping: EntityMapping<Delivery> = {
  keys: (d) => ({ partitionKey: shardKey(d.campaignId, d.bucket), rowKey: encodeKey(d.personId) }),
  toEntity: (d) => ({
    locale: d.locale,
    target: d.target ? JSON.stringify(d.target) : undefined,
    ...changes(d),
  }),
  // Outcomes are the bulk of the store's writes in a campaign (one per recipient): merged.
  changes,
  fromEntity: (e) => {
    const partition = String(e.partitionKey);
    const separator = partition.lastIndexOf('_');
    return {
      campaignId: partition.slice(0, separator),
      bucket: Number.parseInt(partition.slice(separator + 2), 16),
      personId: decodeKey(String(e.rowKey)),
      locale: LocaleSchema.parse(e.locale),
      status: DeliveryStatusSchema.parse(e.status),
      ...(typeof e.target === 'string'
        ? { target: DeliveryTargetSchema.parse(JSON.parse(e.target)) }
        : {}),
      attempts: Number(e.attempts ?? 0),
      throttled: Number(e.throttled ?? 0),
      notBefore: Number(e.notBefore ?? 0),
      inDoubt: e.inDoubt === true,
      ...(typeof e.mark === 'string' ? { mark: e.mark } : {}),
      ...(typeof e.lastError === 'string' && e.lastError ? { lastError: e.lastError } : {}),
      updatedAt: asDate(e.updatedAt),
      ...(e.sentAt ? { sentAt: asDate(e.sentAt) } : {}),
    };
  },
};

export class DeliveriesRepository {
  private readonly table: EntityTable<Delivery>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(DELIVERIES_TABLE), mapping);
  }

  /**
   * Writes a shard's new rows. Rows that exist are left alone: an expansion repeated after a
   * crash, or by an instance that outlived its lease, cannot reset a row already being sent.
   * One transaction at a time: the expansion writes a row per recipient while the first shards
   * send, and their writes must not queue behind dozens of its transactions.
   */
  async writeShard(rows: readonly Delivery[]): Promise<void> {
    await this.table.insertMissing(rows, 1);
  }

  async shard(campaignId: string, bucket: number): Promise<Stored<Delivery>[]> {
    return this.table.all(odata`PartitionKey eq ${shardKey(campaignId, bucket)}`);
  }

  /** A recipient's rows in every campaign, by their person ids (a scan: "my data" and erasure). */
  async ofRecipient(personIds: readonly string[]): Promise<Stored<Delivery>[]> {
    const rows: Stored<Delivery>[] = [];
    for (const id of personIds)
      rows.push(...(await this.table.all(odata`RowKey eq ${encodeKey(id)}`)));
    return rows;
  }

  /** Deletes the row if unchanged since read; false when it was already gone. */
  async delete(row: Stored<Delivery>): Promise<boolean> {
    return this.table.delete(mapping.keys(row.value), row.etag);
  }

  /**
   * Conditional on every row's etag, in transactions of at most {@link UPDATE_BATCH} rows written
   * one after another (new etags in order). A row that changed fails its transaction with
   * ConcurrencyError and the later ones are not written; the rows left unwritten are what a crash
   * at that point would leave, and the in-flight mark covers them.
   */
  async updateAll(rows: readonly Stored<Delivery>[]): Promise<string[]> {
    const etags: string[] = [];
    for (let i = 0; i < rows.length; i += UPDATE_BATCH) {
      etags.push(...(await this.table.updateAll(rows.slice(i, i + UPDATE_BATCH))));
    }
    return etags;
  }
}
