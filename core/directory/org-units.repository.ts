import { asDate, EntityTable, odata, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import type { OrgUnit } from './org-unit';
import { formatOrgUnitPath, parseOrgUnitPath } from './person';

/**
 * The organisation chart, listed whole (a few hundred units) for pickers and dashboards.
 * PartitionKey: one constant partition; RowKey: the encoded path, so children sort after parents.
 * Beside it, in its own partition, the directory's import stamp: one row every import rewrites,
 * read by key so that each instance knows when its cached people are stale.
 */
export const ORG_UNITS_TABLE = 'orgunits';
const PARTITION = 'orgunit';
const STAMP = { partitionKey: 'directory', rowKey: 'import' };

interface ImportStamp {
  importedAt: Date;
}

const mapping: EntityMapping<OrgUnit> = {
  keys: (unit) => ({ partitionKey: PARTITION, rowKey: encodeKey(formatOrgUnitPath(unit.path)) }),
  toEntity: (unit) => ({ path: formatOrgUnitPath(unit.path), depth: unit.path.length }),
  fromEntity: (entity) => ({ path: parseOrgUnitPath(String(entity.path)) }),
};

const stampMapping: EntityMapping<ImportStamp> = {
  keys: () => STAMP,
  toEntity: (stamp) => ({ importedAt: stamp.importedAt }),
  fromEntity: (entity) => ({ importedAt: asDate(entity.importedAt) }),
};

export class OrgUnitsRepository {
  private readonly table: EntityTable<OrgUnit>;
  private readonly stamps: EntityTable<ImportStamp>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(ORG_UNITS_TABLE), mapping);
    this.stamps = new EntityTable(store.client(ORG_UNITS_TABLE), stampMapping);
  }

  /** Rewritten whole by every import: whoever imported last wins, and any write changes the etag. */
  async stampImport(importedAt: Date): Promise<void> {
    await this.stamps.upsert({ importedAt });
  }

  /** The last import's etag (undefined before the first): it changes with every import. */
  async importVersion(): Promise<string | undefined> {
    return (await this.stamps.get(STAMP.partitionKey, STAMP.rowKey))?.etag;
  }

  async upsertMany(units: readonly OrgUnit[]): Promise<void> {
    await this.table.upsertMany(units);
  }

  async list(): Promise<OrgUnit[]> {
    const rows = await this.table.all(odata`PartitionKey eq ${PARTITION}`);
    return rows.map(({ value }) => value);
  }
}
