import { EntityTable, type EntityMapping } from '../store/entity-table';
import { AlreadyExistsError, ConcurrencyError } from '../store/errors';
import { decodeKey, encodeKey } from '../store/keys';
import { retryOnConflict } from '../store/retry';
import type { TableStore } from '../store/table-store';
import { formatOrgUnitPath, parseOrgUnitPath } from '../directory/person';
import {
  addValues,
  emptyValues,
  type AggregateKey,
  type AggregateRow,
  type AggregateValues,
} from './aggregates';

/**
 * Pre-aggregated assessment statistics, the only thing dashboards read.
 * PartitionKey: the campaign id (a dashboard reads one campaign's partition);
 * RowKey: `<dimension>|<encoded org-unit path>`.
 */
export const AGGREGATES_TABLE = 'aggregates';

const rowKeyOf = (key: AggregateKey): string =>
  `${key.dimension}|${encodeKey(formatOrgUnitPath(key.orgUnitPath))}`;

const mapping: EntityMapping<AggregateRow> = {
  keys: (row) => ({ partitionKey: encodeKey(row.campaignId), rowKey: rowKeyOf(row) }),
  toEntity: (row) => ({
    dimension: row.dimension,
    orgUnitPath: formatOrgUnitPath(row.orgUnitPath),
    count: row.count,
    sumTenths: row.sumTenths,
    sumSqHundredths: row.sumSqHundredths,
    base: row.bands.base,
    intermediate: row.bands.intermediate,
    advanced: row.bands.advanced,
  }),
  fromEntity: (e) => ({
    campaignId: decodeKey(String(e.partitionKey)),
    dimension: String(e.dimension),
    orgUnitPath: parseOrgUnitPath(String(e.orgUnitPath)),
    count: Number(e.count),
    sumTenths: Number(e.sumTenths),
    sumSqHundredths: Number(e.sumSqHundredths),
    bands: {
      base: Number(e.base),
      intermediate: Number(e.intermediate),
      advanced: Number(e.advanced),
    },
  }),
};

/** Many people submit at once into the same rows: retry longer than the default. */
const HOT_ROW_RETRY = { attempts: 60, baseDelayMs: 3, maxDelayMs: 100 };

export class AggregatesRepository {
  private readonly table: EntityTable<AggregateRow>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(AGGREGATES_TABLE), mapping);
  }

  /** Adds `delta` to one row with an etag-checked read-modify-write; a row back at zero is removed. */
  async add(key: AggregateKey, delta: AggregateValues): Promise<void> {
    await retryOnConflict(async () => {
      const current = await this.table.get(encodeKey(key.campaignId), rowKeyOf(key));
      const next: AggregateRow = { ...key, ...addValues(current?.value ?? emptyValues(), delta) };
      if (!current) {
        try {
          await this.table.insert(next);
        } catch (error) {
          if (error instanceof AlreadyExistsError)
            throw new ConcurrencyError(AGGREGATES_TABLE, key.campaignId, rowKeyOf(key));
          throw error;
        }
      } else if (next.count === 0) {
        await this.table.delete(
          { partitionKey: encodeKey(key.campaignId), rowKey: rowKeyOf(key) },
          current.etag,
        );
      } else {
        await this.table.update(next, current.etag);
      }
    }, HOT_ROW_RETRY);
  }

  async campaign(campaignId: string): Promise<AggregateRow[]> {
    const rows: AggregateRow[] = [];
    for await (const { value } of this.table.partition(encodeKey(campaignId))) rows.push(value);
    return rows;
  }

  /** Replaces a campaign's rows with `rows` (used by the rebuild command). */
  async replaceCampaign(campaignId: string, rows: readonly AggregateRow[]): Promise<void> {
    const keep = new Set(rows.map(rowKeyOf));
    for await (const { value, etag } of this.table.partition(encodeKey(campaignId))) {
      if (!keep.has(rowKeyOf(value))) {
        await this.table.delete(
          { partitionKey: encodeKey(campaignId), rowKey: rowKeyOf(value) },
          etag,
        );
      }
    }
    await this.table.upsertMany(rows);
  }
}
