import type { AuditLog } from '../audit/audit-log';
import type { DirectoryService } from '../directory/directory.service';
import type { FacilitatorsRepository } from '../facilitators/facilitators.repository';
import { ConcurrencyError } from '../store/errors';
import { retryOnConflict } from '../store/retry';
import type { Stored } from '../store/entity-table';
import { newPostId, type Post, type PostInput, type PostVersion, type Signer } from './post';
import { PostsView, type PostQuery } from './posts-view';
import { POSTS_PARTITION, type PostsRepository } from './posts.repository';
import { StalePostError, WorkspaceError } from './workspace-errors';

/** Who acts: writers are facilitators and admins; admins may act on anyone's post. */
export interface Actor {
  objectId: string;
  name: string | null;
  admin: boolean;
  writer: boolean;
}

/** Who a chat announcement goes to (the delivery engine's audiences). */
export type PostAudience =
  { kind: 'everyone' } | { kind: 'facilitators' } | { kind: 'departments'; departments: string[] };

/** Where a publication is announced: linked channels (chosen by admins), 1:1 chat to an audience. */
export interface PostAnnouncement {
  channels?: ('facilitators' | 'organisation')[];
  chat?: PostAudience;
}

/** The messages posts send: announcements, and the notice of a deletion to the author. */
export interface PostMessages {
  /** Refuses, before anything is written, an announcement that cannot go (a channel not linked). */
  check(announcement: PostAnnouncement): Promise<void>;
  /** Queues the announcement's cards: stored first, then sent by the poster and the engine. */
  announce(post: Post, announcement: PostAnnouncement, by: string): Promise<void>;
  /** The author is told an admin deleted their post, and why. */
  removed(post: Post, by: string): Promise<void>;
}

export interface PostsDeps {
  repository: PostsRepository;
  roster: Pick<FacilitatorsRepository, 'all'>;
  directory: Pick<DirectoryService, 'find'>;
  audit: Pick<AuditLog, 'record'>;
  messages: PostMessages;
  /** The posts' files: a deleted post's go with it. */
  files: { delete(names: readonly string[]): Promise<void> };
  now?: () => Date;
}

/** The roster is re-read at most this often for "the facilitators of your department". */
const ROSTER_MS = 60_000;

const signer = (actor: Actor): Signer => ({ objectId: actor.objectId, name: actor.name });

/**
 * The facilitators' workspace's posts: drafts written by facilitators and admins, published to
 * everyone, edited with history (each edit conditional on the version read), deleted by their
 * author or by an admin with a reason the author is told; "utile" marks, one per person.
 */
export class PostsService {
  private readonly now: () => Date;
  readonly view: PostsView;
  private roster: { at: number; people: { objectId: string; department: string }[] } | undefined;

  readonly repository: PostsRepository;

  constructor(private readonly deps: PostsDeps) {
    this.repository = deps.repository;
    this.now = deps.now ?? (() => new Date());
    this.view = new PostsView(deps.repository, () => this.now().getTime());
  }

  async create(actor: Actor, input: PostInput): Promise<Stored<Post>> {
    if (!actor.writer) throw new WorkspaceError('writersOnly');
    const now = this.now();
    const post: Post = {
      ...input,
      id: newPostId(now),
      state: 'draft',
      author: signer(actor),
      editor: signer(actor),
      createdAt: now,
      publishedAt: null,
      updatedAt: now,
      version: 1,
      useful: 0,
      deleted: null,
      attachments: [],
    };
    const etag = await this.deps.repository.insert(post);
    this.view.apply(post);
    return { value: post, etag };
  }

  /** A post the actor may read: published, or a draft of their own (admins: every draft). */
  async read(actor: Pick<Actor, 'objectId' | 'admin'>, id: string): Promise<Stored<Post>> {
    const stored = await this.deps.repository.get(id);
    if (!stored || stored.value.deleted || !this.readable(actor, stored.value)) {
      throw new WorkspaceError('notFound');
    }
    return stored;
  }

  readable(actor: Pick<Actor, 'objectId' | 'admin'>, post: Post): boolean {
    return post.state === 'published' || actor.admin || post.author.objectId === actor.objectId;
  }

  /** Whether the actor may edit, publish and delete the post. */
  mayChange(actor: Actor, post: Post): boolean {
    return actor.admin || (actor.writer && post.author.objectId === actor.objectId);
  }

