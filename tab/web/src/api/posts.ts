import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { useTeams } from '../teams/teams-context';
import { ApiError, json, post, send, type ApiFetch } from './client';
import type {
  BoardQuestion,
  BoardQuestionList,
  BoardSolved,
  CreatedId,
  NewBoardQuestion,
  NewPost,
  PostAttachment,
  PostChannels,
  PostChannelsChoice,
  PostCategory,
  PostConflict,
  PostDetail,
  PostEdit,
  PostList,
  PostPublication,
  PostUseful,
  PostVersions,
} from './types';
import { inLanguage } from './use-api';

/** The list's filters: a search, a category, a tag; `draft` lists drafts instead. */
export interface PostFilter {
  q?: string;
  category?: PostCategory;
  tag?: string;
  state?: 'draft';
}

/** An edit refused because someone changed the post first: `current` is how it is now. */
export class StalePostError extends Error {
  constructor(readonly current: PostDetail) {
    super('stale post');
    this.name = 'StalePostError';
  }
}

const postPath = (id: string) => `/api/v1/posts/${encodeURIComponent(id)}`;
const questionPath = (id: string) => `/api/v1/workspace/questions/${encodeURIComponent(id)}`;

function queryOf(filter: object): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter) as [string, string | undefined][]) {
    if (value) query.set(name, value);
  }
  return query.toString();
}

export function createPostsApi(apiFetch: ApiFetch) {
  return {
    list: (filter: PostFilter) => json<PostList>(apiFetch, `/api/v1/posts?${queryOf(filter)}`),
    post: (id: string) => json<PostDetail>(apiFetch, postPath(id)),
    create: (draft: NewPost) => post<CreatedId>(apiFetch, '/api/v1/posts', draft),
    /** Throws {@link StalePostError} when `etag` is no longer the stored version. */
    update: async (id: string, etag: string, edit: PostEdit): Promise<PostDetail> => {
      try {
        const response = await send(apiFetch, postPath(id), {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'if-match': etag },
          body: JSON.stringify(edit),
        });
        return (await response.json()) as PostDetail;
      } catch (error) {
        const current = error instanceof ApiError && (error.problem as PostConflict).current;
        if (error instanceof ApiError && error.status === 412 && current) {
          throw new StalePostError(current);
        }
        throw error;
      }
    },
    publish: (id: string, publication: PostPublication) =>
      post<PostDetail>(apiFetch, `${postPath(id)}/publish`, publication),
    remove: async (id: string, reason?: string) => {
      await send(apiFetch, postPath(id), {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(reason ? { reason } : {}),
      });
    },
    versions: (id: string) => json<PostVersions>(apiFetch, `${postPath(id)}/versions`),
    mark: (id: string, useful: boolean) =>
      post<PostUseful>(apiFetch, `${postPath(id)}/useful`, {}, useful ? 'PUT' : 'DELETE'),
    attach: async (id: string, file: File): Promise<PostAttachment> => {
      const form = new FormData();
      form.append('file', file, file.name);
      const response = await send(apiFetch, `${postPath(id)}/attachments`, {
        method: 'POST',
        body: form,
      });
      return (await response.json()) as PostAttachment;
    },
    /** An attachment's bytes (a plain link lacks the caller's credentials). */
    file: async (url: string) => (await send(apiFetch, url)).blob(),
    detach: async (id: string, attachmentId: string) => {
      await send(apiFetch, `${postPath(id)}/attachments/${encodeURIComponent(attachmentId)}`, {
        method: 'DELETE',
      });
    },
    channels: () => json<PostChannels>(apiFetch, '/api/v1/posts/channels'),
    chooseChannels: (choice: PostChannelsChoice) =>
      post<PostChannels>(apiFetch, '/api/v1/posts/channels', choice, 'PUT'),
    questions: () => json<BoardQuestionList>(apiFetch, '/api/v1/workspace/questions'),
    question: (id: string) => json<BoardQuestion>(apiFetch, questionPath(id)),
    ask: (question: NewBoardQuestion) =>
      post<CreatedId>(apiFetch, '/api/v1/workspace/questions', question),
    reply: (id: string, text: string) =>
      post<CreatedId>(apiFetch, `${questionPath(id)}/replies`, { text }),
    solve: (id: string, solved: BoardSolved) =>
      post<BoardQuestion>(apiFetch, `${questionPath(id)}/solved`, solved, 'PUT'),
  };
}

export type PostsApi = ReturnType<typeof createPostsApi>;

/** The workspace's part of the tab API, in the language the tab speaks. */
export function usePostsApi(): PostsApi {
  const { apiFetch } = useTeams();
  const { locale } = useI18n();
  return useMemo(() => createPostsApi(inLanguage(apiFetch, locale)), [apiFetch, locale]);
}

export const POST_CATEGORIES: readonly PostCategory[] = ['guide', 'news', 'event', 'material'];
