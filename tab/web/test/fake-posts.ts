import type {
  BoardQuestion,
  Me,
  NewBoardQuestion,
  NewPost,
  PostChannels,
  PostDetail,
  PostPublication,
  PostVersion,
} from '../src/api/types';
import { postPerson } from './post-fixtures';
import { json, problem } from './responses';

/** The workspace's part of the fake tab API. */
export interface FakePosts {
  posts: PostDetail[];
  postVersions: Record<string, PostVersion[]>;
  boardQuestions: BoardQuestion[];
  /** Publications as asked, by post id. */
  publications: Record<string, PostPublication>;
  postChannels: PostChannels;
  /** Files the server refuses, by name: the status and the problem's title. */
  refuseFiles: Record<string, [number, string]>;
}

export const emptyPosts = (): FakePosts => ({
  posts: [],
  postVersions: {},
  boardQuestions: [],
  publications: {},
  postChannels: { facilitators: null, organisation: null },
  refuseFiles: {},
});

let etags = 0;
const { stringify } = JSON;
const writes = (me: Me) => me.roles.includes('facilitator') || me.roles.includes('admin');
const summaryOf = ({
  body: _b,
  attachments: _a,
  facilitators: _f,
  department: _d,
  links: _l,
  etag: _e,
  may: _m,
  ...summary
}: PostDetail) => summary;

function listPosts(state: FakePosts, query: URLSearchParams): Response {
  const q = (query.get('q') ?? '').toLowerCase();
  const drafts = query.get('state') === 'draft';
  const posts = state.posts
    .filter((p) => p.state === (drafts ? 'draft' : 'published'))
    .filter((p) => !query.get('category') || p.category === query.get('category'))
    .filter((p) => !query.get('tag') || p.tags.includes(query.get('tag') ?? ''))
    .filter((p) => !q || stringify([p.title, p.summary, p.body]).toLowerCase().includes(q));
  const tags = [...new Set(state.posts.flatMap((p) => p.tags))];
  return json(200, { posts: posts.map(summaryOf), total: posts.length, offset: 0, tags });
}

function writePost(me: Me, post: PostDetail | undefined, input: NewPost): PostDetail {
  const now = new Date().toISOString();
  const base = post ?? {
    id: `post-${++etags}`,
    state: 'draft' as const,
    author: postPerson(me),
    createdAt: now,
    publishedAt: null,
    version: 0,
    useful: 0,
    marked: false,
    attachments: [],
    facilitators: [],
    department: me.department,
    links: { tab: '', teams: null },
    may: { edit: true, publish: true, delete: true, mark: false },
  };
  return {
    ...base,
    summary: '',
    tags: [],
    ...input,
    links: { tab: `/tab/?post=${base.id}`, teams: null },
    version: base.version + 1,
    updatedAt: now,
    etag: `W/"fake-${++etags}"`,
  };
}

function postRoute(
  state: FakePosts,
  me: Me,
  method: string,
  post: PostDetail,
  part: string | undefined,
  init: RequestInit | undefined,
  body: unknown,
): Response {
  const index = state.posts.indexOf(post);
  switch (`${method} ${part ?? ''}`) {
    case 'GET ':
      return json(200, post);
    case 'PUT ': {
      const ifMatch = new Headers(init?.headers).get('if-match');
      if (ifMatch !== post.etag)
        return problem(412, 'Contenuto modificato nel frattempo', {
          code: 'posts.stale',
          current: post,
        });
      state.posts[index] = writePost(me, post, body as NewPost);
      return json(200, state.posts[index]);
    }
    case 'DELETE ':
      state.posts.splice(index, 1);
      return new Response(null, { status: 204 });
    case 'POST publish':
      state.publications[post.id] = body as PostPublication;
      state.posts[index] = { ...post, state: 'published', publishedAt: new Date().toISOString() };
      return json(200, state.posts[index]);
    case 'GET versions':
      return json(200, { versions: state.postVersions[post.id] ?? [] });
    case 'PUT useful':
    case 'DELETE useful': {
      const marked = method === 'PUT';
      const useful = post.useful + (marked === post.marked ? 0 : marked ? 1 : -1);
      state.posts[index] = { ...post, useful, marked };
      return json(200, { useful, marked });
    }
    case 'POST attachments': {
      const file = (init?.body as FormData).get('file') as File;
      const refusal = state.refuseFiles[file.name];
      if (refusal) return problem(refusal[0], refusal[1]);
      const id = `att-${++etags}`;
      const attachment = {
        id,
        name: file.name,
        contentType: file.type,
        bytes: file.size,
        kind: file.type.startsWith('image/') ? ('image' as const) : ('document' as const),
        url: `/api/v1/posts/${post.id}/attachments/${id}`,
      };
      state.posts[index] = { ...post, attachments: [...post.attachments, attachment] };
      return json(201, attachment);
    }
    default:
      return problem(404, 'Not found');
  }
}

