import type restify from 'restify';
import { z } from 'zod';
import { departmentOf, formatOrgUnitPath } from '../../core/directory/person';
import { REASON, type CommunityService } from '../../core/facilitators/community.service';
import type { AbuseLimits } from '../../core/util/abuse-limits';
import { authorize } from './auth/identity';
import type * as Api from './contract';
import type { Route } from './route';

export interface FacilitatorsApiDeps {
  community: CommunityService;
  limits: AbuseLimits;
}

const RoundParams = z.object({ id: z.string().min(1).max(100) });
const PersonParams = z.object({ objectId: z.uuid().toLowerCase() });
const RevocationBody = z.strictObject({
  reason: z.string().trim().min(REASON.min).max(REASON.max),
}) satisfies z.ZodType<Api.FacilitatorRevocation>;

/**
 * The facilitator community after selection: a round's invitation and a revocation (admins), a
 * person's consent withdrawal (their own) and the facilitators near the caller (everyone).
 */
export function registerFacilitatorsApi(
  server: restify.Server,
  route: Route,
  deps: FacilitatorsApiDeps,
): void {
  // Records the campaign's id on the round before marking anyone: a retry continues it; 409 once
  // it exists, 404 for an unknown round, 422 when nobody is proposed.
  server.post(
    '/api/v1/facilitator-rounds/:id/invitations',
    route(async ({ identity, req, res }) => {
      authorize(identity, 'admin');
      const { id } = RoundParams.parse(req.params);
      deps.limits.admit('campaignStart', identity.objectId);
      const invited = await deps.community.invite(id, identity.objectId);
      res.status(202);
      res.json(invited satisfies Api.FacilitatorInvitations);
    }),
  );

  server.post(
    '/api/v1/facilitators/:objectId/revocation',
    route(async ({ identity, req, res }) => {
      authorize(identity, 'admin');
      const { objectId } = PersonParams.parse(req.params);
      const { reason } = RevocationBody.parse(req.body ?? {});
      await deps.community.revoke(objectId, identity.objectId, reason);
      res.status(204);
      res.end();
    }),
  );

  server.del(
    '/api/v1/me/facilitator-consent',
    route(async ({ identity, res }) => {
      const withdrawal = await deps.community.withdrawConsent(identity.objectId);
      res.json(withdrawal satisfies Api.FacilitatorConsentWithdrawal);
    }),
  );

  server.get(
    '/api/v1/facilitators/near-me',
    route(async ({ identity, res }) => {
      const { person } = identity;
      if (!person) {
        res.json({
          scope: 'department',
          unit: null,
          facilitators: [],
        } satisfies Api.FacilitatorsNearMe);
        return;
      }
      const near = await deps.community.near(person);
      res.json({
        scope: near.scope === 'area' ? 'area' : 'department',
        unit: formatOrgUnitPath(near.unit),
        facilitators: near.facilitators.map((f) => ({
          objectId: f.objectId!,
          displayName: f.displayName,
          department: departmentOf(f),
          unit: f.orgUnitPath,
          upn: f.upn ?? null,
        })),
      } satisfies Api.FacilitatorsNearMe);
    }),
  );
}