  async list(actor: Pick<Actor, 'objectId' | 'admin'>, query: PostQuery): Promise<Post[]> {
    const drafts = query.drafts && (actor.admin ? {} : { of: actor.objectId });
    return (await this.view.fresh()).list({ ...query, ...(drafts ? { drafts } : {}) });
  }

  async tags(): Promise<string[]> {
    return (await this.view.fresh()).tags();
  }

  /**
   * Replaces the post's content if it is still the version `etag` names (else
   * {@link StalePostError} with the post as it is now); the replaced version is kept first.
   */
  async edit(actor: Actor, id: string, input: PostInput, etag: string): Promise<Stored<Post>> {
    const stored = await this.read(actor, id);
    if (!this.mayChange(actor, stored.value)) throw new WorkspaceError('forbidden');
    if (stored.etag !== etag) throw new StalePostError(stored.value, stored.etag);
    const before = stored.value;
    const version: PostVersion = {
      postId: id,
      version: before.version,
      title: before.title,
      summary: before.summary,
      body: before.body,
      category: before.category,
      tags: before.tags,
      editor: before.editor,
      at: before.updatedAt,
    };
    await this.deps.repository.keepVersion(version);
    const next: Post = {
      ...before,
      ...input,
      editor: signer(actor),
      updatedAt: this.now(),
      version: before.version + 1,
    };
    try {
      const newEtag = await this.deps.repository.update(next, etag);
      this.view.apply(next);
      return { value: next, etag: newEtag };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const current = await this.read(actor, id);
      throw new StalePostError(current.value, current.etag);
    }
  }

  /** A draft becomes published (once); then its announcement, when asked for. */
  async publish(
    actor: Actor,
    id: string,
    announcement: PostAnnouncement = {},
  ): Promise<Stored<Post>> {
    await this.deps.messages.check(announcement);
    const published = await retryOnConflict(async () => {
      const stored = await this.read(actor, id);
      if (!this.mayChange(actor, stored.value)) throw new WorkspaceError('forbidden');
      if (stored.value.state === 'published') throw new WorkspaceError('published');
      const now = this.now();
      const next: Post = { ...stored.value, state: 'published', publishedAt: now };
      return { value: next, etag: await this.deps.repository.update(next, stored.etag) };
    });
    this.view.apply(published.value);
    if (announcement.channels?.length || announcement.chat) {
      await this.deps.messages.announce(published.value, announcement, actor.objectId);
    }
    return published;
  }

  /**
   * Deletes a post: its author their own; an admin anyone's, with a reason when it is someone
   * else's (audited, and told to the author in chat). The row stays as a content-less tombstone.
   */
  async remove(actor: Actor, id: string, reason: string | undefined): Promise<void> {
    const stored = await this.read(actor, id);
    const own = stored.value.author.objectId === actor.objectId;
    if (!own && !actor.admin) throw new WorkspaceError('forbidden');
    if (!own && !reason) throw new WorkspaceError('reasonRequired');
    const removed = await retryOnConflict(async () => {
      const current = await this.read(actor, id);
      const next: Post = {
        ...current.value,
        summary: '',
        body: '',
        tags: [],
        attachments: [],
        deleted: { at: this.now(), reason: own ? null : (reason ?? null) },
      };
      await this.deps.repository.update(next, current.etag);
      return { next, files: current.value.attachments.map((a) => a.blob) };
    });
    this.view.apply(removed.next);
    await this.deps.files.delete(removed.files);
    if (own) return;
    await this.deps.audit.record({
      at: this.now(),
      actor: actor.objectId,
      action: 'workspace.post.delete',
      reason: id,
      counts: {},
      ...(stored.value.author.objectId ? { subject: stored.value.author.objectId } : {}),
      note: reason!,
    });
    await this.deps.messages.removed(removed.next, actor.objectId);
  }

  /** The post's versions, the current one first. */
  async versions(actor: Actor, id: string): Promise<PostVersion[]> {
    const { value: post } = await this.read(actor, id);
    const older = await this.deps.repository.versionsOf(id);
    const current: PostVersion = {
      postId: id,
      version: post.version,
      title: post.title,
      summary: post.summary,
      body: post.body,
      category: post.category,
      tags: post.tags,
      editor: post.editor,
      at: post.updatedAt,
    };
    return [current, ...older.filter((v) => v.version < post.version).reverse()];
  }

