import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config';
import type { PlaygroundHandle } from './playground';
import { startTelemetry } from './telemetry';
import { observeCampaigns } from './telemetry-campaigns';
import { OVERVIEW_REFRESH_MS } from '../core/overview/overview-refresh';

/** sysexits' EX_UNAVAILABLE: a service the app needs (its embedded store) is gone. */
const EXIT_STORE_LOST = 69;

/** How often each instance publishes the aggregates that have gathered enough new answers. */
const PUBLISH_EVERY_MS = 10_000;
/** How often each instance checks whether the daily retention purge is due (a lease read). */
const RETENTION_CHECK_EVERY_MS = 10 * 60_000;
/** How often each instance checks whether this month's training nudge has gone (a lease read). */
const NUDGE_CHECK_EVERY_MS = 60 * 60_000;
/** How often each instance looks for facilitator rounds left preparing (a crash). */
const ROUND_PREPARATION_CHECK_EVERY_MS = 30_000;
/** How often each instance looks for queued channel posts (labs' updates and summaries). */
const CHANNEL_POSTS_EVERY_MS = 1_000;
/** How often each instance checks whether this week's lab summaries are queued (a lease read). */
const LAB_SUMMARIES_CHECK_EVERY_MS = 5 * 60_000;
/** How often surveys write their ready steps of answers, close on their date and remind. */
const SURVEY_TICK_EVERY_MS = 60_000;
/** How often the ideas' vote counts left behind by a crash are recounted (one instance). */
const IDEA_TALLIES_EVERY_MS = 60_000;
/** How often contests whose voting has ended are closed (results, winner announced). */
const CONTEST_TICK_EVERY_MS = 60_000;

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: Config;
  try {
    config = loadConfig(process.env, { isTty: process.stdout.isTTY === true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78);
  }
  // Instrumentations patch http, undici and pino as they load: the app is loaded after them.
  const telemetry = await startTelemetry(config.telemetry);
  const [app, { watchEmbeddedStore }, { seedDemoData }, { createLogger }, { startPlayground }] =
    await Promise.all([
      import('./app.js'),
      import('./azurite.js'),
      import('./demo-data.js'),
      import('./logger.js'),
      import('./playground.js'),
    ]);
  const {
    createBotServer,
    createChannelPoster,
    createDeliveryEngine,
    createServices,
    createTabAuthenticator,
    openStore,
  } = app;
  const logger = createLogger(config.log);
  if (config.botAuth.mode === 'local') {
    logger.warn(
      'local mode: the bot endpoint does not authenticate requests (set MicrosoftAppId to enable)',
    );
  }

  const opened = await openStore(config.store);
  const services = createServices(opened.store, config);
  const moved = await services.conversationRefs.migrateLegacyPersonal();
  if (moved > 0) logger.info({ moved }, 'personal chat references moved to their people partition');
  if (config.seedDemoData) await seedDemoData(services, logger);
  observeCampaigns(services.campaigns);

  const server = createBotServer(
    {
      botAuth: config.botAuth,
      authenticate: createTabAuthenticator(config, services),
      hsts: config.env === 'production',
    },
    services,
    logger,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    await opened.close();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new Error(
      inUse
        ? `Port ${config.port} is already in use: stop the other process or set PORT.`
        : String(error),
      {
        cause: error,
      },
    );
  }
  const botUrl = `http://${config.host}:${server.address().port}`;
  const delivery = createDeliveryEngine(services, config.botAuth, logger);
  delivery.start();
  services.publisher.start(PUBLISH_EVERY_MS, (error) =>
    logger.error({ err: error }, 'publishing the aggregates failed; retrying at the next round'),
  );
  services.retention.start(RETENTION_CHECK_EVERY_MS, (error) =>
    logger.error(
      { err: error },
      'the retention purge failed; it runs again when its daily lease lapses',
    ),
  );

  services.trainingNudge.start(NUDGE_CHECK_EVERY_MS, (error) =>
    logger.error({ err: error }, 'the monthly training nudge failed; it is tried again next hour'),
  );
  services.roundPreparation.start(ROUND_PREPARATION_CHECK_EVERY_MS, (error) =>
    logger.error(
      { err: error },
      'preparing a facilitator round failed; it is prepared again once its lease lapses',
    ),
  );

  const channelPoster = createChannelPoster(services, config.botAuth);
  channelPoster.start(CHANNEL_POSTS_EVERY_MS, (error) =>
    logger.error({ err: error }, 'posting to channels failed; the posts stay queued'),
  );
  services.labs.weekly.start(LAB_SUMMARIES_CHECK_EVERY_MS, (error) =>
    logger.error({ err: error }, 'queueing the weekly lab summaries failed; tried again soon'),
  );
  services.surveys.start(SURVEY_TICK_EVERY_MS, (error) =>
    logger.error({ err: error }, 'the surveys round failed; it runs again next minute'),
  );
  services.ideas.tallies.start(IDEA_TALLIES_EVERY_MS, (error) =>
    logger.error(
      { err: error },
      'reconciling the vote counts of ideas failed; it runs again next minute',
    ),
  );
  services.ideas.changes.start(IDEA_TALLIES_EVERY_MS, (error) =>
    logger.error(
      { err: error },
      'finishing unfinished changes of ideas failed; they are finished again next minute',
    ),
  );
  services.contests.start(CONTEST_TICK_EVERY_MS, (error) =>
    logger.error({ err: error }, 'closing ended contests failed; tried again next minute'),
  );
  services.overviewRefresh.start(OVERVIEW_REFRESH_MS, (error) =>
    logger.error({ err: error }, 'refreshing the overview failed; it runs again next round'),
  );

  // The in-memory lists of ideas and posts load now, not on someone's first request.
  Promise.all([
    services.ideas.defaultCall().then((call) => call && services.ideas.views.of(call.id)),
    services.posts.view.fresh(),
  ]).catch((error: unknown) =>
    logger.warn({ err: error }, 'loading the ideas and posts failed; the first request loads them'),
  );

  let playground: PlaygroundHandle | undefined;
  if (config.playground.enabled) {
    playground = await startPlayground({
      botEndpoint: `${botUrl}/api/messages`,
      port: config.playground.port,
      dataDir: config.dataDir,
      env: process.env,
      logger,
    });
  }

  let stopping = false;
  const stop = async (cause: { signal: string } | { lostAzuritePid: number }): Promise<void> => {
    if (stopping) return;
    stopping = true;
    stopWatchingStore();
    const storeLost = 'lostAzuritePid' in cause;
    if (storeLost) {
      logger.error(
        { azuritePid: cause.lostAzuritePid, dataDir: config.dataDir },
        'the embedded store (Azurite) stopped unexpectedly: óiBO stops rather than run on ' +
          'without it; writes it had not yet saved may be lost. Start again with npm start.',
      );
    } else {
      logger.info(cause, 'stopping');
      // Steps in flight finish and their shards are handed back before the store goes; without a
      // store they cannot be, and their leases lapse as after a crash.
      await Promise.all([
        delivery.stop(),
        services.publisher.stop(),
        services.retention.stop(),
        services.trainingNudge.stop(),
        services.roundPreparation.stop(),
        channelPoster.stop(),
        services.labs.weekly.stop(),
        services.surveys.stop(),
        services.ideas.tallies.stop(),
        services.ideas.changes.stop(),
        services.contests.stop(),
        services.overviewRefresh.stop(),
      ]);
    }
    // Requests in flight are answered (and their writes acknowledged) before the store stops.
    await Promise.allSettled([
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
      playground ? playground.stop() : Promise.resolve(),
    ]);
    // What is buffered is sent while the store can still answer the last metric readings.
    await telemetry.shutdown();
    try {
      await opened.close();
    } catch (error) {
      logger.error({ err: error }, 'the store did not stop cleanly');
      process.exit(1);
    }
    process.exit(storeLost ? EXIT_STORE_LOST : 0);
  };
  const stopWatchingStore =
    config.store.kind === 'embedded'
      ? await watchEmbeddedStore(config.store.dataDir, (pid) => void stop({ lostAzuritePid: pid }))
      : () => {};
  process.on('SIGINT', (signal) => void stop({ signal }));
  process.on('SIGTERM', (signal) => void stop({ signal }));

  // Ready only once a signal stops the app cleanly: one sent at the ready line must not kill it.
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  printBanner({ botUrl, playgroundUrl: playground?.url, seconds, logger });
}

function printBanner(info: {
  botUrl: string;
  playgroundUrl: string | undefined;
  seconds: string;
  logger: Logger;
}): void {
  const lines = [
    '',
    `  óiBO is ready (${info.seconds} s)`,
    ...(info.playgroundUrl ? [`  Teams client (Agents Playground): ${info.playgroundUrl}`] : []),
    `  Tab:                              ${info.botUrl}/tab/`,
    `  Bot endpoint:                     ${info.botUrl}/api/messages`,
    `  Health:                           ${info.botUrl}/healthz`,
    '  Press Ctrl-C to stop.',
    '',
  ];
  info.logger.info(
    {
      startupSeconds: Number(info.seconds),
      botUrl: info.botUrl,
      playgroundUrl: info.playgroundUrl,
    },
    'ready',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
