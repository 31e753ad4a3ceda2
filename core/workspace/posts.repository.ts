import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { AlreadyExistsError } from '../store/errors';
import type { TableStore } from '../store/table-store';
import {
  POST_CATEGORIES,
  type Attachment,
  type Post,
  type PostCategory,
  type PostVersion,
  type Signer,
} from './post';

/**
 * The workspace's posts, three tables:
 * - `posts`: PartitionKey {@link POSTS_PARTITION} (thousands of rows: every instance keeps them
 *   all in memory with their search index and re-reads only the rows whose Timestamp moved),
 *   RowKey the post id. The row carries the `useful` count, so a list never counts marks.
 * - `postversions`: PartitionKey the post, RowKey the version (zero-padded): the content an edit
 *   replaced, with who wrote it and when (the history screen reads one partition).
 * - `postmarks`: PartitionKey the post, RowKey the person: one "utile" per person per post, the
 *   truth of the count; and the same mark under PartitionKey `by_<person>`, RowKey the post: what
 *   a list reads (one partition) to say which posts the reader marked. A mark writes the post's
 *   row first and the person's after; a withdrawal deletes them in the other order. A repeated mark is a refused insert, a repeated withdrawal a missing row.
 */
export const POSTS_TABLE = 'posts';
export const POST_VERSIONS_TABLE = 'postversions';
export const POST_MARKS_TABLE = 'postmarks';

export const POSTS_PARTITION = 'post';

/** A text property, '' when absent. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A post as read, with the store's change stamp (the row's Timestamp). */
export interface PostRow {
  post: Post;
  stamp: string;
}

export interface Mark {
  postId: string;
  person: string;
  at: Date;
}

const signer = (value: unknown): Signer => {
  const parsed = JSON.parse(String(value)) as Signer;
  return { objectId: parsed.objectId ?? null, name: parsed.name ?? null };
};
const category = (value: unknown): PostCategory =>
  POST_CATEGORIES.find((c) => c === value) ?? 'news';
const optDate = (value: unknown): Date | null =>
  value === undefined || value === null || value === '' ? null : asDate(value);

const postMapping: EntityMapping<PostRow> = {
  keys: ({ post }) => ({ partitionKey: POSTS_PARTITION, rowKey: post.id }),
  toEntity: ({ post }) => ({
    title: post.title,
    summary: post.summary,
    body: post.body,
    category: post.category,
    tags: JSON.stringify(post.tags),
    state: post.state,
    author: JSON.stringify(post.author),
    editor: JSON.stringify(post.editor),
    createdAt: post.createdAt,
    publishedAt: post.publishedAt ?? '',
    updatedAt: post.updatedAt,
    version: post.version,
    useful: post.useful,
    deletedAt: post.deleted?.at ?? '',
    deletedReason: post.deleted?.reason ?? '',
    attachments: JSON.stringify(post.attachments),
  }),
  fromEntity: (e) => ({
    post: {
      id: String(e.rowKey),
      title: String(e.title),
      summary: text(e.summary),
      body: String(e.body),
      category: category(e.category),
      tags: JSON.parse(text(e.tags) || '[]') as string[],
      state: e.state === 'published' ? 'published' : 'draft',
      author: signer(e.author),
      editor: signer(e.editor),
      createdAt: asDate(e.createdAt),
      publishedAt: optDate(e.publishedAt),
      updatedAt: asDate(e.updatedAt),
      version: Number(e.version),
      useful: Number(e.useful ?? 0),
      deleted: optDate(e.deletedAt)
        ? { at: asDate(e.deletedAt), reason: text(e.deletedReason) || null }
        : null,
      attachments: JSON.parse(text(e.attachments) || '[]') as Attachment[],
    },
    stamp: String(e.timestamp ?? ''),
  }),
};

const versionKey = (version: number) => String(version).padStart(6, '0');

const versionMapping: EntityMapping<PostVersion> = {
  keys: (v) => ({ partitionKey: v.postId, rowKey: versionKey(v.version) }),
  toEntity: (v) => ({
    title: v.title,
    summary: v.summary,
    body: v.body,
    category: v.category,
    tags: JSON.stringify(v.tags),
    editor: JSON.stringify(v.editor),
    at: v.at,
  }),
  fromEntity: (e) => ({
    postId: String(e.partitionKey),
    version: Number(e.rowKey),
    title: String(e.title),
    summary: text(e.summary),
    body: String(e.body),
    category: category(e.category),
    tags: JSON.parse(text(e.tags) || '[]') as string[],
    editor: signer(e.editor),
    at: asDate(e.at),
  }),
};

