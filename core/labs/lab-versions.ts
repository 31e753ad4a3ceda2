import { EntityTable, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import { LABS_TABLE } from './labs.repository';

/**
 * Versions of what the tab shows, in the labs table's `version` partition: a row per lab
 * (`lab_<id>`), rewritten after every write to its board or timeline, and one row (`list`)
 * rewritten after every write to a lab's own row. A row's ETag is the version: a cached view
 * built after reading it is valid while it holds, on every instance. Written after the data, so
 * a reader never keeps old data under a new version. No personal data.
 */
interface VersionRow {
  rowKey: string;
  at: Date;
}

const PARTITION = 'version';
const LIST = 'list';

const mapping: EntityMapping<VersionRow> = {
  keys: (row) => ({ partitionKey: PARTITION, rowKey: row.rowKey }),
  toEntity: (row) => ({ at: row.at }),
  fromEntity: (e) => ({ rowKey: String(e.rowKey), at: new Date(String(e.at)) }),
};

const labKey = (labId: string) => `lab_${encodeKey(labId)}`;

export class LabVersions {
  private readonly table: EntityTable<VersionRow>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(LABS_TABLE), mapping);
  }

  /** After a write to the lab's board or timeline. */
  async bump(labId: string): Promise<void> {
    await this.table.upsert({ rowKey: labKey(labId), at: new Date() });
  }

  /** After a write to a lab's row (any lab: the list shows them all). */
  async bumpList(): Promise<void> {
    await this.table.upsert({ rowKey: LIST, at: new Date() });
  }

  /** The board's and timeline's version ('' before their first write). */
  async of(labId: string): Promise<string> {
    return (await this.table.get(PARTITION, labKey(labId)))?.etag ?? '';
  }

  /** The labs' rows' version ('' before the first lab). */
  async list(): Promise<string> {
    return (await this.table.get(PARTITION, LIST))?.etag ?? '';
  }
}
