import { asDate, EntityTable, odata, type EntityMapping } from '../store/entity-table';
import type { TableStore } from '../store/table-store';
import type { Facilitator } from './facilitators';

/**
 * The community's roster: one row per facilitator, written when the role is granted and deleted
 * when it is revoked or withdrawn. PartitionKey {@link PARTITION} (hundreds of rows at 100,000
 * employees: the roster, the monthly nudge and "facilitators near me" read it whole), RowKey the
 * object id. The role itself lives with the directory's grants (`DirectoryService.setRole`).
 */
export const FACILITATORS_TABLE = 'facilitators';

const PARTITION = 'facilitator';

const mapping: EntityMapping<Facilitator> = {
  keys: (f) => ({ partitionKey: PARTITION, rowKey: f.objectId }),
  toEntity: (f) => ({ department: f.department, roundId: f.roundId, since: f.since }),
  fromEntity: (e) => ({
    objectId: String(e.rowKey),
    department: String(e.department),
    roundId: String(e.roundId),
    since: asDate(e.since),
  }),
};

export class FacilitatorsRepository {
  private readonly table: EntityTable<Facilitator>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(FACILITATORS_TABLE), mapping);
  }

  async all(): Promise<Facilitator[]> {
    return (await this.table.all(odata`PartitionKey eq ${PARTITION}`)).map((row) => row.value);
  }

  async find(objectId: string): Promise<Facilitator | undefined> {
    return (await this.table.get(PARTITION, objectId))?.value;
  }

  /** Adds a facilitator, or keeps the row of one already there (a repeated approval). */
  async add(facilitator: Facilitator): Promise<Facilitator> {
    return (await this.table.modify(mapping.keys(facilitator), (current) =>
      current ? undefined : facilitator,
    ))!;
  }

  /** Whether there was a row to remove. */
  async remove(objectId: string): Promise<boolean> {
    const stored = await this.table.get(PARTITION, objectId);
    return stored ? this.table.delete(mapping.keys(stored.value), stored.etag) : false;
  }
}
