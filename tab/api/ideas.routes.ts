/**
 * Call4Ideas (issue 16): the tab API's routes. Types in ./contract.ts (Idea*). Every route
 * authenticates; every body is schema-parsed; errors are localised problem+json (400 bad input,
 * 403 not allowed, 404 unknown or hidden from the caller, 409 conflict, 429 write limit).
 *
 * | method | path                                               | who                  | answers                          |
 * |--------|----------------------------------------------------|----------------------|----------------------------------|
 * | GET    | /api/v1/idea-calls                                 | everyone             | 200 IdeaCallList                 |
 * | POST   | /api/v1/idea-calls                                 | admins               | 201 CreatedId; 409 overlap       |
 * | PUT    | /api/v1/idea-calls/:id                             | admins               | 200 IdeaCall; 404; 409 overlap   |
 * | DELETE | /api/v1/idea-calls/:id                             | admins               | 204; 409 when it has ideas       |
 * | GET    | /api/v1/ideas                                      | everyone             | 200 IdeaList                     |
 * | POST   | /api/v1/ideas                                      | everyone             | 201 CreatedId; 409 no open call  |
 * | GET    | /api/v1/ideas/similar?text=                        | everyone             | 200 SimilarIdeas                 |
 * | GET    | /api/v1/ideas/pipeline?call=                       | admins               | 200 IdeaPipeline                 |
 * | GET    | /api/v1/ideas.csv?call=                            | admins               | 200 text/csv                     |
 * | GET    | /api/v1/ideas/:id                                  | everyone (see below) | 200 IdeaDetail; 404              |
 * | PUT    | /api/v1/ideas/:id/vote                             | everyone             | 200 IdeaVote; 409 call closed/merged/hidden |
 * | DELETE | /api/v1/ideas/:id/vote                             | everyone             | 200 IdeaVote                     |
 * | POST   | /api/v1/ideas/:id/amendments                       | everyone but authors | 201 CreatedId; 403; 409 closed   |
 * | POST   | /api/v1/ideas/:id/amendments/:amendmentId/accept   | the idea's authors   | 200 IdeaDetail; 403; 409 decided |
 * | POST   | /api/v1/ideas/:id/amendments/:amendmentId/reject   | the idea's authors   | 200 IdeaDetail; 403; 409 decided |
 * | GET    | /api/v1/ideas/:id/comments                         | everyone (see below) | 200 IdeaCommentList              |
 * | POST   | /api/v1/ideas/:id/comments                         | everyone             | 201 CreatedId; 404 parent        |
 * | POST   | /api/v1/ideas/:id/comments/:commentId/hide         | admins               | 204                              |
 * | POST   | /api/v1/ideas/:id/comments/:commentId/restore      | admins               | 204                              |
 * | POST   | /api/v1/ideas/:id/hide                             | admins               | 204                              |
 * | POST   | /api/v1/ideas/:id/restore                          | admins               | 204                              |
 * | POST   | /api/v1/ideas/:id/status                           | admins               | 200 IdeaDetail; 409 bad move     |
 * | POST   | /api/v1/ideas/:id/merge                            | admins               | 200 IdeaDetail; 409 chain/self   |
 * | POST   | /api/v1/ideas/:id/unmerge                          | admins               | 200 IdeaDetail; 409 not merged   |
 *
 * A hidden idea is seen (detail, comments) only by its authors and admins; others get 404.
 */

import type restify from 'restify';
import { z } from 'zod';
import type { OrgUnitsRepository } from '../../core/directory/org-units.repository';
import { departmentOf } from '../../core/directory/person';
import { translator, type Translate } from '../../core/i18n/translator';
import {
  IDEA_ID,
  IDEA_STATUSES,
  IDEA_THEMES,
  isAuthor,
  type Idea,
  type IdeaCall,
  type Signer,
} from '../../core/ideas/idea';
import type { Amendment, Comment, HistoryEntry } from '../../core/ideas/ideas.repository';
import type { Actor, IdeasService } from '../../core/ideas/ideas.service';
import type { AbuseLimits } from '../../core/util/abuse-limits';
import { adminOnly } from './admin-only';
import type { Identity } from './auth/identity';
import type * as Api from './contract';
import { csvText, sendCsv } from './csv';
import type { Route } from './route';
import { ProposalBody } from '../../core/ideas/proposal';