function boardRoute(state: FakePosts, me: Me, route: string, body: unknown): Response | null {
  if (route === 'GET /api/v1/workspace/questions') {
    const questions = state.boardQuestions.map(({ text: _t, replyList: _r, may: _m, ...q }) => q);
    return json(200, { questions, total: questions.length, offset: 0 });
  }
  if (route === 'POST /api/v1/workspace/questions') {
    const input = body as NewBoardQuestion;
    const at = new Date().toISOString();
    const id = `q-${++etags}`;
    state.boardQuestions.unshift({
      ...input,
      id,
      author: postPerson(me),
      createdAt: at,
      activeAt: at,
      replies: 0,
      solved: false,
      replyList: [],
      may: { solve: true },
    });
    return json(201, { id });
  }
  const match = /^(\w+) \/api\/v1\/workspace\/questions\/([^/]+)(?:\/(\w+))?$/.exec(route);
  const question = state.boardQuestions.find((q) => q.id === decodeURIComponent(match?.[2] ?? ''));
  if (!match || !question) return null;
  const part = `${match[1]} ${match[3] ?? ''}`;
  if (part === 'POST replies') {
    const id = `r-${++etags}`;
    const at = new Date().toISOString();
    question.replyList.push({
      id,
      author: postPerson(me),
      text: (body as { text: string }).text,
      createdAt: at,
      solution: false,
    });
    question.replies += 1;
    return json(201, { id });
  }
  if (part === 'PUT solved') {
    const { solved, replyId } = body as { solved: boolean; replyId?: string };
    question.solved = solved;
    for (const reply of question.replyList) reply.solution = solved && reply.id === replyId;
  }
  return json(200, question);
}

/** Answers a workspace route (posts, the community board), or null when it is none of them. */
export function postsRoute(
  state: FakePosts & { me: Me },
  route: string,
  query: URLSearchParams,
  init: RequestInit | undefined,
  body: unknown,
): Response | null {
  const { me } = state;
  if (route.includes(' /api/v1/workspace/')) {
    if (!writes(me)) return problem(403, 'Accesso negato');
    return boardRoute(state, me, route, body);
  }
  if (route === 'GET /api/v1/posts') return listPosts(state, query);
  if (route.endsWith(' /api/v1/posts/channels')) {
    if (!me.roles.includes('admin')) return problem(403, 'Accesso negato');
    if (route.startsWith('PUT')) state.postChannels = body as PostChannels;
    return json(200, state.postChannels);
  }
  if (route === 'POST /api/v1/posts') {
    if (!writes(me)) return problem(403, 'Accesso negato');
    const post = writePost(me, undefined, body as NewPost);
    state.posts.unshift(post);
    return json(201, { id: post.id });
  }
  const match = /^(\w+) \/api\/v1\/posts\/([^/]+)(?:\/(\w+)(?:\/([^/]+))?)?$/.exec(route);
  if (!match) return null;
  const [, method = '', id = '', part, attachmentId] = match;
  const post = state.posts.find((p) => p.id === decodeURIComponent(id));
  if (!post) return problem(404, 'Contenuto sconosciuto');
  if (part === 'attachments' && attachmentId) {
    const attachment = post.attachments.find((a) => a.id === attachmentId);
    if (!attachment) return problem(404, 'Allegato sconosciuto');
    if (method === 'DELETE') {
      post.attachments = post.attachments.filter((a) => a !== attachment);
      return new Response(null, { status: 204 });
    }
    return new Response(new Blob(['bytes'], { type: attachment.contentType }), { status: 200 });
  }
  return postRoute(state, me, method, post, part, init, body);
}
