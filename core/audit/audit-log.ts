import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { invertedTimestamp } from '../store/keys';
import type { TableStore } from '../store/table-store';

/**
 * Who did what, when and why, for privileged changes and the jobs that delete data. One partition
 * (`audit`: tens of entries a day), RowKey `<inverted timestamp>|<random>`: an admin reads it
 * newest first, and the retention purge takes one key range (everything older than a date).
 * Entries carry ids and counts only, never names, answers or free text.
 */
export const AUDIT_TABLE = 'auditlog';

const PARTITION = 'audit';

/** A job of the app itself, as the actor of an entry. */
export const SYSTEM_ACTOR = 'system';

export const AuditCountsSchema = z.record(z.string(), z.number().int().min(0));

export interface AuditEntry {
  at: Date;
  /** The person's object id, or {@link SYSTEM_ACTOR}. */
  actor: string;
  /** What was done, a dotted constant (`retention.purge`). */
  action: string;
  /** Why, as a constant or an id (`retention.schedule`), never free text. */
  reason: string;
  counts: z.infer<typeof AuditCountsSchema>;
  /** Unique within the same millisecond. */
  id: string;
}

const mapping: EntityMapping<AuditEntry> = {
  keys: (entry) => ({
    partitionKey: PARTITION,
    rowKey: `${invertedTimestamp(entry.at)}|${entry.id}`,
  }),
  toEntity: (entry) => ({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    reason: entry.reason,
    counts: JSON.stringify(entry.counts),
  }),
  fromEntity: (e) => ({
    at: asDate(e.at),
    actor: String(e.actor),
    action: String(e.action),
    reason: String(e.reason),
    counts: AuditCountsSchema.parse(JSON.parse(String(e.counts))),
    id: String(e.rowKey).split('|')[1] ?? '',
  }),
};

export class AuditLog {
  private readonly table: EntityTable<AuditEntry>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(AUDIT_TABLE), mapping);
  }

  async record(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.table.insert({ ...entry, id: randomBytes(4).toString('hex') });
  }

  /** The entries whose actor is `actor` (a person's "my data"). */
  async byActor(actor: string): Promise<AuditEntry[]> {
    const filter = odata`PartitionKey eq ${PARTITION} and actor eq ${actor}`;
    return (await this.table.all(filter)).map((row) => row.value);
  }

  /** Entries written before `cutoff`, oldest last. */
  async *before(cutoff: Date): AsyncGenerator<Stored<AuditEntry>> {
    // Older entries have larger inverted timestamps; '~' sorts after every `|<random>` suffix.
    yield* this.table.query(
      odata`PartitionKey eq ${PARTITION} and RowKey gt ${`${invertedTimestamp(cutoff)}|~`}`,
    );
  }

  async delete(entry: Stored<AuditEntry>): Promise<boolean> {
    return this.table.delete(mapping.keys(entry.value), entry.etag);
  }
}
