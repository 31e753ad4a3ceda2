import { createHmac } from 'node:crypto';
import { asDate, EntityTable, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';

/**
 * The only link between a person and their answers: PartitionKey `oid_<objectId>`, RowKey `link`,
 * read when a person acts and deleted on erasure. Answers and results are keyed by the pseudonym.
 */
export const IDENTITY_LINKS_TABLE = 'identitylinks';

interface IdentityLink {
  objectId: string;
  pseudonym: string;
  createdAt: Date;
}

const mapping: EntityMapping<IdentityLink> = {
  keys: (link) => ({ partitionKey: `oid_${encodeKey(link.objectId)}`, rowKey: 'link' }),
  toEntity: (link) => ({
    objectId: link.objectId,
    pseudonym: link.pseudonym,
    createdAt: link.createdAt,
  }),
  fromEntity: (e) => ({
    objectId: String(e.objectId),
    pseudonym: String(e.pseudonym),
    createdAt: asDate(e.createdAt),
  }),
};

/** Pseudonyms are an HMAC of the Entra object id: stable, and meaningless without the secret. */
export class Pseudonyms {
  private readonly links: EntityTable<IdentityLink>;

  constructor(
    store: TableStore,
    private readonly secret: string,
  ) {
    this.links = new EntityTable(store.client(IDENTITY_LINKS_TABLE), mapping);
  }

  pseudonymOf(objectId: string): string {
    return createHmac('sha256', this.secret)
      .update(objectId.toLowerCase())
      .digest('base64url')
      .slice(0, 32);
  }

  /** The person's pseudonym, recording the link the first time. */
  async link(objectId: string): Promise<string> {
    return (await this.find(objectId)) ?? this.record(objectId);
  }

  /**
   * Records the link with the pseudonym computed now, for a person {@link find} found none for
   * (a write beside the caller's other writes, where {@link link} would read first).
   */
  async record(objectId: string): Promise<string> {
    const id = objectId.toLowerCase();
    const pseudonym = this.pseudonymOf(id);
    await this.links.upsert({ objectId: id, pseudonym, createdAt: new Date() });
    return pseudonym;
  }

  /** The pseudonym if the person has ever been linked; nothing is written. */
  async find(objectId: string): Promise<string | undefined> {
    return (await this.links.get(`oid_${encodeKey(objectId.toLowerCase())}`, 'link'))?.value
      .pseudonym;
  }

  async forget(objectId: string): Promise<void> {
    const id = objectId.toLowerCase();
    const existing = await this.links.get(`oid_${encodeKey(id)}`, 'link');
    if (existing)
      await this.links.delete(
        { partitionKey: `oid_${encodeKey(id)}`, rowKey: 'link' },
        existing.etag,
      );
  }
}
