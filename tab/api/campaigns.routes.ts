import type restify from 'restify';
import { z } from 'zod';
import { invitationTo } from '../../core/assessment/assessment-messages';
import type { AssessmentService } from '../../core/assessment/assessment.service';
import { AudienceSchema, type Campaign } from '../../core/delivery/campaign';
import type { CampaignCompletions, Completions } from '../../core/delivery/campaign-completions';
import type { CampaignService, CampaignStatus } from '../../core/delivery/campaign.service';
import type { OrgUnitsRepository } from '../../core/directory/org-units.repository';
import type { AbuseLimits } from '../../core/util/abuse-limits';
import { adminOnly } from './admin-only';
import { authorize } from './auth/identity';
import type * as Api from './contract';
import type { Route } from './route';

export interface CampaignsApiDeps {
  campaigns: CampaignService;
  assessment: Pick<AssessmentService, 'campaignId'>;
  completions: Pick<CampaignCompletions, 'of'>;
  orgUnits: Pick<OrgUnitsRepository, 'list'>;
  limits: AbuseLimits;
}

const StartBody = z.strictObject({ audience: AudienceSchema });
const RemindBody = z.strictObject({
  afterHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 90),
});
const IdParams = z.object({ id: z.string().min(1).max(64) });
/** Message kinds are slugs (`assessment`, `facilitator-invitation`); `kind` may repeat. */
const ListQuery = z.strictObject({
  kind: z
    .preprocess(
      (value) => (typeof value === 'string' ? [value] : value),
      z
        .array(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/))
        .min(1)
        .max(20),
    )
    .optional(),
});

function campaignJson(c: Campaign, remindable: boolean): Api.Campaign {
  return {
    id: c.id,
    kind: c.kind,
    remindable,
    state: c.state,
    audience: c.audience,
    notBefore: c.notBefore.toISOString(),
    createdAt: c.createdAt.toISOString(),
    startedAt: c.startedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
  };
}

function statusJson(
  s: CampaignStatus,
  remindable: boolean,
  completions: Completions,
): Api.CampaignStatus {
  return {
    ...campaignJson(s.campaign, remindable),
    counts: s.counts,
    audienceRead: s.audienceRead,
    expectedTotal: s.expectedTotal ?? null,
    progress: s.progress,
    etaSeconds: s.etaSeconds ?? null,
    sending: s.sending,
    completions,
  };
}

/**
 * The programme team's campaign controls, admins only: the same operations as
 * `npm run admin -- campaign …`. Refusals (empty audience, wrong state) are problem+json.
 */
export function registerCampaignsApi(
  server: restify.Server,
  route: Route,
  deps: CampaignsApiDeps,
): void {
  const json = (c: Campaign) => campaignJson(c, deps.campaigns.remindable(c.kind));

  server.get(
    '/api/v1/campaigns',
    route(
      adminOnly(async ({ req, res }) => {
        const { kind } = ListQuery.parse(req.query ?? {});
        const campaigns = await deps.campaigns.list();
        res.json({
          campaigns: (kind ? campaigns.filter((c) => kind.includes(c.kind)) : campaigns).map(json),
        } satisfies Api.CampaignList);
      }),
    ),
  );

  // Admins choose departments for a campaign; facilitators too, for a post's announcement.
  server.get(
    '/api/v1/campaigns/departments',
    route(async ({ identity, res }) => {
      authorize(identity, 'facilitator');
      const units = await deps.orgUnits.list();
      res.json({
        departments: units.filter((u) => u.path.length === 1).map((u) => u.path[0]!),
      } satisfies Api.Departments);
    }),
  );

  server.post(
    '/api/v1/campaigns',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const { audience } = StartBody.parse(req.body ?? {});
        deps.limits.admit('campaignStart', identity.objectId);
        const campaign = await deps.campaigns.start({
          ...invitationTo(deps.assessment.campaignId),
          audience,
          createdBy: identity.objectId,
        });
        res.status(201);
        res.json(json(campaign));
      }),
    ),
  );

  // Before confirming: how many the invitation would reach, skip or miss. Writes nothing.
  server.post(
    '/api/v1/campaigns/preview',
    route(
      adminOnly(async ({ req, res }) => {
        const { audience } = StartBody.parse(req.body ?? {});
        const preview: Api.CampaignPreview = await deps.campaigns.preview({
          ...invitationTo(deps.assessment.campaignId),
          audience,
        });
        res.json(preview);
      }),
    ),
  );

  server.get(
    '/api/v1/campaigns/:id',
    route(
      adminOnly(async ({ req, res }) => {
        const { id } = IdParams.parse(req.params);
        const status = await deps.campaigns.status(id);
        res.json(
          statusJson(
            status,
            deps.campaigns.remindable(status.campaign.kind),
            await deps.completions.of(status.campaign),
          ),
        );
      }),
    ),
  );

  // Who needs the app installed before they can be reached (docs/proactive-install.md): names
  // and UPNs for IT, so admins only, like every route here.
  server.get(
    '/api/v1/campaigns/:id/unreachable',
    route(
      adminOnly(async ({ req, res }) => {
        const { id } = IdParams.parse(req.params);
        const people = await deps.campaigns.unreachable(id);
        res.json({
          people: people.map((p) => ({
            id: p.personId,
            name: p.displayName ?? null,
            upn: p.upn ?? null,
            department: p.department ?? null,
          })),
        } satisfies Api.UnreachablePeople);
      }),
    ),
  );

  for (const action of ['pause', 'resume', 'cancel'] as const) {
    server.post(
      `/api/v1/campaigns/:id/${action}`,
      route(
        adminOnly(async ({ req, res }) => {
          const { id } = IdParams.parse(req.params);
          res.json(json(await deps.campaigns[action](id)));
        }),
      ),
    );
  }

  server.post(
    '/api/v1/campaigns/:id/reminders',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const { id } = IdParams.parse(req.params);
        const { afterHours } = RemindBody.parse(req.body ?? {});
        deps.limits.admit('campaignStart', identity.objectId);
        const reminder = await deps.campaigns.remind(id, afterHours * 3_600_000, identity.objectId);
        res.status(201);
        res.json(json(reminder));
      }),
    ),
  );
}
