import { EntityTable, type EntityMapping } from './entity-table';
import { AlreadyExistsError, ConcurrencyError } from './errors';
import { encodeKey } from './keys';
import type { TableStore } from './table-store';

/**
 * Named leases shared by every instance over the store: one row per name (PartitionKey `lease`,
 * RowKey the encoded name), claimed with an etag-conditional write. Work that must run once across
 * all instances (the retention purge) runs only in the instance whose claim succeeded.
 */
export const LEASES_TABLE = 'leases';

interface Lease {
  name: string;
  owner: string;
  /** Epoch ms until which the owner holds it. */
  until: number;
}

const PARTITION = 'lease';

const mapping: EntityMapping<Lease> = {
  keys: (lease) => ({ partitionKey: PARTITION, rowKey: encodeKey(lease.name) }),
  toEntity: (lease) => ({ owner: lease.owner, until: lease.until }),
  fromEntity: (e) => ({
    name: decodeURIComponent(String(e.rowKey)),
    owner: String(e.owner),
    until: Number(e.until),
  }),
};

export class Leases {
  private readonly table: EntityTable<Lease>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(LEASES_TABLE), mapping);
  }

  /**
   * Takes the lease `name` for `owner` until `until` (epoch ms) if nobody holds it at `now`; false
   * while it is held (by anyone: work done once per period is not done again by its owner) or
   * when another instance claimed it first. At most one claim of a free lease succeeds, whatever
   * the number of instances trying at once.
   */
  async claim(name: string, owner: string, now: number, until: number): Promise<boolean> {
    // Not EntityTable.modify: a claim that loses a race has its answer, it does not retry.
    const found = await this.table.get(PARTITION, encodeKey(name));
    try {
      if (!found) {
        await this.table.insert({ name, owner, until });
        return true;
      }
      if (found.value.until > now) return false;
      await this.table.update({ name, owner, until }, found.etag);
      return true;
    } catch (error) {
      if (error instanceof AlreadyExistsError || error instanceof ConcurrencyError) return false;
      throw error;
    }
  }
}
