import type {
  IdeaAmendmentBody,
  IdeaCallList,
  IdeaComment,
  IdeaDetail,
  IdeaProposal,
  IdeaStatusBody,
  IdeaSummary,
  Me,
} from '../src/api/types';
import { json, problem } from './responses';

/** The Call4Ideas part of the fake tab API. */
export interface FakeIdeas {
  ideaCalls: IdeaCallList;
  /** Every idea as the caller sees it (`voted`, `may` included). */
  ideas: IdeaDetail[];
  ideaComments: Record<string, IdeaComment[]>;
  /** When set, the next decision on an amendment answers 409 (someone else decided first). */
  amendmentDecidedElsewhere: boolean;
  /** When set, a vote answers this count instead of the fake's own (others voted meanwhile). */
  othersVoting: number;
}

export const emptyIdeas = (): FakeIdeas => ({
  ideaCalls: { calls: [], current: null, areas: [], themes: [] },
  ideas: [],
  ideaComments: {},
  amendmentDecidedElsewhere: false,
  othersVoting: 0,
});

const LIMITS: Record<string, [number, number]> = {
  title: [5, 150],
  procedure: [2, 200],
  office: [2, 200],
  problem: [10, 4000],
  proposal: [10, 4000],
  benefits: [10, 4000],
};

const summaryOf = (idea: IdeaDetail): IdeaSummary => {
  const { id, callId, title, procedure, office, area, theme, status, votes, comments } = idea;
  const { openAmendments, authors, createdAt, mergedInto, hidden, labId } = idea;
  return {
    ...{ id, callId, title, procedure, office, area, theme, status, votes, comments },
    ...{ openAmendments, authors, createdAt, mergedInto, hidden, labId },
  };
};

const words = (text: string): string[] => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

function list(state: FakeIdeas, me: Me, query: URLSearchParams) {
  const admin = me.roles.includes('admin');
  const q = words(query.get('q') ?? '');
  let ideas = state.ideas.filter(
    (i) =>
      i.mergedInto === null &&
      (admin || !i.hidden) &&
      ['area', 'theme', 'status'].every((f) => !query.get(f) || query.get(f) === i[f as 'area']) &&
      q.every((w) => words(`${i.title} ${i.problem}`).some((x) => x.startsWith(w.slice(0, 5)))),
  );
  const sort = query.get('sort') ?? 'votes';
  const by: Record<string, (a: IdeaDetail, b: IdeaDetail) => number> = {
    votes: (a, b) => b.votes - a.votes,
    newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
    discussed: (a, b) => b.comments - a.comments,
  };
  ideas = [...ideas].sort(by[sort]);
  const offset = Number(query.get('offset') ?? 0);
  const limit = Number(query.get('limit') ?? 50);
  return json(200, {
    ideas: ideas.slice(offset, offset + limit).map(summaryOf),
    total: ideas.length,
    offset,
  });
}

function propose(state: FakeIdeas, me: Me, body: IdeaProposal) {
  const errors = Object.entries(LIMITS)
    .filter(([field, [min, max]]) => {
      const value = (body[field as keyof IdeaProposal] as string | undefined)?.trim() ?? '';
      return value.length < min || value.length > max;
    })
    .map(([field]) => ({ path: field, message: 'Too small or too big' }));
  if (errors.length > 0) return problem(400, 'La richiesta non è valida.', { errors });
  if (!state.ideaCalls.current) return problem(409, 'Nessuna call aperta.');
  const id = `i${state.ideas.length + 1}`;
  const author = { objectId: me.objectId, displayName: me.displayName ?? '', former: false };
  state.ideas.push({
    ...body,
    id,
    callId: state.ideaCalls.current,
    area: body.area ?? me.department ?? '',
    theme: body.theme ?? 'other',
    beneficiaries: body.beneficiaries ?? [],
    links: body.links ?? [],
    status: 'submitted',
    votes: 0,
    comments: 0,
    openAmendments: 0,
    authors: [author],
    createdAt: new Date().toISOString(),
    mergedInto: null,
    hidden: false,
    labId: null,
    statusReason: null,
    hiddenReason: null,
    mergedFrom: [],
    voted: false,
    callOpen: true,
    amendments: [],
    history: [],
    may: { vote: true, amend: false, decideAmendments: true, administer: false },
  });
  return json(201, { id });
}