const BY_PERSON = 'by_';

/** A mark as the post's row (`byPerson` false) or as the person's (true). */
type MarkRow = Mark & { byPerson: boolean };

const markMapping: EntityMapping<MarkRow> = {
  keys: (mark) =>
    mark.byPerson
      ? { partitionKey: `${BY_PERSON}${mark.person}`, rowKey: mark.postId }
      : { partitionKey: mark.postId, rowKey: mark.person },
  toEntity: (mark) => ({ at: mark.at }),
  fromEntity: (e) => {
    const partitionKey = String(e.partitionKey);
    const byPerson = partitionKey.startsWith(BY_PERSON);
    return {
      postId: byPerson ? String(e.rowKey) : partitionKey,
      person: byPerson ? partitionKey.slice(BY_PERSON.length) : String(e.rowKey),
      at: asDate(e.at),
      byPerson,
    };
  },
};

export class PostsRepository {
  readonly posts: EntityTable<PostRow>;
  readonly versions: EntityTable<PostVersion>;
  readonly marks: EntityTable<MarkRow>;

  constructor(store: TableStore) {
    this.posts = new EntityTable(store.client(POSTS_TABLE), postMapping);
    this.versions = new EntityTable(store.client(POST_VERSIONS_TABLE), versionMapping);
    this.marks = new EntityTable(store.client(POST_MARKS_TABLE), markMapping);
  }

  async get(id: string): Promise<Stored<Post> | undefined> {
    const row = await this.posts.get(POSTS_PARTITION, id);
    return row && { value: row.value.post, etag: row.etag };
  }

  /** Posts changed at or after `since` (the store's Timestamp); all of them without. */
  async changedSince(since?: Date): Promise<PostRow[]> {
    const filter = since
      ? odata`PartitionKey eq ${POSTS_PARTITION} and Timestamp ge ${since}`
      : odata`PartitionKey eq ${POSTS_PARTITION}`;
    return (await this.posts.all(filter)).map((r) => r.value);
  }

  /** Inserts a new post; its etag. */
  insert(post: Post): Promise<string> {
    return this.posts.insert({ post, stamp: '' });
  }

  /** Replaces the post only if it still has `etag` (else ConcurrencyError); the new etag. */
  update(post: Post, etag: string): Promise<string> {
    return this.posts.update({ post, stamp: '' }, etag);
  }

  /** Keeps a version an edit replaces; a retried edit finds it kept already (same content). */
  async keepVersion(version: PostVersion): Promise<void> {
    try {
      await this.versions.insert(version);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }

  async versionsOf(postId: string): Promise<PostVersion[]> {
    return (await this.versions.all(odata`PartitionKey eq ${postId}`)).map((r) => r.value);
  }

  /** Inserts the mark; false when the person had marked the post already. */
  async addMark(mark: Mark): Promise<boolean> {
    let added = true;
    try {
      await this.marks.insert({ ...mark, byPerson: false });
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      added = false;
    }
    await this.marks.upsert({ ...mark, byPerson: true });
    return added;
  }

  async removeMark(postId: string, person: string): Promise<void> {
    for (const byPerson of [false, true]) {
      const keys = markMapping.keys({ postId, person, at: new Date(0), byPerson });
      const row = await this.marks.get(keys.partitionKey, keys.rowKey);
      if (row) await this.marks.delete(keys, row.etag);
    }
  }

  async countMarks(postId: string): Promise<number> {
    return (await this.marks.all(odata`PartitionKey eq ${postId}`)).length;
  }

  /** The posts one person marked: one partition. */
  async marksBy(person: string): Promise<Mark[]> {
    const rows = await this.marks.all(odata`PartitionKey eq ${`${BY_PERSON}${person}`}`);
    return rows.map(({ value: { byPerson: _, ...mark } }) => mark);
  }

  /** Every version one person wrote (erasure, export): a scan of the versions table, rare. */
  async versionsBy(objectId: string): Promise<PostVersion[]> {
    const rows = await this.versions.all();
    return rows.map((r) => r.value).filter((v) => v.editor.objectId === objectId);
  }
}
