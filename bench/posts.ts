import { newPostId, POST_CATEGORIES, type Post } from '../core/workspace/post';
import type { Services } from '../server/app';
import { startAzurite } from '../server/azurite';
import { apiAs, freshServices, heapHeldBy, latencies } from './api-bench';
import { Corpus } from './corpus';
import { getRaw } from './http-get';

export const POST_SEARCH_BAR_MS = 50;
const WARM_UP = 30;
/** Posts carry one of a few tags, as a community's categories of material. */
const TAGS =
  'guida modulo tutorial webinar faq evento laboratorio formazione strumenti novità'.split(' ');
const READER = '00000000-0000-4000-8000-0000000000ee';

export interface PostsSize {
  posts: number;
  seedSeconds: number;
  searchP95: number;
  listP95: number;
  /** One read of every post row: what each search would cost without the in-memory index. */
  fullReadMs: number;
  /** Heap held by the posts and their index (MB); null without --expose-gc. */
  viewMb: number | null;
}

/** Published posts of about 300 words of Markdown each, written straight to the store. */
export async function seedPosts(services: Services, count: number): Promise<void> {
  const corpus = new Corpus(count);
  const phrase = (words: number) => corpus.phrase(words);
  const start = Date.now() - 400 * 86_400_000;
  const posts: Post[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 3_600_000);
    const author = {
      objectId: `00000000-0000-4000-8000-${String(i % 300).padStart(12, '0')}`,
      name: `Persona ${i % 300}`,
    };
    posts.push({
      id: newPostId(at),
      title: phrase(6),
      summary: phrase(20),
      body: `# ${phrase(4)}\n\n${phrase(120)}\n\n- ${phrase(10)}\n- ${phrase(10)}\n\n${phrase(150)}`,
      category: POST_CATEGORIES[i % POST_CATEGORIES.length]!,
      tags: [TAGS[i % TAGS.length]!],
      state: 'published',
      author,
      editor: author,
      createdAt: at,
      publishedAt: at,
      updatedAt: at,
      version: 1,
      useful: i % 20,
      deleted: null,
      attachments: [],
    });
  }
  await services.posts.repository.posts.upsertMany(posts.map((post) => ({ post, stamp: '' })));
}

/**
 * `npm run bench:posts`: the workspace's post search over HTTP at 100 and 5,000 posts of prose
 * with real word frequencies ({@link Corpus}): 300 searches cycling through 120 (single words
 * from common to rare, other forms of a word, pairs), a page of 20; and the newest-first list;
 * p95 with 10 concurrent callers; beside it, one read of all the post rows from the store.
 */
export async function benchPosts(): Promise<PostsSize[]> {
  const azurite = await startAzurite();
  const sizes: PostsSize[] = [];
  try {
    for (const count of [100, 5_000]) {
      const { services, drop } = await freshServices(azurite.connectionString);
      const seeded = performance.now();
      await seedPosts(services, count);
      const seedSeconds = (performance.now() - seeded) / 1000;
      console.error(`${count} posts seeded in ${seedSeconds.toFixed(0)} s`);
      const api = await apiAs(services, READER, ['employee']);
      const viewMb = await heapHeldBy(() => getRaw(`${api.origin}/api/v1/posts`));
      const queries = Corpus.queries();
      const measure = async (path: (i: number) => string, warmUp = WARM_UP) => {
        let i = 0;
        const { p95 } = await latencies(
          async () => {
            const url = path(i++);
            const answer = await getRaw(`${api.origin}${url}`);
            if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}`);
          },
          { warmUp },
        );
        return p95;
      };
      // Warmed by the list and by words outside the searched ones; then each of the searches is
      // asked for the first time once in every three requests or so (a repeat is ranked once).
      const warm = new Corpus(0).words.slice(100, 100 + WARM_UP);
      for (const word of warm) await getRaw(`${api.origin}/api/v1/posts?q=${word}`);
      const searchP95 = await measure(
        (i) => `/api/v1/posts?q=${encodeURIComponent(queries[i % queries.length]!)}`,
        0,
      );
      const listP95 = await measure(() => '/api/v1/posts');
      const read = performance.now();
      await services.posts.repository.changedSince();
      const fullReadMs = performance.now() - read;
      sizes.push({ posts: count, seedSeconds, searchP95, listP95, fullReadMs, viewMb });
      api.close();
      await drop();
    }
  } finally {
    await azurite.stop();
  }
  return sizes;
}

export function printPosts(sizes: PostsSize[]): void {
  console.log('\nWorkspace posts: search (page of 20) and newest first; 10 concurrent callers');
  console.table(
    sizes.map((s) => ({
      posts: s.posts,
      'seed (s)': s.seedSeconds.toFixed(1),
      'search p95 (ms)': s.searchP95.toFixed(1),
      'list p95 (ms)': s.listP95.toFixed(1),
      'one read of all rows (ms)': s.fullReadMs.toFixed(0),
      'view heap (MB)': s.viewMb === null ? 'run with --expose-gc' : s.viewMb.toFixed(1),
    })),
  );
  const [small, large] = sizes;
  if (small && large) {
    console.table(
      [
        ['search p95 at 5,000 / 50 ms', large.searchP95 / POST_SEARCH_BAR_MS, 1],
        ['search p95 growth 100 → 5,000', large.searchP95 / small.searchP95, null],
        ['one read of all rows / search p95 at 5,000', large.fullReadMs / large.searchP95, null],
      ].map(([what, ratio, bar]) => ({
        what,
        ratio: (ratio as number).toFixed(2),
        ...(bar === null ? {} : { holds: (ratio as number) <= (bar as number) ? 'yes' : 'NO' }),
      })),
    );
  }
}
