import { z } from 'zod';
import { asDate, EntityTable, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';

/**
 * Where the bot can write proactively. Read one person at a time when a campaign reaches them
 * (PartitionKey `user_<objectId>`, RowKey `personal`) and per team when posting to its channels
 * (PartitionKey `team_<teamId>`, RowKey the conversation id); group chats by conversation id.
 */
export const CONVERSATION_REFS_TABLE = 'conversationrefs';

export const ConversationScopeSchema = z.enum(['personal', 'channel', 'groupChat']);
export type ConversationScope = z.infer<typeof ConversationScopeSchema>;

export interface ConversationRef {
  scope: ConversationScope;
  conversationId: string;
  /** The user's Entra object id, for personal chats. */
  userObjectId?: string;
  teamId?: string;
  /** The Bot Framework conversation reference, serialised as the bot received it. */
  reference: string;
  updatedAt: Date;
}

export function conversationRefKeys(ref: Omit<ConversationRef, 'reference' | 'updatedAt'>): {
  partitionKey: string;
  rowKey: string;
} {
  if (ref.scope === 'personal' && ref.userObjectId) {
    return { partitionKey: `user_${encodeKey(ref.userObjectId)}`, rowKey: 'personal' };
  }
  if (ref.scope === 'channel' && ref.teamId) {
    return { partitionKey: `team_${encodeKey(ref.teamId)}`, rowKey: encodeKey(ref.conversationId) };
  }
  return { partitionKey: `chat_${encodeKey(ref.conversationId)}`, rowKey: 'chat' };
}

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

  async personal(userObjectId: string): Promise<ConversationRef | undefined> {
    const { partitionKey, rowKey } = personalKeys(userObjectId);
    return (await this.table.get(partitionKey, rowKey))?.value;
  }

  async deletePersonal(userObjectId: string): Promise<void> {
    const keys = personalKeys(userObjectId);
    const stored = await this.table.get(keys.partitionKey, keys.rowKey);
    if (stored) await this.table.delete(keys, stored.etag);
  }
}
