import { ChangeFeed } from '../store/change-feed';
import { TextIndex } from '../search/text-index';
import { plainText, type Post, type PostCategory } from './post';
import type { PostRow, PostsRepository } from './posts.repository';

export interface PostQuery {
  q?: string;
  category?: PostCategory;
  tag?: string;
  /** Drafts instead of published posts; `draftsOf` the author whose (undefined: everyone's). */
  drafts?: { of?: string };
}

const newest = (a: Post, b: Post) =>
  (b.publishedAt ?? b.createdAt).getTime() - (a.publishedAt ?? a.createdAt).getTime() ||
  b.id.localeCompare(a.id);

/**
 * Every post in this instance's memory, with its full-text index (title, summary, the body as
 * plain text, tags): what lists and search read, so a search costs no store request. Kept
 * current by this instance's own writes at once and by a {@link ChangeFeed} for other instances'
 * writes. A deleted post is a tombstone row, so every instance drops it too.
 */
export class PostsView {
  readonly posts = new Map<string, Post>();
  readonly index = new TextIndex({
    fields: ['title', 'summary', 'text', 'tags'] as const,
    boost: { title: 3, tags: 2, summary: 1.5 },
  });
  private readonly feed: ChangeFeed<PostRow>;
  private ordered: Post[] | undefined;
  private tagList: string[] | undefined;

  constructor(repository: PostsRepository, now: () => number) {
    this.feed = new ChangeFeed({
      read: (since) => repository.changedSince(since),
      apply: (row) => this.apply(row.post),
      now,
    });
  }

  /** The view, after its first load (later changes are read behind the requests). */
  async fresh(): Promise<this> {
    await this.feed.fresh();
    return this;
  }

  /** A post as written (by this instance) or read; an older version than the one held is ignored. */
  apply(post: Post): void {
    const known = this.posts.get(post.id);
    if (known && (known.version > post.version || sameRow(known, post))) return;
    if (post.deleted) {
      this.posts.delete(post.id);
      this.index.remove(post.id);
      this.ordered = undefined;
      this.tagList = undefined;
      return;
    }
    this.posts.set(post.id, post);
    if (!known || known.version !== post.version || known.title !== post.title) {
      this.index.upsert(post.id, {
        title: post.title,
        summary: post.summary,
        text: plainText(post.body),
        tags: post.tags.join(' '),
      });
    }
    this.ordered = undefined;
    this.tagList = undefined;
  }

  /** The posts a list shows, in order: newest first, or best matches first with `q`. */
  list(query: PostQuery): Post[] {
    const keep = (post: Post) =>
      (query.drafts
        ? post.state === 'draft' &&
          (query.drafts.of === undefined || post.author.objectId === query.drafts.of)
        : post.state === 'published') &&
      (query.category === undefined || post.category === query.category) &&
      (query.tag === undefined || post.tags.includes(query.tag));
    if (query.q?.trim()) {
      return this.index
        .search(query.q, (id) => {
          const post = this.posts.get(id);
          return post !== undefined && keep(post);
        })
        .map((hit) => this.posts.get(hit.id)!);
    }
    this.ordered ??= [...this.posts.values()].sort(newest);
    return this.ordered.filter(keep);
  }

  /** Tags in use on published posts, most used first (counted once per change). */
  tags(): string[] {
    this.tagList ??= this.countTags();
    return this.tagList;
  }

  private countTags(): string[] {
    const counts = new Map<string, number>();
    for (const post of this.posts.values()) {
      if (post.state !== 'published') continue;
      for (const tag of post.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
  }
}

function sameRow(a: Post, b: Post): boolean {
  return (
    a.version === b.version &&
    a.state === b.state &&
    a.useful === b.useful &&
    (a.deleted === null) === (b.deleted === null) &&
    a.author.objectId === b.author.objectId &&
    a.author.name === b.author.name
  );
}
