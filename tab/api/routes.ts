import type { Logger } from 'pino';
import type restify from 'restify';
import { z } from 'zod';
import type { AssessmentService } from '../../core/assessment/assessment.service';
import type { Questionnaire } from '../../core/assessment/questionnaire';
import { departmentOf } from '../../core/directory/person';
import { translator, type MessageKey } from '../../core/i18n/translator';
import type { PrivacyService } from '../../core/privacy/privacy.service';
import {
  CampaignError,
  describeProblem,
  type CampaignProblem,
} from '../../core/delivery/campaign.service';
import { isAuthError } from './auth/auth-error';
import type { Authenticator } from './auth/authenticator';
import { registerCampaignsApi, type CampaignsApiDeps } from './campaigns.routes';
import { UnknownCampaignError } from './dashboard';
import { PublicationBusyError } from '../../core/privacy/publication';
import { registerDashboardApi, type DashboardApiDeps } from './dashboard.routes';
import type { Handler } from './route';
import { requestLocale, sendProblem } from './problem';

export interface TabApiDeps extends CampaignsApiDeps, DashboardApiDeps {
  authenticate: Authenticator;
  assessment: AssessmentService;
  questionnaire: Questionnaire;
  privacy: PrivacyService;
  logger: Logger;
}

const PROBLEM_STATUS: Record<CampaignProblem['code'], number> = {
  unknownCampaign: 404,
  notAllowed: 409,
  emptyAudience: 422,
  unknownDepartments: 422,
  notRemindable: 422,
};

/**
 * The JSON API of the tab, under /api/v1. Every route authenticates (Entra SSO token, or a demo
 * identity locally) before anything else; errors are localised problem+json.
 */
export function registerTabApi(server: restify.Server, deps: TabApiDeps): void {
  const route = (handler: Handler) => async (req: restify.Request, res: restify.Response) => {
    const locale = requestLocale(req);
    const t = translator(locale);
    try {
      const identity = await deps.authenticate(req.headers);
      await handler({ identity, locale, req, res });
    } catch (error) {
      if (isAuthError(error)) {
        if (error.status === 401) res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
        return sendProblem(res, error.status, t(`api.error.${error.status}` as MessageKey), {
          reason: error.reason,
        });
      }
      if (error instanceof CampaignError) {
        return sendProblem(
          res,
          PROBLEM_STATUS[error.problem.code],
          describeProblem(t, error.problem),
          {
            code: error.problem.code,
          },
        );
      }
      if (error instanceof UnknownCampaignError) {
        return sendProblem(res, 404, t('dashboard.unknownCampaign'), { code: 'unknownCampaign' });
      }
      if (error instanceof PublicationBusyError) {
        res.setHeader('retry-after', '5');
        return sendProblem(res, 503, t('api.error.503'));
      }
      if (error instanceof z.ZodError) {
        return sendProblem(res, 400, t('api.error.400'), {
          errors: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
      deps.logger.error(
        {
          err: { name: (error as Error).name, message: (error as Error).message },
          path: req.getPath(),
        },
        'tab api failed',
      );
      return sendProblem(res, 500, t('api.error.500'));
    }
  };

  server.get(
    '/api/v1/me',
    route(async ({ identity, res }) => {
      const { person } = identity;
      res.json({
        objectId: identity.objectId,
        displayName: person?.displayName ?? null,
        department: person ? departmentOf(person) : null,
        orgUnitPath: person?.orgUnitPath ?? null,
        roles: identity.roles,
        locale: person?.locale ?? null,
      });
    }),
  );

  server.get(
    '/api/v1/me/results',
    route(async ({ identity, locale, res }) => {
      const view = await deps.assessment.result(identity.objectId);
      if (view?.kind !== 'result')
        return sendProblem(res, 404, translator(locale)('assessment.noResult'));
      const q = deps.questionnaire;
      const dimension = (id: string) => q.dimensions.find((d) => d.id === id);
      const band = (id: string | null) =>
        id ? (q.bands.find((b) => b.id === id)?.label[locale] ?? id) : null;
      res.json({
        questionnaire: { id: q.id, version: q.version, title: q.title[locale] },
        submittedAt: view.submittedAt.toISOString(),
        dimensions: view.result.dimensions.map((d) => ({
          id: d.dimension,
          name: dimension(d.dimension)?.name[locale] ?? d.dimension,
          score: d.score,
          band: d.band,
          bandLabel: band(d.band),
        })),
        strengths: view.highlights.strengths.map((s) => s.dimension),
        growth: view.highlights.growth.map((g) => ({
          dimension: g.dimension,
          suggestion: g.suggestion.text[locale],
        })),
      });
    }),
  );

  server.get(
    '/api/v1/me/data',
    route(async ({ identity, res }) => {
      res.setHeader('content-disposition', 'attachment; filename="oibo-my-data.json"');
      res.json(await deps.privacy.export(identity.objectId));
    }),
  );

  server.del(
    '/api/v1/me/data',
    route(async ({ identity, res }) => {
      await deps.privacy.erase(identity.objectId);
      res.status(204);
      res.end();
    }),
  );

  registerDashboardApi(server, route, deps);
  registerCampaignsApi(server, route, deps);
}
