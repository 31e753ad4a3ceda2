import type restify from 'restify';
import { z } from 'zod';
import type { SelectionRound } from '../../core/facilitators/facilitators';
import type { RoundView } from '../../core/facilitators/round-view';
import type { RoundsService } from '../../core/facilitators/rounds.service';
import { adminOnly } from './admin-only';
import type * as Api from './contract';
import { encodeJson, sendEncodedJson, type EncodedJson } from './encoded-json';
import type { Route } from './route';

export interface FacilitatorRoundsApiDeps {
  facilitatorRounds: RoundsService;
}

const MAX_DEPARTMENTS = 1_000;
// Shapes only: the service refuses values out of range with its own localised problems.
const TargetsSchema = z
  .record(z.string().min(1).max(200), z.number())
  .refine((targets) => Object.keys(targets).length <= MAX_DEPARTMENTS, 'too many departments');
const CreateBody = z.strictObject({
  thresholds: z.strictObject({ digitalSkills: z.number(), motivation: z.number() }),
  targets: TargetsSchema.optional(),
  managerApproval: z.boolean().optional(),
});
const TargetsBody = z.strictObject({ targets: TargetsSchema });
const ShortlistBody = z.strictObject({
  action: z.enum(['add', 'remove']),
  objectId: z.uuid(),
  reason: z.string().max(2_000),
});
const IdParams = z.object({ id: z.string().min(1).max(64) });

function summaryJson(round: SelectionRound): Api.FacilitatorRoundSummary {
  return {
    id: round.id,
    createdAt: round.createdAt.toISOString(),
    createdBy: round.createdBy,
    thresholds: round.thresholds,
    targets: round.targets,
    managerApproval: round.managerApproval,
    invitationCampaignId: round.invitationCampaignId ?? null,
    status: round.preparing ? 'preparing' : 'ready',
    progress: round.preparing ?? null,
  };
}

function viewJson({ round, candidates, coverage }: RoundView): Api.FacilitatorRound {
  return {
    ...summaryJson(round),
    candidates: candidates.map((entry) => ({
      objectId: entry.objectId,
      displayName: entry.displayName,
      department: entry.department,
      digitalSkills: entry.digitalSkills,
      motivation: entry.motivation,
      interested: entry.interested,
      reason: entry.reason,
      status: entry.status,
      changedAt: entry.changedAt.toISOString(),
    })),
    coverage,
  };
}

/**
 * Facilitator selection rounds, admins only: create, list, a round's shortlist and coverage
 * map, its targets and hand changes before the invitation (POST …/invitations is the
 * invitations' module). A view is serialised (and gzip-ed) once per version: the service hands
 * back the same object until the round changes, so a read is a cache hit and one write.
 */
export function registerFacilitatorRoundsApi(
  server: restify.Server,
  route: Route,
  deps: FacilitatorRoundsApiDeps,
): void {
  const rounds = deps.facilitatorRounds;
  const encoded = new WeakMap<RoundView, Promise<EncodedJson>>();
  const sendView = async (req: restify.Request, res: restify.Response, view: RoundView) => {
    let body = encoded.get(view);
    if (body === undefined) {
      body = encodeJson(viewJson(view));
      encoded.set(view, body);
    }
    sendEncodedJson(req, res, 200, await body);
  };

  server.post(
    '/api/v1/facilitator-rounds',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const body = CreateBody.parse(req.body ?? {});
        const round = await rounds.create(identity.objectId, body);
        res.status(201);
        res.json({ id: round.id } satisfies Api.CreatedFacilitatorRound);
      }),
    ),
  );

  server.get(
    '/api/v1/facilitator-rounds',
    route(
      adminOnly(async ({ res }) => {
        res.json({
          rounds: (await rounds.list()).map(summaryJson),
        } satisfies Api.FacilitatorRoundList);
      }),
    ),
  );

  server.get(
    '/api/v1/facilitator-rounds/:id',
    route(
      adminOnly(async ({ req, res }) => {
        const { id } = IdParams.parse(req.params);
        await sendView(req, res, await rounds.view(id));
      }),
    ),
  );

  server.patch(
    '/api/v1/facilitator-rounds/:id',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const { id } = IdParams.parse(req.params);
        const { targets } = TargetsBody.parse(req.body ?? {});
        await rounds.changeTargets(identity.objectId, id, targets);
        await sendView(req, res, await rounds.view(id));
      }),
    ),
  );

  server.post(
    '/api/v1/facilitator-rounds/:id/shortlist',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const { id } = IdParams.parse(req.params);
        const change = ShortlistBody.parse(req.body ?? {});
        await rounds.changeShortlist(identity.objectId, id, change);
        await sendView(req, res, await rounds.view(id));
      }),
    ),
  );
}
