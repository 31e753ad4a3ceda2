/*
 * Labs (issue 15): the tab API. Request and response types: tab/api/contract.ts (Lab…).
 * Every route authenticates; "reader" = anyone who may see the lab (a private lab: its members,
 * invited people, and admins; anyone else gets 404 as if it did not exist). 400 bad body or
 * query, 401 no identity, 403 not allowed, 404 unknown (or invisible) lab / task / update,
 * 409 state conflict (concluded lab, already a member, …), 412 stale task, 428 missing If-Match.
 *
 * | method | path                                           | who                      | answers                      |
 * | ------ | ---------------------------------------------- | ------------------------ | ---------------------------- |
 * | GET    | /api/v1/labs/themes                            | everyone                 | 200 LabThemes                |
 * | POST   | /api/v1/labs/themes                            | admins                   | 201 LabTheme                 |
 * | GET    | /api/v1/labs?theme=&status=&mine=lead\|member  | everyone                 | 200 LabList                  |
 * | POST   | /api/v1/labs                                   | facilitators, admins     | 201 CreatedLab; 403          |
 * | GET    | /api/v1/labs/overview                          | managers, admins         | 200 LabOverview; 403         |
 * | GET    | /api/v1/labs/overview.csv                      | managers, admins         | 200 text/csv; 403            |
 * | GET    | /api/v1/labs/teams                             | facilitators, admins     | 200 KnownTeams; 403          |
 * | GET    | /api/v1/labs/:id                               | reader                   | 200 Lab; 404                 |
 * | PATCH  | /api/v1/labs/:id                               | leads, admins            | 200 Lab; 403, 409            |
 * | POST   | /api/v1/labs/:id/close                         | leads, admins            | 200 Lab; 403, 409            |
 * | PUT    | /api/v1/labs/:id/channel                       | leads, admins            | 200 LabChannel; 404 unknown channel, 403 |
 * | DELETE | /api/v1/labs/:id/channel                       | leads, admins            | 204; 403                     |
 * | POST   | /api/v1/labs/:id/join                          | reader                   | 200 Lab (invited: joins; else asks); 409 |
 * | POST   | /api/v1/labs/:id/leave                         | members, invited, asking | 200 Lab; 409 the last lead   |
 * | POST   | /api/v1/labs/:id/requests/:objectId/approve    | leads, admins            | 200 Lab; 404 no request; 403 |
 * | POST   | /api/v1/labs/:id/requests/:objectId/decline    | leads, admins            | 200 Lab; 404 no request; 403 |
 * | POST   | /api/v1/labs/:id/members                       | leads, admins            | 200 Lab (invitations sent); 403, 409 |
 * | PATCH  | /api/v1/labs/:id/members/:objectId             | leads, admins            | 200 Lab; 404; 409 the last lead |
 * | DELETE | /api/v1/labs/:id/members/:objectId             | leads, admins            | 200 Lab; 404; 409 the last lead |
 * | POST   | /api/v1/labs/:id/tasks                         | members, leads, admins   | 201 LabTask + ETag; 403      |
 * | PATCH  | /api/v1/labs/:id/tasks/:taskId  (If-Match)     | members, leads, admins   | 200 LabTask + ETag; 412 LabTaskConflict; 428 |
 * | DELETE | /api/v1/labs/:id/tasks/:taskId  (If-Match)     | members, leads, admins   | 204; 412 LabTaskConflict; 428 |
 * | POST   | /api/v1/labs/:id/milestones                    | members, leads, admins   | 201 LabMilestone             |
 * | PATCH  | /api/v1/labs/:id/milestones/:milestoneId       | members, leads, admins   | 200 LabMilestone; 404        |
 * | DELETE | /api/v1/labs/:id/milestones/:milestoneId       | members, leads, admins   | 204; 404                     |
 * | POST   | /api/v1/labs/:id/notes                         | members, leads, admins   | 201 LabNote                  |
 * | POST   | /api/v1/labs/:id/updates                       | leads, admins            | 201 LabUpdate; 403           |
 * | POST   | /api/v1/labs/:id/updates/:updateId/retry       | leads, admins            | 202 LabUpdate; 409 not failed |
 *
 * Every write to a concluded lab answers 409.
 */