  /** "Utile", one per person per published post; a repeat changes nothing. The count after. */
  async mark(actor: Actor, id: string, on: boolean): Promise<{ useful: number; marked: boolean }> {
    const { value: post } = await this.read(actor, id);
    if (on && post.state !== 'published') throw new WorkspaceError('draft');
    if (on)
      await this.deps.repository.addMark({ postId: id, person: actor.objectId, at: this.now() });
    else await this.deps.repository.removeMark(id, actor.objectId);
    return { useful: (await this.recount(id)).useful, marked: on };
  }

  /** The posts the actor marked "utile" (one read, whatever the list's length). */
  async markedBy(actor: Pick<Actor, 'objectId'>): Promise<Set<string>> {
    return new Set((await this.deps.repository.marksBy(actor.objectId)).map((m) => m.postId));
  }

  /**
   * Keeps `useful` equal to the mark rows: read the post (its etag), count, write the count only
   * if the row still has that etag, else again — the last count written began after every mark
   * written before it, with any number of instances.
   */
  private async recount(id: string): Promise<Post> {
    const post = await retryOnConflict(
      async () => {
        const stored = await this.deps.repository.get(id);
        if (!stored) throw new WorkspaceError('notFound');
        const useful = await this.deps.repository.countMarks(id);
        const next = { ...stored.value, useful };
        await this.deps.repository.update(next, stored.etag);
        return next;
      },
      { attempts: 20, baseDelayMs: 3, maxDelayMs: 200 },
    );
    this.view.apply(post);
    return post;
  }

  /** The facilitators of a department (who to ask about a post), by name. */
  async facilitatorsOf(department: string | null): Promise<{ objectId: string; name: string }[]> {
    if (department === null) return [];
    const now = this.now().getTime();
    if (!this.roster || now - this.roster.at > ROSTER_MS) {
      this.roster = { at: now, people: await this.deps.roster.all() };
    }
    const ofDepartment = this.roster.people.filter((f) => f.department === department);
    const people = await Promise.all(
      ofDepartment.map((f) => this.deps.directory.find({ objectId: f.objectId })),
    );
    return people.flatMap((p) =>
      p?.objectId && p.roles.includes('facilitator')
        ? [{ objectId: p.objectId, name: p.displayName }]
        : [],
    );
  }

  // ---- personal data ----

  /**
   * A person's erasure: their marks go (and the counts with them); posts and versions they wrote
   * stay — they are the community's material — signed by a "former employee".
   */
  async erase(objectId: string): Promise<void> {
    const repo = this.deps.repository;
    for (const mark of await repo.marksBy(objectId)) {
      await repo.removeMark(mark.postId, objectId);
      await this.recount(mark.postId).catch((error: unknown) => {
        if (!(error instanceof WorkspaceError)) throw error;
      });
    }
    const former = (s: Signer): Signer =>
      s.objectId === objectId ? { objectId: null, name: null } : s;
    for (const row of await repo.changedSince()) {
      const { post } = row;
      if (post.author.objectId !== objectId && post.editor.objectId !== objectId) continue;
      const changed = await repo.posts.modify(
        { partitionKey: POSTS_PARTITION, rowKey: post.id },
        (current) =>
          current
            ? {
                ...current,
                post: {
                  ...current.post,
                  author: former(current.post.author),
                  editor: former(current.post.editor),
                },
              }
            : undefined,
      );
      if (changed) this.view.apply(changed.post);
    }
    for (const version of await repo.versionsBy(objectId)) {
      await repo.versions.upsert({ ...version, editor: former(version.editor) });
    }
  }

  /** What a person's "my data" shows of the workspace. */
  async export(objectId: string) {
    const repo = this.deps.repository;
    const [rows, marks] = await Promise.all([repo.changedSince(), repo.marksBy(objectId)]);
    return {
      posts: rows
        .map((r) => r.post)
        .filter((p) => p.author.objectId === objectId && !p.deleted)
        .map((p) => ({ id: p.id, title: p.title, state: p.state, createdAt: p.createdAt })),
      postMarks: marks.map((m) => ({ postId: m.postId, at: m.at })),
    };
  }
}
