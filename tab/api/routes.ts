import type { Logger } from 'pino';
import type restify from 'restify';
import { z } from 'zod';
import { DomainError } from '../../core/errors';
import { translator, type MessageKey } from '../../core/i18n/translator';
import { isAuthError } from './auth/auth-error';
import type { Authenticator } from './auth/authenticator';
import { registerAuditApi, type AuditApiDeps } from './audit.routes';
import { registerCampaignsApi, type CampaignsApiDeps } from './campaigns.routes';
import { registerDashboardApi, type DashboardApiDeps } from './dashboard.routes';
import {
  registerFacilitatorRoundsApi,
  type FacilitatorRoundsApiDeps,
} from './facilitator-rounds.routes';
import { registerFacilitatorsApi, type FacilitatorsApiDeps } from './facilitators.routes';
import { registerMeApi, type MeApiDeps } from './me.routes';
import type { Handler } from './route';
import { requestLocale, sendProblem } from './problem';

export type TabApiDeps = MeApiDeps &
  CampaignsApiDeps &
  DashboardApiDeps &
  FacilitatorRoundsApiDeps &
  AuditApiDeps &
  FacilitatorsApiDeps & {
    authenticate: Authenticator;
    logger: Logger;
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
      if (error instanceof DomainError) {
        if (error.retryAfterSeconds !== undefined) {
          res.setHeader('retry-after', String(error.retryAfterSeconds));
        }
        return sendProblem(res, error.status, error.describe(t), { code: error.code });
      }
      if (error instanceof z.ZodError) {
        return sendProblem(res, 400, t('api.error.400'), {
          errors: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
      deps.logger.error({ err: error, path: req.getPath() }, 'tab api failed');
      return sendProblem(res, 500, t('api.error.500'));
    }
  };

  registerMeApi(server, route, deps);
  registerDashboardApi(server, route, deps);
  registerCampaignsApi(server, route, deps);
  registerFacilitatorRoundsApi(server, route, deps);
  registerAuditApi(server, route, deps);
  registerFacilitatorsApi(server, route, deps);
}