function similar(state: FakeIdeas, text: string) {
  const asked = words(text);
  const ideas = state.ideas
    .map((i) => ({ i, score: words(`${i.title} ${i.problem}`).filter((w) => asked.includes(w)) }))
    .filter(({ score }) => score.length > 0)
    .sort((a, b) => b.score.length - a.score.length)
    .slice(0, 5)
    .map(({ i, score }) => ({ ...summaryOf(i), score: score.length }));
  return json(200, { ideas });
}

const history = (idea: IdeaDetail, entry: Partial<IdeaDetail['history'][number]>) =>
  idea.history.push({
    at: new Date().toISOString(),
    kind: 'status',
    actor: null,
    status: null,
    reason: null,
    field: null,
    before: null,
    after: null,
    other: null,
    labId: null,
    ...entry,
  });

function ideaAction(
  state: FakeIdeas,
  me: Me,
  idea: IdeaDetail,
  action: string,
  body: unknown,
): Response | null {
  const admin = me.roles.includes('admin');
  const [verb, sub, decision] = action.split('/');
  if (verb === 'vote') {
    const voted = body === 'PUT';
    if (voted && !idea.callOpen) return problem(409, 'Le votazioni sono chiuse.');
    if (voted !== idea.voted) idea.votes += voted ? 1 : -1;
    idea.voted = voted;
    idea.votes += state.othersVoting;
    return json(200, { votes: idea.votes, voted });
  }
  if (verb === 'amendments' && !sub) {
    const amendment = body as IdeaAmendmentBody;
    const field = amendment.proposal !== undefined ? 'proposal' : 'problem';
    const id = `a${idea.amendments.length + 1}`;
    idea.amendments.push({
      id,
      author: { objectId: me.objectId, displayName: me.displayName ?? '', former: false },
      field,
      text: amendment[field] ?? '',
      before: idea[field],
      status: 'open',
      reason: null,
      createdAt: new Date().toISOString(),
      decidedAt: null,
    });
    idea.openAmendments += 1;
    return json(201, { id });
  }
  if (verb === 'amendments') {
    const amendment = idea.amendments.find((a) => a.id === sub);
    if (!amendment) return problem(404, 'Proposta di modifica sconosciuta.');
    if (!idea.may.decideAmendments) return problem(403, 'Accesso negato');
    if (state.amendmentDecidedElsewhere || amendment.status !== 'open') {
      amendment.status = 'rejected';
      return problem(409, 'La proposta di modifica è già stata decisa.');
    }
    amendment.status = decision === 'accept' ? 'accepted' : 'rejected';
    amendment.decidedAt = new Date().toISOString();
    idea.openAmendments -= 1;
    if (decision === 'accept') {
      history(idea, {
        kind: 'amendmentAccepted',
        actor: { objectId: me.objectId, displayName: me.displayName ?? '', former: false },
        field: amendment.field,
        before: idea[amendment.field],
        after: amendment.text,
      });
      idea[amendment.field] = amendment.text;
      idea.authors.push(amendment.author);
    } else {
      amendment.reason = (body as { reason: string }).reason;
      history(idea, { kind: 'amendmentRejected', reason: amendment.reason });
    }
    return json(200, idea);
  }
  if (verb === 'comments' && !sub) {
    const { text, parent } = body as { text: string; parent?: string };
    const list = (state.ideaComments[idea.id] ??= []);
    const comment: IdeaComment = {
      id: `c${idea.comments + 1}`,
      author: { objectId: me.objectId, displayName: me.displayName ?? '', former: false },
      text,
      createdAt: new Date().toISOString(),
      hidden: false,
      hiddenReason: null,
      replies: [],
    };
    if (parent) list.find((c) => c.id === parent)?.replies.push(comment);
    else list.push(comment);
    idea.comments += 1;
    return json(201, { id: comment.id });
  }
  if (!admin) return problem(403, 'Accesso negato');
  if (verb === 'comments') {
    const all = (state.ideaComments[idea.id] ?? []).flatMap((c) => [c, ...c.replies]);
    const comment = all.find((c) => c.id === sub);
    if (!comment) return problem(404, 'Commento sconosciuto.');
    comment.hidden = decision === 'hide';
    comment.hiddenReason = comment.hidden ? (body as { reason: string }).reason : null;
    return new Response(null, { status: 204 });
  }
  if (verb === 'hide' || verb === 'restore') {
    idea.hidden = verb === 'hide';
    idea.hiddenReason = idea.hidden ? (body as { reason: string }).reason : null;
    history(idea, { kind: verb === 'hide' ? 'hidden' : 'restored', reason: idea.hiddenReason });
    return new Response(null, { status: 204 });
  }
  if (verb === 'status') {
    const change = body as IdeaStatusBody;
    idea.status = change.status;
    idea.statusReason = change.reason ?? null;
    history(idea, { kind: 'status', status: change.status, reason: change.reason ?? null });
    return json(200, idea);
  }
  if (verb === 'merge') {
    const target = state.ideas.find((i) => i.id === (body as { into: string }).into);
    if (!target || target.id === idea.id) return problem(409, 'Unione non possibile.');
    idea.mergedInto = target.id;
    target.mergedFrom.push({ id: idea.id, title: idea.title });
    target.votes += idea.votes;
    history(idea, { kind: 'merged', other: { id: target.id, title: target.title } });
    return json(200, idea);
  }
  if (verb === 'unmerge') {
    const target = state.ideas.find((i) => i.id === idea.mergedInto);
    if (!target) return problem(409, "L'idea non è unita a un'altra.");
    target.mergedFrom = target.mergedFrom.filter((m) => m.id !== idea.id);
    target.votes -= idea.votes;
    idea.mergedInto = null;
    history(idea, { kind: 'unmerged', other: { id: target.id, title: target.title } });
    return json(200, idea);
  }
  return null;
}