import type restify from 'restify';
import { z } from 'zod';
import type { DirectorySnapshot } from '../../core/directory/directory-snapshot';
import { translator } from '../../core/i18n/translator';
import type { LabsFeature } from '../../core/labs/labs-feature';
import type { Actor, Lab } from '../../core/labs/lab';
import {
  ChannelLinkSchema,
  ClosingSchema,
  InvitationSchema,
  LabSettingsSchema,
  MemberChangeSchema,
  MilestoneChangeSchema,
  NewLabSchema,
  NewMilestoneSchema,
  NewNoteSchema,
  NewTaskSchema,
  NewUpdateSchema,
  TaskChangeSchema,
} from '../../core/labs/lab-inputs';
import { LabError, StaleTaskError } from '../../core/labs/labs-errors';
import type { LabTask } from '../../core/labs/board';
import { ThemeTextSchema } from '../../core/labs/themes';
import { adminOnly } from './admin-only';
import type { Identity } from './auth/identity';
import type * as Api from './contract';
import { csvText, sendCsv } from './csv';
import { sendEncodedJson } from './encoded-json';
import { LabViews } from './lab-views';
import { sendProblem } from './problem';
import type { Call, Handler, Route } from './route';

export interface LabsApiDeps {
  labs: LabsFeature;
  directorySnapshot: DirectorySnapshot;
}

const Id = z.string().regex(/^[a-z0-9-]{1,64}$/);
const LabParams = z.object({ id: Id });
const TaskParams = z.object({ id: Id, taskId: Id });
const MilestoneParams = z.object({ id: Id, milestoneId: Id });
const UpdateParams = z.object({ id: Id, updateId: Id });
const PersonParams = z.object({ id: Id, objectId: z.uuid().toLowerCase() });
const ListQuery = z.object({
  theme: z.string().max(64).optional(),
  status: z.enum(['proposed', 'active', 'concluded']).optional(),
  mine: z.enum(['lead', 'member']).optional(),
});

const actorOf = (identity: Identity): Actor => ({
  objectId: identity.objectId,
  roles: identity.roles,
});

