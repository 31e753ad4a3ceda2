import {
  odata,
  TableTransaction,
  type TableClient,
  type TableEntity,
  type TableEntityResult,
} from '@azure/data-tables';
import { setImmediate } from 'node:timers/promises';
import { forEachLimit, YIELD_EVERY } from '../util/concurrency';
import { AlreadyExistsError, ConcurrencyError, statusOf } from './errors';
import { assertValidKey } from './keys';
import { retryOnConflict, type ConcurrencyRetryOptions } from './retry';

export { odata };

export interface EntityKeys {
  partitionKey: string;
  rowKey: string;
}

export type EntityProperties = Record<string, string | number | boolean | Date | undefined>;

/** How one aggregate maps to table rows; keeps PartitionKey/RowKey/etag out of callers. */
export interface EntityMapping<T> {
  keys(value: T): EntityKeys;
  toEntity(value: T): EntityProperties;
  fromEntity(entity: TableEntityResult<Record<string, unknown>>): T;
  /**
   * For rows whose other properties never change once inserted: the properties an update writes,
   * merged into the row (a smaller write, and Azurite merges in place where a replace removes and
   * re-inserts the entity). A value that can be cleared must be written cleared (e.g. ''), since
   * a property left out keeps its old value.
   */
  changes?(value: T): EntityProperties;
}

/** One write of {@link EntityTable.transact}. */
export type TableOperation<T> =
  | { op: 'insert'; value: T }
  | { op: 'update'; value: T; etag: string }
  /** Unconditional (the SDK sends no etag in a transaction); a row already gone fails it. */
  | { op: 'delete'; value: T };

export interface Stored<T> {
  value: T;
  etag: string;
}

/** A DateTime property as read back (the SDK gives a Date; older rows may hold ISO strings). */
export function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') return new Date(value);
  throw new TypeError('not a date');
}

/** Azure Tables allows at most 100 operations, all in one partition, per transaction. */
export const MAX_BATCH = 100;
const WRITE_CONCURRENCY = 8;

/**
 * Typed access to one table. Updates and deletes are always conditional on an etag:
 * the SDK's default (`*`) would silently overwrite a concurrent change.
 */
export class EntityTable<T> {
  constructor(
    private readonly client: TableClient,
    private readonly mapping: EntityMapping<T>,
  ) {}