/** Answers a Call4Ideas route (a vote's body: its method), or null when `route` is not one of them. */
export function ideasRoute(
  state: FakeIdeas,
  me: Me,
  route: string,
  query: URLSearchParams,
  body: unknown,
): Response | null {
  const admin = me.roles.includes('admin');
  if (route === 'GET /api/v1/idea-calls') return json(200, state.ideaCalls);
  if (route === 'GET /api/v1/ideas') return list(state, me, query);
  if (route === 'POST /api/v1/ideas') return propose(state, me, body as IdeaProposal);
  if (route === 'GET /api/v1/ideas/similar') return similar(state, query.get('text') ?? '');
  if (/ \/api\/v1\/(idea-calls|ideas\/pipeline|ideas\.csv)/.test(route) && !admin) {
    return problem(403, 'Accesso negato');
  }
  if (route === 'GET /api/v1/ideas/pipeline') {
    const visible = state.ideas.filter((i) => i.mergedInto === null && !i.hidden);
    const statuses = [...new Set(visible.map((i) => i.status))];
    const areas = [...new Set(visible.map((i) => i.area))];
    return json(200, {
      callId: state.ideaCalls.current,
      byStatus: statuses.map((status) => ({
        status,
        count: visible.filter((i) => i.status === status).length,
      })),
      byArea: areas.map((area) => {
        const here = visible.filter((i) => i.area === area);
        const byStatus = Object.fromEntries(
          statuses.map((s) => [s, here.filter((i) => i.status === s).length]),
        );
        return { area, total: here.length, byStatus };
      }),
      topVoted: [...visible].sort((a, b) => b.votes - a.votes).map(summaryOf),
      trending: visible.map((i) => ({ idea: summaryOf(i), votesThisWeek: i.votes })),
    });
  }
  if (route === 'GET /api/v1/ideas.csv') {
    const rows = state.ideas.map((i) => [i.id, i.title, i.status, i.votes].join(','));
    return new Response(['id,title,status,votes', ...rows].join('\n'), {
      status: 200,
      headers: { 'content-type': 'text/csv' },
    });
  }
  if (route === 'POST /api/v1/idea-calls') {
    const id = `call${state.ideaCalls.calls.length + 1}`;
    const call = body as IdeaCallList['calls'][number];
    state.ideaCalls.calls.unshift({ ...call, id, open: false, ideas: 0 });
    return json(201, { id });
  }
  const match = /^(\w+) \/api\/v1\/ideas\/([^/]+)(?:\/(.+))?$/.exec(route);
  if (!match) return null;
  const [, method, id, action] = match;
  const idea = state.ideas.find((i) => i.id === decodeURIComponent(id ?? ''));
  if (!idea) return problem(404, 'Idea sconosciuta.');
  if (method === 'GET' && !action) return json(200, idea);
  if (method === 'GET' && action === 'comments') {
    return json(200, { comments: state.ideaComments[idea.id] ?? [] });
  }
  return ideaAction(state, me, idea, action ?? '', action === 'vote' ? method : body);
}