export interface IdeasApiDeps {
  ideas: IdeasService;
  orgUnits: OrgUnitsRepository;
  limits: AbuseLimits;
}

const PAGE = 50;
const SIMILAR = 5;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const Reason = text(3, 1_000);
const IdParams = z.object({ id: z.string().regex(IDEA_ID) });
const CallParams = z.object({ id: z.string().regex(/^[0-9a-f]{8}$/) });
const AmendmentParams = IdParams.extend({ amendmentId: z.string().min(1).max(64) });
const CommentParams = IdParams.extend({ commentId: z.string().min(1).max(64) });

const CallBody = z.strictObject({
  title: text(3, 200),
  question: text(3, 1_000),
  opensAt: z.iso.datetime({ offset: true }).pipe(z.coerce.date()),
  closesAt: z.iso.datetime({ offset: true }).pipe(z.coerce.date()),
});

const ListQuery = z.object({
  call: z
    .string()
    .regex(/^[0-9a-f]{8}$/)
    .optional(),
  q: z.string().max(200).optional(),
  area: z.string().max(120).optional(),
  theme: z.enum(IDEA_THEMES).optional(),
  status: z.enum(IDEA_STATUSES).optional(),
  sort: z.enum(['votes', 'newest', 'discussed']).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(PAGE).default(PAGE),
});
const SimilarQuery = z.object({
  text: z.string().max(8_000),
  call: z
    .string()
    .regex(/^[0-9a-f]{8}$/)
    .optional(),
});
const CallQuery = z.object({
  call: z
    .string()
    .regex(/^[0-9a-f]{8}$/)
    .optional(),
});
const AmendmentBody = z
  .strictObject({ proposal: text(10, 4_000).optional(), problem: text(10, 4_000).optional() })
  .refine((b) => (b.proposal === undefined) !== (b.problem === undefined), 'one field');
const RejectBody = z.strictObject({ reason: Reason });
const CommentBody = z.strictObject({ text: text(2, 2_000), parent: z.string().max(64).optional() });
const StatusBody = z.strictObject({
  status: z.enum(IDEA_STATUSES),
  reason: z.string().trim().max(1_000).optional(),
  labId: z.string().trim().min(1).max(64).optional(),
});
const MergeBody = z.strictObject({ into: z.string().regex(IDEA_ID) });
const ModerationBody = z.strictObject({ reason: Reason });

export function actorOf(identity: Identity): Actor {
  return {
    objectId: identity.objectId,
    name: identity.person?.displayName ?? null,
    department: identity.person ? departmentOf(identity.person) : null,
    admin: identity.roles.includes('admin'),
  };
}

function personJson(signer: Signer, t: Translate): Api.IdeaPerson {
  if (signer.objectId === null) {
    return { objectId: null, displayName: t('ideas.person.former'), former: true };
  }
  return {
    objectId: signer.objectId,
    displayName: signer.name ?? t('ideas.person.unknown'),
    former: false,
  };
}

function callJson(call: IdeaCall, open: boolean, ideas: number): Api.IdeaCall {
  return {
    id: call.id,
    title: call.title,
    question: call.question,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    open,
    ideas,
  };
}