  async get(partitionKey: string, rowKey: string): Promise<Stored<T> | undefined> {
    try {
      const entity = await this.client.getEntity<Record<string, unknown>>(
        assertValidKey(partitionKey),
        assertValidKey(rowKey),
      );
      return { value: this.mapping.fromEntity(entity), etag: entity.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async insert(value: T): Promise<string> {
    const entity = this.entity(value);
    try {
      const { etag } = await this.client.createEntity(entity);
      return etag ?? '';
    } catch (error) {
      if (statusOf(error) === 409) {
        throw new AlreadyExistsError(this.client.tableName, entity.partitionKey, entity.rowKey);
      }
      throw error;
    }
  }

  /**
   * Replaces the entity (or merges its {@link EntityMapping.changes}) only if it still has `etag`;
   * otherwise throws {@link ConcurrencyError}.
   */
  async update(value: T, etag: string): Promise<string> {
    const entity = this.updated(value);
    try {
      const result = await this.client.updateEntity(entity, this.updateMode, { etag });
      return result.etag ?? '';
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 404) {
        throw new ConcurrencyError(this.client.tableName, entity.partitionKey, entity.rowKey);
      }
      throw error;
    }
  }

  /**
   * Updates up to {@link MAX_BATCH} values of one partition in one transaction, as
   * {@link update} does, each only if it still has its etag; returns the new etags in order. If
   * any changed, nothing is written and {@link ConcurrencyError} is thrown.
   */
  async updateAll(items: readonly Stored<T>[]): Promise<string[]> {
    if (items.length === 0) return [];
    if (items.length > MAX_BATCH) throw new RangeError(`at most ${MAX_BATCH} updates at once`);
    const entities = items.map((item) => this.updated(item.value));
    const partitionKey = entities[0]!.partitionKey;
    if (entities.some((entity) => entity.partitionKey !== partitionKey)) {
      throw new RangeError('updateAll needs one partition');
    }
    if (items.length === 1) return [await this.update(items[0]!.value, items[0]!.etag)];
    const transaction = new TableTransaction();
    entities.forEach((entity, i) =>
      transaction.updateEntity(entity, this.updateMode, { etag: items[i]!.etag }),
    );
    try {
      const response = await this.client.submitTransaction(transaction.actions);
      // Sub-responses come in request order; updates (204, no body) carry no row key to match by.
      return entities.map((_, i) => {
        const etag = response.subResponses[i]?.etag;
        if (!etag) throw new Error('transaction response without an etag');
        return etag;
      });
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 404) {
        throw new ConcurrencyError(this.client.tableName, partitionKey, '(batch)');
      }
      throw error;
    }
  }

  /**
   * Inserts, updates (each only if it still has its etag) and deletes up to {@link MAX_BATCH} rows
   * of one partition, all or nothing: if any row changed, vanished or already exists, nothing is
   * written and {@link ConcurrencyError} is thrown. Read rows again for their new etags (Azurite
   * does not give each row of a transaction its own).
   */
  async transact(operations: readonly TableOperation<T>[]): Promise<void> {
    if (operations.length === 0) return;
    if (operations.length > MAX_BATCH) throw new RangeError(`at most ${MAX_BATCH} operations`);
    const transaction = new TableTransaction();
    const partitions = new Set<string>();
    for (const operation of operations) {
      if (operation.op === 'delete') {
        const { partitionKey, rowKey } = this.mapping.keys(operation.value);
        partitions.add(partitionKey);
        transaction.deleteEntity(assertValidKey(partitionKey), assertValidKey(rowKey));
      } else if (operation.op === 'insert') {
        const entity = this.entity(operation.value);
        partitions.add(entity.partitionKey);
        transaction.createEntity(entity);
      } else {
        const entity = this.updated(operation.value);
        partitions.add(entity.partitionKey);
        transaction.updateEntity(entity, this.updateMode, { etag: operation.etag });
      }
    }
    if (partitions.size !== 1) throw new RangeError('a transaction needs one partition');
    try {
      await this.client.submitTransaction(transaction.actions);
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 404 || status === 409) {
        throw new ConcurrencyError(this.client.tableName, [...partitions][0]!, '(transaction)');
      }
      throw error;
    }
  }

  /** Last writer wins: only for rows that are always written whole from fresh data. */
  async upsert(value: T): Promise<string> {
    const { etag } = await this.client.upsertEntity(this.entity(value), 'Replace');
    return etag ?? '';
  }

  /** Deletes the entity if it still has `etag`; false when it was already gone. */
  async delete(keys: EntityKeys, etag: string): Promise<boolean> {
    try {
      await this.client.deleteEntity(keys.partitionKey, keys.rowKey, { etag });
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return false;
      if (status === 412) {
        throw new ConcurrencyError(this.client.tableName, keys.partitionKey, keys.rowKey);
      }
      throw error;
    }
  }

  /** Streams every match, following continuation tokens past the 1,000-entity page limit. */
  async *query(filter?: string): AsyncGenerator<Stored<T>> {
    const pages = this.client
      .listEntities<Record<string, unknown>>({ queryOptions: filter ? { filter } : {} })
      .byPage({ maxPageSize: 1000 });
    for await (const page of pages) {
      for (const [i, entity] of page.entries()) {
        // A page holds up to 1,000 entities: let timers run while they are mapped.
        if (i > 0 && i % YIELD_EVERY === 0) await setImmediate();
        yield { value: this.mapping.fromEntity(entity), etag: entity.etag };
      }
    }
  }

  /** Every match, in one array: for tables and partitions known to be small. */
  async all(filter?: string): Promise<Stored<T>[]> {
    const rows: Stored<T>[] = [];
    for await (const row of this.query(filter)) rows.push(row);
    return rows;
  }

  /**
   * Read-modify-write of one entity under conflict retry: `change` gets the current value
   * (undefined when there is none) and returns the value to store, or undefined to leave the row
   * as it is (a value with the same keys). A missing row is inserted; when another writer inserts or updates it first, the row
   * is read again and `change` called again, so `change` must be a pure function of its input.
   * Resolves to the value stored (or left) in the end. `read`, the row's read already started
   * (beside a request's other reads), stands for the first try's read; later tries read again.
   */
  async modify(
    keys: EntityKeys,
    change: (current: T | undefined) => T | undefined,
    retry?: ConcurrencyRetryOptions,
    read?: Promise<Stored<T> | undefined>,
  ): Promise<T | undefined> {
    let first = read;
    return retryOnConflict(async () => {
      const stored = await (first ?? this.get(keys.partitionKey, keys.rowKey));
      first = undefined;
      const next = change(stored?.value);
      if (next === undefined) return stored?.value;
      if (!stored) {
        try {
          await this.insert(next);
        } catch (error) {
          if (!(error instanceof AlreadyExistsError)) throw error;
          throw new ConcurrencyError(this.client.tableName, keys.partitionKey, keys.rowKey);
        }
      } else {
        await this.update(next, stored.etag);
      }
      return next;
    }, retry);
  }

