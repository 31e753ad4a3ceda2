import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import restify from 'restify';
import { InboundActivitySchema } from '../bot/adapter';
import type { OiboBot } from '../bot/oibo-bot';
import { translator } from '../core/i18n/translator';
import type { TableStore } from '../core/store/table-store';
import { requestLocale, sendProblem } from '../tab/api/problem';
import { registerTabApi, type TabApiDeps } from '../tab/api/routes';
import { COMPLETIONS_CSV_PATH } from '../tab/api/training.routes';
import { ENTRY_UPLOAD_PATH } from '../tab/api/contests.routes';
import { ATTACHMENT_UPLOAD_PATH } from '../tab/api/posts.routes';
import { checkStore } from './health';
import { jsonBodies, type RefuseBody } from './json-body';
import { securityHeaders } from './security-headers';

export interface HttpDeps {
  adapter: CloudAdapter;
  bot: OiboBot;
  store: TableStore;
  logger: Logger;
  tabApi: Omit<TabApiDeps, 'logger'>;
  /** Strict-Transport-Security on every response (production, behind HTTPS). */
  hsts: boolean;
}

/** Bot activities are small; anything larger is refused before it is parsed. */
const MAX_BODY_BYTES = 256 * 1024;
/** The tab as built by Vite (npm start builds it when stale; `npm run build` into the artifact). */
const TAB_DIR = path.resolve(__dirname, '../tab/web/dist');

/** The built page, whose inline style the tab's Content-Security-Policy allows by hash. */
function tabIndexHtml(): string {
  try {
    return readFileSync(path.join(TAB_DIR, 'index.html'), 'utf8');
  } catch {
    return '';
  }
}

/**
 * The tab API answers a localised problem; the bot endpoint a bare status, as botbuilder does
 * (Bot Framework clients read only the status).
 */
const refuseBody: RefuseBody = (req, res, status) => {
  if (req.getPath().startsWith('/api/v1/')) {
    return sendProblem(res, status, translator(requestLocale(req))(`api.error.${status}`));
  }
  res.status(status);
  res.end();
};

export function createHttpServer({
  adapter,
  bot,
  store,
  logger,
  tabApi,
  hsts,
}: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'oibo', handleUncaughtExceptions: false });
  const started = new WeakMap<restify.Request, number>();
  const headersFor = securityHeaders({ tabIndexHtml: tabIndexHtml(), hsts });

  server.pre((req, res, next) => {
    started.set(req, performance.now());
    res.setHeader('x-request-id', req.getId());
    for (const [name, value] of headersFor(req.getPath())) res.setHeader(name, value);
    next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    jsonBodies(
      MAX_BODY_BYTES,
      refuseBody,
      [COMPLETIONS_CSV_PATH],
      [ENTRY_UPLOAD_PATH, ATTACHMENT_UPLOAD_PATH],
    ),
  );
  server.on('after', (req: restify.Request, res: restify.Response) => {
    const ms = performance.now() - (started.get(req) ?? performance.now());
    logger.info(
      {
        reqId: req.getId(),
        method: req.method,
        path: req.getPath(),
        status: res.statusCode,
        ms: Math.round(ms),
      },
      'request',
    );
  });

  server.post('/api/messages', async (req, res) => {
    if (!InboundActivitySchema.safeParse(req.body).success) return refuseBody(req, res, 400);
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    const health = await checkStore(store);
    res.send(
      health.ok ? 200 : 503,
      health.ok ? { status: 'ok' } : { status: 'unavailable', reason: health.reason },
    );
  });

  registerTabApi(server, { ...tabApi, logger });

  server.get('/tab', (_req, res, next) => {
    res.redirect(301, '/tab/', next);
  });
  server.get('/tab/*', restify.plugins.serveStaticFiles(TAB_DIR));

  return server;
}
