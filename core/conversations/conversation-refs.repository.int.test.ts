import { freshStore } from '../../test/store';
import { personPartition } from '../directory/person';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import type { ConversationRef } from './conversation-ref';
import {
  CONVERSATION_REFS_TABLE,
  ConversationRefsRepository,
} from './conversation-refs.repository';

const objectIds = Array.from(
  { length: 40 },
  (_, i) => `0000${i.toString(16).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`,
);

function personal(objectId: string, updatedAt = new Date('2026-11-01T10:00:00Z')): ConversationRef {
  return {
    scope: 'personal',
    conversationId: `a:${objectId}`,
    userObjectId: objectId,
    reference: JSON.stringify({ conversation: { id: `a:${objectId}` } }),
    updatedAt,
  };
}

describe('ConversationRefsRepository', () => {
  let store: TableStore;
  let drop: () => Promise<void>;
  let refs: ConversationRefsRepository;

  beforeAll(async () => {
    ({ store, drop } = await freshStore());
    refs = new ConversationRefsRepository(store);
    await Promise.all(objectIds.map((id) => refs.save(personal(id))));
    await refs.save({
      scope: 'channel',
      conversationId: '19:general@thread.tacv2',
      teamId: '19:team@thread.tacv2',
      reference: '{}',
      updatedAt: new Date(),
    });
  });
  afterAll(() => drop());

  it('reads one person’s chat whatever the case of the object id', async () => {
    const id = objectIds[3]!;
    expect((await refs.personal(id.toUpperCase()))?.conversationId).toBe(`a:${id}`);
  });

  it('reads a range of people partitions in one query, and only personal chats in it', async () => {
    const range: [string, string] = ['b00', 'b7f'];
    const found = await refs.personalInPartitions(range);
    const expected = objectIds.filter((id) => personPartition(`oid:${id}`) <= 'b7f');
    expect([...found.keys()].sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(objectIds.length);
    const rest = await refs.personalInPartitions(['b80', 'bff']);
    expect(found.size + rest.size).toBe(objectIds.length);
  });

  it('moves chats stored in the earlier layout, keeping a newer one saved since', async () => {
    const table = store.client(CONVERSATION_REFS_TABLE);
    const legacy = (ref: ConversationRef) => ({
      partitionKey: `user_${encodeKey(ref.userObjectId!)}`,
      rowKey: 'personal',
      scope: ref.scope,
      conversationId: ref.conversationId,
      userObjectId: ref.userObjectId,
      reference: ref.reference,
      updatedAt: ref.updatedAt,
    });
    const moved = 'aaaa0000-0000-4000-8000-000000000001';
    const outdated = objectIds[0]!;
    await table.createEntity(legacy(personal(moved)));
    await table.createEntity({
      ...legacy(personal(outdated, new Date('2026-01-01T00:00:00Z'))),
      conversationId: 'a:old',
    });

    expect(await refs.migrateLegacyPersonal()).toBe(2);

    expect((await refs.personal(moved))?.conversationId).toBe(`a:${moved}`);
    expect((await refs.personal(outdated))?.conversationId).toBe(`a:${outdated}`);
    expect(await refs.migrateLegacyPersonal()).toBe(0);
    await refs.deletePersonal(moved);
    expect(await refs.personal(moved)).toBeUndefined();
  });
});
