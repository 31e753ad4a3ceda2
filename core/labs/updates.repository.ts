import { asDate, EntityTable, odata, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import type { LabVersions } from './lab-versions';
import type { LabUpdate, PostFailure, PostState } from './update';

/**
 * A lab's timeline (PartitionKey the lab id, RowKey the update id, which sorts newest first): one
 * partition query lists it, a point read finds one. Each row carries its channel post's state.
 */
export const LAB_UPDATES_TABLE = 'labupdates';

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function postFrom(e: Record<string, unknown>): PostState {
  switch (e.postState) {
    case 'posted':
      return {
        state: 'posted',
        at: asDate(e.postedAt),
        conversationId: typeof e.postConversationId === 'string' ? e.postConversationId : '',
      };
    case 'failed':
      return {
        state: 'failed',
        at: asDate(e.postedAt),
        reason: String(e.postReason) as PostFailure,
      };
    case 'notLinked':
      return { state: 'notLinked' };
    default:
      return { state: 'pending' };
  }
}

const mapping: EntityMapping<LabUpdate> = {
  keys: (u) => ({ partitionKey: encodeKey(u.labId), rowKey: encodeKey(u.id) }),
  toEntity: (u) => ({
    title: u.title,
    text: u.text,
    progress: u.progress,
    nextSteps: u.nextSteps,
    mentions: JSON.stringify(u.mentions),
    author: u.author,
    at: u.at,
    postState: u.post.state,
    postedAt: u.post.state === 'posted' || u.post.state === 'failed' ? u.post.at : undefined,
    postReason: u.post.state === 'failed' ? u.post.reason : undefined,
    postConversationId: u.post.state === 'posted' ? u.post.conversationId : undefined,
  }),
  fromEntity: (e) => {
    const nextSteps = optionalString(e.nextSteps);
    return {
      labId: decodeURIComponent(String(e.partitionKey)),
      id: decodeURIComponent(String(e.rowKey)),
      title: String(e.title),
      text: String(e.text),
      ...(typeof e.progress === 'number' ? { progress: e.progress } : {}),
      ...(nextSteps ? { nextSteps } : {}),
      mentions: JSON.parse(typeof e.mentions === 'string' ? e.mentions : '[]') as string[],
      author: String(e.author),
      at: asDate(e.at),
      post: postFrom(e),
    };
  },
};

export class UpdatesRepository {
  private readonly table: EntityTable<LabUpdate>;

  /** Every write bumps the lab's version (after it), so cached views of the lab are rebuilt. */
  constructor(
    store: TableStore,
    private readonly versions: LabVersions,
  ) {
    this.table = new EntityTable(store.client(LAB_UPDATES_TABLE), mapping);
  }

  async insert(update: LabUpdate): Promise<void> {
    await this.table.insert(update);
    await this.versions.bump(update.labId);
  }

  async get(labId: string, id: string): Promise<LabUpdate | undefined> {
    return (await this.table.get(encodeKey(labId), encodeKey(id)))?.value;
  }

  /** Newest first. */
  async ofLab(labId: string): Promise<LabUpdate[]> {
    return (await this.table.all(odata`PartitionKey eq ${encodeKey(labId)}`)).map((r) => r.value);
  }

  async setPost(labId: string, id: string, post: PostState): Promise<LabUpdate | undefined> {
    const changed = await this.table.modify(
      { partitionKey: encodeKey(labId), rowKey: encodeKey(id) },
      (u) => (u ? { ...u, post } : undefined),
    );
    if (changed) await this.versions.bump(labId);
    return changed;
  }

  /** Erasure: their updates name a former member, and they leave every update's mentions. */
  async erase(objectId: string, former: string): Promise<number> {
    let changed = 0;
    for await (const { value, etag } of this.table.query()) {
      if (value.author !== objectId && !value.mentions.includes(objectId)) continue;
      const author = value.author === objectId ? former : value.author;
      const mentions = value.mentions.filter((m) => m !== objectId);
      await this.table.update({ ...value, author, mentions }, etag);
      await this.versions.bump(value.labId);
      changed++;
    }
    return changed;
  }

  /** Updates the person wrote ("my data"). */
  async byAuthor(objectId: string): Promise<LabUpdate[]> {
    return (await this.table.all(odata`author eq ${objectId}`)).map((r) => r.value);
  }
}
