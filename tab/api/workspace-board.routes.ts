/**
 * The facilitators' community board (issue 18): questions, replies one level deep, "risolto".
 * Types in ./contract.ts (Board*). Facilitators and admins only: everyone else gets 403.
 *
 * | method | path                                       | who                   | answers                    |
 * |--------|--------------------------------------------|-----------------------|----------------------------|
 * | GET    | /api/v1/workspace/questions                | facilitators, admins  | 200 BoardQuestionList; 403 |
 * | POST   | /api/v1/workspace/questions                | facilitators, admins  | 201 CreatedId; 403         |
 * | GET    | /api/v1/workspace/questions/:id            | facilitators, admins  | 200 BoardQuestion; 404     |
 * | POST   | /api/v1/workspace/questions/:id/replies    | facilitators, admins  | 201 CreatedId; 404         |
 * | PUT    | /api/v1/workspace/questions/:id/solved     | the asker, admins     | 200 BoardQuestion; 403; 404 unknown reply |
 */

import type restify from 'restify';
import { z } from 'zod';
import { translator, type Translate } from '../../core/i18n/translator';
import {
  BOARD_ID,
  QuestionInput,
  ReplyInput,
  type CommunityBoard,
  type Question,
} from '../../core/workspace/board';
import type { Signer } from '../../core/workspace/post';
import type { AbuseLimits } from '../../core/util/abuse-limits';
import type * as Api from './contract';
import { actorOf } from './posts.routes';
import type { Route } from './route';

export interface WorkspaceBoardApiDeps {
  board: CommunityBoard;
  limits: AbuseLimits;
}

const MAX_PAGE = 50;
const IdParams = z.object({ id: z.string().regex(BOARD_ID) });
const PageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(MAX_PAGE),
});
const Solved = z.strictObject({
  solved: z.boolean(),
  replyId: z.string().regex(BOARD_ID).optional(),
});

const person = (t: Translate, s: Signer): Api.PostPerson =>
  s.objectId
    ? { objectId: s.objectId, displayName: s.name ?? s.objectId, former: false }
    : { objectId: null, displayName: t('workspace.person.former'), former: true };

const summaryJson = (t: Translate, q: Question): Api.BoardQuestionSummary => ({
  id: q.id,
  title: q.title,
  author: person(t, q.author),
  createdAt: q.createdAt.toISOString(),
  activeAt: q.activeAt.toISOString(),
  replies: q.replies,
  solved: q.solved,
});

export function registerWorkspaceBoardApi(
  server: restify.Server,
  route: Route,
  { board, limits }: WorkspaceBoardApiDeps,
): void {
  server.get(
    '/api/v1/workspace/questions',
    route(async ({ identity, locale, req, res }) => {
      const { offset, limit } = PageQuery.parse(req.query ?? {});
      const t = translator(locale);
      const questions = await board.questions(actorOf(identity));
      res.json({
        questions: questions.slice(offset, offset + limit).map((q) => summaryJson(t, q)),
        total: questions.length,
        offset,
      } satisfies Api.BoardQuestionList);
    }),
  );

  server.post(
    '/api/v1/workspace/questions',
    route(async ({ identity, req, res }) => {
      const actor = actorOf(identity);
      const input = QuestionInput.parse(req.body ?? {});
      if (actor.writer) limits.admit('workspacePost', actor.objectId);
      const question = await board.ask(actor, input);
      res.status(201);
      res.json({ id: question.id } satisfies Api.CreatedId);
    }),
  );

  const detail = async (
    identity: Parameters<typeof actorOf>[0],
    locale: Api.Locale,
    id: string,
  ) => {
    const t = translator(locale);
    const actor = actorOf(identity);
    const { question, replies } = await board.question(actor, id);
    return {
      ...summaryJson(t, question),
      text: question.text,
      replyList: replies.map((r) => ({
        id: r.id,
        author: person(t, r.author),
        text: r.text,
        createdAt: r.createdAt.toISOString(),
        solution: question.solution === r.id,
      })),
      may: { solve: actor.admin || question.author.objectId === actor.objectId },
    } satisfies Api.BoardQuestion;
  };

  server.get(
    '/api/v1/workspace/questions/:id',
    route(async ({ identity, locale, req, res }) => {
      const { id } = IdParams.parse(req.params);
      res.json(await detail(identity, locale, id));
    }),
  );

  server.post(
    '/api/v1/workspace/questions/:id/replies',
    route(async ({ identity, req, res }) => {
      const { id } = IdParams.parse(req.params);
      const actor = actorOf(identity);
      const input = ReplyInput.parse(req.body ?? {});
      if (actor.writer) limits.admit('workspacePost', actor.objectId);
      const reply = await board.reply(actor, id, input);
      res.status(201);
      res.json({ id: reply.id } satisfies Api.CreatedId);
    }),
  );

  server.put(
    '/api/v1/workspace/questions/:id/solved',
    route(async ({ identity, locale, req, res }) => {
      const { id } = IdParams.parse(req.params);
      const { solved, replyId } = Solved.parse(req.body ?? {});
      await board.solve(actorOf(identity), id, solved, replyId);
      res.json(await detail(identity, locale, id));
    }),
  );
}
