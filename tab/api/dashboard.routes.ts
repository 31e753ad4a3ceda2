import type restify from 'restify';
import { z } from 'zod';
import type { Dashboard } from '../../core/dashboard/dashboard';
import { isWithin } from '../../core/privacy/org-tree';
import { AuthError } from './auth/auth-error';
import { authorize, type Identity } from './auth/identity';
import type * as Api from './contract';
import type { Route } from './route';

export interface DashboardApiDeps {
  dashboard: Pick<Dashboard, 'campaigns' | 'heatmap' | 'trend'>;
}

/** Campaign ids are slugs ("digital-mindset-v1"): anything else is a bad request, not a lookup. */
const CampaignId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/);
/** A unit's path, one `unit` parameter per level (`unit=Area&unit=Settore`). */
const UnitPath = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(z.string().min(1).max(256)).min(1).max(10),
);
const TrendQuery = z.strictObject({ unit: UnitPath.optional() });
const HeatmapQuery = z.strictObject({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  unit: UnitPath.optional(),
  campaign: CampaignId.optional(),
  compare: CampaignId.optional(),
});

/** Admins see the whole organisation; a manager their own subtree, and nothing without one. */
export function scopeOf(identity: Identity): readonly string[] {
  authorize(identity, 'manager');
  const scope = identity.roles.includes('admin') ? [] : identity.managerScope;
  if (!scope) throw new AuthError('forbidden');
  return scope;
}

/**
 * The managers' dashboard: the assessment campaigns with results, and the strengths heat map of
 * one of them, optionally beside another, one level below the caller's scope or below a unit of
 * it, and a unit's trend over every round. An unknown campaign is a 404 problem, a unit outside the scope a 403.
 */
export function registerDashboardApi(
  server: restify.Server,
  route: Route,
  { dashboard }: DashboardApiDeps,
): void {
  server.get(
    '/api/v1/dashboard/campaigns',
    route(async ({ identity, res }) => {
      res.json((await dashboard.campaigns(scopeOf(identity))) satisfies Api.DashboardCampaigns);
    }),
  );

  server.get(
    '/api/v1/dashboard/heatmap',
    route(async ({ identity, req, res }) => {
      const scope = scopeOf(identity);
      const { depth, campaign, compare, unit } = HeatmapQuery.parse(req.query ?? {});
      // A manager opens units of their own subtree only.
      if (unit && !isWithin(unit, scope)) throw new AuthError('forbidden');
      res.json(
        (await dashboard.heatmap({ campaign, compare, scope, unit, depth })) satisfies Api.Heatmap,
      );
    }),
  );

  server.get(
    '/api/v1/dashboard/trend',
    route(async ({ identity, req, res }) => {
      const scope = scopeOf(identity);
      const { unit } = TrendQuery.parse(req.query ?? {});
      if (unit && !isWithin(unit, scope)) throw new AuthError('forbidden');
      res.json((await dashboard.trend({ scope, unit })) satisfies Api.Trend);
    }),
  );
}