  async first(filter?: string): Promise<Stored<T> | undefined> {
    const pages = this.client
      .listEntities<Record<string, unknown>>({ queryOptions: filter ? { filter } : {} })
      .byPage({ maxPageSize: 1 });
    // A page may be empty and still carry a continuation token.
    for await (const page of pages) {
      const [entity] = page;
      if (entity) return { value: this.mapping.fromEntity(entity), etag: entity.etag };
    }
    return undefined;
  }

  /** Upserts many values, grouped by partition into transactions of at most {@link MAX_BATCH}. */
  async upsertMany(values: readonly T[]): Promise<void> {
    await forEachLimit(this.batches(values), WRITE_CONCURRENCY, async (batch) => {
      const chunk = batch();
      if (chunk.length === 1) {
        await this.client.upsertEntity(chunk[0]!, 'Replace');
        return;
      }
      const transaction = new TableTransaction();
      for (const entity of chunk) transaction.upsertEntity(entity, 'Replace');
      await this.client.submitTransaction(transaction.actions);
    });
  }

  /**
   * Inserts the values that do not exist yet and never touches those that do (a batch refused
   * for one existing row is retried row by row). Safe to repeat, and never overwrites a row
   * someone else wrote meanwhile.
   */
  async insertMissing(
    values: readonly T[],
    concurrency: number = WRITE_CONCURRENCY,
  ): Promise<void> {
    const insert = async (entity: TableEntity): Promise<void> => {
      try {
        await this.client.createEntity(entity);
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    };
    await forEachLimit(this.batches(values), concurrency, async (batch) => {
      const chunk = batch();
      if (chunk.length === 1) return insert(chunk[0]!);
      const transaction = new TableTransaction();
      for (const entity of chunk) transaction.createEntity(entity);
      try {
        await this.client.submitTransaction(transaction.actions);
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
        for (const entity of chunk) await insert(entity);
      }
    });
  }

  /**
   * Values grouped by partition into transactions of at most {@link MAX_BATCH}, each made into
   * entities only when its turn comes (thousands at once would hold up the event loop).
   */
  private batches(values: readonly T[]): (() => TableEntity[])[] {
    const byPartition = new Map<string, T[]>();
    for (const value of values) {
      // Every key is checked before anything is written.
      const { partitionKey, rowKey } = this.mapping.keys(value);
      assertValidKey(partitionKey);
      assertValidKey(rowKey);
      const group = byPartition.get(partitionKey) ?? [];
      group.push(value);
      byPartition.set(partitionKey, group);
    }
    const chunks: (() => TableEntity[])[] = [];
    for (const group of byPartition.values()) {
      for (let start = 0; start < group.length; start += MAX_BATCH) {
        const chunk = group.slice(start, start + MAX_BATCH);
        chunks.push(() => chunk.map((value) => this.entity(value)));
      }
    }
    return chunks;
  }

  private get updateMode(): 'Merge' | 'Replace' {
    return this.mapping.changes ? 'Merge' : 'Replace';
  }

  /** What an update writes: the whole entity, or the mapping's changes to merge. */
  private updated(value: T): TableEntity {
    const { mapping } = this;
    return this.withKeys(value, mapping.changes ? mapping.changes(value) : mapping.toEntity(value));
  }

  private entity(value: T): TableEntity {
    return this.withKeys(value, this.mapping.toEntity(value));
  }

  private withKeys(value: T, entity: EntityProperties): TableEntity {
    const { partitionKey, rowKey } = this.mapping.keys(value);
    const properties = Object.fromEntries(
      Object.entries(entity).filter(([, v]) => v !== undefined),
    );
    return {
      ...properties,
      partitionKey: assertValidKey(partitionKey),
      rowKey: assertValidKey(rowKey),
    };
  }
}