/** The tab's labs: see the route list above. */
export function registerLabsApi(server: restify.Server, route: Route, deps: LabsApiDeps): void {
  const { labs } = deps;
  const views = new LabViews(deps);
  const json = (call: Call) => views.json(call.locale, actorOf(call.identity));
  const detail = async (call: Call, lab: Lab): Promise<Api.Lab> => {
    const [board, updates] = await Promise.all([
      labs.boardRows.board(lab.id),
      labs.updates.timeline(lab.id),
    ]);
    return (await json(call)).detail(lab, board, updates);
  };
  /** A change to the lab of the path's `id`, answered with the lab as the caller now sees it. */
  const changeLab =
    (change: (id: string, call: Call, actor: Actor) => Promise<Lab>): Handler =>
    async (call) => {
      const { id } = LabParams.parse(call.req.params);
      const lab = await change(id, call, actorOf(call.identity));
      call.res.json((await detail(call, lab)) satisfies Api.Lab);
    };
  /** The person of the path's `objectId` (a member, a request). */
  const personOf = (call: Call) => PersonParams.parse(call.req.params).objectId;
  const role =
    (roles: readonly ('facilitator' | 'manager')[], handler: Handler): Handler =>
    async (call) => {
      const { identity } = call;
      if (!identity.roles.includes('admin') && !roles.some((r) => identity.roles.includes(r))) {
        throw new LabError('forbidden');
      }
      await handler(call);
    };
  /** A task route: `If-Match` required; a stale one answers 412 with the task as it is now. */
  const taskRoute =
    (work: (call: Call, etag: string) => Promise<void>): Handler =>
    async (call) => {
      const etag = call.req.header('if-match');
      if (!etag) throw new LabError('missingIfMatch');
      try {
        await work(call, etag);
      } catch (error) {
        if (!(error instanceof StaleTaskError)) throw error;
        const stale = error as StaleTaskError<LabTask>;
        const current = (await json(call)).task({ task: stale.current, etag: stale.etag });
        call.res.setHeader('etag', stale.etag);
        sendProblem(call.res, 412, stale.describe(translator(call.locale)), {
          code: stale.code,
          current,
        } satisfies Omit<Api.LabTaskConflict, 'type' | 'title' | 'status'>);
      }
    };

  server.get(
    '/api/v1/labs/themes',
    route(async (call) => {
      const view = await json(call);
      const themes = (await labs.themes.all()).map((t) => view.theme(t.id));
      call.res.json({ themes } satisfies Api.LabThemes);
    }),
  );

  server.post(
    '/api/v1/labs/themes',
    route(
      adminOnly(async (call) => {
        const theme = await labs.themes.add(ThemeTextSchema.parse(call.req.body));
        call.res.status(201);
        call.res.json({
          id: theme.id,
          title: theme.title[call.locale],
          description: theme.description[call.locale],
          seeded: false,
        } satisfies Api.LabTheme);
      }),
    ),
  );

  server.get(
    '/api/v1/labs',
    route(async (call) => {
      const query = ListQuery.parse(call.req.query ?? {});
      const body = await views.list(query, call.locale, actorOf(call.identity));
      sendEncodedJson(call.req, call.res, 200, body);
    }),
  );

  server.post(
    '/api/v1/labs',
    route(async (call) => {
      const lab = await labs.labs.create(NewLabSchema.parse(call.req.body), actorOf(call.identity));
      call.res.status(201);
      call.res.json({ id: lab.id } satisfies Api.CreatedLab);
    }),
  );

  const overviewRows = async (call: Call): Promise<Api.LabOverviewRow[]> => {
    const rows = await labs.overview.rows(actorOf(call.identity));
    const view = await json(call);
    return rows.map((row) => ({
      id: row.lab.id,
      theme: view.theme(row.lab.themeId).title,
      title: row.lab.title,
      status: row.lab.status,
      private: row.lab.private,
      leads: row.leads.map((id) => view.person(id)),
      members: row.lab.members.length,
      departments: row.departments,
      tasksDone: row.tasksDone,
      tasksTotal: row.tasksTotal,
      overdue: row.overdue,
      lastUpdateAt: row.lab.lastUpdateAt?.toISOString() ?? null,
    }));
  };

  server.get(
    '/api/v1/labs/overview',
    route(async (call) => {
      call.res.json({ labs: await overviewRows(call) } satisfies Api.LabOverview);
    }),
  );

  server.get(
    '/api/v1/labs/overview.csv',
    route(async (call) => {
      const t = translator(call.locale);
      const rows = await overviewRows(call);
      const columns = [
        'theme',
        'title',
        'status',
        'private',
        'leads',
        'members',
        'departments',
        'tasksDone',
        'tasksTotal',
        'overdue',
        'lastUpdate',
      ] as const;
      const lines = rows.map((r) => [
        r.theme,
        r.title,
        t(`labs.status.${r.status}`),
        t(r.private ? 'labs.csv.yes' : 'labs.csv.no'),
        r.leads.map((p) => p.displayName ?? t('labs.card.formerMember')).join(', '),
        r.members,
        r.departments.join(', '),
        r.tasksDone,
        r.tasksTotal,
        r.overdue,
        r.lastUpdateAt?.slice(0, 10) ?? null,
      ]);
      const header = columns.map((c) => t(`labs.csv.${c}`));
      sendCsv(call.res, 'oibo-labs.csv', csvText([header, ...lines], call.locale));
    }),
  );

  server.get(
    '/api/v1/labs/teams',
    route(
      role(['facilitator'], async (call) => {
        const teams = (await labs.teams.all())
          .filter(({ team }) => !team.removed)
          .map(({ team, channels }) => ({
            teamId: team.teamId,
            name: team.name ?? null,
            channels: channels
              .filter((c) => !c.deleted)
              .map((c) => ({ channelId: c.channelId, name: c.name ?? null })),
          }));
        call.res.json({ teams } satisfies Api.KnownTeams);
      }),
    ),
  );

  server.get(
    '/api/v1/labs/:id',
    route(async (call) => {
      const { id } = LabParams.parse(call.req.params);
      const body = await views.detail(id, call.locale, actorOf(call.identity));
      sendEncodedJson(call.req, call.res, 200, body);
    }),
  );

  server.patch(
    '/api/v1/labs/:id',
    route(
      changeLab((id, { req }, actor) =>
        labs.labs.changeSettings(id, LabSettingsSchema.parse(req.body), actor),
      ),
    ),
  );

  server.post(
    '/api/v1/labs/:id/close',
    route(
      changeLab((id, { req }, actor) =>
        labs.labs.close(id, ClosingSchema.parse(req.body).outcome, actor),
      ),
    ),
  );

  server.put(
    '/api/v1/labs/:id/channel',
    route(async (call) => {
      const { id } = LabParams.parse(call.req.params);
      const link = ChannelLinkSchema.parse(call.req.body);
      const lab = await labs.labs.linkChannel(id, link, actorOf(call.identity));
      const summary = await (await json(call)).summary(lab);
      call.res.json(summary.channel! satisfies Api.LabChannel);
    }),
  );

  server.del(
    '/api/v1/labs/:id/channel',
    route(async (call) => {
      const { id } = LabParams.parse(call.req.params);
      await labs.labs.unlinkChannel(id, actorOf(call.identity));
      call.res.send(204);
    }),
  );

  server.post(
    '/api/v1/labs/:id/join',
    route(changeLab((id, _call, actor) => labs.labs.join(id, actor))),
  );

  server.post(
    '/api/v1/labs/:id/leave',
    route(changeLab((id, _call, actor) => labs.labs.leave(id, actor))),
  );

  for (const decision of ['approve', 'decline'] as const) {
    server.post(
      `/api/v1/labs/:id/requests/:objectId/${decision}`,
      route(
        changeLab((id, call, actor) =>
          labs.labs.decide(id, personOf(call), decision === 'approve', actor),
        ),
      ),
    );
  }

  server.post(
    '/api/v1/labs/:id/members',
    route(
      changeLab((id, { req }, actor) =>
        labs.labs.invite(id, InvitationSchema.parse(req.body).objectIds, actor),
      ),
    ),
  );

  server.patch(
    '/api/v1/labs/:id/members/:objectId',
    route(
      changeLab((id, call, actor) =>
        labs.labs.setRole(id, personOf(call), MemberChangeSchema.parse(call.req.body).role, actor),
      ),
    ),
  );

  server.del(
    '/api/v1/labs/:id/members/:objectId',
    route(changeLab((id, call, actor) => labs.labs.removeMember(id, personOf(call), actor))),
  );

  server.post(
    '/api/v1/labs/:id/tasks',
    route(async (call) => {
      const { id } = LabParams.parse(call.req.params);
      const input = NewTaskSchema.parse(call.req.body);
      const task = await labs.board.addTask(id, input, actorOf(call.identity));
      call.res.setHeader('etag', task.etag);
      call.res.status(201);
      call.res.json((await json(call)).task(task) satisfies Api.LabTask);
    }),
  );

  server.patch(
    '/api/v1/labs/:id/tasks/:taskId',
    route(
      taskRoute(async (call, etag) => {
        const { id, taskId } = TaskParams.parse(call.req.params);
        const change = TaskChangeSchema.parse(call.req.body);
        const task = await labs.board.changeTask(id, taskId, change, etag, actorOf(call.identity));
        call.res.setHeader('etag', task.etag);
        call.res.json((await json(call)).task(task) satisfies Api.LabTask);
      }),
    ),
  );

  server.del(
    '/api/v1/labs/:id/tasks/:taskId',
    route(
      taskRoute(async (call, etag) => {
        const { id, taskId } = TaskParams.parse(call.req.params);
        await labs.board.deleteTask(id, taskId, etag, actorOf(call.identity));
        call.res.send(204);
      }),
    ),
  );

  server.post(
    '/api/v1/labs/:id/milestones',
    route(async (call) => {
      const { id } = LabParams.parse(call.req.params);
      const input = NewMilestoneSchema.parse(call.req.body);
      const milestone = await labs.board.addMilestone(id, input, actorOf(call.identity));
      call.res.status(201);
      call.res.json((await json(call)).milestone(milestone) satisfies Api.LabMilestone);
    }),
  );

  server.patch(
    '/api/v1/labs/:id/milestones/:milestoneId',
    route(async (call) => {
      const { id, milestoneId } = MilestoneParams.parse(call.req.params);
      const change = MilestoneChangeSchema.parse(call.req.body);
      const milestone = await labs.board.changeMilestone(
        id,
        milestoneId,
        change,
        actorOf(call.identity),
      );
      call.res.json((await json(call)).milestone(milestone) satisfies Api.LabMilestone);
    }),
  );

  server.del(
    '/api/v1/labs/:id/milestones/:milestoneId',
    route(async (call) => {
      const { id, milestoneId } = MilestoneParams.parse(call.req.params);
      await labs.board.deleteMilestone(id, milestoneId, actorOf(call.identity));
      call.res.send(204);
    }),
  );

  server.post(
    '/api/v1/labs/:id/notes',
    route(async (call) => {
      const { id } = LabParams.parse(call.req.params);
      const note = await labs.board.addNote(
        id,
        NewNoteSchema.parse(call.req.body),
        actorOf(call.identity),
      );
      call.res.status(201);
      call.res.json((await json(call)).note(note) satisfies Api.LabNote);
    }),
  );

  server.post(
    '/api/v1/labs/:id/updates',
    route(async (call) => {
      const { id } = LabParams.parse(call.req.params);
      const input = NewUpdateSchema.parse(call.req.body);
      const update = await labs.updates.post(id, input, actorOf(call.identity), call.locale);
      call.res.status(201);
      call.res.json((await json(call)).update(update) satisfies Api.LabUpdate);
    }),
  );

  server.post(
    '/api/v1/labs/:id/updates/:updateId/retry',
    route(async (call) => {
      const { id, updateId } = UpdateParams.parse(call.req.params);
      const update = await labs.updates.retry(id, updateId, actorOf(call.identity), call.locale);
      call.res.status(202);
      call.res.json((await json(call)).update(update) satisfies Api.LabUpdate);
    }),
  );
}
