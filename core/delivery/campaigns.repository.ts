import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import type { TableStore } from '../store/table-store';
import { AudienceSchema, CampaignKindSchema, CampaignStateSchema, type Campaign } from './campaign';

/**
 * Campaigns, listed whole (a programme runs tens a year): one partition, RowKey the id (ids sort
 * by creation time). Every instance reads the active ones four times a second.
 */
export const CAMPAIGNS_TABLE = 'campaigns';
const PARTITION = 'campaign';

const mapping: EntityMapping<Campaign> = {
  keys: (c) => ({ partitionKey: PARTITION, rowKey: c.id }),
  toEntity: (c) => ({
    kind: c.kind,
    audience: JSON.stringify(c.audience),
    subject: c.subject,
    state: c.state,
    notBefore: c.notBefore,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    expandedBuckets: c.expandedBuckets,
    expansionOwner: c.expansionOwner,
    expansionLeaseUntil: c.expansionLeaseUntil,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    changedAt: c.changedAt,
  }),
  fromEntity: (e) => ({
    id: String(e.rowKey),
    kind: CampaignKindSchema.parse(e.kind),
    audience: AudienceSchema.parse(JSON.parse(String(e.audience))),
    subject: String(e.subject),
    state: CampaignStateSchema.parse(e.state),
    notBefore: asDate(e.notBefore),
    createdAt: asDate(e.createdAt),
    createdBy: String(e.createdBy),
    expandedBuckets: Number(e.expandedBuckets ?? 0),
    ...(typeof e.expansionOwner === 'string' ? { expansionOwner: e.expansionOwner } : {}),
    ...(e.expansionLeaseUntil !== undefined
      ? { expansionLeaseUntil: Number(e.expansionLeaseUntil) }
      : {}),
    ...(e.startedAt ? { startedAt: asDate(e.startedAt) } : {}),
    ...(e.endedAt ? { endedAt: asDate(e.endedAt) } : {}),
    changedAt: asDate(e.changedAt),
  }),
};

export class CampaignsRepository {
  private readonly table: EntityTable<Campaign>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(CAMPAIGNS_TABLE), mapping);
  }

  async get(id: string): Promise<Stored<Campaign> | undefined> {
    return this.table.get(PARTITION, id);
  }

  async insert(campaign: Campaign): Promise<void> {
    await this.table.insert(campaign);
  }

  async update(campaign: Campaign, etag: string): Promise<string> {
    return this.table.update(campaign, etag);
  }

  /** Newest first. */
  async list(): Promise<Campaign[]> {
    const rows = await this.table.all(odata`PartitionKey eq ${PARTITION}`);
    return rows.map(({ value }) => value).reverse();
  }

  /** Campaigns the engine works on: preparing, running, or paused (to notice a resume). */
  async unfinished(): Promise<Stored<Campaign>[]> {
    const filter = odata`PartitionKey eq ${PARTITION} and (state eq 'preparing' or state eq 'running' or state eq 'paused')`;
    return this.table.all(filter);
  }
}
