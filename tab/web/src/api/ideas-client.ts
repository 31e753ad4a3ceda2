import { json, post, send, type ApiFetch } from './client';
import type {
  CreatedId,
  IdeaAmendmentBody,
  IdeaCall,
  IdeaCallBody,
  IdeaCallList,
  IdeaCommentList,
  IdeaDetail,
  IdeaList,
  IdeaPipeline,
  IdeaProposal,
  IdeaSort,
  IdeaStatusBody,
  IdeaStatus,
  IdeaTheme,
  IdeaVote,
  SimilarIdeas,
} from './types';

/** Ideas per page of the list (the API's most). */
export const IDEAS_PAGE = 50;

/** What the list asks for: empty filters are left out. */
export interface IdeaQuery {
  call?: string;
  q?: string;
  area?: string;
  theme?: IdeaTheme;
  status?: IdeaStatus;
  sort?: IdeaSort;
  offset?: number;
}

export interface IdeasApi {
  calls(): Promise<IdeaCallList>;
  createCall(call: IdeaCallBody): Promise<string>;
  changeCall(id: string, call: IdeaCallBody): Promise<IdeaCall>;
  deleteCall(id: string): Promise<void>;
  list(query: IdeaQuery): Promise<IdeaList>;
  /** Into the open call; answers the new idea's id. */
  propose(proposal: IdeaProposal): Promise<string>;
  similar(text: string): Promise<SimilarIdeas>;
  idea(id: string): Promise<IdeaDetail>;
  /** Votes (true) or withdraws the vote (false): the count after. */
  vote(id: string, voted: boolean): Promise<IdeaVote>;
  amend(id: string, amendment: IdeaAmendmentBody): Promise<string>;
  acceptAmendment(id: string, amendmentId: string): Promise<IdeaDetail>;
  rejectAmendment(id: string, amendmentId: string, reason: string): Promise<IdeaDetail>;
  comments(id: string): Promise<IdeaCommentList>;
  comment(id: string, text: string, parent?: string): Promise<string>;
  /** Admins: hides (with the reason its author sees) or restores an idea or one of its comments. */
  moderate(
    target: { idea: string; comment?: string },
    action: { hide: true; reason: string } | { hide: false },
  ): Promise<void>;
  changeStatus(id: string, change: IdeaStatusBody): Promise<IdeaDetail>;
  merge(id: string, into: string): Promise<IdeaDetail>;
  unmerge(id: string): Promise<IdeaDetail>;
  pipeline(call?: string): Promise<IdeaPipeline>;
  csv(call?: string): Promise<string>;
}

const ideaPath = (id: string) => `/api/v1/ideas/${encodeURIComponent(id)}`;
const callPath = (id: string) => `/api/v1/idea-calls/${encodeURIComponent(id)}`;
const withCall = (call?: string) => (call ? `?${new URLSearchParams({ call }).toString()}` : '');

export function createIdeasApi(apiFetch: ApiFetch): IdeasApi {
  return {
    calls: () => json<IdeaCallList>(apiFetch, '/api/v1/idea-calls'),
    createCall: async (call) => (await post<CreatedId>(apiFetch, '/api/v1/idea-calls', call)).id,
    changeCall: (id, call) => post<IdeaCall>(apiFetch, callPath(id), call, 'PUT'),
    deleteCall: async (id) => {
      await send(apiFetch, callPath(id), { method: 'DELETE' });
    },
    list: (query) => {
      const params = new URLSearchParams({ limit: String(IDEAS_PAGE) });
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(name, String(value));
      }
      return json<IdeaList>(apiFetch, `/api/v1/ideas?${params.toString()}`);
    },
    propose: async (proposal) => (await post<CreatedId>(apiFetch, '/api/v1/ideas', proposal)).id,
    similar: (text) =>
      json<SimilarIdeas>(apiFetch, `/api/v1/ideas/similar?${new URLSearchParams({ text })}`),
    idea: (id) => json<IdeaDetail>(apiFetch, ideaPath(id)),
    vote: async (id, voted) => {
      const response = await send(apiFetch, `${ideaPath(id)}/vote`, {
        method: voted ? 'PUT' : 'DELETE',
      });
      return (await response.json()) as IdeaVote;
    },
    amend: async (id, amendment) =>
      (await post<CreatedId>(apiFetch, `${ideaPath(id)}/amendments`, amendment)).id,
    acceptAmendment: (id, amendmentId) =>
      post<IdeaDetail>(
        apiFetch,
        `${ideaPath(id)}/amendments/${encodeURIComponent(amendmentId)}/accept`,
      ),
    rejectAmendment: (id, amendmentId, reason) =>
      post<IdeaDetail>(
        apiFetch,
        `${ideaPath(id)}/amendments/${encodeURIComponent(amendmentId)}/reject`,
        { reason },
      ),
    comments: (id) => json<IdeaCommentList>(apiFetch, `${ideaPath(id)}/comments`),
    comment: async (id, text, parent) =>
      (
        await post<CreatedId>(
          apiFetch,
          `${ideaPath(id)}/comments`,
          parent ? { text, parent } : { text },
        )
      ).id,
    moderate: async ({ idea, comment }, action) => {
      const target = comment
        ? `${ideaPath(idea)}/comments/${encodeURIComponent(comment)}`
        : ideaPath(idea);
      await send(apiFetch, `${target}/${action.hide ? 'hide' : 'restore'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(action.hide ? { reason: action.reason } : {}),
      });
    },
    changeStatus: (id, change) => post<IdeaDetail>(apiFetch, `${ideaPath(id)}/status`, change),
    merge: (id, into) => post<IdeaDetail>(apiFetch, `${ideaPath(id)}/merge`, { into }),
    unmerge: (id) => post<IdeaDetail>(apiFetch, `${ideaPath(id)}/unmerge`),
    pipeline: (call) => json<IdeaPipeline>(apiFetch, `/api/v1/ideas/pipeline${withCall(call)}`),
    csv: async (call) => (await send(apiFetch, `/api/v1/ideas.csv${withCall(call)}`)).text(),
  };
}
