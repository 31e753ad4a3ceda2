import {
  asDate,
  EntityTable,
  odata,
  type EntityMapping,
  type Stored,
  type TableOperation,
} from '../store/entity-table';
import { decodeKey, encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import { formatOrgUnitPath, parseOrgUnitPath } from '../directory/person';
import type { AggregateKey, AggregateRow } from './aggregates';
import type { AssessmentResult } from './scoring';

/**
 * Pre-aggregated assessment statistics, the only thing dashboards read, and the contributions
 * waiting to be counted in them (so that counting one and removing it from the waiting list is
 * one transaction). PartitionKey: the campaign id (a dashboard reads one campaign's cells);
 * RowKey: `<dimension>|<encoded org-unit path>` for a cell; `~|<encoded org-unit path>|<pseudonym>|…`
 * for a waiting contribution ('~' sorts after every dimension id: cells and waiting rows are two
 * key ranges of the partition).
 */
export const AGGREGATES_TABLE = 'aggregates';

/**
 * A submission to count (`add`: its response holds the result) or an erased one to take back
 * (`remove`: the result it added, kept here until it is taken back).
 */
export interface PendingContribution {
  campaignId: string;
  orgUnitPath: string[];
  pseudonym: string;
  change: 'add' | 'remove';
  /** When the contribution was submitted. */
  at: Date;
  /** When a `remove` was queued (the erasure): retention caps how long it waits from then. */
  queuedAt?: Date;
  result?: AssessmentResult;
}

type AggregatesEntity =
  ({ kind: 'cell' } & AggregateRow) | ({ kind: 'pending' } & PendingContribution);

const PENDING = '~|';

const cellKey = (key: AggregateKey): string =>
  `${key.dimension}|${encodeKey(formatOrgUnitPath(key.orgUnitPath))}`;

// The submission time keeps a later submission (after an erasure) from taking an earlier one's key.
const pendingKey = (p: Omit<PendingContribution, 'result'>): string =>
  `${PENDING}${encodeKey(formatOrgUnitPath(p.orgUnitPath))}|${p.pseudonym}|${p.change}|${p.at.getTime()}`;

const mapping: EntityMapping<AggregatesEntity> = {
  keys: (row) => ({
    partitionKey: encodeKey(row.campaignId),
    rowKey: row.kind === 'cell' ? cellKey(row) : pendingKey(row),
  }),
  toEntity: (row) =>
    row.kind === 'cell'
      ? {
          dimension: row.dimension,
          orgUnitPath: formatOrgUnitPath(row.orgUnitPath),
          count: row.count,
          sumTenths: row.sumTenths,
          sumSqHundredths: row.sumSqHundredths,
          base: row.bands.base,
          intermediate: row.bands.intermediate,
          advanced: row.bands.advanced,
        }
      : {
          orgUnitPath: formatOrgUnitPath(row.orgUnitPath),
          pseudonym: row.pseudonym,
          change: row.change,
          at: row.at,
          queuedAt: row.queuedAt,
          result: row.result ? JSON.stringify(row.result) : undefined,
        },
  fromEntity: (e) => {
    const campaignId = decodeKey(String(e.partitionKey));
    const orgUnitPath = parseOrgUnitPath(String(e.orgUnitPath));
    if (String(e.rowKey).startsWith(PENDING)) {
      return {
        kind: 'pending',
        campaignId,
        orgUnitPath,
        pseudonym: String(e.pseudonym),
        change: e.change === 'remove' ? 'remove' : 'add',
        at: asDate(e.at),
        ...(e.queuedAt ? { queuedAt: asDate(e.queuedAt) } : {}),
        ...(typeof e.result === 'string'
          ? { result: JSON.parse(e.result) as AssessmentResult }
          : {}),
      };
    }
    return {
      kind: 'cell',
      campaignId,
      dimension: String(e.dimension),
      orgUnitPath,
      count: Number(e.count),
      sumTenths: Number(e.sumTenths),
      sumSqHundredths: Number(e.sumSqHundredths),
      bands: {
        base: Number(e.base),
        intermediate: Number(e.intermediate),
        advanced: Number(e.advanced),
      },
    };
  },
};

/** One change of a cell, or the removal of a counted contribution, in {@link AggregatesRepository.commit}. */
export type AggregatesOperation = TableOperation<AggregatesEntity>;

const asCell = (row: AggregateRow): AggregatesEntity => ({ kind: 'cell', ...row });
const asPending = (row: PendingContribution): AggregatesEntity => ({ kind: 'pending', ...row });

export class AggregatesRepository {
  private readonly table: EntityTable<AggregatesEntity>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(AGGREGATES_TABLE), mapping);
  }

  /** The campaign's cells (what a publication made visible to its screens). */
  async campaign(campaignId: string): Promise<AggregateRow[]> {
    return (await this.cells(campaignId)).map((row) => row.value);
  }

  async cells(campaignId: string): Promise<Stored<AggregateRow>[]> {
    const rows: Stored<AggregateRow>[] = [];
    const filter = odata`PartitionKey eq ${encodeKey(campaignId)} and RowKey lt ${'~'}`;
    for (const { value, etag } of await this.table.all(filter)) {
      if (value.kind === 'cell') rows.push({ value: withoutKind(value), etag });
    }
    return rows;
  }

  async cell(key: AggregateKey): Promise<Stored<AggregateRow> | undefined> {
    const found = await this.table.get(encodeKey(key.campaignId), cellKey(key));
    return found?.value.kind === 'cell'
      ? { value: withoutKind(found.value), etag: found.etag }
      : undefined;
  }

  /** Contributions not yet counted (or not yet taken back), oldest partition order. */
  async pending(campaignId: string): Promise<Stored<PendingContribution>[]> {
    const rows: Stored<PendingContribution>[] = [];
    const filter = odata`PartitionKey eq ${encodeKey(campaignId)} and RowKey ge ${PENDING}`;
    for (const { value, etag } of await this.table.all(filter)) {
      if (value.kind === 'pending') rows.push({ value: withoutKind(value), etag });
    }
    return rows;
  }

  /** The person's contributions waiting in any campaign (a scan: "my data" only). */
  async pendingOf(pseudonym: string): Promise<PendingContribution[]> {
    const filter = odata`RowKey ge ${PENDING} and pseudonym eq ${pseudonym}`;
    return (await this.table.all(filter)).flatMap(({ value }) =>
      value.kind === 'pending' ? [withoutKind(value)] : [],
    );
  }

  /**
   * Contributions of kind `change` waiting since before `cutoff` in every campaign (retention):
   * an `add` since its submission, a `remove` since it was queued (rows older than `queuedAt`
   * count from their submission, which is earlier).
   */
  async *pendingBefore(
    change: PendingContribution['change'],
    cutoff: Date,
  ): AsyncGenerator<Stored<PendingContribution>> {
    const filter = odata`RowKey ge ${PENDING} and change eq ${change} and at lt ${cutoff}`;
    for await (const { value, etag } of this.table.query(filter)) {
      if (value.kind === 'pending' && (value.queuedAt ?? value.at) < cutoff) {
        yield { value: withoutKind(value), etag };
      }
    }
  }

  /** A submission (made at `at`) waiting to be counted, if it is still waiting. */
  async pendingAdd(
    campaignId: string,
    orgUnitPath: string[],
    pseudonym: string,
    at: Date,
  ): Promise<Stored<PendingContribution> | undefined> {
    const key = pendingKey({ campaignId, orgUnitPath, pseudonym, change: 'add', at });
    const found = await this.table.get(encodeKey(campaignId), key);
    return found?.value.kind === 'pending'
      ? { value: withoutKind(found.value), etag: found.etag }
      : undefined;
  }

  /** Records a contribution to count or take back; the same submission written twice is one. */
  async enqueue(contribution: PendingContribution): Promise<void> {
    await this.table.upsert(asPending(contribution));
  }

  /** Removes a contribution that is still waiting; false if it was counted (or gone) meanwhile. */
  async dequeue(pending: Stored<PendingContribution>): Promise<boolean> {
    return this.table.delete(mapping.keys(asPending(pending.value)), pending.etag);
  }

  /** The operations of {@link commit}, built here so that callers never see the table's keys. */
  static insertCell(row: AggregateRow): AggregatesOperation {
    return { op: 'insert', value: asCell(row) };
  }

  static updateCell(row: AggregateRow, etag: string): AggregatesOperation {
    return { op: 'update', value: asCell(row), etag };
  }

  static deleteCell(row: AggregateRow): AggregatesOperation {
    return { op: 'delete', value: asCell(row) };
  }

  /** Takes a waiting row away with its counting; fails the transaction if it is gone already. */
  static counted(pending: PendingContribution): AggregatesOperation {
    return { op: 'delete', value: asPending(pending) };
  }

  /** Up to 100 operations on one campaign's rows, all or nothing (`ConcurrencyError`). */
  commit(operations: readonly AggregatesOperation[]): Promise<void> {
    return this.table.transact(operations);
  }

  /** Replaces a campaign's cells with `rows` (rebuild, synthetic demo data); waiting rows stay. */
  async replaceCampaign(campaignId: string, rows: readonly AggregateRow[]): Promise<void> {
    const keep = new Set(rows.map(cellKey));
    for (const { value, etag } of await this.cells(campaignId)) {
      if (!keep.has(cellKey(value))) await this.table.delete(mapping.keys(asCell(value)), etag);
    }
    await this.table.upsertMany(rows.map(asCell));
  }
}

function withoutKind<T extends { kind: string }>({ kind: _kind, ...rest }: T): Omit<T, 'kind'> {
  return rest;
}
