import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { invertedTimestamp } from '../store/keys';
import type { TableStore } from '../store/table-store';

/**
 * Who did what, when, about whom and why, for privileged changes and the jobs that delete data.
 * One partition (`audit`: tens of entries a day), RowKey `<inverted timestamp>|<random>`: an admin
 * reads it newest first, a page at a time from the last RowKey read, and the retention purge
 * takes one key range (everything older than a date). Entries carry ids and counts, never names
 * or answers; the only free text is an admin's own reason for an override (`note`), which only
 * admins read.
 */
export const AUDIT_TABLE = 'auditlog';

const PARTITION = 'audit';

/** A job of the app itself, as the actor of an entry. */
export const SYSTEM_ACTOR = 'system';
/** The subject of entries about a person who has since been erased. */
export const ERASED_SUBJECT = '(erased)';
/** The cursor of a page: the RowKey of the last entry of the previous one. */
export const AUDIT_CURSOR = /^\d{13}\|[0-9a-f]{8}$/;

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
  /** The person the action was about (object id), or {@link ERASED_SUBJECT}. */
  subject?: string;
  /** The admin's own reason for the action (an override's), for admins' eyes only. */
  note?: string;
  /** Unique within the same millisecond. */
  id: string;
}

/** A page of entries, newest first, and the cursor of the next one. */
export interface AuditPage {
  entries: AuditEntry[];
  next: string | undefined;
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
    subject: entry.subject,
    note: entry.note,
  }),
  fromEntity: (e) => ({
    at: asDate(e.at),
    actor: String(e.actor),
    action: String(e.action),
    reason: String(e.reason),
    counts: AuditCountsSchema.parse(JSON.parse(String(e.counts))),
    ...(typeof e.subject === 'string' ? { subject: e.subject } : {}),
    ...(typeof e.note === 'string' ? { note: e.note } : {}),
    id: String(e.rowKey).split('|')[1] ?? '',
  }),
};

const rowKeyOf = (entry: AuditEntry) => mapping.keys(entry).rowKey;

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

  /** The entries about `subject` (a person's "my data", their erasure). */
  async bySubject(subject: string): Promise<Stored<AuditEntry>[]> {
    return this.table.all(odata`PartitionKey eq ${PARTITION} and subject eq ${subject}`);
  }

  /** Entries newest first, `limit` at a time, from after `cursor` (a page's `next`). */
  async page(limit: number, cursor?: string): Promise<AuditPage> {
    const filter = cursor
      ? odata`PartitionKey eq ${PARTITION} and RowKey gt ${cursor}`
      : odata`PartitionKey eq ${PARTITION}`;
    const entries: AuditEntry[] = [];
    for await (const { value } of this.table.query(filter)) {
      if (entries.length === limit) return { entries, next: rowKeyOf(entries.at(-1)!) };
      entries.push(value);
    }
    return { entries, next: undefined };
  }

  /** Every entry, newest first (the CSV export). */
  async *newestFirst(): AsyncGenerator<AuditEntry> {
    for await (const { value } of this.table.query(odata`PartitionKey eq ${PARTITION}`)) {
      yield value;
    }
  }

  /** An erased person's entries keep what was done and why, no longer whom it was about. */
  async forgetSubject(subject: string): Promise<void> {
    for (const row of await this.bySubject(subject)) {
      // The person's own words about themselves (a decline's reason) go with them; an admin's
      // reason for a change stays, about nobody.
      const { note, ...entry } = row.value;
      const kept = row.value.actor === subject ? {} : note === undefined ? {} : { note };
      await this.table.update({ ...entry, ...kept, subject: ERASED_SUBJECT }, row.etag);
    }
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