function summaryJson(idea: Idea, t: Translate): Api.IdeaSummary {
  return {
    id: idea.id,
    callId: idea.callId,
    title: idea.title,
    procedure: idea.procedure,
    office: idea.office,
    area: idea.area,
    theme: idea.theme,
    status: idea.status,
    votes: idea.votes,
    comments: idea.comments,
    openAmendments: idea.openAmendments,
    authors: idea.authors.map((a) => personJson(a, t)),
    createdAt: idea.createdAt.toISOString(),
    mergedInto: idea.mergedInto,
    hidden: idea.hidden !== null,
    labId: idea.labId,
  };
}

function amendmentJson(a: Amendment, t: Translate): Api.IdeaAmendment {
  return {
    id: a.id,
    author: personJson(a.author, t),
    field: a.field,
    text: a.text,
    before: a.before,
    status: a.status,
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
  };
}

function historyJson(h: HistoryEntry, t: Translate): Api.IdeaHistoryEntry {
  return {
    at: h.at.toISOString(),
    kind: h.event,
    actor: h.actor ? personJson(h.actor, t) : null,
    status: h.status,
    // A moderation's reason is for the author and admins: the detail drops it for others.
    reason: h.reason,
    field: h.field,
    before: h.before,
    after: h.after,
    other: h.other,
    labId: h.labId,
  };
}

function commentJson(c: Comment, actor: Actor, t: Translate): Api.IdeaComment {
  const sees = !c.hidden || actor.admin || c.author.objectId === actor.objectId;
  return {
    id: c.id,
    author: personJson(c.author, t),
    text: sees ? c.text : null,
    createdAt: c.createdAt.toISOString(),
    hidden: c.hidden !== null,
    hiddenReason: c.hidden && sees ? c.hidden.reason : null,
    replies: [],
  };
}

