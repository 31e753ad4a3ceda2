import { personPartition } from '../directory/person';
import { personId } from '../directory/person';
import { asDate, EntityTable, odata, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import { ConversationScopeSchema, type ConversationRef } from './conversation-ref';

/**
 * Where the bot can write proactively. Personal chats sit in the people table's hash partitions
 * (PartitionKey `personal_<b00…bff>`, RowKey the user's object id), so a campaign reads a part of
 * the organisation's chats with the same range query as its people; team channels per team
 * (PartitionKey `team_<teamId>`, RowKey the conversation id); group chats by conversation id.
 */
export const CONVERSATION_REFS_TABLE = 'conversationrefs';

function conversationRefKeys(ref: Omit<ConversationRef, 'reference' | 'updatedAt'>): {
  partitionKey: string;
  rowKey: string;
} {
  if (ref.scope === 'personal' && ref.userObjectId) {
    const objectId = ref.userObjectId.toLowerCase();
    return {
      partitionKey: `${PERSONAL}${personPartition(personId({ objectId }))}`,
      rowKey: encodeKey(objectId),
    };
  }
  if (ref.scope === 'channel' && ref.teamId) {
    return { partitionKey: `team_${encodeKey(ref.teamId)}`, rowKey: encodeKey(ref.conversationId) };
  }
  return { partitionKey: `chat_${encodeKey(ref.conversationId)}`, rowKey: 'chat' };
}

const PERSONAL = 'personal_';
/** The layout before personal chats were partitioned like people (`user_<objectId>`/`personal`). */
const LEGACY_PERSONAL = { from: 'user_', to: 'user`' };

const personalKeys = (userObjectId: string) =>
  conversationRefKeys({ scope: 'personal', conversationId: '', userObjectId });

const mapping: EntityMapping<ConversationRef> = {
  keys: conversationRefKeys,
  toEntity: (ref) => ({
    scope: ref.scope,
    conversationId: ref.conversationId,
    userObjectId: ref.userObjectId,
    teamId: ref.teamId,
    reference: ref.reference,
    updatedAt: ref.updatedAt,
  }),
  fromEntity: (entity) => ({
    scope: ConversationScopeSchema.parse(entity.scope),
    conversationId: String(entity.conversationId),
    ...(typeof entity.userObjectId === 'string' ? { userObjectId: entity.userObjectId } : {}),
    ...(typeof entity.teamId === 'string' ? { teamId: entity.teamId } : {}),
    reference: String(entity.reference),
    updatedAt: asDate(entity.updatedAt),
  }),
};

export class ConversationRefsRepository {
  private readonly table: EntityTable<ConversationRef>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(CONVERSATION_REFS_TABLE), mapping);
  }

  /** The newest reference always wins: it is written whole from the activity just received. */
  async save(ref: ConversationRef): Promise<void> {
    await this.table.upsert(ref);
  }

  /** Many references at once (batches per partition), e.g. after installing the app for people. */
  async saveMany(refs: readonly ConversationRef[]): Promise<void> {
    await this.table.upsertMany(refs);
  }

  async personal(userObjectId: string): Promise<ConversationRef | undefined> {
    const { partitionKey, rowKey } = personalKeys(userObjectId);
    return (await this.table.get(partitionKey, rowKey))?.value;
  }

  /**
   * The personal chats of everyone in a range of people partitions ("b00"…"b07"), by lower-case
   * object id: one range query, as {@link PeopleRepository.inBuckets} reads their people.
   */
  async personalInPartitions([first, last]: [string, string]): Promise<
    Map<string, ConversationRef>
  > {
    const refs = new Map<string, ConversationRef>();
    const filter = odata`PartitionKey ge ${PERSONAL + first} and PartitionKey le ${PERSONAL + last}`;
    for (const { value } of await this.table.all(filter)) {
      if (value.userObjectId) refs.set(value.userObjectId.toLowerCase(), value);
    }
    return refs;
  }

  /**
   * Moves personal chats stored in the earlier layout to their people partition; run at start-up
   * (one query when there is nothing to move). Returns how many were moved.
   */
  async migrateLegacyPersonal(): Promise<number> {
    let moved = 0;
    const filter = odata`PartitionKey ge ${LEGACY_PERSONAL.from} and PartitionKey lt ${LEGACY_PERSONAL.to}`;
    for await (const { value, etag } of this.table.query(filter)) {
      const { userObjectId } = value;
      if (!userObjectId) continue;
      const current = await this.personal(userObjectId);
      // A newer reference saved since (the person wrote to the bot) wins over the old one.
      if (!current || current.updatedAt < value.updatedAt) await this.save(value);
      await this.table.delete(
        { partitionKey: `user_${encodeKey(userObjectId)}`, rowKey: 'personal' },
        etag,
      );
      moved++;
    }
    return moved;
  }

  async deletePersonal(userObjectId: string): Promise<void> {
    const keys = personalKeys(userObjectId);
    const stored = await this.table.get(keys.partitionKey, keys.rowKey);
    if (stored) await this.table.delete(keys, stored.etag);
  }
}
