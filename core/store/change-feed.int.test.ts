import { freshStore } from '../../test/store';
import { newPostId, type Post } from '../workspace/post';
import { PostsRepository, type PostRow } from '../workspace/posts.repository';
import { ChangeFeed, OVERLAP_MS, REFRESH_MS } from './change-feed';
import type { TableStore } from './table-store';

let store: TableStore;
let drop: () => Promise<void>;
beforeAll(async () => ({ store, drop } = await freshStore()));
afterAll(() => drop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function post(title: string): Post {
  const at = new Date();
  const author = { objectId: '00000000-0000-4000-8000-000000000001', name: 'Anna' };
  return {
    id: newPostId(at),
    title,
    summary: '',
    body: title,
    category: 'guide',
    tags: [],
    state: 'published',
    author,
    editor: author,
    createdAt: at,
    publishedAt: at,
    updatedAt: at,
    version: 1,
    useful: 0,
    deleted: null,
    attachments: [],
  };
}

describe('a change feed over the store', () => {
  it("follows another writer's rows, and asks a quiet partition for nothing it has read", async () => {
    const repository = new PostsRepository(store);
    const reads: string[][] = [];
    const feed = new ChangeFeed<PostRow>({
      read: async (since) => {
        const rows = await repository.changedSince(since);
        reads.push(rows.map((row) => row.post.title));
        return rows;
      },
      apply: () => undefined,
      now: Date.now,
    });
    const readsDone = async (count: number) => {
      while (reads.length < count) {
        await feed.fresh();
        await sleep(50);
      }
    };
    for (const title of ['uno', 'due', 'tre']) await repository.insert(post(title));
    await feed.fresh();
    expect(reads).toEqual([['uno', 'due', 'tre']]);

    // Quiet: the rows written just before the first read come once more (the overlap), then no
    // more, however long the partition stays quiet.
    await sleep(OVERLAP_MS + REFRESH_MS);
    await readsDone(2);
    await sleep(REFRESH_MS);
    await readsDone(3);
    expect(reads[2]).toEqual([]);

    // Another instance writes: the next refresh brings that row, and only it.
    await repository.insert(post('quattro'));
    await sleep(REFRESH_MS);
    await readsDone(4);
    expect(reads[3]).toEqual(['quattro']);
  }, 20_000);
});