/** Call4Ideas' routes (see the table above). */
export function registerIdeasApi(server: restify.Server, route: Route, deps: IdeasApiDeps): void {
  const { ideas, limits } = deps;

  const detail = async (identity: Identity, id: string, locale: Api.Locale) => {
    const t = translator(locale);
    const actor = actorOf(identity);
    const page = await ideas.page(actor, id);
    const { idea } = page;
    const author = isAuthor(idea, actor.objectId);
    const seesModeration = author || actor.admin;
    const open = ideas.isOpen(page.call);
    const active = idea.mergedInto === null && idea.hidden === null;
    const mergedFrom = await Promise.all(
      idea.mergedFrom.map(async (from) => {
        const other = await ideas.idea({ ...actor, admin: true }, from).catch(() => undefined);
        return { id: from, title: other?.title ?? '' };
      }),
    );
    return {
      ...summaryJson(idea, t),
      problem: idea.problem,
      proposal: idea.proposal,
      benefits: idea.benefits,
      beneficiaries: idea.beneficiaries,
      links: idea.links,
      statusReason: idea.statusReason,
      hiddenReason: seesModeration ? (idea.hidden?.reason ?? null) : null,
      mergedFrom,
      voted: page.voted,
      callOpen: open,
      amendments: page.amendments.map((a) => amendmentJson(a, t)),
      history: page.history
        .filter((h) => seesModeration || (h.event !== 'hidden' && h.event !== 'restored'))
        .map((h) => historyJson(h, t)),
      may: {
        vote: open && active,
        amend:
          open &&
          active &&
          !author &&
          (idea.status === 'submitted' || idea.status === 'underReview'),
        decideAmendments: author,
        administer: actor.admin,
      },
    } satisfies Api.IdeaDetail;
  };

  // ---- calls ----

  server.get(
    '/api/v1/idea-calls',
    route(async ({ res }) => {
      const [calls, current, units] = await Promise.all([
        ideas.allCalls(),
        ideas.openCall(),
        deps.orgUnits.list(),
      ]);
      const listed = await Promise.all(
        calls.map(async (c) => callJson(c, ideas.isOpen(c), await ideas.ideaCount(c.id))),
      );
      res.json({
        calls: listed,
        current: current?.id ?? null,
        areas: units
          .filter((u) => u.path.length === 1)
          .map((u) => u.path[0]!)
          .sort(),
        themes: [...IDEA_THEMES],
      } satisfies Api.IdeaCallList);
    }),
  );

  server.post(
    '/api/v1/idea-calls',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const body = CallBody.parse(req.body ?? {});
        const call = await ideas.saveCall(actorOf(identity), body);
        res.status(201);
        res.json({ id: call.id } satisfies Api.CreatedId);
      }),
    ),
  );

  server.put(
    '/api/v1/idea-calls/:id',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const { id } = CallParams.parse(req.params);
        const body = CallBody.parse(req.body ?? {});
        const call = await ideas.saveCall(actorOf(identity), body, id);
        res.json(callJson(call, ideas.isOpen(call), await ideas.ideaCount(call.id)));
      }),
    ),
  );

  server.del(
    '/api/v1/idea-calls/:id',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const { id } = CallParams.parse(req.params);
        await ideas.deleteCall(actorOf(identity), id);
        res.status(204);
        res.end();
      }),
    ),
  );

  // ---- ideas ----

  const callOf = async (call: string | undefined) =>
    call ? await ideas.call(call) : await ideas.defaultCall();

  server.get(
    '/api/v1/ideas',
    route(async ({ identity, locale, req, res }) => {
      const query = ListQuery.parse(req.query ?? {});
      const t = translator(locale);
      const call = await callOf(query.call);
      const found = call
        ? await ideas.list(call.id, {
            ...(query.q !== undefined && { q: query.q }),
            ...(query.area !== undefined && { area: query.area }),
            ...(query.theme !== undefined && { theme: query.theme }),
            ...(query.status !== undefined && { status: query.status }),
            ...(query.sort !== undefined && { sort: query.sort }),
            withHidden: identity.roles.includes('admin'),
          })
        : [];
      res.json({
        ideas: found.slice(query.offset, query.offset + query.limit).map((i) => summaryJson(i, t)),
        total: found.length,
        offset: query.offset,
      } satisfies Api.IdeaList);
    }),
  );

  server.post(
    '/api/v1/ideas',
    route(async ({ identity, req, res }) => {
      const body = ProposalBody.parse(req.body ?? {});
      const actor = actorOf(identity);
      limits.admit('ideaPost', actor.objectId);
      const idea = await ideas.propose(actor, {
        title: body.title,
        procedure: body.procedure,
        office: body.office,
        problem: body.problem,
        proposal: body.proposal,
        benefits: body.benefits,
        beneficiaries: body.beneficiaries ?? [],
        links: body.links ?? [],
        area: body.area ?? actor.department ?? body.office,
        theme: body.theme ?? 'other',
      });
      res.status(201);
      res.json({ id: idea.id } satisfies Api.CreatedId);
    }),
  );

  server.get(
    '/api/v1/ideas/similar',
    route(async ({ req, res }) => {
      const query = SimilarQuery.parse(req.query ?? {});
      const call = await callOf(query.call);
      const found = call ? await ideas.similar(call.id, query.text, SIMILAR) : [];
      res.json({
        ideas: found.map(({ idea, score }) => ({
          id: idea.id,
          title: idea.title,
          status: idea.status,
          votes: idea.votes,
          score: Math.round(score * 100) / 100,
        })),
      } satisfies Api.SimilarIdeas);
    }),
  );

  server.get(
    '/api/v1/ideas/pipeline',
    route(
      adminOnly(async ({ locale, req, res }) => {
        const t = translator(locale);
        const call = await callOf(CallQuery.parse(req.query ?? {}).call);
        const all = call ? await ideas.list(call.id, { withHidden: false, sort: 'votes' }) : [];
        const week = await ideas.votesThisWeek();
        const byArea = new Map<string, Partial<Record<Api.IdeaStatus, number>>>();
        for (const idea of all) {
          const counts = byArea.get(idea.area) ?? {};
          counts[idea.status] = (counts[idea.status] ?? 0) + 1;
          byArea.set(idea.area, counts);
        }
        const recent = (idea: Idea) =>
          [idea.id, ...idea.mergedFrom].reduce((sum, id) => sum + (week.get(id) ?? 0), 0);
        res.json({
          callId: call?.id ?? null,
          byStatus: IDEA_STATUSES.map((status) => ({
            status,
            count: all.filter((i) => i.status === status).length,
          })),
          byArea: [...byArea]
            .map(([area, byStatus]) => ({
              area,
              total: Object.values(byStatus).reduce((a, b) => a + (b ?? 0), 0),
              byStatus,
            }))
            .sort((a, b) => b.total - a.total || a.area.localeCompare(b.area)),
          topVoted: all.slice(0, 10).map((i) => summaryJson(i, t)),
          trending: all
            .map((idea) => ({ idea, votesThisWeek: recent(idea) }))
            .filter((x) => x.votesThisWeek > 0)
            .sort((a, b) => b.votesThisWeek - a.votesThisWeek)
            .slice(0, 10)
            .map((x) => ({ idea: summaryJson(x.idea, t), votesThisWeek: x.votesThisWeek })),
        } satisfies Api.IdeaPipeline);
      }),
    ),
  );

  server.get(
    '/api/v1/ideas.csv',
    route(
      adminOnly(async ({ locale, req, res }) => {
        const t = translator(locale);
        const call = await callOf(CallQuery.parse(req.query ?? {}).call);
        const all = call ? await ideas.list(call.id, { withHidden: true, sort: 'votes' }) : [];
        const merged = call
          ? [...(await ideas.views.of(call.id)).ideas.values()].filter((i) => i.mergedInto)
          : [];
        const columns = [
          'id',
          'title',
          'status',
          'area',
          'theme',
          'procedure',
          'office',
          'votes',
          'comments',
          'authors',
          'createdAt',
          'mergedInto',
          'hidden',
          'labId',
        ] as const;
        const lines = [...all, ...merged].map((i) => [
          i.id,
          i.title,
          t(`ideas.status.${i.status}`),
          i.area,
          i.theme,
          i.procedure,
          i.office,
          i.votes,
          i.comments,
          i.authors.map((a) => personJson(a, t).displayName).join(', '),
          i.createdAt.toISOString().slice(0, 10),
          i.mergedInto,
          t(i.hidden ? 'ideas.csv.yes' : 'ideas.csv.no'),
          i.labId,
        ]);
        const header = columns.map((c) => t(`ideas.csv.${c}`));
        sendCsv(res, `oibo-idee_${call?.id ?? 'none'}.csv`, csvText([header, ...lines], locale));
      }),
    ),
  );

  server.get(
    '/api/v1/ideas/:id',
    route(async ({ identity, locale, req, res }) => {
      const { id } = IdParams.parse(req.params);
      res.json(await detail(identity, id, locale));
    }),
  );

  // ---- votes ----

  for (const [method, on] of [
    ['put', true],
    ['del', false],
  ] as const) {
    server[method](
      '/api/v1/ideas/:id/vote',
      route(async ({ identity, req, res }) => {
        const { id } = IdParams.parse(req.params);
        limits.admit('ideaVote', identity.objectId);
        res.json((await ideas.vote(actorOf(identity), id, on)) satisfies Api.IdeaVote);
      }),
    );
  }

  // ---- amendments ----

  server.post(
    '/api/v1/ideas/:id/amendments',
    route(async ({ identity, req, res }) => {
      const { id } = IdParams.parse(req.params);
      const body = AmendmentBody.parse(req.body ?? {});
      limits.admit('ideaPost', identity.objectId);
      const field = body.proposal !== undefined ? 'proposal' : 'problem';
      const amendment = await ideas.amend(actorOf(identity), id, field, body[field]!);
      res.status(201);
      res.json({ id: amendment.id } satisfies Api.CreatedId);
    }),
  );

  for (const decision of ['accept', 'reject'] as const) {
    server.post(
      `/api/v1/ideas/:id/amendments/:amendmentId/${decision}`,
      route(async ({ identity, locale, req, res }) => {
        const { id, amendmentId } = AmendmentParams.parse(req.params);
        const reason = decision === 'reject' ? RejectBody.parse(req.body ?? {}).reason : null;
        await ideas.decide(actorOf(identity), id, amendmentId, decision === 'accept', reason);
        res.json(await detail(identity, id, locale));
      }),
    );
  }

  // ---- comments ----

  server.get(
    '/api/v1/ideas/:id/comments',
    route(async ({ identity, locale, req, res }) => {
      const { id } = IdParams.parse(req.params);
      const t = translator(locale);
      const actor = actorOf(identity);
      const all = (await ideas.comments(actor, id)).map((c) => ({
        comment: c,
        json: commentJson(c, actor, t),
      }));
      const top = new Map(
        all.filter((c) => c.comment.parent === null).map((c) => [c.comment.id, c.json]),
      );
      for (const { comment, json } of all) {
        if (comment.parent !== null) top.get(comment.parent)?.replies.push(json);
      }
      res.json({ comments: [...top.values()] } satisfies Api.IdeaCommentList);
    }),
  );

  server.post(
    '/api/v1/ideas/:id/comments',
    route(async ({ identity, req, res }) => {
      const { id } = IdParams.parse(req.params);
      const body = CommentBody.parse(req.body ?? {});
      limits.admit('ideaPost', identity.objectId);
      const comment = await ideas.comment(actorOf(identity), id, body.text, body.parent ?? null);
      res.status(201);
      res.json({ id: comment.id } satisfies Api.CreatedId);
    }),
  );

  for (const action of ['hide', 'restore'] as const) {
    server.post(
      `/api/v1/ideas/:id/comments/:commentId/${action}`,
      route(
        adminOnly(async ({ identity, req, res }) => {
          const { id, commentId } = CommentParams.parse(req.params);
          const hidden = action === 'hide' ? ModerationBody.parse(req.body ?? {}) : null;
          await ideas.moderateComment(actorOf(identity), id, commentId, hidden);
          res.status(204);
          res.end();
        }),
      ),
    );
    server.post(
      `/api/v1/ideas/:id/${action}`,
      route(
        adminOnly(async ({ identity, req, res }) => {
          const { id } = IdParams.parse(req.params);
          if (action === 'hide') {
            await ideas.hide(actorOf(identity), id, ModerationBody.parse(req.body ?? {}).reason);
          } else {
            await ideas.restore(actorOf(identity), id);
          }
          res.status(204);
          res.end();
        }),
      ),
    );
  }

  // ---- the programme team ----

  server.post(
    '/api/v1/ideas/:id/status',
    route(
      adminOnly(async ({ identity, locale, req, res }) => {
        const { id } = IdParams.parse(req.params);
        const body = StatusBody.parse(req.body ?? {});
        await ideas.setStatus(actorOf(identity), id, body);
        res.json(await detail(identity, id, locale));
      }),
    ),
  );

  server.post(
    '/api/v1/ideas/:id/merge',
    route(
      adminOnly(async ({ identity, locale, req, res }) => {
        const { id } = IdParams.parse(req.params);
        const { into } = MergeBody.parse(req.body ?? {});
        await ideas.merge(actorOf(identity), id, into);
        res.json(await detail(identity, id, locale));
      }),
    ),
  );

  server.post(
    '/api/v1/ideas/:id/unmerge',
    route(
      adminOnly(async ({ identity, locale, req, res }) => {
        const { id } = IdParams.parse(req.params);
        await ideas.unmerge(actorOf(identity), id);
        res.json(await detail(identity, id, locale));
      }),
    ),
  );
}
