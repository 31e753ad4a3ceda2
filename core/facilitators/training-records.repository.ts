import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { retryOnConflict } from '../store/retry';
import type { TableStore } from '../store/table-store';
import { roundHours, type TrainingRecord } from './training-path';

/**
 * Facilitators' completed training modules, and per person their hours by year. One partition
 * {@link PARTITION} (a few thousand facilitators at 100,000 employees, each with at most one row
 * per catalogue module, written at human pace): RowKey `r|<objectId>|<moduleId>` for a record
 * (one per person and module: marking a module again, or importing it again, replaces it), and
 * `h|<objectId>` for the person's totals, written in the same transaction as their records so
 * that they never drift. A person's records: one range query; the roster's totals: one range
 * query over the `h|` rows, never a read of every record.
 */
export const TRAINING_RECORDS_TABLE = 'trainingrecords';

const PARTITION = 'training';

export interface TrainingTotals {
  objectId: string;
  /** Hours recorded per calendar year of the completion date. */
  hoursByYear: Record<string, number>;
  updatedAt: Date;
}

type Row = { kind: 'record'; record: TrainingRecord } | { kind: 'totals'; totals: TrainingTotals };

const recordKey = (objectId: string, moduleId: string) => `r|${objectId}|${moduleId}`;
const totalsKey = (objectId: string) => `h|${objectId}`;

const mapping: EntityMapping<Row> = {
  keys: (row) => ({
    partitionKey: PARTITION,
    rowKey:
      row.kind === 'record'
        ? recordKey(row.record.objectId, row.record.moduleId)
        : totalsKey(row.totals.objectId),
  }),
  toEntity: (row) =>
    row.kind === 'record'
      ? {
          objectId: row.record.objectId,
          moduleId: row.record.moduleId,
          date: row.record.date,
          hours: row.record.hours,
          source: row.record.source,
          recordedAt: row.record.recordedAt,
        }
      : {
          objectId: row.totals.objectId,
          hoursByYear: JSON.stringify(row.totals.hoursByYear),
          updatedAt: row.totals.updatedAt,
        },
  fromEntity: (e) =>
    String(e.rowKey).startsWith('r|')
      ? {
          kind: 'record',
          record: {
            objectId: String(e.objectId),
            moduleId: String(e.moduleId),
            date: String(e.date),
            hours: Number(e.hours),
            source: e.source === 'import' ? 'import' : 'self',
            recordedAt: asDate(e.recordedAt),
          },
        }
      : {
          kind: 'totals',
          totals: {
            objectId: String(e.objectId),
            hoursByYear: JSON.parse(String(e.hoursByYear)) as Record<string, number>,
            updatedAt: asDate(e.updatedAt),
          },
        },
};

/** The RowKeys from `prefix` up to (not including) the next prefix. */
function range(prefix: string): string {
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return odata`PartitionKey eq ${PARTITION} and RowKey ge ${prefix} and RowKey lt ${end}`;
}

export class TrainingRecordsRepository {
  private readonly table: EntityTable<Row>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(TRAINING_RECORDS_TABLE), mapping);
  }

  /** The person's records, in module id order. */
  async ofPerson(objectId: string): Promise<TrainingRecord[]> {
    return (await this.recordRows(objectId.toLowerCase())).map(({ value }) => value.record);
  }

  /** Every person's totals (the roster): one range query. */
  async allTotals(): Promise<Map<string, TrainingTotals>> {
    const rows = await this.table.all(range('h|'));
    return new Map(
      rows.flatMap(({ value }) =>
        value.kind === 'totals' ? [[value.totals.objectId, value.totals] as const] : [],
      ),
    );
  }

  /**
   * Writes one person's records (each replacing the person's record of the same module) and
   * their totals in one transaction: all of them or none. Writing the same records again changes
   * nothing but `recordedAt`, so a repeated import or a retried button counts hours once.
   */
  async record(
    objectId: string,
    records: readonly Omit<TrainingRecord, 'objectId'>[],
  ): Promise<void> {
    const id = objectId.toLowerCase();
    await retryOnConflict(async () => {
      const [stored, totals] = await Promise.all([
        this.recordRows(id),
        this.table.get(PARTITION, totalsKey(id)),
      ]);
      const byModule = new Map(stored.map((row) => [row.value.record.moduleId, row]));
      const operations = records.map((input) => {
        const value: Row = { kind: 'record', record: { ...input, objectId: id } };
        const current = byModule.get(input.moduleId);
        return current
          ? { op: 'update' as const, value, etag: current.etag }
          : { op: 'insert' as const, value };
      });
      const merged = new Map(stored.map(({ value }) => [value.record.moduleId, value.record]));
      for (const input of records) merged.set(input.moduleId, { ...input, objectId: id });
      const updatedAt = records.at(-1)?.recordedAt ?? new Date();
      const value: Row = {
        kind: 'totals',
        totals: { objectId: id, hoursByYear: byYear([...merged.values()]), updatedAt },
      };
      await this.table.transact([
        ...operations,
        totals ? { op: 'update', value, etag: totals.etag } : { op: 'insert', value },
      ]);
    });
  }

  /** Deletes the person's records and totals (erasure). */
  async erase(objectId: string): Promise<void> {
    const id = objectId.toLowerCase();
    await retryOnConflict(async () => {
      const [records, totals] = await Promise.all([
        this.recordRows(id),
        this.table.get(PARTITION, totalsKey(id)),
      ]);
      const rows = [...records, ...(totals ? [totals] : [])];
      await this.table.transact(rows.map(({ value }) => ({ op: 'delete', value })));
    });
  }

  private async recordRows(objectId: string): Promise<Stored<Extract<Row, { kind: 'record' }>>[]> {
    const rows = await this.table.all(range(`r|${objectId}|`));
    return rows.filter(
      (row): row is Stored<Extract<Row, { kind: 'record' }>> => row.value.kind === 'record',
    );
  }
}

function byYear(records: readonly TrainingRecord[]): Record<string, number> {
  const hours: Record<string, number> = {};
  for (const { date, hours: h } of records) {
    const year = date.slice(0, 4);
    hours[year] = roundHours((hours[year] ?? 0) + h);
  }
  return hours;
}
