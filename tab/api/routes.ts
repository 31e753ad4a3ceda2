import type { Logger } from 'pino';
import type restify from 'restify';
import { z } from 'zod';
import { DomainError } from '../../core/errors';
import { translator, type MessageKey } from '../../core/i18n/translator';
import { isAuthError } from './auth/auth-error';
import type { Authenticator } from './auth/authenticator';
import type { Handler, Route } from './route';
import { requestLocale, sendProblem } from './problem';

export interface TabApiDeps {
  authenticate: Authenticator;
  logger: Logger;
  /** Every feature's routes (`server/registry.ts`), bound to their services. */
  routes: readonly ((server: restify.Server, route: Route) => void)[];
}

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
        return sendProblem(res, error.status, error.describe(t), {
          code: error.code,
          ...error.problemDetails(t),
        });
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

  for (const register of deps.routes) register(server, route);
}
